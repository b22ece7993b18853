/**
 * What a citizen does with a verified case: add material, rate a stage, request a
 * review. The use cases check every rule again; the dialogue only asks what makes
 * sense for the case as it was shown.
 */
import { isOpenStatus } from '../../domain/case/lifecycle.ts';
import { button, say } from '../replies.ts';
import type { Button, ConversationState, EffectEvent, FollowUpState, Locale, PublicCaseView, Rating, Reply, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { DIGRESSIONS, intentOf, MAX_TEXT_LENGTH, ratingIn } from './answers.ts';
import { actionButtons, caseViewText, formatDate, ratableStage, reviewOpenText, reviewWindow, statusName } from './case-view.ts';
import { settle, step } from './state.ts';

type Stage = 'acceptance' | 'handling';

/** A free-text answer (material, a reason) is a digression only when short and clearly meant otherwise. */
const FREE_TEXT_DIGRESSION_CONFIDENCE = 0.8;
const FREE_TEXT_DIGRESSION_LENGTH = 30;
/** Asking about a case is also no rating, material or reason. */
const RATING_DIGRESSIONS = new Set<string>([...DIGRESSIONS, 'case_status', 'case_supplement', 'complaint_review']);
// A short "thanks" while material or a reason is awaited is kept as the answer, not a digression.
const FREE_TEXT_DIGRESSIONS = new Set([...RATING_DIGRESSIONS].filter((i) => i !== 'thanks'));
/** "我要补充材料" while the material is awaited announces it; it is not the material. */
const ANNOUNCES: Readonly<Record<string, string>> = { supplement: 'case_supplement', reviewReason: 'complaint_review' };

export function ratingButtons(l: Locale, stage: Stage): Button[] {
  return [
    button(l, 'fuBtnSatisfied', `rate:${stage}:satisfied`),
    button(l, 'fuBtnBasicallySatisfied', `rate:${stage}:basically_satisfied`),
    button(l, 'fuBtnDissatisfied', `rate:${stage}:dissatisfied`),
  ];
}

const askRating = (l: Locale, stage: Stage): Reply =>
  say(l, stage === 'acceptance' ? 'fuAskRatingAcceptance' : 'fuAskRatingHandling', undefined, ratingButtons(l, stage));

/** A case was opened: remember it, show it, and go on with what the citizen came for. */
export function caseOpened(state: ConversationState, fu0: FollowUpState, view: PublicCaseView, ctx: TurnContext): TurnResult {
  const l = state.locale;
  const window = reviewWindow(view, ctx.now, ctx.county);
  const fu: FollowUpState = {
    ...settle(fu0),
    caseNumber: view.caseNumber,
    verifiedCase: view.caseNumber,
    failures: 0,
    reviewUntil: window?.open ? window.until.toISOString() : null,
  };
  const text = caseViewText(view, ctx.now, ctx.county, l);
  switch (fu.action) {
    case 'status': {
      const actions = actionButtons(view, ctx.now, ctx.county, l);
      const shown = actions.length > 0 ? `${text}\n\n${say(l, 'fuNextSteps').text}` : text;
      return step(state, fu, [{ text: shown, buttons: [...actions, button(l, 'fuBtnOtherCase', 'case:other')] }]);
    }
    case 'supplement':
      if (!isOpenStatus(view.status)) return step(state, fu, [{ text }, say(l, 'fuSupplementNotOpen', { status: statusName(view.status, l) })]);
      return step(state, { ...fu, awaiting: 'supplement' }, [{ text }, say(l, 'fuAskSupplement')]);
    case 'review':
      return step(state, ...reviewGate(fu, view, ctx, text, l));
    case 'rate': {
      const stage = ratableStage(view);
      if (!stage) return step(state, fu, [{ text }, say(l, 'fuNothingToRate')]);
      return step(state, { ...fu, awaiting: 'satisfaction', rateStage: stage }, [{ text }, askRating(l, stage)]);
    }
  }
}

/** A review may be asked only after the reply, within the window, and once. */
function reviewGate(fu: FollowUpState, view: PublicCaseView, ctx: TurnContext, text: string, l: Locale): [FollowUpState, Reply[]] {
  const shown = { text };
  if (view.status === 'review_requested' || view.reviewRequestedAt) return [fu, [shown, say(l, 'fuReviewAlready')]];
  const window = reviewWindow(view, ctx.now, ctx.county);
  if (!window) return [fu, [shown, say(l, 'fuReviewNotReplied')]];
  if (!window.open) return [fu, [shown, say(l, 'fuReviewWindowClosed', { date: formatDate(window.until, ctx.county, l) })]];
  return [{ ...fu, awaiting: 'reviewReason' }, [shown, say(l, 'fuAskReviewReason')]];
}

/** A `fu:<action>` button on a verified case: ask what the action needs. */
export function actionPayload(state: ConversationState, fu: FollowUpState, action: string): TurnResult | null {
  const l = state.locale;
  if (action === 'supplement') return step(state, { ...fu, action: 'supplement', awaiting: 'supplement' }, [say(l, 'fuAskSupplement')]);
  if (action === 'review') return step(state, { ...fu, action: 'review', awaiting: 'reviewReason' }, [say(l, 'fuAskReviewReason')]);
  if (action === 'rate:acceptance' || action === 'rate:handling') {
    const stage = action.slice(5) as Stage;
    return step(state, { ...fu, action: 'rate', awaiting: 'satisfaction', rateStage: stage }, [askRating(l, stage)]);
  }
  return null;
}

const RATINGS: readonly string[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/** A `rate:<stage>:<rating>` button on a verified case. */
export function ratePayload(state: ConversationState, fu: FollowUpState, stage: string, rating: string): TurnResult | null {
  if ((stage !== 'acceptance' && stage !== 'handling') || !RATINGS.includes(rating) || !fu.verifiedCase) return null;
  return step(state, settle(fu), [], [{ type: 'rate_case', caseNumber: fu.verifiedCase, stage, rating: rating as Rating }]);
}

function isFreeTextDigression(text: string, ctx: TurnContext, kinds: ReadonlySet<string>): boolean {
  const i = ctx.nlu?.intent;
  return !!i && i.confidence >= FREE_TEXT_DIGRESSION_CONFIDENCE && text.length <= FREE_TEXT_DIGRESSION_LENGTH && kinds.has(i.name);
}

/** The material or the review reason, one message of 1 to 4,000 characters. */
export function answerFreeText(state: ConversationState, fu: FollowUpState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  const l = state.locale;
  const text = input.text?.trim() ?? '';
  const supplement = fu.awaiting === 'supplement';
  if (text && isFreeTextDigression(text, ctx, FREE_TEXT_DIGRESSIONS)) {
    if (ctx.nlu?.intent.name !== ANNOUNCES[fu.awaiting ?? '']) return null;
    return step(state, fu, [say(l, supplement ? 'fuAskSupplement' : 'fuAskReviewReason')]);
  }
  if (!text) return step(state, fu, [say(l, supplement ? 'fuSupplementEmpty' : 'fuReasonEmpty')]);
  if (text.length > MAX_TEXT_LENGTH) return step(state, fu, [say(l, supplement ? 'fuSupplementTooLong' : 'fuReasonTooLong')]);
  if (!fu.verifiedCase) return null;
  const caseNumber = fu.verifiedCase;
  return step(state, settle(fu), [], [supplement ? { type: 'add_supplement', caseNumber, text } : { type: 'request_review', caseNumber, reason: text }]);
}

/** A rating typed as words or as the number of its button. */
export function answerRating(state: ConversationState, fu: FollowUpState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  const text = input.text?.trim() ?? '';
  const rating = text ? ratingIn(text) : null;
  if (rating && fu.rateStage) return ratePayload(state, fu, fu.rateStage, rating);
  if (!text) return null;
  const intent = intentOf(ctx);
  if (intent && RATING_DIGRESSIONS.has(intent)) return null;
  const l = state.locale;
  return step(state, fu, [say(l, 'fuRatingNotUnderstood', undefined, ratingButtons(l, fu.rateStage ?? 'handling'))]);
}

/** The events that answer an action. */
export function actionEvent(state: ConversationState, fu0: FollowUpState, event: EffectEvent, ctx: TurnContext): TurnResult | null {
  const l = state.locale;
  const fu = settle(fu0);
  switch (event.type) {
    case 'supplement_added':
      return step(state, fu, [say(l, 'fuSupplementAdded', { caseNumber: event.caseNumber }, [button(l, 'fuBtnMoreMaterial', 'fu:supplement')])]);
    case 'case_rated':
      return step(state, fu, rated(l, fu, event.stage, event.rating, ctx));
    case 'rating_refused':
      return step(state, fu, [say(l, event.reason === 'already_rated' ? 'fuRatingAlready' : 'fuRatingNotYet')]);
    case 'review_requested':
      return step(state, { ...fu, reviewUntil: null }, [
        say(l, 'fuReviewRequested', { caseNumber: event.caseNumber, days: ctx.county.deadlines.reviewAnswerDays }),
      ]);
    case 'review_refused':
      return step(state, fu, [refusedReview(l, event, ctx)]);
    default:
      return null;
  }
}

function rated(l: Locale, fu: FollowUpState, stage: Stage, rating: Rating, ctx: TurnContext): Reply[] {
  if (rating !== 'dissatisfied') return [say(l, 'fuRated')];
  const open = stage === 'handling' && fu.reviewUntil !== null && ctx.now.getTime() <= Date.parse(fu.reviewUntil);
  if (!open || !fu.reviewUntil) return [say(l, 'fuRatedDissatisfied')];
  return [
    say(l, 'fuRatedDissatisfied'),
    { text: reviewOpenText(fu.reviewUntil, ctx.county, l), buttons: [button(l, 'fuBtnRequestReview', 'fu:review')] },
  ];
}

function refusedReview(l: Locale, event: Extract<EffectEvent, { type: 'review_refused' }>, ctx: TurnContext): Reply {
  if (event.reason === 'already_requested') return say(l, 'fuReviewAlready');
  if (event.reason === 'window_closed' && event.dueAt) {
    return say(l, 'fuReviewWindowClosed', { date: formatDate(event.dueAt, ctx.county, l) });
  }
  return say(l, 'fuReviewNotReplied');
}
