/**
 * The bureau registers a review request (复查) on a citizen's behalf — one made in
 * person, by letter or by phone — within the window after the written reply, once;
 * also for a case closed after its reply (the close does not take the citizen's
 * window away: the case is reopened). The review body's answer is due
 * `deadlines.reviewAnswerDays` later (the deadline monitor watches it).
 */
import { checkReviewRequest } from '../../domain/case/review.ts';
import { AppError } from '../../domain/errors.ts';
import { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeDate, noticeFor } from './case-notice.ts';

export interface RequestReviewInput {
  /** The citizen's reasons, as recorded by staff. */
  reason: string;
}

export async function requestCaseReview(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: RequestReviewInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'request_review', who);
  const now = deps.clock.now();
  const check = checkReviewRequest(state, now, deadlineContext(deps.county));
  if (!check.ok) {
    if (check.reason === 'already_requested') throw new AppError('conflict', 'a review has already been requested for this case');
    if (check.reason === 'not_replied') throw new AppError('conflict', 'the case has no written reply to review');
    throw new AppError('conflict', 'the period for requesting a review has ended', { windowEnd: check.windowEnd?.toISOString() ?? null });
  }
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [{ key: 'cnReviewRequested', params: { days: deps.county.deadlines.reviewAnswerDays } }, { key: 'cnReviewDue', params: { date: noticeDate(c, check.answerDueAt) } }]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: { reviewRequestedAt: now, reviewAnswerDueAt: check.answerDueAt, ...(state.status === 'closed' ? { closedAt: null } : {}) },
    at: now,
    kind: 'request_review',
    public: publicFlag(transition, true),
    note: input.reason,
    data: { answerDueAt: check.answerDueAt.toISOString(), reopened: state.status === 'closed' },
    reason: input.reason,
    notice,
    // The review body must not miss it (the citizen's own requests alert it too).
    alert: {
      kind: 'review_requested',
      dedupeKey: `review_requested:${state.id}`,
      unit: deps.county.reviewBody?.unit ?? state.unit,
      message: `案件 ${state.caseNumber} 已登记复查申请${state.status === 'closed' ? '（已办结，现重新打开）' : ''} / review request registered${state.status === 'closed' ? ' (the closed case is reopened)' : ''}`,
    },
  });
  return caseAfter(deps, who, state.caseNumber);
}
