/**
 * The after-action review (事后总结) of a closed case that was under an emergency
 * plan: written once by the bureau (admin, intake), stored on the case with an
 * internal timeline event and an audit entry. Not the citizen's review request (复查).
 */
import { AppError } from '../../domain/errors.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { loadForAction, type CaseActionDeps } from './case-action-kit.ts';
import { casePlanView, mayWriteReview, type CasePlanView, type PlanViewDeps } from './case-plan-view.ts';

export async function recordReviewSummary(
  deps: CaseActionDeps & PlanViewDeps,
  who: StaffPrincipal,
  caseNumber: string,
  input: { summary: string },
): Promise<CasePlanView> {
  const state = await loadForAction(deps, who, caseNumber);
  if (!mayWriteReview(who)) throw new AppError('forbidden', `a ${who.role} may not write the after-action review`);
  const plan = await deps.plans.planOf(state.id);
  if (!plan.planCode) throw new AppError('conflict', 'the case has no emergency plan');
  if (state.status !== 'closed') throw new AppError('conflict', 'the after-action review is written once the case is closed');
  if (plan.closureReview) throw new AppError('conflict', 'the after-action review is already recorded');
  const now = deps.clock.now();
  const ok = await deps.plans.recordReview({ caseId: state.id, caseNumber: state.caseNumber, actorId: who.id, text: input.summary, at: now });
  if (!ok) throw new AppError('conflict', 'the after-action review was recorded by someone else meanwhile');
  return (await casePlanView(deps, who, { ...state, status: 'closed', planCode: plan.planCode }, now))!;
}
