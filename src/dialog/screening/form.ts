/**
 * The screening report form (矛盾纠纷排查) of a bound grid worker: the intake's way of
 * working (every message mined, only what is missing asked, corrections at any time,
 * a summary to confirm) over the report's own slots. The case number is shown only
 * when the commit comes back as an event.
 */
import { intentOf } from '../intake/intake-payloads.ts';
import { scrubPersonal } from '../intake/extract.ts';
import { contentSize, isBareAnnouncement, isCorrection, isStopRequest, looksLikeQuestion, NARRATIVE_SIZE } from '../intake/text-signals.ts';
import { result, say } from '../replies.ts';
import type { ConversationState, Reply, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { MAX_FACTS, mineScreening, readScreeningAnswer, type ScreeningMined } from './answers.ts';
import { handleScreeningPayload } from './payloads.ts';
import { askScreening, describe, editButtons, expectingOf, FREE_SLOTS, nextScreeningSlot, ownTownshipOnly, screeningSummary } from './questions.ts';
import type { ScreeningDraft, ScreeningSlot, ScreeningState } from './state.ts';

/** Intents a message may carry as a side question while the form is open. */
const DIGRESSIONS = new Set(['guide_procedure', 'guide_conduct', 'guide_rights', 'help', 'greet', 'thanks', 'handoff_human']);


export function startScreening(state: ConversationState, text: string | null, ctx: TurnContext): TurnResult {
  const grid = ctx.grid!;
  const l = state.locale;
  let form: ScreeningState = { id: ctx.now.getTime().toString(36), slots: { township: grid.township }, asking: null, attempts: {}, categoryInferred: false, riskFlag: false };
  const replies: Reply[] = [say(l, 'scrStart')];
  const words = text?.trim() ?? '';
  if (words && !isBareAnnouncement(words) && contentSize(words) >= 8) {
    const mined = mineScreening(words, ctx, form.slots, null, true);
    const facts = scrubPersonal(words, ctx.nlu?.entities ?? []).slice(0, MAX_FACTS);
    form = { ...form, slots: { ...form.slots, ...mined.slots, facts }, categoryInferred: mined.slots.category !== undefined };
    if (mined.foreignTownship) replies.push(ownTownshipOnly(l, grid));
    const noted = Object.keys(mined.slots) as ScreeningSlot[];
    if (noted.length > 0) replies.push(say(l, 'scrNoted', { fields: describe(noted, form.slots, l, ctx) }));
  }
  return proceed({ ...state, intake: null, followUp: null, misunderstood: 0, screening: form }, ctx, replies);
}

/** Asks the next missing slot, or shows the summary. */
export function proceed(state: ConversationState, ctx: TurnContext, replies: Reply[]): TurnResult {
  const form = state.screening!;
  const asking = nextScreeningSlot(form.slots) ?? 'confirm';
  const next: ConversationState = { ...state, screening: { ...form, asking }, expecting: expectingOf(asking) };
  return result(next, [...replies, ...screeningQuestion(next, ctx)]);
}

export function screeningQuestion(state: ConversationState, ctx: TurnContext): Reply[] {
  const form = state.screening;
  if (!form?.asking) return [];
  return [form.asking === 'confirm' ? screeningSummary(form.slots, state.locale, ctx) : askScreening(form.asking, state.locale, ctx)];
}

export function cancelScreening(state: ConversationState): TurnResult {
  return result({ ...state, screening: null, expecting: null }, [say(state.locale, 'scrCancelled')]);
}

export function submitScreening(state: ConversationState, ctx: TurnContext): TurnResult {
  const draft = toDraft(state.screening!, state.locale);
  if (!draft) return proceed(state, ctx, []);
  return result(state, [], [{ type: 'submit_screening', draft }]);
}

function toDraft(form: ScreeningState, locale: ScreeningDraft['locale']): ScreeningDraft | null {
  const s = form.slots;
  if (!s.parties || !s.township || s.place === undefined || !s.facts || !s.peopleCount || !s.urgency || !s.category) return null;
  return { reportId: form.id, parties: s.parties, township: s.township, place: s.place, facts: s.facts, peopleCount: s.peopleCount, urgency: s.urgency, category: s.category, riskFlag: form.riskFlag, locale };
}

/** A message while the form is open; null lets another handler answer it (a digression). */
export function handleScreeningMessage(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  if (input.payload) return handleScreeningPayload(state, input.payload, ctx, { proceed, cancel: cancelScreening, submit: submitScreening });
  const text = (input.text ?? '').trim();
  if (!text) return null;
  const form = state.screening!;
  const intent = intentOf(ctx, 0.6);
  if (isStopRequest(text) || (intent === 'cancel' && text.length <= 16)) return cancelScreening(state);
  if (form.asking === 'confirm') return answerConfirm(state, text, ctx);
  if (!form.asking) return null;
  const slot = form.asking;
  const digression = intent !== null && DIGRESSIONS.has(intent) && (!FREE_SLOTS.has(slot) || (text.length <= 16 && looksLikeQuestion(text)) || intent === 'handoff_human');
  const mined = mineScreening(text, ctx, form.slots, slot, slot === 'facts' || contentSize(text) >= NARRATIVE_SIZE);
  // A place in another township is no place of this grid: said, and asked again.
  if (slot === 'place' && mined.foreignTownship) return apply(state, mined.slots, mined, ctx, null);
  const answer = isCorrection(text) && mined.corrected.length > 0 ? null : readScreeningAnswer(slot, text, ctx, mined);
  // A short question while telling is a side question; otherwise a valid answer beats the intent.
  if (digression && FREE_SLOTS.has(slot)) return null;
  if (answer?.ok) return apply(state, { ...mined.slots, ...answer.slots }, mined, ctx, slot);
  if (digression) return null;
  if (Object.keys(mined.slots).length > 0 || mined.foreignTownship) return apply(state, mined.slots, mined, ctx, null);
  return failed(state, slot, answer && !answer.ok ? answer.problem : null, ctx);
}

function apply(state: ConversationState, slots: ScreeningState['slots'], mined: ScreeningMined, ctx: TurnContext, answered: ScreeningSlot | null): TurnResult {
  const form = state.screening!;
  const l = state.locale;
  const replies: Reply[] = [];
  if (mined.foreignTownship) replies.push(ownTownshipOnly(l, ctx.grid!));
  const merged = { ...form.slots, ...slots };
  const others = (Object.keys(slots) as ScreeningSlot[]).filter((k) => k !== answered);
  const corrected = mined.corrected.filter((k) => k !== answered);
  if (corrected.length > 0) replies.push(say(l, 'scrCorrected', { fields: describe(corrected, merged, l, ctx) }));
  else if (others.length > 0 && answered === null) replies.push(say(l, 'scrNoted', { fields: describe(others, merged, l, ctx) }));
  const attempts = answered ? { ...form.attempts, [answered]: 0 } : form.attempts;
  const categoryInferred = answered === 'category' ? false : form.categoryInferred || (slots.category !== undefined && form.slots.category === undefined);
  return proceed({ ...state, screening: { ...form, slots: merged, attempts, categoryInferred } }, ctx, replies);
}

function failed(state: ConversationState, slot: ScreeningSlot, problem: Parameters<typeof say>[1] | null, ctx: TurnContext): TurnResult {
  const form = state.screening!;
  const l = state.locale;
  const attempts = { ...form.attempts, [slot]: (form.attempts[slot] ?? 0) + 1 };
  const grid = ctx.grid!;
  const replies = problem ? [say(l, problem, { villages: grid.villages.join('、'), township: grid.township })] : [];
  return result({ ...state, screening: { ...form, attempts } }, [...replies, askScreening(slot, l, ctx)]);
}

function answerConfirm(state: ConversationState, text: string, ctx: TurnContext): TurnResult {
  const intent = intentOf(ctx, 0.5);
  if (intent === 'affirm') return submitScreening(state, ctx);
  const form = state.screening!;
  const mined = mineScreening(text, ctx, form.slots, null, contentSize(text) >= NARRATIVE_SIZE);
  if (Object.keys(mined.slots).length > 0 || mined.foreignTownship) return apply(state, mined.slots, mined, ctx, null);
  if (intent === 'deny') return result(state, [editButtons(state.locale)]);
  return result(state, [say(state.locale, 'misunderstood'), ...screeningQuestion(state, ctx)]);
}
