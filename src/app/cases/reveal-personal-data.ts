/**
 * Shows a case's personal data unmasked (name, phone, ID number, representatives)
 * to a staff member who needs it — admin, intake, or a handler of the case's
 * competent unit, never a supervisor or a co-handler — with a stated reason. The
 * audit entry (who, when, why) is written before anything is returned.
 */
import { scrubPersonalData } from '../../domain/petitioner/redact.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { CaseActionRepository } from '../../ports/case-action-ports.ts';
import type { CaseRepository } from '../../ports/case-ports.ts';
import type { PersonalData, Representative } from '../../domain/case/case-record.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { relationOf } from './case-action-kit.ts';

export interface RevealDeps {
  cases: CaseRepository;
  actions: Pick<CaseActionRepository, 'recordReveal'>;
  county: CountyConfig;
  clock: Clock;
}

export interface RevealedData {
  caseNumber: string;
  petitioner: PersonalData;
  representatives: Representative[];
  revealedAt: string;
}

/**
 * Whether this staff member may see the case's personal data unmasked: the bureau's
 * side (admin, the bureau's intake) and the competent unit's handlers and intake —
 * never a supervisor, a grid worker or a co-handler.
 */
export function mayReveal(who: StaffPrincipal, kase: { unit: string }, county: CountyConfig): boolean {
  if (who.role === 'admin') return true;
  if (who.role !== 'intake' && who.role !== 'handler') return false;
  return relationOf(who, kase, county) !== 'co_handler';
}

export async function revealPersonalData(deps: RevealDeps, who: StaffPrincipal, rawNumber: string, reason: string): Promise<RevealedData> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const kase = caseNumber ? await deps.cases.findByNumber(caseNumber, caseScopeOf(who, deps.county)) : null;
  if (!kase) throw new AppError('not_found', 'no such case');
  if (!mayReveal(who, kase, deps.county)) throw new AppError('forbidden', 'your role may not see personal data unmasked');
  const now = deps.clock.now();
  await deps.actions.recordReveal({
    actorId: who.id,
    caseNumber: kase.caseNumber,
    // The audit trail keeps why, never a number someone typed into the reason.
    reason: scrubPersonalData(reason),
    at: now,
    data: { username: who.username, role: who.role, unit: who.unit, fields: ['name', 'phone', 'idNumber', 'representatives'] },
  });
  return { caseNumber: kase.caseNumber, petitioner: kase.petitioner, representatives: kase.representatives, revealedAt: now.toISOString() };
}
