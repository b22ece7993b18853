/**
 * A citizen requests a review (复查) of the written reply: only after the reply, only
 * within the county's review window, only once — also when the case was closed
 * after its reply (it is reopened and staff are alerted, not silently refused). The
 * review body's answer is due reviewAnswerDays later.
 */
import { checkReviewRequest } from '../../domain/case/review.ts';
import type { EffectEvent } from '../../dialog/types.ts';
import type { CaseLookupDeps } from './case-lookup-deps.ts';

/** Longest reason accepted (the dialogue asks within it). */
export const MAX_REASON_LENGTH = 4000;

export async function requestReview(deps: CaseLookupDeps, caseNumber: string, reason: string, now: Date): Promise<EffectEvent> {
  const refused = (r: 'not_replied' | 'already_requested'): EffectEvent => ({ type: 'review_refused', reason: r, dueAt: null });
  const view = await deps.caseLookups.publicView(caseNumber);
  if (!view) return refused('not_replied');
  const c = { rules: deps.county.deadlines, utcOffsetMinutes: deps.county.utcOffsetMinutes };
  const at = (s: string | null) => (s ? new Date(s) : null);
  const check = checkReviewRequest({ status: view.status, repliedAt: at(view.repliedAt), reviewRequestedAt: at(view.reviewRequestedAt) }, now, c);
  if (!check.ok) {
    if (check.reason === 'window_closed') return { type: 'review_refused', reason: 'window_closed', dueAt: check.windowEnd?.toISOString() ?? null };
    return refused(check.reason);
  }
  const outcome = await deps.caseLookups.requestReview(caseNumber, reason.trim().slice(0, MAX_REASON_LENGTH), now, {
    answerDueAt: check.answerDueAt,
    alertUnit: deps.county.reviewBody?.unit ?? null,
  });
  return outcome === 'ok' ? { type: 'review_requested', caseNumber } : refused(outcome);
}
