/**
 * What a citizen does with a verified case — add material, rate a stage, request a
 * review — each a one-step form on the engine. The use cases check every rule
 * again; the dialogue only asks what makes sense for the case as it was shown.
 */
import { isOpenStatus } from '../../../domain/case/lifecycle.ts';
import { startForm } from '../../form/run-form.ts';
import type { FormContext, FormSpec, Reading, Step } from '../../form/spec.ts';
import { button, result, say } from '../../replies.ts';
import type { Button, ConversationState, EffectEvent, CaseLookupAction, FormName, FormState, Locale, PublicCaseView, Rating, Reply, TurnContext, TurnResult } from '../../types.ts';
import { DIGRESSIONS, CASE_LOOKUP_INTENTS, MAX_TEXT_LENGTH, ratingIn } from './answers.ts';
import { actionButtons, caseViewText, formatDate, ratableStage, reviewOpenText, reviewWindow, statusName } from './citizen-case-view.ts';

type Stage = 'acceptance' | 'handling';
const RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

export function ratingButtons(l: Locale, stage: Stage): Button[] {
  return [
    button(l, 'lookupBtnSatisfied', `rate:${stage}:satisfied`),
    button(l, 'lookupBtnBasicallySatisfied', `rate:${stage}:basically_satisfied`),
    button(l, 'lookupBtnDissatisfied', `rate:${stage}:dissatisfied`),
  ];
}

const caseOf = (f: FormState) => f.meta['caseNumber'] as string;
const pop = (state: ConversationState, form: FormState): ConversationState => ({ ...state, forms: state.forms.filter((f) => f.id !== form.id) });

type FreeText = 'supplement' | 'reviewReason';

/** "我要补充材料" while the material is awaited announces it (the question again, not a wrong answer); it is not the material. */
const ANNOUNCE: Readonly<Record<FreeText, RegExp>> = {
  supplement: /^(?:我)?(?:要|想)?(?:给|为)?(?:刚才的?|这个|那个)?(?:XF\d{12}|案子|案件)?(?:的)?(?:补充|补交|提交|上传|发)(?:一下|点|些)?(?:材料|证据|情况)?[。.!！]*$|^(?:i (?:want|would like) to )?add (?:some )?(?:material|evidence|information)[.!]*$/i,
  reviewReason: /^(?:我)?(?:要|想)?(?:申请)?复查(?:一下)?[。.!！]*$|^(?:i (?:want|would like) to )?(?:request|ask for|apply for) a review[.!]*$/i,
};
/** What material and reasons read as: never a sign that they are meant otherwise. */
const OWN_INTENT: Readonly<Record<FreeText, string>> = { supplement: 'case_supplement', reviewReason: 'complaint_review' };
/** Material and reasons are long: only a short message clearly meant otherwise is not one ("查一下进度", "你好"); a short "thanks" is kept. */
const OTHERWISE_CONFIDENCE = 0.8;
const OTHERWISE_LENGTH = 30;

function meantOtherwise(name: FreeText, text: string, ctx: FormContext): boolean {
  const i = ctx.nlu?.intent;
  if (!i || i.confidence < OTHERWISE_CONFIDENCE || text.length > OTHERWISE_LENGTH || i.name === 'thanks' || i.name === OWN_INTENT[name]) return false;
  // Material tells more of the matter: it reads as a story ("城管罚过他一次 他交了罚款还是照样吵").
  if (i.name === 'petition_start') return false;
  return DIGRESSIONS.has(i.name) || CASE_LOOKUP_INTENTS[i.name] !== undefined;
}

const announced = (name: FreeText): FormSpec['absorb'] => (w, form) => (ANNOUNCE[name].test(w.text.trim()) ? { form, replies: [] } : null);

function freeText(name: FreeText, expecting: 'supplement' | null, ask: 'lookupAskSupplement' | 'lookupAskReviewReason', empty: 'lookupSupplementEmpty' | 'lookupReasonEmpty', tooLong: 'lookupSupplementTooLong' | 'lookupReasonTooLong'): Step {
  return {
    name,
    expecting,
    free: true,
    due: (f) => f.slots[name] === undefined,
    read(w, _f, ctx): Reading | null {
      const text = w.text.trim();
      if (!text) return { ok: false, replies: [say(ctx.locale, empty)] };
      if (ANNOUNCE[name].test(text) || meantOtherwise(name, text, ctx)) return null;
      if (text.length > MAX_TEXT_LENGTH) return { ok: false, replies: [say(ctx.locale, tooLong)] };
      return { ok: true, value: text };
    },
    ask: (_f, ctx) => [say(ctx.locale, ask)],
    giveUp: (f, _w, ctx) => ({ form: f, replies: [say(ctx.locale, 'lookupCancelled')], end: true }),
  };
}

export const supplementSpec: FormSpec = {
  name: 'supplement',
  steps: [freeText('supplement', 'supplement', 'lookupAskSupplement', 'lookupSupplementEmpty', 'lookupSupplementTooLong')],
  mine: () => ({ values: {} }),
  submit: (f) => ({ type: 'add_supplement', caseNumber: caseOf(f), text: f.slots['supplement'] as string }),
  absorb: announced('supplement'),
  confirmCancel: false,
  cancelled: 'lookupCancelled',
  onEvent(state, form, event, ctx) {
    if (event.type !== 'supplement_added') return null;
    const l = ctx.locale;
    return result(pop(state, form), [say(l, 'lookupSupplementAdded', { caseNumber: event.caseNumber }, [button(l, 'lookupBtnMoreMaterial', 'fu:supplement')])]);
  },
};

export const reviewSpec: FormSpec = {
  name: 'review',
  steps: [freeText('reviewReason', null, 'lookupAskReviewReason', 'lookupReasonEmpty', 'lookupReasonTooLong')],
  mine: () => ({ values: {} }),
  submit: (f) => ({ type: 'request_review', caseNumber: caseOf(f), reason: f.slots['reviewReason'] as string }),
  absorb: announced('reviewReason'),
  confirmCancel: false,
  cancelled: 'lookupCancelled',
  onEvent(state, form, event, ctx) {
    const l = ctx.locale;
    if (event.type === 'review_requested') {
      const next = { ...pop(state, form), verified: state.verified ? { ...state.verified, reviewUntil: null } : null };
      return result(next, [say(l, 'lookupReviewRequested', { caseNumber: event.caseNumber, days: ctx.county.deadlines.reviewAnswerDays })]);
    }
    if (event.type === 'review_refused') return result(pop(state, form), [refusedReview(l, event, ctx)]);
    return null;
  },
};

const satisfaction: Step = {
  name: 'satisfaction',
  expecting: 'satisfaction',
  due: (f) => f.slots['satisfaction'] === undefined,
  read(w, _f, ctx) {
    // The buttons' numbers typed ("1".."3"); words go to the reader (rules, then the model).
    const typed = /^\s*[123]\s*$/.test(w.text) ? ratingIn(w.text) : null;
    if (typed) return { ok: true, value: typed };
    const r = ctx.readers.answer('satisfaction', w.text);
    if (r && r.confidence >= 0.6 && (RATINGS as readonly string[]).includes(r.label)) return { ok: true, value: r.label };
    return { ok: false, replies: [say(ctx.locale, 'lookupRatingNotUnderstood')] };
  },
  ask(f, ctx, again) {
    const stage = f.meta['stage'] as Stage;
    const l = ctx.locale;
    return [say(l, again ? 'lookupRatingNotUnderstood' : stage === 'acceptance' ? 'lookupAskRatingAcceptance' : 'lookupAskRatingHandling', undefined, ratingButtons(l, stage))];
  },
  giveUp: (f, _w, ctx) => ({ form: f, replies: [say(ctx.locale, 'lookupCancelled')], end: true }),
  press: (arg) => ((RATINGS as readonly string[]).includes(arg) ? arg : undefined),
};

export const ratingSpec: FormSpec = {
  name: 'rating',
  steps: [satisfaction],
  mine: () => ({ values: {} }),
  submit: (f) => ({ type: 'rate_case', caseNumber: caseOf(f), stage: f.meta['stage'] as Stage, rating: f.slots['satisfaction'] as Rating }),
  confirmCancel: false,
  cancelled: 'lookupCancelled',
  // rate:<stage>:<rating> buttons: a different stage than the form's is a new rating form (the engine starts it).
  alias: (p) => p.replace(/^rate:(?:acceptance|handling):/, 'satisfaction:'),
  onEvent(state, form, event, ctx) {
    const l = ctx.locale;
    if (event.type === 'case_rated') return result(pop(state, form), rated(l, state, event.stage, event.rating, ctx));
    if (event.type === 'rating_refused') return result(pop(state, form), [say(l, event.reason === 'already_rated' ? 'lookupRatingAlready' : 'lookupRatingNotYet')]);
    return null;
  },
};

function rated(l: Locale, state: ConversationState, stage: Stage, rating: Rating, ctx: TurnContext): Reply[] {
  if (rating !== 'dissatisfied') return [say(l, 'lookupRated')];
  const until = state.verified?.reviewUntil ?? null;
  const open = stage === 'handling' && until !== null && ctx.now.getTime() <= Date.parse(until);
  if (!open || !until) return [say(l, 'lookupRatedDissatisfied')];
  return [say(l, 'lookupRatedDissatisfied'), { text: reviewOpenText(until, ctx.county, l), buttons: [button(l, 'lookupBtnRequestReview', 'fu:review')] }];
}

function refusedReview(l: Locale, event: Extract<EffectEvent, { type: 'review_refused' }>, ctx: TurnContext): Reply {
  if (event.reason === 'already_requested') return say(l, 'lookupReviewAlready');
  if (event.reason === 'window_closed' && event.dueAt) return say(l, 'lookupReviewWindowClosed', { date: formatDate(event.dueAt, ctx.county, l) });
  return say(l, 'lookupReviewNotReplied');
}

function actionForm(name: FormName, caseNumber: string, ctx: TurnContext, meta: Record<string, unknown> = {}): FormState {
  return { form: name, id: `${name}${ctx.now.getTime().toString(36)}`, slots: {}, asking: null, asks: 0, notes: {}, meta: { caseNumber, ...meta } };
}

const SPECS = { supplement: supplementSpec, review: reviewSpec, rating: ratingSpec } as const;

/** Starts an action on the verified case (a `fu:` button or what the citizen came for). */
export function startAction(state: ConversationState, kind: 'supplement' | 'review' | 'rating', caseNumber: string, ctx: TurnContext, replies: Reply[] = [], meta: Record<string, unknown> = {}): TurnResult {
  const base = { ...state, forms: state.forms.filter((f) => f.form !== 'supplement' && f.form !== 'review' && f.form !== 'rating') };
  return startForm(base, SPECS[kind], actionForm(kind, caseNumber, ctx, meta), ctx, replies);
}

/** A review may be asked only after the reply, within the window, and once. */
function reviewGate(state: ConversationState, view: PublicCaseView, ctx: TurnContext, shown: Reply): TurnResult {
  const l = state.locale;
  if (view.status === 'review_requested' || view.reviewRequestedAt) return result(state, [shown, say(l, 'lookupReviewAlready')]);
  const window = reviewWindow(view, ctx.now, ctx.county);
  if (!window) return result(state, [shown, say(l, 'lookupReviewNotReplied')]);
  if (!window.open) return result(state, [shown, say(l, 'lookupReviewWindowClosed', { date: formatDate(window.until, ctx.county, l) })]);
  return startAction(state, 'review', view.caseNumber, ctx, [shown]);
}

/** A case was opened: remember it, show it, and go on with what the citizen came for. */
export function caseOpened(state0: ConversationState, action: CaseLookupAction, view: PublicCaseView, ctx: FormContext | TurnContext): TurnResult {
  const l = state0.locale;
  const window = reviewWindow(view, ctx.now, ctx.county);
  const state: ConversationState = { ...state0, verified: { caseNumber: view.caseNumber, reviewUntil: window?.open ? window.until.toISOString() : null } };
  const text = caseViewText(view, ctx.now, ctx.county, l);
  switch (action) {
    case 'supplement':
      if (!isOpenStatus(view.status)) return result(state, [{ text }, say(l, 'lookupSupplementNotOpen', { status: statusName(view.status, l) })]);
      // The case filed a moment ago is named, not shown again in full ("Can I add photos…" asks no status).
      return startAction(state, 'supplement', view.caseNumber, ctx, [state0.lastSubmitted?.caseNumber === view.caseNumber ? say(l, 'lookupSupplementJustFiled', { caseNumber: view.caseNumber }) : { text }]);
    case 'review':
      return reviewGate(state, view, ctx, { text });
    case 'rate': {
      const stage = ratableStage(view);
      if (!stage) return result(state, [{ text }, say(l, 'lookupNothingToRate')]);
      return startAction(state, 'rating', view.caseNumber, ctx, [{ text }], { stage });
    }
    default: {
      const actions = actionButtons(view, ctx.now, ctx.county, l);
      const shown = actions.length > 0 ? `${text}\n\n${say(l, 'lookupNextSteps').text}` : text;
      return result(state, [{ text: shown, buttons: [...actions, button(l, 'lookupBtnOtherCase', 'case:other')] }]);
    }
  }
}
