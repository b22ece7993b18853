/**
 * The engine's entry for grid workers and for the chat-account binding commands.
 * `/bind <code>` (also `/start bind-<code>`) and `/unbind` work for anyone; a bound
 * grid worker (ctx.grid, looked up by the app) gets the screening report instead of
 * the citizen's intake, and their grid's reports instead of "my cases"; everything
 * else (the guide, a person) is the citizen dispatch, passed in as `fallback`.
 */
import { result, say } from '../replies.ts';
import type { ConversationState, EffectEvent, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { intentOf } from '../intake/intake-payloads.ts';
import { gridEventReply } from './events.ts';
import { handleScreeningMessage, screeningQuestion, startScreening } from './form.ts';
import { gridButtons } from './questions.ts';

export type Fallback = (state: ConversationState, input: TurnInput) => TurnResult;

type Slash = { name: 'bind'; arg: string } | { name: 'unbind' | 'report' | 'reports'; arg: string };

const SLASH = /^\/(bind|unbind|reports|report|start)(?:@\w+)?(?:[\s_]+([\s\S]*))?$/i;

/** A typed slash command of the grid feature, or null. */
export function slashCommand(text: string | null): Slash | null {
  const m = SLASH.exec(text?.trim() ?? '');
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const arg = (m[2] ?? '').trim();
  if (name === 'start') {
    const code = /^bind-([A-Za-z0-9]{4,32})$/.exec(arg)?.[1];
    return code ? { name: 'bind', arg: code } : null;
  }
  return { name: name as Slash['name'], arg };
}

export function handleScreeningTurn(state: ConversationState, input: TurnInput, ctx: TurnContext, fallback: Fallback): TurnResult | null {
  const slash = slashCommand(input.text);
  if (slash) return runSlash(state, slash, ctx);
  if (!ctx.grid) return null;
  const s = markRisk(state, ctx);
  if (s.screening) {
    const r = handleScreeningMessage(s, input, ctx);
    if (r) return r;
    return withReprompt(input.payload?.startsWith('grid:') ? gridMenu(s, input, ctx, fallback) : gridFallback(s, input, ctx, fallback), s, ctx);
  }
  return gridMenu(s, input, ctx, fallback);
}

export function handleScreeningEvent(state: ConversationState, event: EffectEvent, ctx: TurnContext): TurnResult | null {
  return gridEventReply(state, event, ctx);
}

function runSlash(state: ConversationState, slash: Slash, ctx: TurnContext): TurnResult {
  const l = state.locale;
  if (slash.name === 'bind') {
    const code = slash.arg.replace(/[\s-]/g, '');
    if (!code) return result(state, [say(l, 'scrBindUsage')]);
    return result(state, [], [{ type: 'bind_staff', code: code.slice(0, 64) }]);
  }
  if (slash.name === 'unbind') return result(state, [], [{ type: 'unbind_staff' }]);
  if (!ctx.grid) return result(state, [say(l, 'scrGridOnly')]);
  if (slash.name === 'reports') return result(state, [], [{ type: 'list_grid_reports' }]);
  return startScreening(state, slash.arg || null, ctx);
}

/** An open report remembers a risk message; the case is flagged when it is committed. */
function markRisk(state: ConversationState, ctx: TurnContext): ConversationState {
  const risky = ctx.nlu?.risk?.level === 'risk';
  return risky && state.screening && !state.screening.riskFlag ? { ...state, screening: { ...state.screening, riskFlag: true } } : state;
}

function gridMenu(state: ConversationState, input: TurnInput, ctx: TurnContext, fallback: Fallback): TurnResult {
  const l = state.locale;
  const grid = ctx.grid!;
  const welcome = () => result({ ...state, misunderstood: 0 }, [say(l, 'scrWelcome', { username: grid.username, township: grid.township }, gridButtons(l))]);
  const help = () => result({ ...state, misunderstood: 0 }, [say(l, 'scrHelp', undefined, gridButtons(l))]);
  const p = input.payload;
  if (p === 'grid:report' || p === 'cmd:petition') return startScreening(state, null, ctx);
  if (p === 'grid:reports' || p === 'cmd:status') return result(state, [], [{ type: 'list_grid_reports' }]);
  if (p?.startsWith('grid:open:')) return result(state, [], [{ type: 'open_grid_report', caseNumber: p.slice(10, 40) }]);
  if (p === 'cmd:start') return welcome();
  if (p === 'cmd:help') return help();
  if (p === 'scr:confirm' && state.lastReport) return result(state, [say(l, 'scrAlreadySubmitted', { caseNumber: state.lastReport.caseNumber })]);
  if (!p && input.text?.trim()) {
    const intent = intentOf(ctx, 0.5);
    if (intent === 'petition_start') return startScreening(state, input.text, ctx);
    if (intent === 'case_status') return result(state, [], [{ type: 'list_grid_reports' }]);
    if (intent === 'greet') return welcome();
    if (intent === 'help') return help();
  }
  return gridFallback(state, input, ctx, fallback);
}

/** The citizen dispatch's answer, but a grid worker's menu where it did not understand. */
function gridFallback(state: ConversationState, input: TurnInput, ctx: TurnContext, fallback: Fallback): TurnResult {
  const r = fallback(state, input);
  if (r.state.misunderstood <= state.misunderstood) return r;
  return result({ ...r.state, misunderstood: 0 }, [say(state.locale, 'scrMisunderstood', undefined, gridButtons(state.locale))]);
}

function withReprompt(r: TurnResult, before: ConversationState, ctx: TurnContext): TurnResult {
  if (!r.state.screening || r.state.screening.id !== before.screening?.id || r.state.expecting === 'staff') return r;
  return { ...r, replies: [...r.replies, say(before.locale, 'scrBack'), ...screeningQuestion(r.state, ctx)] };
}
