/** The unit starts handling an accepted case (正在办理); the citizen is told. */
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface StartHandlingInput {
  note?: string | null | undefined;
}

export async function startCaseHandling(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: StartHandlingInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'start_handling', who);
  const now = deps.clock.now();
  const note = input.note ?? null;
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = noticeFor(state, caseNoticeText(c, to, [{ key: 'cnInProgress' }, note ? { key: 'cnStaffRemark', params: { note } } : null]));
  await commitTransition(deps, who, state, {
    to,
    set: state.holderStaffId ? {} : { holderStaffId: who.id },
    at: now,
    kind: 'start_handling',
    public: publicFlag(transition, true),
    note,
    reason: note,
    notice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
