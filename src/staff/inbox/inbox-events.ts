/**
 * GET /staff/inbox/events: Server-Sent Events that say "the inbox changed". Each
 * process compares the store's fingerprint of the waiting list when the store's
 * inbox signal comes (from any process: a chat that starts waiting on another process
 * is seen at once) and every few seconds as a safety net, only while someone
 * listens, and fans a change out to its own clients. Events
 * carry no data about chats: clients fetch what their role may see.
 * A stream ends after STREAM_MS (EventSource reconnects, and the session is checked
 * again) or as soon as the server stops listening, so shutdown is never held up.
 */
import type http from 'node:http';
import type { Request, Response } from 'express';
import type { Logger } from '../../log.ts';

/** The safety-net poll; the inbox signal brings a check at once. */
export const POLL_MS = 5000;
export const STREAM_MS = 60_000;
const KEEPALIVE_MS = 15_000;
const RETRY_MS = 2000;

interface Client {
  res: Response;
  until: number;
  serverUp: () => boolean;
}

export class InboxWatch {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;
  private ticking = false;
  private again = false;
  private lastWrite = 0;
  private unlisten: (() => void) | undefined;

  /** `listen` subscribes to the store's inbox signal (any process); without it the poll alone runs. */
  constructor(
    private readonly fingerprint: () => Promise<string>,
    private readonly log: Pick<Logger, 'warn'>,
    private readonly pollMs = POLL_MS,
    private readonly listen?: (wake: () => void) => () => void,
  ) {}

  /** Opens the stream; `ready` is sent once the list's current state is known, so later changes are not missed. */
  async stream(req: Request, res: Response): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    const server = (req.socket as { server?: http.Server }).server;
    const client: Client = { res, until: Date.now() + STREAM_MS, serverUp: () => server?.listening !== false };
    req.once('close', () => this.clients.delete(client));
    if (this.last === undefined) this.last = await this.fingerprint().catch(() => undefined);
    if (res.writableEnded || res.destroyed) return;
    res.write(`retry: ${RETRY_MS}\nevent: ready\ndata: {}\n\n`);
    this.clients.add(client);
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), this.pollMs);
      this.timer.unref();
      this.unlisten = this.listen?.(() => void this.tick());
    }
  }

  get size(): number {
    return this.clients.size;
  }

  async tick(): Promise<void> {
    if (this.ticking) {
      // A signal during a check: check once more after it, so the change is not missed.
      this.again = true;
      return;
    }
    this.ticking = true;
    try {
      this.closeFinished();
      if (this.clients.size === 0) return this.stop();
      const now = await this.fingerprint();
      const changed = this.last !== undefined && now !== this.last;
      this.last = now;
      if (changed) this.broadcast(`event: inbox\ndata: {}\n\n`);
      else if (Date.now() - this.lastWrite > KEEPALIVE_MS) this.broadcast(': keepalive\n\n');
    } catch (err) {
      this.log.warn({ err }, 'inbox watch failed');
    } finally {
      this.ticking = false;
      if (this.again && this.timer) {
        this.again = false;
        void this.tick();
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unlisten?.();
    this.unlisten = undefined;
    this.again = false;
    this.last = undefined;
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }

  private closeFinished(): void {
    const now = Date.now();
    for (const c of this.clients) {
      if (now >= c.until || !c.serverUp() || c.res.destroyed) {
        this.clients.delete(c);
        c.res.end();
      }
    }
  }

  private broadcast(chunk: string): void {
    this.lastWrite = Date.now();
    for (const c of this.clients) c.res.write(chunk);
  }
}
