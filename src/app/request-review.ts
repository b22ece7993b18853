/**
 * A citizen requests a review (复查) of the written reply: only a replied case,
 * only within the county's review window after the reply, only once.
 */
import { reviewRequestDue, withinReviewWindow } from '../domain/deadlines.ts';
import type { EffectEvent } from '../dialog/types.ts';
import type { FollowUpDeps } from './run-follow-up-effect.ts';

/** Longest reason accepted (the dialogue asks within it). */
export const MAX_REASON_LENGTH = 4000;

export async function requestReview(deps: FollowUpDeps, caseNumber: string, reason: string, now: Date): Promise<EffectEvent> {
  const refused = (r: 'not_replied' | 'already_requested'): EffectEvent => ({ type: 'review_refused', reason: r, dueAt: null });
  const view = await deps.followUps.publicView(caseNumber);
  if (!view) return refused('not_replied');
  if (view.status === 'review_requested' || view.reviewRequestedAt) return refused('already_requested');
  if (view.status !== 'replied' || !view.repliedAt) return refused('not_replied');
  const repliedAt = new Date(view.repliedAt);
  const c = { rules: deps.county.deadlines, utcOffsetMinutes: deps.county.utcOffsetMinutes };
  if (!withinReviewWindow(repliedAt, now, c)) {
    return { type: 'review_refused', reason: 'window_closed', dueAt: reviewRequestDue(repliedAt, c).toISOString() };
  }
  const outcome = await deps.followUps.requestReview(caseNumber, reason.trim().slice(0, MAX_REASON_LENGTH), now);
  return outcome === 'ok' ? { type: 'review_requested', caseNumber } : refused(outcome);
}
