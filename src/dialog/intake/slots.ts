/**
 * Which slot to ask next: the first one in this order that is still needed and
 * unknown. Only the slots are stored; everything else is derived.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { IntakeState, PetitionDraft, SlotName } from '../types.ts';

export const SLOT_ORDER: readonly SlotName[] = [
  'facts',
  'township',
  'address',
  'category',
  'respondent',
  'demands',
  'peopleCount',
  'representatives',
  'priorPetition',
  'name',
  'phone',
  'idNumber',
];

/** Slots the citizen may decline (answered with null). */
export const OPTIONAL_SLOTS: ReadonlySet<SlotName> = new Set(['idNumber', 'address', 'representatives']);

/** Slots whose answer is free text rather than a value to recognise. */
export const FREE_TEXT_SLOTS: ReadonlySet<SlotName> = new Set(['facts', 'demands', 'address', 'respondent']);

export function isNeeded(slot: SlotName, intake: IntakeState, county: CountyConfig): boolean {
  const s = intake.slots;
  if (slot === 'respondent') return s.category === 'conduct';
  if (slot === 'representatives') return (s.peopleCount ?? 0) >= county.rules.groupThreshold;
  return true;
}

export function nextSlot(intake: IntakeState, county: CountyConfig): SlotName | null {
  for (const slot of SLOT_ORDER) {
    if (isNeeded(slot, intake, county) && intake.slots[slot] === undefined) return slot;
  }
  return null;
}

/** Every required slot filled: the draft to show and commit. */
export function toDraft(intake: IntakeState, locale: 'zh' | 'en'): PetitionDraft | null {
  const s = intake.slots;
  if (!intake.consent || !s.facts || !s.township || !s.category || !s.demands || !s.name || !s.phone) return null;
  if (s.peopleCount === undefined || s.priorPetition === undefined) return null;
  return {
    intakeId: intake.id,
    name: s.name,
    phone: s.phone,
    idNumber: s.idNumber ?? null,
    township: s.township,
    address: s.address ?? null,
    category: s.category,
    respondent: s.respondent ?? null,
    facts: s.facts,
    demands: s.demands,
    peopleCount: s.peopleCount,
    representatives: s.representatives ?? [],
    priorPetition: s.priorPetition,
    consent: intake.consent,
    locale,
  };
}
