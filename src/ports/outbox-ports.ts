/**
 * The outbox: messages to push to a citizen on their own channel (bot replies on
 * push channels, staff replies, status changes). Written in the same transaction as
 * what caused them; a channel's sender delivers them and marks them delivered, so a
 * crash between commit and send delays a message but never loses it.
 */
import type { Button } from '../dialog/types.ts';

export type { Button } from '../dialog/types.ts';

export interface OutboxMessage {
  id: string;
  conversationId: string;
  channel: string;
  channelUserId: string;
  author: 'bot' | 'staff' | 'system';
  text: string;
  buttons: Button[] | null;
  at: Date;
  attempts: number;
}

export interface NewOutboxMessage {
  /** The message's id, when the caller links something to it (a written notice); else generated. */
  id?: string;
  author: 'bot' | 'staff' | 'system';
  text: string;
  buttons?: Button[] | null;
}

/** A hint that a conversation has new pending messages; `null`: hints may have been missed, look again. */
export type PendingHint = { conversationId: string; channel: string } | null;

/**
 * Several server processes share one outbox: a sender first claims messages (a lease
 * of a few seconds to minutes, recorded in the row), sends them, then marks them
 * delivered or releases them. Claims are per conversation: while any pending message
 * of a conversation is leased, no one else claims that conversation's messages, so
 * they go out once and in order; a crashed sender's lease runs out and another takes over.
 */
export interface OutboxStore {
  enqueue(conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void>;
  /** Oldest first, for one channel (leased or not: for finding whom to push to, not for sending). */
  pending(channel: string, limit: number): Promise<OutboxMessage[]>;
  pendingFor(conversationId: string): Promise<OutboxMessage[]>;
  /** Claims up to `limit` pending messages of `channel` for `owner`, oldest first, whole conversations that no one holds. */
  claim(channel: string, owner: string, leaseMs: number, limit: number): Promise<OutboxMessage[]>;
  /** Claims one conversation's pending messages; [] when there are none or another sender holds them. */
  claimFor(conversationId: string, owner: string, leaseMs: number): Promise<OutboxMessage[]>;
  /** Delivered: never claimed again. */
  markDelivered(ids: readonly string[], at: Date): Promise<void>;
  /** Gives claimed messages back: at once, or after `retryAfterMs` (a back-off every process respects). */
  release(ids: readonly string[], owner: string, retryAfterMs?: number): Promise<void>;
  markFailed(id: string): Promise<void>;
  /** Calls `handler` when any process enqueues messages (or with null after hints may have been lost). */
  onPending(handler: (hint: PendingHint) => void): () => void;
}

export interface DeadLetterStore {
  add(entry: { channel: string; key: string; payload: unknown; error: string }): Promise<void>;
  count(channel?: string): Promise<number>;
}
