/**
 * The written reply (书面答复意见). It starts the citizen's window to ask for a review
 * (复查); the citizen is told the answer, until when and to which body. While a review
 * is open the reply is the review body's (answer-review.ts): the unit whose reply is
 * under review gets 403, anyone else 409.
 */
import { reviewRequestDue } from '../../domain/deadlines.ts';
import { isReviewedUnit } from '../../domain/case/review.ts';
import { AppError } from '../../domain/errors.ts';
import { deadlineContext, reviewOpenText, formatDate } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseDto } from './case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, commitTransition, guardAction, loadForAction, publicFlag, type CaseActionDeps } from './case-action-kit.ts';
import { writtenNoticeFor, writtenNoticeLine } from './issue-written-notice.ts';
import { remedyBody } from '../../dialog/guide.ts';
import { unitName } from '../../domain/county/schema.ts';
import { caseNoticeText, noticeFor } from './case-notice.ts';

export interface ReplyInput {
  /** The written answer, as the citizen will read it. */
  answer: string;
}

export async function replyToCase(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, input: ReplyInput): Promise<CaseDto> {
  const state = await loadForAction(deps, who, caseNumber);
  if (state.status === 'review_requested' && isReviewedUnit(who, state.unit, deps.county)) {
    throw new AppError('forbidden', 'a review of this reply is open: the review body answers it, not the unit that replied');
  }
  const { transition, to } = guardAction(deps, state, 'reply', who);
  const now = deps.clock.now();
  const ctx = deadlineContext(deps.county);
  const remedyDue = reviewRequestDue(now, ctx);
  const c = { county: deps.county, locale: state.locale, caseNumber: state.caseNumber };
  const writtenNotice = await writtenNoticeFor(deps, state, 'reply', now, {
    answer: input.answer,
    reviewDue: formatDate(remedyDue, deps.county, c.locale),
    reviewBody: deps.county.reviewBody ? unitName(deps.county, deps.county.reviewBody.unit, c.locale) : remedyBody(deps.county, 'reviewBody', c.locale),
  });
  const notice = noticeFor(
    state,
    caseNoticeText(c, to, [{ key: 'cnReplied', params: { answer: input.answer } }, reviewOpenText(remedyDue, deps.county, c.locale), writtenNoticeLine(deps, writtenNotice)]),
  );
  await commitTransition(deps, who, state, {
    to,
    set: { repliedAt: now, reviewDueAt: remedyDue },
    at: now,
    kind: 'reply',
    public: publicFlag(transition, true),
    note: input.answer,
    data: { remedy: 'review', remedyDueAt: remedyDue.toISOString() },
    reason: null,
    notice,
    writtenNotice,
  });
  return caseAfter(deps, who, state.caseNumber);
}
