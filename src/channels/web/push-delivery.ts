/**
 * Pushes pending outbox messages (staff replies, status changes) of web
 * conversations to their open sockets, marking each delivered only once it was
 * written. Only the process that holds a citizen's socket can push to it: it wakes
 * on the store's outbox signal (from any process) and then claims the
 * conversation's messages, so of two processes with the same conversation open
 * (two tabs) one sends and marks; the widget drops an id it already shows. A slow
 * sweep is the safety net for lost signals. In-process, everything touching one
 * conversation's pending messages also runs under a per-conversation lock.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../log.ts';
import type { OutboxMessage, OutboxStore, PendingHint } from '../../ports/outbox-ports.ts';
import { sendJson, type SocketHub } from './socket-hub.ts';
import { outboxToSocket, WEB_CHANNEL } from './web-messages.ts';

/** The safety-net sweep; signals bring a push within milliseconds. */
export const PUSH_INTERVAL_MS = 5000;
const BATCH = 200;
/** Writing to a socket is quick: a crashed process's claim frees its messages soon. */
const LEASE_MS = 30_000;

type Outbox = Pick<OutboxStore, 'pending' | 'claimFor' | 'markDelivered' | 'release' | 'onPending'>;

export class PushDelivery {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly owner = `web:${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;
  private ticking = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly hub: SocketHub,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(intervalMs = PUSH_INTERVAL_MS): void {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    this.unlisten ??= this.outbox.onPending((hint) => this.onHint(hint));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unlisten?.();
    this.unlisten = undefined;
    for (const set of this.waiters.values()) for (const wake of set) wake();
  }

  /** Resolves when a signal says `conversationId` may have new messages, after `ms`, or on `signal`. */
  waitForPending(conversationId: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(conversationId) ?? new Set();
      this.waiters.set(conversationId, set);
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(conversationId) === set) this.waiters.delete(conversationId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  private onHint(hint: PendingHint): void {
    if (hint === null) {
      // Signals may have been lost: every waiting long poll and every socket looks again.
      for (const set of [...this.waiters.values()]) for (const wake of [...set]) wake();
      void this.tick();
      return;
    }
    if (hint.channel !== WEB_CHANNEL) return;
    for (const wake of [...(this.waiters.get(hint.conversationId) ?? [])]) wake();
    if (this.hub.get(hint.conversationId)) void this.pushTo(hint.conversationId).catch((err: unknown) => this.log.warn({ err }, 'web push failed'));
  }

  /** One sweep: finds connected conversations with pending messages and pushes them. */
  async tick(): Promise<void> {
    if (this.ticking || this.hub.size === 0) return;
    this.ticking = true;
    try {
      const batch = await this.outbox.pending(WEB_CHANNEL, BATCH);
      // A full batch may hide newer messages behind a backlog of citizens who are away.
      const ids = batch.length < BATCH ? new Set(batch.map((m) => m.conversationId)) : new Set(this.hub.connected());
      for (const id of ids) if (this.hub.get(id)) await this.pushTo(id);
    } catch (err) {
      this.log.warn({ err }, 'web push sweep failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Sends a connected conversation's pending messages; returns how many were delivered. */
  pushTo(conversationId: string): Promise<number> {
    return this.locked(conversationId, async () => {
      const socket = this.hub.get(conversationId);
      if (!socket) return 0;
      const claimed = await this.outbox.claimFor(conversationId, this.owner, LEASE_MS);
      const sent: string[] = [];
      try {
        for (const m of claimed) {
          await sendJson(socket, outboxToSocket(m));
          sent.push(m.id);
        }
      } finally {
        await this.outbox.markDelivered(sent, this.clock.now());
        // What the socket did not take goes back at once, for a reconnect or another process.
        await this.outbox.release(claimed.filter((m) => !sent.includes(m.id)).map((m) => m.id), this.owner);
      }
      return sent.length;
    });
  }

  /** Takes a conversation's pending messages for a response that carries them (the long poll). */
  take(conversationId: string): Promise<OutboxMessage[]> {
    return this.locked(conversationId, async () => {
      const claimed = await this.outbox.claimFor(conversationId, this.owner, LEASE_MS);
      await this.outbox.markDelivered(claimed.map((m) => m.id), this.clock.now());
      return claimed;
    });
  }

  /** Runs `read` (a transcript load, which shows pending messages too) and marks what was pending delivered. */
  drain<T>(conversationId: string, read: () => Promise<T>): Promise<T> {
    return this.locked(conversationId, async () => {
      const claimed = await this.outbox.claimFor(conversationId, this.owner, LEASE_MS);
      try {
        const out = await read();
        await this.outbox.markDelivered(claimed.map((m) => m.id), this.clock.now());
        return out;
      } finally {
        await this.outbox.release(claimed.map((m) => m.id), this.owner);
      }
    });
  }

  private locked<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return run;
  }
}
