/**
 * The unit decides not to accept the petition (不予受理) and tells the citizen why
 * and which lawful channel to use instead (court, arbitration, reconsideration, …).
 */
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { writtenNoticeFor, writtenNoticeLine } from './issue-written-notice.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface NotAcceptInput {
  reason: string;
  /** The lawful channel to point the citizen to, in the staff member's words. */
  channel: string;
}

export async function notAcceptCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: NotAcceptInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'not_accept', who);
  const now = deps.clock.now();
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const writtenNotice = await writtenNoticeFor(deps, state, 'not_accept', now, { reason: input.reason, channel: input.channel });
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [
      { key: 'cnNotAccepted', params: { reason: input.reason } },
      { key: 'cnNotAcceptedChannel', params: { channel: input.channel } },
      writtenNoticeLine(deps, writtenNotice),
    ]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: { holderStaffId: who.id },
    at: now,
    kind: 'not_accept',
    public: publicFlag(transition, true),
    note: input.reason,
    data: { channel: input.channel },
    reason: input.reason,
    notice,
    writtenNotice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
