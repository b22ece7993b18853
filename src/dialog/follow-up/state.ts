/**
 * Follow-up state transitions: `expecting` is derived from what the follow-up
 * awaits, so the two never disagree.
 */
import { result } from '../replies.ts';
import type { ConversationState, Effect, Expecting, FollowUpAction, FollowUpAwaiting, FollowUpState, Reply, TurnResult } from '../types.ts';

const EXPECTING_OF: Readonly<Record<FollowUpAwaiting, Expecting | null>> = {
  choice: 'caseNumber',
  caseNumber: 'caseNumber',
  queryCode: 'queryCode',
  supplement: 'supplement',
  // The reason is free text; the contract has no `expecting` value for it.
  reviewReason: null,
  satisfaction: 'satisfaction',
};

/** A new follow-up that keeps what this conversation already verified. */
export function freshFollowUp(action: FollowUpAction, prev: FollowUpState | null): FollowUpState {
  return {
    action,
    caseNumber: null,
    verifiedCase: prev?.verifiedCase ?? null,
    rateStage: null,
    awaiting: null,
    failures: 0,
    reviewUntil: prev?.reviewUntil ?? null,
  };
}

export function withFollowUp(state: ConversationState, fu: FollowUpState | null): ConversationState {
  return { ...state, misunderstood: 0, followUp: fu, expecting: fu?.awaiting ? EXPECTING_OF[fu.awaiting] : null };
}

/** One turn of the follow-up: the new follow-up state, the replies and the effects. */
export const step = (state: ConversationState, fu: FollowUpState | null, replies: Reply[], effects: Effect[] = []): TurnResult =>
  result(withFollowUp(state, fu), replies, effects);

/** Ends the current question but keeps the verified case for later actions. */
export const settle = (fu: FollowUpState): FollowUpState => ({ ...fu, awaiting: null, rateStage: null });
