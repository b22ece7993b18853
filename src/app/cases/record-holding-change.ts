/**
 * Responsibility over time: after a lifecycle action that moved the case to another
 * unit (transfer) or to another staff member (accept, not accept, start handling,
 * transfer clears the holder), the open holding is closed and the next one opened.
 * Runs after the action committed; a failure is logged (the timeline keeps the action).
 */
import type { CaseActionState, CaseTransitionWrite } from '../../ports/case-action-ports.ts';
import type { HoldingRepository } from '../../ports/plan-ports.ts';
import type { Logger } from '../../log.ts';

export async function recordHoldingChange(
  deps: { holdings: HoldingRepository; log: Pick<Logger, 'warn'> },
  state: CaseActionState,
  w: Pick<CaseTransitionWrite, 'set' | 'kind' | 'reason' | 'at'>,
): Promise<void> {
  const unit = w.set.unit ?? state.unit;
  const staffId = w.set.holderStaffId === undefined ? state.holderStaffId : w.set.holderStaffId;
  if (unit === state.unit && staffId === state.holderStaffId) return;
  try {
    await deps.holdings.change({
      caseId: state.id,
      before: { unit: state.unit, staffId: state.holderStaffId },
      next: { unit, staffId },
      // A transfer's stated reason; a holder taking the case over in the same unit needs none.
      reason: unit !== state.unit ? w.reason : null,
      at: w.at,
    });
  } catch (err) {
    deps.log.warn({ err, caseNumber: state.caseNumber }, 'holding change not recorded');
  }
}
