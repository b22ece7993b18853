/**
 * The citizen's answer to the callback question (回访) the bot pushes 30 days after
 * a reply: "is the matter resolved?". Pure. A button `followup:<caseNumber>:yes|no`
 * or a short yes/no typed when no form waits for an answer becomes the effect
 * `answer_follow_up`; the app checks the case is this conversation's and was asked
 * about (typed: that the question is the last thing the citizen has not answered),
 * records the answer once and comes back with an event.
 *
 * A "no" while the review window is open offers the review (复查) path: the case is
 * then the conversation's verified case, as for one opened from "my cases" (the app
 * checked it belongs to this conversation).
 */
import { foldWidth } from '../nlu/extractors/text.ts';
import { button, menuButtons, result, say } from './replies.ts';
import type { ConversationState, CallbackAnswerEvent, Reply, TurnContext, TurnInput, TurnResult } from './types.ts';
import { formatDate, reviewOpenText } from './forms/case-lookup/citizen-case-view.ts';

type Answer = 'yes' | 'no';

const PAYLOAD = /^followup:([A-Za-z0-9]{1,32}):(yes|no)$/;
const TRAILING = /[\s。.!！~～,，]+$/;
const YES = /^(是|是的|对|对的|嗯|嗯嗯|解决了|已解决|已经解决|已经解决了|解决了的|问题解决了|好了|yes|yep|yeah|resolved|solved|it is resolved|it's resolved|yes,? (it is |it's )?resolved)$/i;
const NO = /^(否|不是|没有|没|没解决|没有解决|没解决好|还没|还没有|还没解决|还没有解决|未解决|没有呢|no|nope|not yet|not resolved( yet)?|no,? (it is |it's )?not resolved( yet)?)$/i;

/** A whole message that answers yes or no to "is it resolved?"; null for anything else. */
export function callbackAnswerIn(text: string): Answer | null {
  const s = foldWidth(text).trim().replace(TRAILING, '');
  if (NO.test(s)) return 'no';
  if (YES.test(s)) return 'yes';
  return null;
}

/** The turn for a callback answer (button, or typed while nothing else is asked), else null. */
export function callbackAnswerTurn(state: ConversationState, input: TurnInput): TurnResult | null {
  if (input.payload) {
    const m = PAYLOAD.exec(input.payload);
    if (!m) return null;
    return result(state, [], [{ type: 'answer_follow_up', caseNumber: m[1]!.toUpperCase(), answer: m[2] as Answer }]);
  }
  // Typed: only when no form waits for its own answer (a "是" may be a consent or a confirmation).
  if (state.forms.length > 0 || state.expecting !== null) return null;
  const answer = input.text ? callbackAnswerIn(input.text) : null;
  return answer ? result(state, [], [{ type: 'answer_follow_up', caseNumber: null, answer }]) : null;
}

function noReplies(state: ConversationState, e: Extract<CallbackAnswerEvent, { type: 'follow_up_recorded' }>, ctx: TurnContext): Reply[] {
  const l = state.locale;
  if (e.review === 'open' && e.reviewUntil) {
    return [{ text: `${say(l, 'callbackReviewOffer').text}\n${reviewOpenText(e.reviewUntil, ctx.county, l)}`, buttons: [button(l, 'lookupBtnRequestReview', 'fu:review')] }];
  }
  if (e.review === 'requested') return [say(l, 'lookupReviewAlready')];
  const date = e.reviewUntil ? formatDate(e.reviewUntil, ctx.county, l) : null;
  return [say(l, date ? 'callbackWindowPassed' : 'callbackPerson', date ? { date } : undefined, [button(l, 'btnHuman', 'cmd:human')])];
}

/** The callback answer's events; null for any other event. */
export function callbackAnswerEvent(state: ConversationState, event: { type: string }, ctx: TurnContext): TurnResult | null {
  const l = state.locale;
  const e = event as CallbackAnswerEvent;
  switch (e.type) {
    case 'follow_up_not_found':
      return result(state, [say(l, 'callbackNotFound', undefined, menuButtons(l))]);
    case 'follow_up_not_pending':
      // No question was waiting: the yes/no is answered as the engine answers affirm/deny.
      if (e.answer === 'yes' && state.lastSubmitted) {
        return result(state, [say(l, 'alreadySubmitted', { caseNumber: state.lastSubmitted.caseNumber, queryCode: state.lastSubmitted.queryCode })]);
      }
      return result(state, [say(l, 'neutralAck', undefined, menuButtons(l))]);
    case 'follow_up_recorded': {
      const head = e.already ? say(l, 'callbackAlready', { caseNumber: e.caseNumber }) : null;
      if (e.resolved) return result(state, [head ?? say(l, 'callbackThanks', { caseNumber: e.caseNumber })]);
      const first = head ?? say(l, 'callbackNoted', { caseNumber: e.caseNumber });
      const verified = { caseNumber: e.caseNumber, reviewUntil: e.review === 'open' ? e.reviewUntil : null };
      return result({ ...state, verified }, [first, ...noReplies(state, e, ctx)]);
    }
    default:
      return null;
  }
}
