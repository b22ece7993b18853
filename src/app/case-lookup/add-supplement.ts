/** A citizen adds material to a verified case: a public timeline event, no status change. */
import type { EffectEvent } from '../../dialog/types.ts';
import { notVerified } from './look-up-case.ts';
import type { CaseLookupDeps } from './case-lookup-deps.ts';

/** Longest material accepted in one message (the dialogue asks within it). */
export const MAX_SUPPLEMENT_LENGTH = 4000;

export async function addSupplement(deps: CaseLookupDeps, caseNumber: string, text: string, now: Date): Promise<EffectEvent> {
  const material = text.trim().slice(0, MAX_SUPPLEMENT_LENGTH);
  if (!material) return notVerified(false);
  const added = await deps.caseLookups.addSupplement(caseNumber, material, now);
  return added ? { type: 'supplement_added', caseNumber } : notVerified(false);
}
