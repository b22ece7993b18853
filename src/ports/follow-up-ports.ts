/**
 * Ports of the citizen's follow-up: what a citizen may see of a case and the few
 * changes a citizen may make, and the failed-look-up counters that stop guessing
 * of query codes.
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { PublicCaseView, Rating } from '../dialog/types.ts';

export type { PublicCaseView, Rating } from '../dialog/types.ts';

export type RatingStage = 'acceptance' | 'handling';

export interface FollowUpRepository {
  /**
   * The citizen's view of a case: public timeline events only, no personal data,
   * and no note written by the citizen (material and reasons may hold personal data).
   * `conversationId` is the conversation that filed it, for ownership checks only.
   */
  publicView(caseNumber: string): Promise<(PublicCaseView & { conversationId: string | null }) | null>;
  /** Cases filed from one conversation (one channel identity), newest first, at most 10. */
  listByConversation(conversationId: string): Promise<{ caseNumber: string; status: CaseStatus; createdAt: Date }[]>;
  /** Adds the citizen's material as a public `supplement` event; false when the case is unknown. The status is unchanged. */
  addSupplement(caseNumber: string, text: string, at: Date): Promise<boolean>;
  /** Records a rating once per stage: of two concurrent ratings exactly one is 'ok'. */
  rate(caseNumber: string, stage: RatingStage, rating: Rating, at: Date): Promise<'ok' | 'already_rated'>;
  /**
   * replied (or closed after its reply) → review_requested with its public
   * `request_review` event, the review answer's deadline and an alert for the review
   * body, in one transaction; a closed case is reopened. The review window is the
   * caller's check (a domain rule). A case whose reply already answered a review is
   * 'already_requested'.
   */
  requestReview(caseNumber: string, reason: string, at: Date, opts: ReviewRequestWrite): Promise<'ok' | 'not_replied' | 'already_requested'>;
}

export interface ReviewRequestWrite {
  /** When the review body's answer is due. */
  answerDueAt: Date;
  /** The unit alerted (the review body); null: the case's competent unit. */
  alertUnit: string | null;
}

/** Lockout of query-code look-ups: `maxFailures` within `windowMs` lock the key for `lockMs`. */
export interface QueryLockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const QUERY_LOCKOUT: QueryLockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Staff sign-in failures per client network (src/staff/auth/ip-throttle.ts). */
export const LOGIN_IP_POLICY: QueryLockoutPolicy = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Failed look-ups per key (`case:<number>`, `user:<channel>:<id>`). Safe under concurrency. */
export interface QueryAttemptStore {
  isLocked(key: string, now: Date): Promise<boolean>;
  /** Counts one failure; `locked` when this or an earlier failure locked the key. */
  recordFailure(key: string, now: Date): Promise<{ failures: number; locked: boolean }>;
  /**
   * Counts one attempt as a failure before it is made, in one statement, unless the key
   * is locked (then false and nothing counted): of N concurrent attempts at most the
   * limit get through. `release` gives the count back when the attempt did not fail.
   */
  reserve(key: string, now: Date): Promise<boolean>;
  release(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface FollowUpQuestion {
  caseNumber: string;
  conversationId: string | null;
  status: CaseStatus;
  followUpSentAt: Date | null;
  followUpResolved: boolean | null;
  followUpAnsweredAt: Date | null;
  repliedAt: Date | null;
  reviewDueAt: Date | null;
  reviewRequestedAt: Date | null;
}

/** What answering needs from the store (PrismaFollowUpRepository). */
export interface FollowUpAnswerStore {
  followUpQuestion(caseNumber: string): Promise<FollowUpQuestion | null>;
  /**
   * The conversation's latest follow-up question still unanswered, provided the
   * citizen has written nothing in this conversation since it was sent; else null.
   */
  pendingFollowUpQuestion(conversationId: string): Promise<FollowUpQuestion | null>;
  /** Records the answer unless the case has one; 'already' writes nothing. */
  recordFollowUpAnswer(caseNumber: string, resolved: boolean, at: Date): Promise<'ok' | 'already'>;
}
