/**
 * The grid worker's side outside the report form: the binding commands
 * (`/bind <code>`, `/start bind-<code>`, `/unbind`, for anyone) and a bound worker's
 * menu — a report instead of a citizen's petition, their grid's reports instead
 * of "my cases". Everything else is the citizen's dispatch, passed in as `fallback`.
 */
import { result, say } from '../../replies.ts';
import type { ConversationState, TurnContext, TurnInput, TurnResult } from '../../types.ts';
import { startScreening } from './screening-form.ts';
import { gridButtons } from './menu.ts';

export type Fallback = (state: ConversationState, input: TurnInput) => TurnResult;

type Slash = { name: 'bind' | 'unbind' | 'report' | 'reports'; arg: string };

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

export function runSlash(state: ConversationState, slash: Slash, ctx: TurnContext): TurnResult {
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

/** A bound worker's message when no form takes it: the grid menu, else the citizen dispatch. */
export function gridMenu(state: ConversationState, input: TurnInput, ctx: TurnContext, fallback: Fallback): TurnResult {
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
  if ((p === 'scr:confirm' || p === 'confirm:yes') && state.lastReport) return result(state, [say(l, 'scrAlreadySubmitted', { caseNumber: state.lastReport.caseNumber })]);
  if (!p && input.text?.trim()) {
    const intent = ctx.nlu && ctx.nlu.intent.confidence >= 0.5 ? ctx.nlu.intent.name : null;
    if (intent === 'petition_start') return startScreening(state, input.text, ctx);
    if (intent === 'case_status') return result(state, [], [{ type: 'list_grid_reports' }]);
    if (intent === 'greet') return welcome();
    if (intent === 'help') return help();
  }
  const r = fallback(state, input);
  if (r.state.misunderstood <= state.misunderstood) return r;
  return result({ ...r.state, misunderstood: 0 }, [say(l, 'scrMisunderstood', undefined, gridButtons(l))]);
}
