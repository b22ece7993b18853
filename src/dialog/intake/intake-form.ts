/**
 * The petition intake form. Every message is mined for all slots; only what is
 * still missing is asked, one question at a time; corrections are taken at any
 * point; the petition is committed only after the citizen confirms the summary,
 * and the case number is shown only when the commit event comes back.
 */
import { channelText, guideText, guideVersion } from '../guide.ts';
import { t } from '../catalog/index.ts';
import { button, result, say } from '../replies.ts';
import type { ConversationState, EffectEvent, IntakeState, PetitionSlots, Reply, SlotName, TurnContext, TurnInput, TurnResult } from '../types.ts';
import { readAnswer } from './answers.ts';
import { mineSlots, scrubPersonal } from './extract.ts';
import { askSlot, askWithExample } from './questions.ts';
import { FREE_TEXT_SLOTS, nextSlot, OPTIONAL_SLOTS, SLOT_ORDER, toDraft, isNeeded } from './slots.ts';
import { editButtons, slotLabel, slotValueText, summaryReply } from './summary.ts';
import { contentSize, isBareAnnouncement, isRefusal, isStopRequest, looksLikeQuestion, NARRATIVE_SIZE } from './text-signals.ts';
import { channelFor } from './triage.ts';
import { intentOf, handleIntakePayload } from './intake-payloads.ts';
import { suggestTownships } from '../../nlu/extractors/township-suggest.ts';

const DIGRESSIONS = new Set(['guide_procedure', 'guide_conduct', 'guide_rights', 'help', 'greet', 'thanks', 'case_status', 'handoff_human']);

export function startIntake(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  const intake: IntakeState = {
    id: ctx.now.getTime().toString(36),
    slots: {},
    consent: null,
    attempts: {},
    categoryInferred: false,
    triageAcknowledged: false,
  };
  const l = state.locale;
  const replies: Reply[] = [];
  const text = input.text?.trim() ?? '';
  const entities = ctx.nlu?.entities ?? [];
  if (text) {
    const narrative = !isBareAnnouncement(text) && contentSize(scrubPersonal(text, entities)) >= 8;
    const mined = mineSlots(text, entities, {}, null, ctx.county, { narrative });
    intake.slots = { ...mined.slots, ...(narrative ? { facts: scrubPersonal(text, entities).slice(0, 2000) } : {}) };
    intake.categoryInferred = intake.slots.category !== undefined;
    const noted = (Object.keys(intake.slots) as SlotName[]).filter((k) => k !== 'facts');
    if (noted.length > 0) replies.push(say(l, 'intakeNoted', { fields: describe(noted, intake.slots, l, ctx) }));
  }
  const next: ConversationState = { ...state, misunderstood: 0, followUp: null, intake, expecting: 'consent' };
  return result(next, [...replies, ...consentQuestion(next, ctx)]);
}

export function handleIntakeMessage(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult | null {
  if (input.payload) return handleIntakePayload(state, input.payload, ctx, { proceed, cancel, submit });
  const text = (input.text ?? '').trim();
  if (!text) return null;
  const exp = state.expecting;
  const free = exp !== null && FREE_TEXT_SLOTS.has(exp as SlotName);
  const short = text.length <= 16;
  // Declining an optional slot ("不想提供") is an answer, not a wish to stop the petition.
  if (exp && OPTIONAL_SLOTS.has(exp as SlotName) && isRefusal(text) && !isStopRequest(text)) return answerSlot(state, exp as SlotName, text, ctx);
  // A valid answer to the question asked is an answer, whatever the intent model thinks
  // ("just me" to the number of people is not a question about rights).
  if (exp && !free && (SLOT_ORDER as readonly string[]).includes(exp) && answersSlot(exp as SlotName, text, state, ctx)) {
    return answerSlot(state, exp as SlotName, text, ctx);
  }
  const intent = intentOf(ctx, 0.6);
  if (intent === 'cancel' && (!free || short)) return cancel(state);
  // In a free-text slot only a short question or a bare call for help ("help", "帮助")
  // digresses; anything longer is taken as the answer.
  const bareHelp = intent === 'help' && text.length <= 12 && text.split(/\s+/).length <= 3;
  if (intent && DIGRESSIONS.has(intent) && (!free || (short && looksLikeQuestion(text)) || bareHelp || intent === 'handoff_human')) {
    if (!(exp === 'consent' && intent === 'thanks')) return null;
  }
  if (exp === 'consent') return answerConsent(state, text, ctx);
  if (exp === 'confirm') return answerConfirm(state, text, ctx);
  if (exp === 'priorPetition' && pendingTriage(state.intake!)) return answerTriage(state, ctx);
  if (exp && (SLOT_ORDER as readonly string[]).includes(exp)) return answerSlot(state, exp as SlotName, text, ctx);
  return null;
}

export function handleIntakeEvent(state: ConversationState, event: EffectEvent, _ctx: TurnContext): TurnResult | null {
  if (event.type !== 'petition_submitted') return null;
  const l = state.locale;
  const next: ConversationState = {
    ...state,
    intake: state.intake?.id === event.intakeId ? null : state.intake,
    expecting: state.intake?.id === event.intakeId ? null : state.expecting,
    lastSubmitted: { intakeId: event.intakeId, caseNumber: event.caseNumber, queryCode: event.queryCode },
  };
  return result(next, [
    say(l, 'submitted', { caseNumber: event.caseNumber, queryCode: event.queryCode, acceptDays: _ctx.county.deadlines.acceptDays }, [
      button(l, 'btnStatus', 'cmd:status'),
    ]),
  ]);
}

/** The open question of the form again (after a digression). */
export function intakeReprompt(state: ConversationState, ctx: TurnContext): Reply[] {
  if (!state.intake) return [];
  return [say(state.locale, 'back'), ...question(state, ctx)];
}

function consentQuestion(state: ConversationState, ctx: TurnContext): Reply[] {
  const l = state.locale;
  return [
    say(l, 'consentIntro', { summary: guideText(ctx.county, 'summary', l) }),
    say(l, 'consentAsk', undefined, [button(l, 'consentYes', 'consent:yes'), button(l, 'consentMore', 'guide:procedure'), button(l, 'btnCancel', 'cmd:cancel')]),
  ];
}

function answerConsent(state: ConversationState, text: string, ctx: TurnContext): TurnResult {
  const intent = intentOf(ctx, 0.5);
  if (intent === 'affirm') return giveConsent(state, ctx);
  if (intent === 'deny') return result(state, [say(state.locale, 'consentNeeded', undefined, consentQuestion(state, ctx)[1]!.buttons)]);
  // The citizen went on telling the matter: keep what it holds, ask consent again.
  const merged = merge(state, text, ctx, null);
  return result(merged.state, [...merged.replies, consentQuestion(merged.state, ctx)[1]!]);
}

export function giveConsent(state: ConversationState, ctx: TurnContext): TurnResult {
  const intake = { ...state.intake!, consent: { at: ctx.now.toISOString(), version: guideVersion(ctx.county) } };
  return proceed({ ...state, intake }, ctx, []);
}

function answerConfirm(state: ConversationState, text: string, ctx: TurnContext): TurnResult {
  const intent = intentOf(ctx, 0.5);
  if (intent === 'affirm') return submit(state, ctx);
  const merged = merge(state, text, ctx, null);
  if (merged.changed) return proceed(merged.state, ctx, merged.replies);
  if (intent === 'deny') return result(state, [editButtons(state.locale, visibleSlots(state.intake!, ctx))]);
  return result(state, [say(state.locale, 'misunderstood'), ...question(state, ctx)]);
}

export function submit(state: ConversationState, ctx: TurnContext): TurnResult {
  const draft = toDraft(state.intake!, state.locale);
  if (!draft) return proceed(state, ctx, []);
  return result({ ...state, expecting: 'confirm' }, [], [{ type: 'submit_petition', draft }]);
}

export function cancel(state: ConversationState): TurnResult {
  return result({ ...state, intake: null, expecting: null }, [say(state.locale, 'cancelled')]);
}

function answerSlot(state: ConversationState, slot: SlotName, text: string, ctx: TurnContext): TurnResult {
  const intake = state.intake!;
  const entities = ctx.nlu?.entities ?? [];
  const narrative = slot === 'facts' || contentSize(text) >= NARRATIVE_SIZE;
  const mined = mineSlots(text, entities, intake.slots, slot, ctx.county, { narrative });
  const answer = readAnswer(slot, text, entities, mined, ctx.county);
  const others = { ...mined.slots };
  delete others[slot];
  if (answer.ok) {
    const slots = { ...intake.slots, ...others, [slot]: answer.value } as PetitionSlots;
    const attempts = { ...intake.attempts, [slot]: 0 };
    const replies = mined.corrected.filter((s) => s !== slot).length > 0 ? [corrected(mined.corrected.filter((s) => s !== slot), slots, state, ctx)] : [];
    return proceed({ ...state, intake: { ...intake, slots, attempts, categoryInferred: slot === 'category' ? false : intake.categoryInferred } }, ctx, replies);
  }
  if (Object.keys(others).length > 0) {
    const merged = merge(state, text, ctx, slot);
    return proceed(merged.state, ctx, merged.replies);
  }
  // A long story while asked something else adds to the facts rather than failing.
  if (narrative && intake.slots.facts && slot !== 'facts' && !looksLikeQuestion(text)) {
    const slots = { ...intake.slots, facts: `${intake.slots.facts}\n${scrubPersonal(text, entities)}`.slice(0, 4000) };
    return proceed({ ...state, intake: { ...intake, slots } }, ctx, []);
  }
  return failedAttempt(state, slot, text, answer.problem, ctx);
}

function answersSlot(slot: SlotName, text: string, state: ConversationState, ctx: TurnContext): boolean {
  if (isStopRequest(text)) return false;
  const entities = ctx.nlu?.entities ?? [];
  const mined = mineSlots(text, entities, state.intake!.slots, slot, ctx.county, { narrative: false });
  return readAnswer(slot, text, entities, mined, ctx.county).ok;
}

function failedAttempt(state: ConversationState, slot: SlotName, text: string, problem: Parameters<typeof say>[1] | null, ctx: TurnContext): TurnResult {
  const intake = state.intake!;
  const l = state.locale;
  const attempts = { ...intake.attempts, [slot]: (intake.attempts[slot] ?? 0) + 1 };
  const next = { ...state, intake: { ...intake, attempts } };
  if (attempts[slot]! >= 2) return result(next, [askWithExample(slot, l, ctx.county)]);
  const replies: Reply[] = [];
  if (slot === 'township') {
    const hints = suggestTownships(text, ctx.county.townships);
    if (text.length <= 12) replies.push(say(l, 'unknownTownship', { text }));
    if (hints.length > 0) {
      replies.push({ text: t(l, 'didYouMean'), buttons: hints.map((h) => ({ label: h, payload: `township:${h}` })) });
      return result(next, replies);
    }
    replies.push(say(l, 'outsideCounty', { count: ctx.county.townships.length }));
  } else if (problem) {
    replies.push(say(l, problem, { max: slot === 'representatives' ? ctx.county.rules.maxRepresentatives : 2000 }));
  }
  return result(next, [...replies, askSlot(slot, l, ctx.county, intake.slots.peopleCount)]);
}

/** Applies what a message holds (for corrections and extra details); reports what changed. */
function merge(state: ConversationState, text: string, ctx: TurnContext, asking: SlotName | null): { state: ConversationState; replies: Reply[]; changed: boolean } {
  const intake = state.intake!;
  const entities = ctx.nlu?.entities ?? [];
  const mined = mineSlots(text, entities, intake.slots, asking, ctx.county, { narrative: contentSize(text) >= NARRATIVE_SIZE });
  const keys = Object.keys(mined.slots) as SlotName[];
  if (keys.length === 0) return { state, replies: [], changed: false };
  const slots = { ...intake.slots, ...mined.slots };
  const replies = mined.corrected.length > 0 ? [corrected(mined.corrected, slots, state, ctx)] : [say(state.locale, 'intakeNoted', { fields: describe(keys, slots, state.locale, ctx) })];
  return { state: { ...state, intake: { ...intake, slots } }, replies, changed: true };
}

/** Moves to the next step: triage, consent, the next missing slot, or the summary. */
export function proceed(state: ConversationState, ctx: TurnContext, replies: Reply[]): TurnResult {
  const intake = state.intake!;
  const l = state.locale;
  const extra = [...replies];
  if (pendingTriage(intake)) {
    const channel = channelFor(intake.slots.priorPetition!)!;
    const next = { ...state, expecting: 'priorPetition' as const };
    return result(next, [...extra, triageQuestion(next, channel, ctx)]);
  }
  if (!intake.consent) return result({ ...state, expecting: 'consent' }, [...extra, ...consentQuestion(state, ctx)]);
  if (intake.slots.category === 'conduct' && !extra.some((r) => r.text === t(l, 'categoryConduct'))) {
    if (state.expecting === 'category' || (state.expecting !== 'respondent' && intake.slots.respondent === undefined)) extra.push(say(l, 'categoryConduct'));
  }
  const slot = nextSlot(intake, ctx.county);
  const next: ConversationState = { ...state, expecting: slot ?? 'confirm' };
  return result(next, [...extra, ...question(next, ctx)]);
}

function question(state: ConversationState, ctx: TurnContext): Reply[] {
  const intake = state.intake!;
  const l = state.locale;
  const exp = state.expecting;
  if (exp === 'consent') return consentQuestion(state, ctx).slice(1);
  if (exp === 'confirm') return [summaryReply(intake.slots, l, ctx.county, visibleSlots(intake, ctx))];
  if (exp === 'priorPetition' && pendingTriage(intake)) return [triageQuestion(state, channelFor(intake.slots.priorPetition!)!, ctx)];
  if (exp && (SLOT_ORDER as readonly string[]).includes(exp)) return [askSlot(exp as SlotName, l, ctx.county, intake.slots.peopleCount)];
  return [];
}

export const pendingTriage = (intake: IntakeState) =>
  intake.slots.priorPetition !== undefined && channelFor(intake.slots.priorPetition) !== null && !intake.triageAcknowledged;

function triageQuestion(state: ConversationState, channel: NonNullable<ReturnType<typeof channelFor>>, ctx: TurnContext): Reply {
  const l = state.locale;
  return say(l, 'triageExplain', { channel: channelText(ctx.county, channel, l) }, [
    button(l, 'triageContinue', 'triage:continue'),
    button(l, 'triageStop', 'triage:stop'),
  ]);
}

function answerTriage(state: ConversationState, ctx: TurnContext): TurnResult {
  const intent = intentOf(ctx, 0.5);
  if (intent === 'affirm') return handleIntakePayload(state, 'triage:continue', ctx, { proceed, cancel, submit })!;
  if (intent === 'deny') return handleIntakePayload(state, 'triage:stop', ctx, { proceed, cancel, submit })!;
  return result(state, [triageQuestion(state, channelFor(state.intake!.slots.priorPetition!)!, ctx)]);
}

export function visibleSlots(intake: IntakeState, ctx: TurnContext): SlotName[] {
  return SLOT_ORDER.filter((s) => isNeeded(s, intake, ctx.county));
}

function describe(keys: SlotName[], slots: PetitionSlots, l: 'zh' | 'en', ctx: TurnContext): string {
  return keys
    .filter((k) => k !== 'facts')
    .map((k) => `${slotLabel(l, k)} ${slotValueText(k, slots, l, ctx.county)}`)
    .join(l === 'zh' ? '；' : '; ');
}

function corrected(keys: SlotName[], slots: PetitionSlots, state: ConversationState, ctx: TurnContext): Reply {
  return say(state.locale, 'corrected', { fields: describe(keys, slots, state.locale, ctx) });
}
