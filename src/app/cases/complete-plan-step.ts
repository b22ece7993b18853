/**
 * A staff member marks a step of the case's emergency plan done (with an optional
 * note): one transaction with an internal timeline event and an audit entry. Admin
 * and intake may mark any step; a handler the steps of their role on the case
 * (competent unit or 属地 township); supervisors read. A step is done once.
 */
import { findPlan, mayCompleteStep, stepState, stepTitle } from '../../domain/plans.ts';
import { AppError } from '../../domain/errors.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { loadForAction, type CaseActionDeps } from './case-action-kit.ts';
import { casePlanView, type CasePlanView, type PlanViewDeps } from './case-plan-view.ts';

export interface CompleteStepInput {
  note?: string | null | undefined;
}

export async function completePlanStep(
  deps: CaseActionDeps & PlanViewDeps,
  who: StaffPrincipal,
  caseNumber: string,
  stepId: string,
  input: CompleteStepInput,
): Promise<CasePlanView> {
  const state = await loadForAction(deps, who, caseNumber);
  const plan = await deps.plans.planOf(state.id);
  const step = plan.steps.find((s) => s.stepId === stepId);
  if (!step) throw new AppError('not_found', 'no such step in the case\'s emergency plan');
  if (!mayCompleteStep(who, step.role, state)) throw new AppError('forbidden', `a ${who.role} may not complete this step (${step.role})`);
  if (state.status === 'closed') throw new AppError('conflict', 'the case is closed');
  if (step.doneAt) throw new AppError('conflict', 'the step is already done');
  const now = deps.clock.now();
  const done = await deps.plans.completeStep({
    caseId: state.id,
    caseNumber: state.caseNumber,
    stepId,
    actorId: who.id,
    note: input.note ?? null,
    title: stepTitle(findPlan(deps.county.plans, plan.planCode), stepId),
    late: stepState(step, now) === 'late',
    at: now,
  });
  if (!done) throw new AppError('conflict', 'the step was completed by someone else meanwhile');
  return (await casePlanView(deps, who, { ...state, planCode: plan.planCode }, now))!;
}
