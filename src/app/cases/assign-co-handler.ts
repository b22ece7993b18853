/**
 * The bureau names (or removes) a case's co-handler by hand: the way a report against
 * officials (conduct) gets one at all, since it never gets the township automatically.
 * Only the bureau's side (admin, the bureau's intake) decides, with a reason; the
 * change is an internal timeline event and an audit entry (who, from, to, why) in one
 * transaction. Never a unit the case accuses, never the competent unit itself, and
 * only while the case is open. `unit: null` removes the co-handler.
 */
import { isOpenStatus } from '../../domain/case/lifecycle.ts';
import { AppError } from '../../domain/errors.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, cleanText, commitTransition, loadForAction, relationOf, type CaseActionDeps } from './case-action-kit.ts';
import { accusedUnits, isKnownUnit } from './transfer-case.ts';

export interface CoHandlerInput {
  /** A unit code (`town:东湖镇`, `zrzy`, …), or null to remove the co-handler. */
  unit: string | null;
  reason: string;
}

export async function assignCoHandler(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: CoHandlerInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  if (relationOf(who, state, deps.county) !== 'bureau') throw new AppError('forbidden', 'only the bureau assigns a co-handler');
  if (!isOpenStatus(state.status)) throw new AppError('conflict', `a case that is ${state.status} gets no new co-handler`, { status: state.status });
  const reason = cleanText(input.reason);
  if (!reason) throw new AppError('bad_request', 'assigning a co-handler needs a reason');
  const unit = input.unit;
  if (unit !== null) {
    if (!isKnownUnit(deps.county, unit)) throw new AppError('bad_request', `unknown unit "${unit}"`);
    if (unit === state.unit) throw new AppError('bad_request', 'that unit is the competent unit of the case');
    if (accusedUnits(deps.county, state).has(unit)) throw new AppError('bad_request', 'a report against officials never goes to a unit it accuses');
  }
  if (unit === state.coUnit) throw new AppError('bad_request', unit ? 'that unit is already the co-handler' : 'the case has no co-handler');
  await commitTransition(deps, who, state, {
    to: state.status,
    set: { coUnit: unit },
    at: deps.clock.now(),
    kind: 'assign_co_handler',
    public: false,
    note: reason,
    data: { fromCoUnit: state.coUnit, toCoUnit: unit },
    reason,
    notice: null,
  });
  return caseAfter(deps, who, state.caseNumber);
}
