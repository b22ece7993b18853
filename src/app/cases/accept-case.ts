/**
 * The handling unit accepts the petition (受理): the 60-day handling clock starts
 * (acceptedAt, replyDueAt) and the acting staff member becomes its holder.
 */
import { replyDue } from '../../domain/deadlines.ts';
import { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { writtenNoticeFor, writtenNoticeLine } from './issue-written-notice.ts';
import { caseNoticeText, noticeDate, noticeUnit, noticeFor } from './case-notice.ts';

export interface AcceptInput {
  /** Optional remark, shown to the citizen with the notice. */
  note?: string | null | undefined;
}

export async function acceptCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: AcceptInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'accept', who);
  const now = deps.clock.now();
  const due = replyDue(now, deadlineContext(deps.county));
  const note = input.note ?? null;
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const writtenNotice = await writtenNoticeFor(deps, state, 'accept', now, { replyDue: noticeDate(c, due) });
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [
      { key: 'cnAccepted', params: { unit: noticeUnit(c, state.unit), date: noticeDate(c, due) } },
      note ? { key: 'cnStaffRemark', params: { note } } : null,
      writtenNoticeLine(deps, writtenNotice),
    ]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: { acceptedAt: now, replyDueAt: due, holderStaffId: who.id },
    at: now,
    kind: 'accept',
    public: publicFlag(transition, true),
    note,
    data: { replyDueAt: due.toISOString() },
    reason: note,
    notice,
    writtenNotice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
