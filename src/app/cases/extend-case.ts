/**
 * One extension of the handling period (延长办理期限), at most the county's
 * maxExtensionDays, counted from the current reply deadline, with the reason told
 * to the citizen. A second extension is refused (409).
 */
import { extendReplyDue, replyDue } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { writtenNoticeFor, writtenNoticeLine } from './issue-written-notice.ts';
import { caseNoticeText, noticeDate, noticeFor } from './case-notice.ts';

export interface ExtendInput {
  reason: string;
  days: number;
}

export async function extendCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: ExtendInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'extend', who);
  const now = deps.clock.now();
  const ctx = deadlineContext(deps.county);
  const current = state.replyDueAt ?? replyDue(state.acceptedAt ?? now, ctx);
  const check = extendReplyDue(current, input.days, state.extensions, ctx);
  if (!check.ok) {
    if (check.reason === 'no_extensions_left') throw new AppError('conflict', 'the handling period has already been extended');
    throw new AppError('bad_request', `days must be a whole number from 1 to ${deps.county.deadlines.maxExtensionDays}`);
  }
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const writtenNotice = await writtenNoticeFor(deps, state, 'extend', now, { days: input.days, newDue: noticeDate(c, check.newDue), reason: input.reason });
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [
      { key: 'cnExtended', params: { days: input.days, date: noticeDate(c, check.newDue), reason: input.reason } },
      writtenNoticeLine(deps, writtenNotice),
    ]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: { replyDueAt: check.newDue, extensionDays: (state.extensionDays ?? 0) + input.days },
    at: now,
    kind: 'extend',
    public: publicFlag(transition, true),
    note: input.reason,
    data: { days: input.days, previousReplyDueAt: current.toISOString(), replyDueAt: check.newDue.toISOString() },
    reason: input.reason,
    notice,
    writtenNotice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
