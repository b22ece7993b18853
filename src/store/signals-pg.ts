/**
 * Signals over PostgreSQL LISTEN/NOTIFY: the database's triggers send them (see
 * signals.ts), PostgreSQL delivers them on commit to every process. Listening takes one
 * dedicated connection (a pooled one would lose its LISTENs when handed back);
 * when it drops it is reopened with growing pauses, and every handler then gets a
 * resync call, because what was sent meanwhile is gone.
 */
import pg from 'pg';
import type { Logger } from '../log.ts';
import { channelOf, parsePayload, SignalHandlers, topicOf, type SignalHandler, type Signals, type Topic } from './signals.ts';

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

export class PgSignals implements Signals {
  private readonly handlers: SignalHandlers;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private readonly listening = new Set<Topic>();
  /** Topics whose LISTEN the server has confirmed on the current connection. */
  private readonly confirmed = new Set<Topic>();

  constructor(
    private readonly url: string,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.handlers = new SignalHandlers((err) => log.warn({ err }, 'signal handler failed'));
  }

  listen(topic: Topic, handler: SignalHandler): () => void {
    const off = this.handlers.add(topic, handler);
    const c = this.client;
    if (c && !this.listening.has(topic)) void this.subscribe(c, topic).catch(() => this.drop(c));
    else if (!c) this.connectSoon(0);
    return off;
  }

  async ready(timeoutMs = 5000): Promise<void> {
    if (!this.client) this.connectSoon(0);
    const until = Date.now() + timeoutMs;
    const up = () => this.client !== null && this.handlers.topics.every((t) => this.confirmed.has(t));
    while (!up() && !this.closed && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private connectSoon(delayMs: number): void {
    if (this.closed || this.connecting || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connecting = this.connect().finally(() => (this.connecting = null));
    }, delayMs);
    this.retry.unref();
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, keepAlive: true });
    c.on('error', (err) => {
      this.log.warn({ err }, 'signal connection lost; reconnecting');
      this.drop(c);
    });
    c.on('end', () => this.drop(c));
    c.on('notification', (n) => {
      const topic = topicOf(n.channel);
      if (topic) this.handlers.emit(topic, parsePayload(n.payload));
    });
    try {
      await c.connect();
      this.listening.clear();
      this.confirmed.clear();
      for (const t of this.handlers.topics) await this.subscribe(c, t);
    } catch (err) {
      this.log.warn({ err }, 'signal connection failed; retrying');
      await c.end().catch(() => undefined);
      this.reconnectSoon();
      return;
    }
    if (this.closed) return void (await c.end().catch(() => undefined));
    const wasDown = this.failures > 0;
    this.client = c;
    this.failures = 0;
    // Whatever was notified while no one listened is lost: have everyone look again.
    if (wasDown) this.handlers.resyncAll();
  }

  private async subscribe(c: pg.Client, topic: Topic): Promise<void> {
    this.listening.add(topic);
    await c.query(`LISTEN ${channelOf(topic)}`);
    if (this.client === c || this.client === null) this.confirmed.add(topic);
  }

  private drop(c: pg.Client): void {
    if (this.client !== c) return;
    this.client = null;
    void c.end().catch(() => undefined);
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    this.failures++;
    this.connectSoon(Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.min(this.failures - 1, 10)));
  }
}
