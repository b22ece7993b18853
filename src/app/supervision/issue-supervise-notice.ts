/**
 * A supervisor (or the admin, or the bureau's intake) issues a 督办 notice about a
 * case to the unit that must act: the case's competent unit by default, or its 属地
 * township. Never to a unit a conduct case accuses. One transaction writes the
 * notice, an internal timeline event, the audit entry and the unit's alert.
 */
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { endOfLocalDay } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { accusedUnits } from '../cases/transfer-case.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { mayIssueNotice, noticeTexts, toNoticeView, type NoticeView, type SupervisionDeps } from './notice-view.ts';

export interface IssueNoticeInput {
  /** Unit code; default the case's competent unit. */
  unit?: string | null | undefined;
  /** County-local date YYYY-MM-DD: the answer is due by the end of that day. */
  dueDate: string;
  message: string;
}

export async function issueSuperviseNotice(deps: SupervisionDeps, who: StaffPrincipal, rawNumber: string, input: IssueNoticeInput): Promise<NoticeView> {
  if (!mayIssueNotice(who)) throw new AppError('forbidden', 'only supervisors, the bureau and the admin issue supervision notices');
  const caseNumber = normalizeCaseNumber(rawNumber);
  const state = caseNumber ? await deps.actions.findState(caseNumber, caseScopeOf(who, deps.county)) : null;
  if (!state) throw new AppError('not_found', 'no such case');
  if (state.status === 'closed') throw new AppError('conflict', 'the case is closed; there is nothing left to supervise');
  const unit = input.unit || state.unit;
  if (unit !== state.unit && unit !== state.coUnit) {
    throw new AppError('bad_request', "a notice goes to the case's competent unit or its township");
  }
  if (accusedUnits(deps.county, state).has(unit)) throw new AppError('bad_request', 'a report against officials is never sent to a unit it accuses');
  const now = deps.clock.now();
  const dueAt = endOfLocalDay(input.dueDate, deps.county.utcOffsetMinutes);
  if (dueAt.getTime() <= now.getTime()) throw new AppError('bad_request', 'the due date must be today or later');
  const cfg = deps.county;
  const record = await deps.notices.issue({
    caseId: state.id,
    caseNumber: state.caseNumber,
    unit,
    issuerId: who.id,
    issuerName: who.username,
    at: now,
    dueAt,
    message: input.message,
    alertMessage: noticeTexts.alert(cfg, state.caseNumber, unit, dueAt),
    eventNote: noticeTexts.event(cfg, unit, dueAt, input.message),
  });
  return toNoticeView(record, now);
}
