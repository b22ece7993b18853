/** The petition to commit, from a completed intake: representatives resolved, the anonymous report without a name (and with a phone only if the reporter left one). */
import type { FormState, PetitionDraft, Representative } from '../../types.ts';
import { slotsOf } from './slots.ts';

export function intakeDraft(form: FormState, locale: 'zh' | 'en'): PetitionDraft | null {
  const s = slotsOf(form);
  if (!s.consent || !s.facts || !s.category || !s.demands || s.peopleCount === undefined || s.priorPetition === undefined) return null;
  const anonymous = s.anonymous === true;
  const representatives: Representative[] = (s.representatives ?? [])
    .map((r) => (r.self ? { name: r.name ?? s.name ?? '', phone: r.phone ?? s.phone ?? null } : { name: r.name ?? '', phone: r.phone }))
    .filter((r) => r.name !== '')
    // The citizen named twice (as "me" and by name) is one representative.
    .filter((r, i, all) => all.findIndex((o) => o.name === r.name) === i);
  return {
    intakeId: form.id,
    name: anonymous ? null : (s.name ?? null),
    // (An anonymous reporter may still leave a phone for the answer; the name is what is withheld.)
    phone: s.phone ?? null,
    idNumber: anonymous ? null : (s.idNumber ?? null),
    idType: anonymous || !s.idNumber ? null : (s.idType ?? 'resident'),
    township: s.township ?? null,
    address: s.address ?? null,
    category: s.category,
    respondent: s.respondent ?? null,
    facts: s.facts,
    demands: s.demands,
    peopleCount: s.peopleCount,
    peopleUnit: s.peopleUnit ?? 'people',
    representatives,
    priorPetition: s.priorPetition,
    priorDetail: s.priorDetail ?? null,
    notes: form.notes,
    anonymous,
    consent: { at: s.consent.at, version: s.consent.version },
    locale,
    ...(form.meta['riskFlag'] ? { riskFlag: true } : {}),
  };
}
