/**
 * The bureau closes a replied or not-accepted case (办结); the citizen is told.
 * A replied case waits until the citizen's review window has passed (409, details.code
 * `review_window_open`), unless the citizen said they are satisfied. While steps of the case's emergency plan are open the close is refused (409,
 * details.code `plan_steps_open`) unless a reason is given; the reason is then
 * recorded on the internal timeline for each open step.
 */
import { findPlan, stepTitle } from '../../domain/plans.ts';
import { AppError } from '../../domain/errors.ts';
import { closeHeldByReviewWindow } from '../../domain/case/review.ts';
import { deadlineContext, formatDate } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, cleanText, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface CloseInput {
  note?: string | null | undefined;
  /** Why the case closes with plan steps open (internal; required while any is open). */
  reason?: string | null | undefined;
}

export async function closeCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: CloseInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'close', who);
  const heldUntil = closeHeldByReviewWindow(state, deps.clock.now(), deadlineContext(deps.county));
  if (heldUntil) {
    throw new AppError('conflict', `the citizen may ask for a review until ${formatDate(heldUntil, deps.county, 'en')}: close after that, or once the citizen says they are satisfied`, {
      code: 'review_window_open',
      windowEnd: heldUntil.toISOString(),
    });
  }
  const plan = await deps.plans.planOf(state.id);
  const open = plan.steps.filter((s) => !s.doneAt).map((s) => s.stepId);
  const planReason = open.length > 0 ? cleanText(input.reason) : null;
  if (open.length > 0 && !planReason) {
    throw new AppError('conflict', `${open.length} step(s) of the emergency plan are still open: complete them, or give a reason to close anyway`, {
      code: 'plan_steps_open',
      openSteps: open,
    });
  }
  const now = deps.clock.now();
  const note = input.note ?? null;
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = noticeFor(state, caseNoticeText(c, to, [{ key: 'cnClosed' }, note ? { key: 'cnStaffRemark', params: { note } } : null]));
  await commitTransition(deps, who, state, {
    to,
    set: { closedAt: now },
    at: now,
    kind: 'close',
    public: publicFlag(transition, true),
    note,
    ...(planReason ? { data: { planStepsOpen: open, planReason } } : {}),
    reason: note,
    notice,
  });
  if (planReason) {
    const cfgPlan = findPlan(deps.county.plans, plan.planCode);
    const steps = open.map((stepId) => ({ stepId, title: stepTitle(cfgPlan, stepId) }));
    await deps.plans.recordWaived({ caseId: state.id, caseNumber: state.caseNumber, actorId: who.id, text: planReason, at: now, steps });
  }
  return caseAfter(deps, who, state.caseNumber);
}
