/**
 * Cross-process signals: "the store changed, look again". A signal is only a hint —
 * the store stays the truth and every listener keeps a slow poll as its safety net —
 * so a lost signal delays, never loses, a delivery.
 *
 * One place sends them: triggers in the database (migration `store_signals`) call
 * pg_notify on the rows that matter (a pending message, a waiting chat's change, a new
 * alert). Chosen over a write log kept by every write path because the store writes
 * through three clients (Prisma's model API, raw SQL, the driver for chat turns), and
 * a log must be fed by each of them while a trigger sees them all; NOTIFY itself gives
 * what the senders did by hand before: delivery on commit, nothing after a rollback,
 * repeats in one transaction folded. PostgreSQL delivers to every process's LISTEN
 * connection (signals-pg.ts); PGlite delivers to its own process (signals-pglite.ts).
 * Listeners need only this: the outbox's sender the conversation and channel, the
 * inbox and alert watchers a wake-up.
 */
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

/** Listening only: the database sends (see above). */
export interface Signals {
  /** Calls `handler` for every signal of `topic` from any process (this one included); returns the unsubscribe. */
  listen(topic: Topic, handler: SignalHandler): () => void;
  /** Resolves once listening works (or after a few seconds without: the polls cover that). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL channel names are shared by every database on the server's listeners: keep ours apart (the triggers spell them too). */
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
