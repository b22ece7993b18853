/**
 * The 30-day callback question (回访) "is the matter resolved?" as its answer needs it:
 * the question asked of a case, and the answer recorded once.
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';

export interface CallbackQuestion {
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

/** What answering needs from the store (PrismaCaseLookupRepository). */
export interface CallbackAnswerStore {
  callbackQuestion(caseNumber: string): Promise<CallbackQuestion | null>;
  /**
   * The conversation's latest callback question still unanswered, provided the
   * citizen has written nothing in this conversation since it was sent; else null.
   */
  pendingCallbackQuestion(conversationId: string): Promise<CallbackQuestion | null>;
  /** Records the answer unless the case has one; 'already' writes nothing. */
  recordCallbackAnswer(caseNumber: string, resolved: boolean, at: Date): Promise<'ok' | 'already'>;
}
