/**
 * The conversation engine: (state, input, context) → (state, replies, effects).
 * Pure: no I/O, no clock but ctx.now. An active form (intake, follow-up) gets the
 * message first; what it does not take is answered by intent (a digression), after
 * which the form asks its open question again.
 */
import type { IntentName } from '../nlu/intents.ts';
import { channelText, guideText, type GuideTopic } from './guide.ts';
import { handleIntakeEvent, handleIntakeMessage, intakeReprompt, proceed, startIntake } from './intake/intake-form.ts';
import { followUpReprompt, handleFollowUpEvent, handleFollowUpMessage, startFollowUp } from './follow-up/follow-up.ts';
import { button, menuButtons, result, say } from './replies.ts';
import type { ConversationState, EffectEvent, Reply, TurnContext, TurnInput, TurnResult } from './types.ts';
import { isOfficeHours } from '../domain/office-hours.ts';
import { flagRiskDrafts, markRisk, riskOfTurn, withRisk } from './risk.ts';
import { handleScreeningEvent, handleScreeningTurn, slashCommand } from './screening/index.ts';
import { followUpAnswerTurn } from './follow-up/follow-up-answer.ts';

/** Below this, an intent is treated as not understood. */
export const MIN_CONFIDENCE = 0.5;

const GUIDE_INTENTS: Partial<Record<IntentName, GuideTopic>> = {
  guide_procedure: 'procedure',
  guide_conduct: 'conduct',
  guide_rights: 'rights',
};

export function handleMessage(state0: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  // Early warning first: calm words and a person, then the message as usual.
  // A grid worker reporting a risk is not the person at risk: the report is flagged instead.
  const risk = ctx.grid ? null : riskOfTurn(state0, input, ctx);
  const state = risk ? markRisk(state0) : state0;
  const r = flagRiskDrafts(resumeIntake(dispatch(state, input, ctx), ctx), state.intake);
  if (!risk) return r;
  return withRisk(state, r, risk, requestHandoff(r.state, 'risk', ctx), ctx);
}

function dispatch(state0: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  // A bare slash command ("/bind 12345678") says nothing about the language.
  const state = { ...state0, locale: input.locale ?? (slashCommand(input.text) ? null : ctx.nlu?.locale) ?? state0.locale };
  // A person holds the chat: the bot stays silent; the caller relays the message.
  if (state.expecting === 'staff') return result(state, []);
  // Binding commands, and a bound grid worker's screening report (src/dialog/screening).
  return handleScreeningTurn(state, input, ctx, (s, i) => citizenDispatch(s, i, ctx)) ?? citizenDispatch(state, input, ctx);
}

function citizenDispatch(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  // The 30-day follow-up question's answer: its button at any time, a typed yes/no when nothing else is asked.
  const followUpAnswer = followUpAnswerTurn(state, input);
  if (followUpAnswer) return followUpAnswer;

  if (state.intake) {
    const r = handleIntakeMessage(state, input, ctx);
    if (r) return r;
  }
  if (state.followUp) {
    const r = handleFollowUpMessage(state, input, ctx);
    if (r) return r;
  }
  const command = input.payload ? commandOf(input.payload) : null;
  if (command) return withResume(runCommand(state, command, input, ctx), state, ctx);
  if (!input.text?.trim()) return withResume(misunderstood(state), state, ctx);
  return withResume(byIntent(state, input, ctx), state, ctx);
}

export function handleEvent(state: ConversationState, event: EffectEvent, ctx: TurnContext): TurnResult {
  let r = handleScreeningEvent(state, event, ctx) ?? handleIntakeEvent(state, event, ctx) ?? handleFollowUpEvent(state, event, ctx) ?? result(state, []);
  // A side-trip to another case that failed gives way to the petition being filed.
  if (event.type === 'case_not_verified' && r.state.intake) {
    const key = event.locked ? 'sideTripLocked' : 'sideTripNotFound';
    r = { state: { ...r.state, followUp: null, expecting: null }, replies: [say(state.locale, key)], effects: r.effects };
  }
  return resumeIntake(r, ctx);
}

/**
 * A petition left open while the citizen did something else (checked another case,
 * asked for a person): once nothing else waits for an answer, go back to it.
 */
function resumeIntake(r: TurnResult, ctx: TurnContext): TurnResult {
  const s = r.state;
  if (!s.intake || s.expecting !== null || r.effects.some((e) => e.type !== 'request_handoff' && e.type !== 'record_outcome')) return r;
  const back = proceed(s, ctx, [say(s.locale, 'back')]);
  return { state: back.state, replies: [...r.replies, ...back.replies], effects: [...r.effects, ...back.effects] };
}

type Command = IntentName | 'petition' | 'status' | 'unsupported';

function commandOf(payload: string): Command | null {
  const map: Record<string, Command> = {
    'cmd:start': 'greet',
    // A channel's message without words (voice, sticker, location).
    'cmd:unsupported': 'unsupported',
    'cmd:petition': 'petition',
    'cmd:status': 'status',
    'cmd:cancel': 'cancel',
    'cmd:human': 'handoff_human',
    'cmd:help': 'help',
    'guide:procedure': 'guide_procedure',
    'guide:conduct': 'guide_conduct',
    'guide:rights': 'guide_rights',
  };
  return map[payload] ?? null;
}

function runCommand(state: ConversationState, command: Command, input: TurnInput, ctx: TurnContext): TurnResult {
  if (command === 'petition') return startIntake(state, { ...input, text: null }, ctx);
  if (command === 'status') return startFollowUp(state, 'status', { ...input, text: null }, ctx);
  if (command === 'unsupported') return result(state, [say(state.locale, 'unsupportedMessage')]);
  return answerIntent(state, command, input, ctx);
}

function byIntent(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  const nlu = ctx.nlu;
  if (!nlu || nlu.intent.confidence < MIN_CONFIDENCE) return misunderstood(state);
  return answerIntent(state, nlu.intent.name, input, ctx);
}

function answerIntent(state0: ConversationState, intent: IntentName, input: TurnInput, ctx: TurnContext): TurnResult {
  const state = { ...state0, misunderstood: 0 };
  const l = state.locale;
  const guide = GUIDE_INTENTS[intent];
  if (guide) return result(state, [{ text: guideText(ctx.county, guide, l) }]);
  switch (intent) {
    case 'greet':
      return result(state, [say(l, 'welcome', { county: ctx.county.county.name[l] }, state.intake ? undefined : menuButtons(l))]);
    case 'help':
      return result(state, [say(l, 'help', undefined, menuButtons(l))]);
    case 'thanks':
      return result(state, [say(l, 'thanks')]);
    case 'goodbye':
      return result(state, [say(l, 'goodbye')]);
    case 'petition_start':
      return startIntake(state, input, ctx);
    case 'case_status':
      return startFollowUp(state, 'status', input, ctx);
    case 'case_supplement':
      return startFollowUp(state, 'supplement', input, ctx);
    case 'complaint_review':
      return startFollowUp(state, 'review', input, ctx);
    case 'handoff_human':
      return requestHandoff(state, 'requested', ctx);
    case 'cancel':
      return result(state, [say(l, 'nothingToCancel', undefined, menuButtons(l))]);
    case 'affirm':
      if (state.lastSubmitted) {
        const { caseNumber, queryCode } = state.lastSubmitted;
        return result(state, [say(l, 'alreadySubmitted', { caseNumber, queryCode })]);
      }
      return result(state, [say(l, 'neutralAck', undefined, menuButtons(l))]);
    case 'deny':
      return result(state, [say(l, 'neutralAck', undefined, menuButtons(l))]);
    default:
      return misunderstood(state0);
  }
}

function misunderstood(state0: ConversationState): TurnResult {
  const state = { ...state0, misunderstood: state0.misunderstood + 1 };
  const l = state.locale;
  if (state.misunderstood >= 2) {
    return result(state, [say(l, 'misunderstoodTwice', undefined, [button(l, 'btnHuman', 'cmd:human'), ...menuButtons(l).slice(0, 3)])]);
  }
  return result(state, [say(l, 'misunderstood', undefined, menuButtons(l))]);
}

/** Hands the chat to staff: honest about whether anyone is on duty now. */
export function requestHandoff(state: ConversationState, reason: 'requested' | 'risk' | 'fallback', ctx: TurnContext): TurnResult {
  const l = state.locale;
  if (state.handoff) return result(state, [say(l, 'handoffAlready')]);
  const availability = isOfficeHours(ctx.now, ctx.county)
    ? say(l, 'handoffOnDuty').text
    : say(l, 'handoffOffDuty', { hours: guideText(ctx.county, 'officeHours', l) }).text;
  const next = { ...state, misunderstood: 0, handoff: { reason, at: ctx.now.toISOString() } };
  return result(next, [say(l, 'handoffRequested', { availability })], [{ type: 'request_handoff', reason }]);
}

/** After a digression inside a form, ask the form's open question again. */
function withResume(r: TurnResult, before: ConversationState, ctx: TurnContext): TurnResult {
  let again: Reply[] = [];
  // Only when the open question is still the intake's: another form may have asked its own.
  if (before.intake && r.state.intake?.id === before.intake.id && r.state.expecting === before.expecting) again = intakeReprompt(r.state, ctx);
  else if (before.followUp?.awaiting && r.state.followUp?.awaiting === before.followUp.awaiting) again = followUpReprompt(r.state);
  return again.length > 0 ? { ...r, replies: [...r.replies, ...again] } : r;
}

export { channelText };
export type { Reply };
