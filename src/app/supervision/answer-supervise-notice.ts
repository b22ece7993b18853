/**
 * The unit a notice was issued to answers it, once: a handler of that unit, or the
 * admin. One transaction writes the answer, an internal timeline event and the audit
 * entry. A notice the caller's scope hides is a 404 like a missing one; a second
 * answer is a 409.
 */
import { AppError } from '../../domain/errors.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { mayAnswerNotice, noticeTexts, toNoticeView, type NoticeView, type SupervisionDeps } from './notice-view.ts';

export async function answerSuperviseNotice(deps: Pick<SupervisionDeps, 'notices' | 'county' | 'clock'>, who: StaffPrincipal, id: string, answer: string): Promise<NoticeView> {
  if (who.role !== 'admin' && who.role !== 'handler') throw new AppError('forbidden', 'only the unit the notice was issued to answers it');
  const notice = await deps.notices.find(id, caseScopeOf(who, deps.county));
  if (!notice) throw new AppError('not_found', 'no such notice');
  if (notice.answeredAt) throw new AppError('conflict', 'the notice has already been answered');
  if (!mayAnswerNotice(who, notice)) throw new AppError('forbidden', 'only the unit the notice was issued to answers it');
  const now = deps.clock.now();
  const outcome = await deps.notices.answer({
    noticeId: notice.id,
    caseId: notice.caseId,
    caseNumber: notice.caseNumber,
    answer,
    staffId: who.id,
    staffName: who.username,
    at: now,
    eventNote: noticeTexts.answer(deps.county, notice.unit, answer),
  });
  if (outcome === 'conflict') throw new AppError('conflict', 'the notice has already been answered');
  return toNoticeView({ ...notice, answer, answeredAt: now, answeredBy: who.username }, now);
}
