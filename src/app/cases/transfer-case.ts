/**
 * The bureau passes a case to the unit competent for it (转交有权处理的单位), with a
 * reason the citizen is told. The new unit decides on acceptance within the
 * acceptance period counted from the transfer. A report against officials is never
 * passed to a unit or township it accuses.
 */
import { acceptDue } from '../../domain/deadlines.ts';
import { accusedUnitsOf } from '../../domain/accused-units.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseActionState } from '../../ports/case-action-ports.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, cleanText, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeDate, noticeUnit, noticeFor } from './case-notice.ts';

export interface TransferInput {
  /** The new competent unit's code (`zjj`, `town:东湖镇`, …). */
  unit: string;
  reason: string;
}

export function isKnownUnit(cfg: CountyConfig, code: string): boolean {
  if (code.startsWith('town:')) return cfg.townships.some((t) => `town:${t.name}` === code);
  return cfg.units.some((u) => u.code === code);
}

/** Units a conduct case accuses: those recorded at filing and any its texts name (accused-units.ts). */
export function accusedUnits(
  cfg: CountyConfig,
  state: Pick<CaseActionState, 'category' | 'township' | 'respondent' | 'respondentUnits' | 'facts' | 'demands'>,
): Set<string> {
  return accusedUnitsOf(cfg, state);
}

function checkTarget(cfg: CountyConfig, state: CaseActionState, unit: string): void {
  if (!isKnownUnit(cfg, unit)) throw new AppError('bad_request', `unknown unit "${unit}"`);
  if (unit === state.unit) throw new AppError('bad_request', 'the case is already with that unit');
  if (accusedUnits(cfg, state).has(unit)) {
    throw new AppError('bad_request', 'a report against officials is never passed to a unit it accuses');
  }
}

export async function transferCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: TransferInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'transfer', who);
  checkTarget(deps.county, state, input.unit);
  // The reason is told to the citizen and kept with the holding (where the case has been and why).
  const reason = cleanText(input.reason);
  if (!reason) throw new AppError('bad_request', 'a transfer needs a reason');
  const now = deps.clock.now();
  const due = acceptDue(now, deadlineContext(deps.county));
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [{ key: 'cnTransferred', params: { unit: noticeUnit(c, input.unit), reason, date: noticeDate(c, due) } }]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: {
      unit: input.unit,
      coUnit: state.coUnit === input.unit ? null : state.coUnit,
      acceptDueAt: due,
      acceptedAt: null,
      replyDueAt: null,
      holderStaffId: null,
    },
    at: now,
    kind: 'transfer',
    public: publicFlag(transition, true),
    note: reason,
    data: { fromUnit: state.unit, toUnit: input.unit, acceptDueAt: due.toISOString() },
    reason,
    notice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
