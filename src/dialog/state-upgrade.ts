/**
 * Conversations saved before the form engine (state v1: `intake`, `followUp`,
 * `screening`) keep their drafts: they are turned into forms when next read.
 */
import type { ConversationState, FormState, Locale, Expecting } from './types.ts';

interface V1 {
  v?: 1;
  locale?: Locale;
  expecting?: Expecting | null;
  intake?: { id: string; slots: Record<string, unknown>; consent: { at: string; version: string } | null; triageAcknowledged?: boolean; riskFlag?: boolean } | null;
  followUp?: { verifiedCase: string | null; reviewUntil: string | null } | null;
  screening?: { id: string; slots: Record<string, unknown>; riskFlag?: boolean } | null;
  misunderstood?: number;
  handoff?: ConversationState['handoff'];
  lastSubmitted?: ConversationState['lastSubmitted'];
  lastReport?: ConversationState['lastReport'];
}

function intakeOf(i: NonNullable<V1['intake']>): FormState {
  const { representatives, ...rest } = i.slots as { representatives?: { name: string; phone: string | null }[] };
  const slots: Record<string, unknown> = { ...rest };
  if (representatives) slots['representatives'] = representatives.map((r) => ({ self: false, name: r.name, phone: r.phone }));
  if (i.consent) slots['consent'] = i.consent;
  if (i.triageAcknowledged) slots['triage'] = 'continue';
  return { form: 'intake', id: i.id, slots, asking: null, asks: 0, notes: {}, meta: i.riskFlag ? { riskFlag: true } : {} };
}

export function upgradeState(raw: ConversationState | V1): ConversationState {
  if ((raw as ConversationState).v === 2) return raw as ConversationState;
  const old = raw as V1;
  const forms: FormState[] = [];
  if (old.intake) forms.push(intakeOf(old.intake));
  if (old.screening) forms.push({ form: 'screening', id: old.screening.id, slots: old.screening.slots, asking: null, asks: 0, notes: {}, meta: old.screening.riskFlag ? { riskFlag: true } : {} });
  return {
    v: 2,
    locale: old.locale ?? 'zh',
    expecting: old.expecting === 'staff' ? 'staff' : null,
    forms,
    parked: null,
    verified: old.followUp?.verifiedCase ? { caseNumber: old.followUp.verifiedCase, reviewUntil: old.followUp.reviewUntil } : null,
    misunderstood: old.misunderstood ?? 0,
    handoff: old.handoff ?? null,
    lastSubmitted: old.lastSubmitted ?? null,
    lastReport: old.lastReport ?? null,
  };
}
