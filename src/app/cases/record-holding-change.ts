/**
 * Responsibility over time: a lifecycle action that moves the case to another unit
 * (transfer) or to another staff member (accept, not accept, start handling; transfer
 * clears the holder) closes the open holding and opens the next. This says which
 * change an action makes; the action's own transaction writes it (applyTransition).
 */
import type { CaseActionState, CaseTransitionWrite } from '../../ports/case-action-ports.ts';
import type { HoldingChange } from '../../ports/plan-ports.ts';

/** The holding change of an action, or null when the unit and the holder stay. */
export function holdingChangeOf(state: CaseActionState, w: Pick<CaseTransitionWrite, 'set' | 'reason' | 'at'>): HoldingChange | null {
  const unit = w.set.unit ?? state.unit;
  const staffId = w.set.holderStaffId === undefined ? state.holderStaffId : w.set.holderStaffId;
  if (unit === state.unit && staffId === state.holderStaffId) return null;
  return {
    caseId: state.id,
    before: { unit: state.unit, staffId: state.holderStaffId },
    next: { unit, staffId },
    // A transfer's stated reason; a holder taking the case over in the same unit needs none.
    reason: unit !== state.unit ? w.reason : null,
    at: w.at,
  };
}
