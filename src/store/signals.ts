/**
 * Cross-process signals: "the store changed, look again". A signal is only a hint —
 * the store stays the truth and every listener keeps a slow poll as its safety net —
 * so a lost signal delays, never loses, a delivery. On PostgreSQL they travel by
 * LISTEN/NOTIFY (signals-pg.ts); on the embedded store, which one process owns,
 * they stay in-process (signals-local.ts).
 */
import type { Prisma } from '../generated/prisma/client.ts';

/** outbox: a conversation has new pending messages; inbox: a waiting chat changed; alert: a staff alert was raised. */
export const TOPICS = ['outbox', 'inbox', 'alert'] as const;
export type Topic = (typeof TOPICS)[number];

export interface OutboxSignal {
  conversationId: string;
  channel: string;
}

export type SignalPayload = Record<string, unknown>;

/** `null` means "resync": signals may have been missed (a reconnect), so look at the store again. */
export type SignalHandler = (payload: SignalPayload | null) => void;

/** The part of a Prisma transaction client a signal needs. */
export type SignalTx = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

export interface Signal {
  topic: Topic;
  payload: SignalPayload;
}

export interface Signals {
  /** Sends inside `tx`: listeners hear it when `tx` commits, never before, and not at all after a rollback (PostgreSQL). */
  notifyIn(tx: SignalTx, signals: readonly Signal[]): Promise<void>;
  /** Sends at once, outside any transaction (after an auto-committed write). */
  notify(topic: Topic, payload: SignalPayload): Promise<void>;
  /** Calls `handler` for every signal of `topic` from any process (this one included); returns the unsubscribe. */
  listen(topic: Topic, handler: SignalHandler): () => void;
  /** Resolves once listening works (or after a few seconds without: the polls cover that). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL channel names are shared by every database on the server's listeners: keep ours apart. */
export const channelOf = (topic: Topic) => `xf_${topic}`;

export function topicOf(channel: string): Topic | undefined {
  return TOPICS.find((t) => channelOf(t) === channel);
}

/** Fans signals out to handlers; a throwing handler never stops the others. */
export class SignalHandlers {
  private readonly byTopic = new Map<Topic, Set<SignalHandler>>();

  constructor(private readonly onError: (err: unknown) => void) {}

  add(topic: Topic, handler: SignalHandler): () => void {
    const set = this.byTopic.get(topic) ?? new Set();
    this.byTopic.set(topic, set);
    set.add(handler);
    return () => void set.delete(handler);
  }

  emit(topic: Topic, payload: SignalPayload | null): void {
    for (const h of this.byTopic.get(topic) ?? []) {
      try {
        h(payload);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  /** Every handler of every topic gets a resync. */
  resyncAll(): void {
    for (const t of TOPICS) this.emit(t, null);
  }

  get topics(): Topic[] {
    return [...this.byTopic.keys()];
  }
}

/** Payloads are small JSON objects; anything else from the wire is read as a resync. */
export function parsePayload(text: string | undefined): SignalPayload | null {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as SignalPayload) : null;
  } catch {
    return null;
  }
}
