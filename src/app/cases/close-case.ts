/** The bureau closes a replied or not-accepted case (办结); the citizen is told. */
import type { CaseDto } from '../case-view.ts';
import type { StaffPrincipal } from '../staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, notifyCitizen, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText } from './case-notice.ts';

export interface CloseInput {
  note?: string | null | undefined;
}

export async function closeCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: CloseInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(state.status, 'close', who);
  const now = deps.clock.now();
  const note = input.note ?? null;
  await commitTransition(deps, who, state, {
    to,
    set: { closedAt: now },
    at: now,
    kind: 'close',
    public: publicFlag(transition, true),
    note,
    reason: note,
  });
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  await notifyCitizen(deps, state, caseNoticeText(c, to, [{ key: 'cnClosed' }, note ? { key: 'cnStaffRemark', params: { note } } : null]), now);
  return caseAfter(deps, who, state.caseNumber);
}
