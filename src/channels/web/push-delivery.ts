/**
 * Pushes pending outbox messages (staff replies, status changes) of web
 * conversations to their open sockets, marking each delivered only once it was
 * written. Everything touching one conversation's pending messages runs under a
 * per-conversation lock, so the loop, a turn and a transcript load never send the
 * same message twice from this process (across processes the widget drops repeated ids).
 */
import type { Clock } from '../../app/ports.ts';
import type { Logger } from '../../log.ts';
import type { OutboxMessage, OutboxStore } from '../../store/outbox-ports.ts';
import { sendJson, type SocketHub } from './socket-hub.ts';
import { outboxToSocket, WEB_CHANNEL } from './web-messages.ts';

export const PUSH_INTERVAL_MS = 1000;
const BATCH = 200;

export class PushDelivery {
  private readonly locks = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(
    private readonly outbox: Pick<OutboxStore, 'pending' | 'pendingFor' | 'markDelivered'>,
    private readonly hub: SocketHub,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(intervalMs = PUSH_INTERVAL_MS): void {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
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
      const sent: string[] = [];
      try {
        for (const m of await this.outbox.pendingFor(conversationId)) {
          await sendJson(socket, outboxToSocket(m));
          sent.push(m.id);
        }
      } finally {
        await this.outbox.markDelivered(sent, this.clock.now());
      }
      return sent.length;
    });
  }

  /** Takes a conversation's pending messages for a response that carries them (the long poll). */
  take(conversationId: string): Promise<OutboxMessage[]> {
    return this.locked(conversationId, async () => {
      const pending = await this.outbox.pendingFor(conversationId);
      await this.outbox.markDelivered(pending.map((m) => m.id), this.clock.now());
      return pending;
    });
  }

  /** Runs `read` (a transcript load, which shows pending messages too) and marks what was pending delivered. */
  drain<T>(conversationId: string, read: () => Promise<T>): Promise<T> {
    return this.locked(conversationId, async () => {
      const pending = await this.outbox.pendingFor(conversationId);
      const out = await read();
      await this.outbox.markDelivered(pending.map((m) => m.id), this.clock.now());
      return out;
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
