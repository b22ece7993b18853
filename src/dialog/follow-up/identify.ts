/**
 * Finding the case: the one this conversation verified or filed, a pick from the
 * citizen's own cases, or a case number with its 8-digit query code. A wrong code
 * and an unknown number get the same answer, so nobody can probe which cases exist.
 */
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { t } from '../catalog/index.ts';
import { button, say } from '../replies.ts';
import type { Button, ConversationState, Effect, EffectEvent, FollowUpState, Locale, Reply, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { caseNumberIn, FOLLOW_UP_INTENTS, intentOf, isDigression, queryCodeIn } from './answers.ts';
import { formatDate, statusName } from './case-view.ts';
import { settle, step } from './state.ts';

/** How long look-ups pause after too many failures (the store's lockout policy). */
export const LOOKUP_PAUSE_MINUTES = 15;
/** Failed answers after which the citizen gets an example and the offer of a person. */
const FAILURES_BEFORE_HELP = 2;

const helpButtons = (l: Locale): Button[] => [button(l, 'btnHuman', 'cmd:human'), button(l, 'btnCancel', 'cmd:cancel')];

/** Opens a case the conversation may see without a code; the event answers. */
function open(state: ConversationState, fu: FollowUpState, effect: Extract<Effect, { type: 'open_own_case' | 'reopen_case' }>): TurnResult {
  return step(state, { ...settle(fu), caseNumber: effect.caseNumber }, [], [effect]);
}

/** Where a follow-up starts when the message names no case. */
export function identifyWithoutNumber(state: ConversationState, fu: FollowUpState): TurnResult {
  if (fu.verifiedCase) return open(state, fu, { type: 'reopen_case', caseNumber: fu.verifiedCase });
  const own = state.lastSubmitted?.caseNumber;
  if (own) return open(state, fu, { type: 'open_own_case', caseNumber: own });
  return step(state, settle(fu), [], [{ type: 'list_my_cases' }]);
}

/** A case number the citizen typed: opened at once when this conversation owns or verified it, else the code is needed. */
export function identifyTyped(state: ConversationState, fu: FollowUpState, caseNumber: string, text: string): TurnResult {
  if (caseNumber === fu.verifiedCase) return open(state, fu, { type: 'reopen_case', caseNumber });
  if (caseNumber === state.lastSubmitted?.caseNumber) return open(state, fu, { type: 'open_own_case', caseNumber });
  const next: FollowUpState = { ...fu, caseNumber, verifiedCase: null, reviewUntil: null };
  const queryCode = queryCodeIn(text);
  if (queryCode) return step(state, settle(next), [], [{ type: 'lookup_case', caseNumber, queryCode }]);
  return step(state, { ...next, awaiting: 'queryCode' }, [say(state.locale, 'fuAskQueryCode')]);
}

export const askCaseNumber = (state: ConversationState, fu: FollowUpState): TurnResult =>
  step(state, { ...fu, awaiting: 'caseNumber', caseNumber: null }, [say(state.locale, 'fuAskCaseNumber')]);

/** The answer while a case number, a code or a pick from the list is awaited. */
export function answerIdentify(state: ConversationState, fu: FollowUpState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  const text = input.text?.trim() ?? '';
  const typed = caseNumberIn(input, ctx, true);
  if (typed) return identifyTyped(state, fu, typed, text);
  if (fu.awaiting === 'queryCode' && fu.caseNumber) {
    const queryCode = queryCodeIn(text);
    if (queryCode) return step(state, settle(fu), [], [{ type: 'lookup_case', caseNumber: fu.caseNumber, queryCode }]);
  }
  if (!text) return null;
  const intent = intentOf(ctx);
  const action = intent ? FOLLOW_UP_INTENTS[intent] : undefined;
  if (action) return step(state, { ...fu, action }, [reask(state.locale, fu)]);
  if (isDigression(ctx)) return null;
  return failed(state, fu, fu.awaiting === 'queryCode' ? 'fuBadQueryCode' : 'fuBadCaseNumber');
}

/** The open question again (after a digression, or when the answer was not one). */
function reask(l: Locale, fu: FollowUpState): Reply {
  return say(l, fu.awaiting === 'queryCode' ? 'fuAskQueryCode' : 'fuAskCaseNumber');
}

/** A failed answer: the specific hint, and after two failures an example and the offer of a person. */
function failed(state: ConversationState, fu0: FollowUpState, hint: 'fuBadQueryCode' | 'fuBadCaseNumber' | 'fuNotVerified'): TurnResult {
  const l = state.locale;
  const fu = { ...fu0, failures: fu0.failures + 1 };
  if (fu.failures < FAILURES_BEFORE_HELP) return step(state, fu, [say(l, hint)]);
  return step(state, fu, [say(l, hint), say(l, 'fuLookupHelp', undefined, helpButtons(l))]);
}

function choiceList(state: ConversationState, fu: FollowUpState, items: Extract<EffectEvent, { type: 'my_cases' }>['items'], ctx: TurnContext): TurnResult {
  const l = state.locale;
  const buttons = items.map((c) => ({
    label: t(l, 'fuCaseButton', { caseNumber: c.caseNumber, status: statusName(c.status, l), date: formatDate(c.createdAt, ctx.county, l) }),
    payload: `case:${c.caseNumber}`,
  }));
  buttons.push(button(l, 'fuBtnOtherCase', 'case:other'));
  return step(state, { ...fu, awaiting: 'choice' }, [say(l, 'fuChooseCase', undefined, buttons)]);
}

/** The events of identification: the list of own cases and a refused look-up. */
export function identifyEvent(state: ConversationState, fu: FollowUpState, event: EffectEvent, ctx: TurnContext): TurnResult | null {
  const l = state.locale;
  switch (event.type) {
    case 'my_cases': {
      const [only, ...more] = event.items;
      if (!only) return askCaseNumber(state, fu);
      if (more.length === 0) return open(state, fu, { type: 'open_own_case', caseNumber: only.caseNumber });
      return choiceList(state, fu, event.items, ctx);
    }
    case 'case_not_verified': {
      const next: FollowUpState = { ...settle(fu), caseNumber: null, verifiedCase: null, reviewUntil: null };
      if (event.locked) {
        return step(state, next, [say(l, 'fuLocked', { minutes: LOOKUP_PAUSE_MINUTES }, helpButtons(l).slice(0, 1))]);
      }
      return failed(state, { ...next, awaiting: 'caseNumber' }, 'fuNotVerified');
    }
    default:
      return null;
  }
}

/** A `case:<number>` or `case:other` button. */
export function casePayload(state: ConversationState, fu: FollowUpState, value: string): TurnResult | null {
  if (value === 'other') return askCaseNumber(state, { ...fu, verifiedCase: null, reviewUntil: null });
  const caseNumber = normalizeCaseNumber(value);
  return caseNumber ? open(state, fu, { type: 'open_own_case', caseNumber }) : null;
}

/** The open identification question, for the engine to ask again after a digression. */
export function identifyReprompt(state: ConversationState, fu: FollowUpState): Reply[] {
  return fu.awaiting === 'caseNumber' || fu.awaiting === 'queryCode' ? [reask(state.locale, fu)] : [];
}
