/**
 * The settlement rule (息诉率) for one replied case, as the dashboard defines it
 * (get-stats.ts): a case is decided once its review window has passed (the stored
 * reviewDueAt, else reviewRequestDays after the reply) or as soon as the citizen
 * answered "no, not resolved" to the callback; it is settled when the window passed
 * with no review requested and no "no" answer.
 */
import { reviewRequestDue, type DeadlineContext } from '../../domain/deadlines.ts';

export interface RepliedFacts {
  repliedAt: Date;
  reviewDueAt: Date | null;
  reviewRequested: boolean;
  /** The citizen's callback answer: false is "not resolved"; null when not answered. */
  followUpResolved?: boolean | null | undefined;
}

export type SettlementVerdict = 'pending' | 'settled' | 'unsettled';

export function settlementVerdict(r: RepliedFacts, now: Date, ctx: DeadlineContext): SettlementVerdict {
  const windowPassed = (r.reviewDueAt ?? reviewRequestDue(r.repliedAt, ctx)).getTime() < now.getTime();
  const unresolved = r.followUpResolved === false;
  if (!windowPassed && !unresolved) return 'pending';
  return windowPassed && !r.reviewRequested && !unresolved ? 'settled' : 'unsettled';
}
