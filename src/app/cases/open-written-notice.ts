/**
 * A case's written notices for staff: the list, and one notice's document as issued,
 * only through a case the caller may see (a case outside the scope is a 404 like a
 * missing one, and so is a notice of another case).
 */
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { CaseActionRepository, CaseActionState } from '../../ports/case-action-ports.ts';
import type { WrittenNoticeDocument, WrittenNoticeRepository, WrittenNoticeSummary } from '../../ports/written-notice-ports.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface WrittenNoticeDeps {
  actions: Pick<CaseActionRepository, 'findState'>;
  writtenNotices: WrittenNoticeRepository;
  county: CountyConfig;
}

export async function findCaseInScope(deps: Pick<WrittenNoticeDeps, 'actions' | 'county'>, who: StaffPrincipal, rawNumber: string): Promise<CaseActionState> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const state = caseNumber ? await deps.actions.findState(caseNumber, caseScopeOf(who, deps.county)) : null;
  if (!state) throw new AppError('not_found', 'no such case');
  return state;
}

export async function listWrittenNotices(deps: WrittenNoticeDeps, who: StaffPrincipal, rawNumber: string): Promise<WrittenNoticeSummary[]> {
  const state = await findCaseInScope(deps, who, rawNumber);
  return deps.writtenNotices.listForCase(state.id);
}

export async function openWrittenNotice(deps: WrittenNoticeDeps, who: StaffPrincipal, rawNumber: string, noticeId: string): Promise<WrittenNoticeDocument> {
  const state = await findCaseInScope(deps, who, rawNumber);
  const notice = await deps.writtenNotices.find(state.id, noticeId);
  if (!notice) throw new AppError('not_found', 'no such notice');
  return notice;
}
