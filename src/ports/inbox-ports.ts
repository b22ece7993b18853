/**
 * The staff inbox's reads: conversations waiting for a person or held by one. The
 * writes (claim, reply, attach, hand back) go through ConversationStore.updateState.
 */
import type { CaseFields } from '../domain/case/case-record.ts';
import type { CaseScope } from './case-ports.ts';

export type HandoffReason = 'requested' | 'risk' | 'fallback';

/** A case filed from the chat's conversation: where its part of the transcript ends, and its people's names (for masking). */
export interface FiledCase extends Pick<CaseFields, 'caseNumber' | 'createdAt'> {
  /** The petitioner's and representatives' names, decrypted: only ever used to mask them. */
  names: string[];
}

export interface WaitingChat {
  id: string;
  channel: string;
  locale: 'zh' | 'en';
  reason: HandoffReason;
  waitingSince: Date;
  /** The holder; null while nobody has claimed the chat. */
  staffId: string | null;
  staffUsername: string | null;
  claimedAt: Date | null;
  caseNumber: string | null;
  /** The citizen's latest message (decrypted), for the list. */
  lastCitizenMessage: { text: string; at: Date } | null;
  /** Cases filed from this conversation, oldest first. */
  filed: FiledCase[];
}

export interface InboxRepository {
  /**
   * Waiting and held chats, oldest wait first, at most `limit`. With a limited scope,
   * only chats attached to a case the scope can see.
   */
  waiting(scope: CaseScope, limit: number): Promise<WaitingChat[]>;
  /** One chat of the inbox as `waiting` shows it; null when it is not waiting or not in scope. */
  find(id: string, scope: CaseScope): Promise<WaitingChat | null>;
  /**
   * A cheap fingerprint of the whole waiting list: it changes when a chat starts
   * waiting, is claimed, gets a message through a turn or a staff action, or leaves.
   * Read from the store, so every server process sees every other one's changes.
   */
  fingerprint(): Promise<string>;
}
