/**
 * A progress note on an open case. The staff member decides whether it is public
 * (shown in the citizen's case lookup and pushed to them) or internal (staff only).
 * The status does not change, but the note is refused once the case has moved to a
 * status that takes no notes, also when that happened concurrently.
 */
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface NoteInput {
  note: string;
  /** Internal unless said otherwise: a note reaches the citizen only on purpose. */
  public?: boolean | undefined;
}

export async function addCaseNote(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: NoteInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'note', who);
  const now = deps.clock.now();
  const isPublic = publicFlag(transition, input.public === true);
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = isPublic ? noticeFor(state, caseNoticeText(c, to, [{ key: 'cnNote', params: { note: input.note } }])) : null;
  await commitTransition(deps, who, state, { to, set: {}, at: now, kind: 'note', public: isPublic, note: input.note, reason: null, notice });
  return caseAfter(deps, who, state.caseNumber);
}
