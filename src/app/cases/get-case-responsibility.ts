/**
 * The emergency plan and responsibility fields of the case API (GET /api/cases/:n):
 * scoped like every case read (outside the scope: 404).
 */
import { AppError } from '../../domain/errors.ts';
import type { CaseActionRepository } from '../../ports/case-action-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { caseResponsibilityView, type CaseResponsibilityView, type PlanViewDeps } from './case-plan-view.ts';

export interface CaseResponsibilityDeps extends PlanViewDeps {
  actions: Pick<CaseActionRepository, 'findState'>;
  clock: Clock;
}

export async function getCaseResponsibility(deps: CaseResponsibilityDeps, who: StaffPrincipal, caseNumber: string): Promise<CaseResponsibilityView> {
  const n = normalizeCaseNumber(caseNumber);
  const state = n ? await deps.actions.findState(n, caseScopeOf(who, deps.county)) : null;
  if (!state) throw new AppError('not_found', 'no such case');
  return caseResponsibilityView(deps, who, state, deps.clock.now());
}
