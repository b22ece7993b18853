/**
 * Signals on the embedded store: PGlite in DATA_DIR is owned by one process (the
 * data-dir lock refuses a second), so every listener is here. The database's triggers
 * send them (see signals.ts); PGlite hands a notification to its listeners when the
 * writing transaction commits, on its one connection, whichever client wrote.
 */
import type { Logger } from '../log.ts';
import { channelOf, parsePayload, SignalHandlers, type SignalHandler, type Signals, type Topic } from './signals.ts';

/** PGlite's LISTEN: resolves once listening, to the unlisten. */
export type PgliteListen = (channel: string, callback: (payload: string) => void) => Promise<() => Promise<void>>;

export class PgliteSignals implements Signals {
  private readonly handlers: SignalHandlers;
  private readonly listening = new Map<Topic, Promise<(() => Promise<void>) | null>>();
  private closed = false;

  constructor(
    private readonly pgliteListen: PgliteListen,
    private readonly log: Pick<Logger, 'warn'>,
  ) {
    this.handlers = new SignalHandlers((err) => log.warn({ err }, 'signal handler failed'));
  }

  listen(topic: Topic, handler: SignalHandler): () => void {
    const off = this.handlers.add(topic, handler);
    if (!this.listening.has(topic) && !this.closed) {
      // PGlite calls back while it reads the commit's reply: handlers run after the writer goes on, as a notification from another connection would.
      const started = this.pgliteListen(channelOf(topic), (text) =>
        setImmediate(() => {
          if (!this.closed) this.handlers.emit(topic, parsePayload(text));
        }),
      ).catch((err: unknown) => {
        // The polls still run; a later listen() on this topic tries again.
        this.log.warn({ err, topic }, 'listening for signals failed');
        this.listening.delete(topic);
        return null;
      });
      this.listening.set(topic, started);
    }
    return off;
  }

  async ready(): Promise<void> {
    await Promise.all(this.listening.values());
  }

  async close(): Promise<void> {
    this.closed = true;
    const unlistens = await Promise.all(this.listening.values());
    this.listening.clear();
    await Promise.all(unlistens.map((u) => u?.().catch(() => undefined)));
  }
}
