/**
 * The review body's answer to a review (复查意见, action `review_reply`): given by the
 * body the county config names (`reviewBody`: its unit, acting through staff of its
 * role) or the admin — never by the unit whose reply is under review (403). The case
 * is replied again; the citizen is told the answer, until when a re-examination (复核)
 * may be asked and to which body. The first reply's time stays as it was.
 */
import { mayAnswerReview } from '../../domain/case/review.ts';
import { checkTransition } from '../../domain/case/lifecycle.ts';
import { dueAfter } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { remedyBody } from '../../dialog/guide.ts';
import { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { writtenNoticeFor, writtenNoticeLine } from './issue-written-notice.ts';
import { caseNoticeText, noticeDate, noticeFor, noticeUnit } from './case-notice.ts';

export interface ReviewAnswerInput {
  /** The review decision, as the citizen will read it. */
  answer: string;
}

export async function answerReview(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: ReviewAnswerInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const may = mayAnswerReview(who, state.unit, deps.county);
  if (may === 'reviewed_unit') throw new AppError('forbidden', 'the unit whose reply is reviewed may not answer the review: the review body does');
  if (may === 'not_review_body') throw new AppError('forbidden', 'only the review body answers a review');
  const check = checkTransition(state.status, 'review_reply', who.role);
  if (!check.ok) throw new AppError('conflict', `a case that is ${state.status} has no review to answer`, { status: state.status });
  const now = deps.clock.now();
  const ctx = deadlineContext(deps.county);
  const recheckDue = dueAfter(now, ctx.rules.recheckRequestDays, ctx.rules, ctx.utcOffsetMinutes);
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const body = deps.county.reviewBody ? noticeUnit(c, deps.county.reviewBody.unit) : remedyBody(deps.county, 'reviewBody', c.locale);
  const recheckBody = remedyBody(deps.county, 'recheckBody', c.locale);
  const writtenNotice = await writtenNoticeFor(
    deps,
    state,
    'review',
    now,
    { answer: input.answer, reviewBody: body, recheckDue: noticeDate(c, recheckDue), recheckBody },
    deps.county.reviewBody ? body : undefined,
  );
  const notice = noticeFor(
    state,
    caseNoticeText(c, check.to, [
      { key: 'cnReviewAnswered', params: { body, answer: input.answer } },
      { key: 'cnRecheckOpen', params: { date: noticeDate(c, recheckDue), body: recheckBody } },
      writtenNoticeLine(deps, writtenNotice),
    ]),
  );
  await commitTransition(deps, who, state, {
    to: check.to,
    // review_due_at now ends the re-examination window (the first reply's window has served).
    set: { reviewRepliedAt: now, reviewDueAt: recheckDue },
    at: now,
    kind: 'review_reply',
    public: publicFlag(check.transition, true),
    note: input.answer,
    data: { remedy: 'recheck', remedyDueAt: recheckDue.toISOString(), answerDueAt: state.reviewAnswerDueAt?.toISOString() ?? null },
    reason: null,
    notice,
    writtenNotice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
