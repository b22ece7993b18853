/**
 * The citizen's follow-up of a case (journey 3): status, material, rating, review.
 * Pure: the case is found and changed through effects (lookup_case, open_own_case,
 * reopen_case, list_my_cases, add_supplement, rate_case, request_review) whose
 * events come back through `handleFollowUpEvent`.
 *
 * Buttons: `case:<number>` / `case:other` pick a case; `fu:supplement`, `fu:review`,
 * `fu:rate:<stage>` start an action on the verified case; `rate:<stage>:<rating>`
 * rates it. `followup:<caseNumber>:yes|no` answers the 30-day follow-up question
 * (follow-up-answer.ts).
 */
import { say } from '../replies.ts';
import type { ConversationState, EffectEvent, FollowUpAction, FollowUpState, Reply, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { actionEvent, actionPayload, answerFreeText, answerRating, caseOpened, ratePayload, ratingButtons } from './actions.ts';
import { caseNumberIn, isCancel } from './answers.ts';
import { answerIdentify, casePayload, identifyEvent, identifyReprompt, identifyTyped, identifyWithoutNumber } from './identify.ts';
import { freshFollowUp, step } from './state.ts';
import { followUpAnswerEvent } from './follow-up-answer.ts';

/** Free-text answers are long; a cancel there must be a short message, not a word inside the material. */
const SHORT_CANCEL_LENGTH = 16;

export function startFollowUp(state: ConversationState, action: FollowUpAction, input: TurnInput, ctx: TurnContext): TurnResult {
  const fu = freshFollowUp(action, state.followUp);
  const typed = caseNumberIn(input, ctx);
  if (typed) return identifyTyped(state, fu, typed, input.text ?? '');
  return identifyWithoutNumber(state, fu);
}

/** The follow-up's answer to a message, or null when the message is not for it. */
export function handleFollowUpMessage(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  const fu = state.followUp;
  if (!fu) return null;
  if (fu.awaiting && isCancel(input, ctx) && cancelMeant(fu, input)) {
    return step(state, null, [say(state.locale, 'fuCancelled')]);
  }
  if (input.payload) return onPayload(state, fu, input.payload, ctx);
  switch (fu.awaiting) {
    case 'choice':
    case 'caseNumber':
    case 'queryCode':
      return answerIdentify(state, fu, input, ctx);
    case 'supplement':
    case 'reviewReason':
      return answerFreeText(state, fu, input, ctx);
    case 'satisfaction':
      return answerRating(state, fu, input, ctx);
    default:
      return null;
  }
}

function cancelMeant(fu: FollowUpState, input: TurnInput): boolean {
  if (input.payload) return true;
  const freeText = fu.awaiting === 'supplement' || fu.awaiting === 'reviewReason';
  return !freeText || (input.text ?? '').trim().length <= SHORT_CANCEL_LENGTH;
}

function onPayload(state: ConversationState, fu: FollowUpState, payload: string, ctx: TurnContext): TurnResult | null {
  const [kind, ...rest] = payload.split(':');
  const value = rest.join(':');
  if (kind === 'case') return casePayload(state, fu, value);
  if (kind === 'fu') {
    if (!fu.verifiedCase) return startFollowUp(state, actionOfPayload(value), { text: null, payload: null, locale: null }, ctx);
    return actionPayload(state, fu, value);
  }
  if (kind === 'rate') {
    if (!fu.verifiedCase) return startFollowUp(state, 'rate', { text: null, payload: null, locale: null }, ctx);
    const [stage = '', rating = ''] = rest;
    return ratePayload(state, fu, stage, rating);
  }
  return null;
}

function actionOfPayload(value: string): FollowUpAction {
  if (value === 'supplement' || value === 'review') return value;
  return value.startsWith('rate') ? 'rate' : 'status';
}

/** The follow-up's answer to an effect's event, or null when the event is not a follow-up one. */
export function handleFollowUpEvent(state: ConversationState, event: EffectEvent, ctx: TurnContext): TurnResult | null {
  if (event.type === 'petition_submitted') return null;
  const answered = followUpAnswerEvent(state, event, ctx);
  if (answered) return answered;
  const fu = state.followUp ?? freshFollowUp('status', null);
  if (event.type === 'case_opened') return caseOpened(state, fu, event.view, ctx);
  return identifyEvent(state, fu, event, ctx) ?? actionEvent(state, fu, event, ctx);
}

/**
 * The open follow-up question again, for the engine to append after it answered a
 * digression (as it does for the intake form); empty when nothing is awaited.
 */
export function followUpReprompt(state: ConversationState): Reply[] {
  const fu = state.followUp;
  if (!fu?.awaiting) return [];
  const l = state.locale;
  switch (fu.awaiting) {
    case 'supplement':
      return [say(l, 'fuAskSupplement')];
    case 'reviewReason':
      return [say(l, 'fuAskReviewReason')];
    case 'satisfaction':
      return fu.rateStage
        ? [say(l, fu.rateStage === 'acceptance' ? 'fuAskRatingAcceptance' : 'fuAskRatingHandling', undefined, ratingButtons(l, fu.rateStage))]
        : [];
    default:
      return identifyReprompt(state, fu);
  }
}
