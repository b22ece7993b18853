/**
 * The written reply (书面答复意见). It starts the citizen's window to ask for a
 * review (复查), or, when the reply answers a review, for a re-examination (复核);
 * the citizen is told the answer, until when and to which body.
 */
import { dueAfter, reviewRequestDue } from '../../domain/deadlines.ts';
import { remedyBody } from '../../dialog/guide.ts';
import { deadlineContext, reviewOpenText } from '../../dialog/forms/follow-up/case-view.ts';
import type { CaseDto } from '../case-view.ts';
import type { StaffPrincipal } from '../staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeDate, noticeFor, type NoticeLine } from './case-notice.ts';

export interface ReplyInput {
  /** The written answer, as the citizen will read it. */
  answer: string;
}

export async function replyToCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: ReplyInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'reply', who);
  const now = deps.clock.now();
  const ctx = deadlineContext(deps.county);
  const answersReview = state.status === 'review_requested';
  const remedyDue = answersReview
    ? dueAfter(now, ctx.rules.recheckRequestDays, ctx.rules, ctx.utcOffsetMinutes)
    : reviewRequestDue(now, ctx);
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const remedy: NoticeLine = answersReview
    ? { key: 'cnRecheckOpen', params: { date: noticeDate(c, remedyDue), body: remedyBody(deps.county, 'recheckBody', c.locale) } }
    : reviewOpenText(remedyDue, deps.county, c.locale);
  const notice = noticeFor(state, caseNoticeText(c, to, [{ key: 'cnReplied', params: { answer: input.answer } }, remedy]));
  await commitTransition(deps, who, state, {
    to,
    set: { repliedAt: now, reviewDueAt: remedyDue },
    at: now,
    kind: 'reply',
    public: publicFlag(transition, true),
    note: input.answer,
    data: { remedy: answersReview ? 'recheck' : 'review', remedyDueAt: remedyDue.toISOString() },
    reason: null,
    notice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
