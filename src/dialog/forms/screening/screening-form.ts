/**
 * The screening report form: its spec on the form engine, how it starts (with the
 * worker's township, and what a first message already holds) and what its
 * committed report answers.
 */
import { startForm } from '../../form/run-form.ts';
import type { FormSpec } from '../../form/spec.ts';
import { result, say } from '../../replies.ts';
import type { ConversationState, FormState, Reply, TurnContext, TurnResult } from '../../types.ts';
import { contentSize, isBareAnnouncement, scrubPersonal } from '../intake/text.ts';
import { gridButtons } from './menu.ts';
import { MAX_FACTS, mineScreening, SCREENING_STEPS } from './steps.ts';
import type { ScreeningDraft, Urgency } from './types.ts';

const ALIASES: Readonly<Record<string, string>> = { 'scr:confirm': 'confirm:yes', 'scr:edit': 'confirm:edit', 'scr:cancel': 'cmd:cancel' };

export const screeningSpec: FormSpec = {
  name: 'screening',
  steps: SCREENING_STEPS,
  mine: mineScreening,
  summary: { title: 'scrSummaryTitle', ask: 'scrSummaryAsk', submitLabel: 'scrBtnConfirm' },
  confirmCancel: false,
  cancelled: 'scrCancelled',
  back: 'scrBack',
  alias: (p) => ALIASES[p] ?? p.replace(/^scr:(edit|urgency|place|skip):/, '$1:'),
  submit(form, ctx) {
    const s = form.slots as Record<string, unknown>;
    if (!s['parties'] || !s['township'] || s['place'] === undefined || !s['facts'] || !s['peopleCount'] || !s['urgency'] || !s['category']) return null;
    const draft: ScreeningDraft = {
      reportId: form.id,
      parties: s['parties'] as string,
      township: s['township'] as string,
      place: (s['place'] as string | null) ?? null,
      facts: s['facts'] as string,
      peopleCount: s['peopleCount'] as number,
      urgency: s['urgency'] as Urgency,
      category: s['category'] as string,
      riskFlag: form.meta['riskFlag'] === true,
      locale: ctx.locale,
    };
    return { type: 'submit_screening', draft };
  },
  onEvent(state, form, event) {
    if (event.type !== 'screening_submitted' || event.reportId !== form.id) return null;
    const l = state.locale;
    const replies: Reply[] = [say(l, 'scrSubmitted', { caseNumber: event.caseNumber }, gridButtons(l))];
    if (form.slots['urgency'] === 'danger') replies.push(say(l, 'scrSubmittedDanger'));
    return result({ ...state, forms: state.forms.filter((f) => f.id !== form.id), lastReport: { reportId: event.reportId, caseNumber: event.caseNumber } }, replies);
  },
};

export function startScreening(state: ConversationState, text: string | null, ctx: TurnContext): TurnResult {
  const grid = ctx.grid!;
  let form: FormState = { form: 'screening', id: ctx.now.getTime().toString(36), slots: { township: grid.township }, asking: null, asks: 0, notes: {}, meta: {} };
  const words = text?.trim() ?? '';
  const entities = words ? ctx.readers.entities(words) : [];
  const story = words && !isBareAnnouncement(words) && contentSize(words) >= 8;
  if (story) form = { ...form, slots: { ...form.slots, facts: scrubPersonal(words, entities, state.locale).slice(0, MAX_FACTS) } };
  // The chat now files for staff: a citizen's open forms do not carry over.
  return startForm({ ...state, forms: [] }, screeningSpec, form, ctx, [say(state.locale, 'scrStart')], story ? { text: words, entities } : undefined);
}
