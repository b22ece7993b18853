/**
 * The outbox: messages to push to a citizen on their own channel (bot replies on
 * push channels, staff replies, status changes). Written in the same transaction as
 * what caused them; a channel's sender delivers them and marks them delivered, so a
 * crash between commit and send delays a message but never loses it.
 */
import type { Button } from '../dialog/types.ts';

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
  author: 'bot' | 'staff' | 'system';
  text: string;
  buttons?: Button[] | null;
}

export interface OutboxStore {
  enqueue(conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void>;
  /** Oldest first, for one channel. */
  pending(channel: string, limit: number): Promise<OutboxMessage[]>;
  pendingFor(conversationId: string): Promise<OutboxMessage[]>;
  markDelivered(ids: readonly string[], at: Date): Promise<void>;
  markFailed(id: string): Promise<void>;
}

export interface DeadLetterStore {
  add(entry: { channel: string; key: string; payload: unknown; error: string }): Promise<void>;
  count(channel?: string): Promise<number>;
}
