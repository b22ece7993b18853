/**
 * The bureau registers a review request (复查) on a citizen's behalf — one made in
 * person, by letter or by phone — within the window after the written reply, once.
 */
import { withinReviewWindow } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { deadlineContext } from '../../dialog/forms/follow-up/case-view.ts';
import type { CaseDto } from '../case-view.ts';
import type { StaffPrincipal } from '../staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface RequestReviewInput {
  /** The citizen's reasons, as recorded by staff. */
  reason: string;
}

export async function requestCaseReview(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: RequestReviewInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  const { transition, to } = guardAction(deps, state, 'request_review', who);
  const now = deps.clock.now();
  if (state.reviewRequestedAt) throw new AppError('conflict', 'a review has already been requested for this case');
  if (!state.repliedAt || !withinReviewWindow(state.repliedAt, now, deadlineContext(deps.county))) {
    throw new AppError('conflict', 'the period for requesting a review has ended');
  }
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const notice = noticeFor(state, caseNoticeText(c, to, [{ key: 'cnReviewRequested', params: { days: deps.county.deadlines.reviewAnswerDays } }]));
  await commitTransition(deps, who, state, {
    to,
    set: { reviewRequestedAt: now },
    at: now,
    kind: 'request_review',
    public: publicFlag(transition, true),
    note: input.reason,
    reason: input.reason,
    notice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
