/**
 * The 30-day callback question (回访) "is the matter resolved?" as its answer needs it:
 * the question asked of a case, and the answer recorded once.
 */
import type { CaseFields } from '../domain/case/case-record.ts';

/** A case's callback question and what its answer needs to know of the review. */
export type CallbackQuestion = Pick<
  CaseFields,
  'caseNumber' | 'conversationId' | 'status' | 'followUpSentAt' | 'followUpResolved' | 'followUpAnsweredAt' | 'repliedAt' | 'reviewDueAt' | 'reviewRequestedAt'
>;

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
