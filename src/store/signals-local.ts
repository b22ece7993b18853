/**
 * Signals inside one process, for the embedded store: PGlite in DATA_DIR is owned by
 * one process (the data-dir lock refuses a second), so every listener is here.
 * A signal sent inside a transaction is held back until that transaction has ended:
 * PGlite runs one transaction at a time and a query outside it waits for it, so a
 * query issued now completes only after the commit (or rollback — then the signal is
 * a harmless extra look at the store).
 */
import type { Logger } from '../log.ts';
import { SignalHandlers, type Signal, type SignalHandler, type SignalPayload, type Signals, type SignalTx, type Topic } from './signals.ts';

export class LocalSignals implements Signals {
  private readonly handlers: SignalHandlers;
  private closed = false;

  /** `outside` runs a query outside any transaction: the wait for the commit. */
  constructor(
    private readonly outside: () => Promise<unknown>,
    log: Pick<Logger, 'warn'>,
  ) {
    this.handlers = new SignalHandlers((err) => log.warn({ err }, 'signal handler failed'));
  }

  async notifyIn(_tx: SignalTx, signals: readonly Signal[]): Promise<void> {
    if (signals.length === 0) return;
    // Not awaited: the transaction must go on to its commit for the wait to end.
    void this.outside()
      .catch(() => undefined)
      .then(() => this.emit(signals));
  }

  async notify(topic: Topic, payload: SignalPayload): Promise<void> {
    setImmediate(() => this.emit([{ topic, payload }]));
  }

  listen(topic: Topic, handler: SignalHandler): () => void {
    return this.handlers.add(topic, handler);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }

  private emit(signals: readonly Signal[]): void {
    if (this.closed) return;
    for (const s of signals) this.handlers.emit(s.topic, s.payload);
  }
}
