/**
 * The port of the citizen's case lookup: what a citizen may see of a case and the few
 * changes a citizen may make (material, ratings, a review request).
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { PublicCaseView, Rating } from '../dialog/types.ts';

export type { PublicCaseView, Rating } from '../dialog/types.ts';

export type RatingStage = 'acceptance' | 'handling';

export interface CaseLookupRepository {
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
