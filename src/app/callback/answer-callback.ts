/**
 * The citizen answers the callback question (回访) "is the matter resolved?": by
 * its button (`followup:<caseNumber>:yes|no`) or by typing yes/no right after it.
 * Only a case filed from this conversation and actually asked about is answered;
 * anything else is "not found", the same for a stranger's case and a missing one.
 * The first answer is recorded once (followUpResolved, followUpAnsweredAt and a
 * public timeline event, in one transaction); a second press writes nothing.
 * The answer feeds the settlement rate (src/app/stats/get-stats.ts).
 */
import { REVIEWABLE } from '../../domain/case/review.ts';
import { reviewRequestDue, withinReviewWindow } from '../../domain/deadlines.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { EffectEvent, CallbackAnswerEvent } from '../../dialog/types.ts';
import type { CallbackAnswerStore, CallbackQuestion } from '../../ports/callback-ports.ts';

export interface AnswerCallbackDeps {
  callbacks: CallbackAnswerStore;
  county: CountyConfig;
}

type Recorded = Extract<CallbackAnswerEvent, { type: 'follow_up_recorded' }>;

/** Whether the citizen can still ask for a review, as request-review.ts will judge it. */
function reviewState(q: CallbackQuestion, now: Date, county: CountyConfig): Pick<Recorded, 'review' | 'reviewUntil'> {
  if (q.status === 'review_requested' || q.reviewRequestedAt) return { review: 'requested', reviewUntil: null };
  // A case closed after its reply keeps the window (a request reopens it).
  if (!REVIEWABLE.includes(q.status) || !q.repliedAt) return { review: 'closed', reviewUntil: q.reviewDueAt?.toISOString() ?? null };
  const c = { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes };
  const until = q.reviewDueAt ?? reviewRequestDue(q.repliedAt, c);
  const open = now.getTime() <= until.getTime() && withinReviewWindow(q.repliedAt, now, c);
  return { review: open ? 'open' : 'closed', reviewUntil: until.toISOString() };
}

export async function answerCallback(
  deps: AnswerCallbackDeps,
  caseNumber: string | null,
  answer: 'yes' | 'no',
  conversationId: string,
  now: Date,
): Promise<EffectEvent> {
  const q = caseNumber ? await deps.callbacks.callbackQuestion(caseNumber) : await deps.callbacks.pendingCallbackQuestion(conversationId);
  if (!q && !caseNumber) return { type: 'follow_up_not_pending', answer };
  if (!q || q.conversationId !== conversationId || !q.followUpSentAt) return { type: 'follow_up_not_found' };
  const wanted = answer === 'yes';
  const outcome = q.followUpAnsweredAt ? 'already' : await deps.callbacks.recordCallbackAnswer(q.caseNumber, wanted, now);
  // A concurrent first answer won: report what is on record.
  const onRecord = outcome === 'ok' ? wanted : ((q.followUpAnsweredAt ? q.followUpResolved : (await deps.callbacks.callbackQuestion(q.caseNumber))?.followUpResolved) ?? wanted);
  return { type: 'follow_up_recorded', caseNumber: q.caseNumber, resolved: onRecord, already: outcome === 'already', ...reviewState(q, now, deps.county) };
}
