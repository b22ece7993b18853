/**
 * Long polling without telegraf's launch(): that one acknowledges a whole batch even
 * when a handler throws. Here updates are handled one by one in order, and the
 * offset moves past an update only when it is done (committed or dead-lettered), so
 * after a crash Telegram hands the rest of the batch over again. The loop never dies:
 * network errors and a failing store are waited out with growing pauses.
 * Telegram allows one getUpdates at a time per bot: when another server process
 * polls (409), this one stands by — it still sends its outbox share — and tries
 * again after a minute, so it takes over if the other one stops.
 */
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log.ts';
import { classifyApiError, within, type CallApi, type Sleep } from './telegram-api.ts';
import type { UpdateOutcome } from './update-processor.ts';

export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const POLL_TIMEOUT_S = 25;
/** A pause after an empty answer, so a server that does not hold the request is not hammered. */
const IDLE_PAUSE_MS = 100;
const MAX_BACKOFF_MS = 30_000;
const STOP_WAIT_MS = 10_000;
/** How long a process stands by after Telegram said another one polls. */
export const STANDBY_MS = 60_000;

export interface PollingDeps {
  callApi: CallApi;
  process(update: Update): Promise<UpdateOutcome>;
  log: Logger;
  sleep: Sleep;
}

export class PollingLoop {
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;
  private offset: number | undefined;
  private failures = 0;

  constructor(private readonly deps: PollingDeps) {}

  start(): void {
    this.running ??= this.run();
  }

  /** Ends the loop after the update being handled (if any) is finished, waiting for it a few seconds at most. */
  async stop(): Promise<void> {
    this.abort.abort();
    if (this.running) await within(STOP_WAIT_MS, this.running);
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let batch: Update[] = [];
    while (!this.stopped) {
      if (batch.length === 0) batch = await this.fetch();
      while (batch.length > 0 && !this.stopped) {
        const update = batch[0]!;
        if ((await this.deps.process(update)) === 'retry') {
          await this.backoff();
          break;
        }
        batch.shift();
        this.offset = update.update_id + 1;
        this.failures = 0;
      }
    }
  }

  private async fetch(): Promise<Update[]> {
    try {
      const params = { offset: this.offset, timeout: POLL_TIMEOUT_S, allowed_updates: ALLOWED_UPDATES };
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout((POLL_TIMEOUT_S + 15) * 1000)]);
      const updates = (await this.deps.callApi('getUpdates', params, signal)) as Update[];
      this.failures = 0;
      if (updates.length === 0) await this.deps.sleep(IDLE_PAUSE_MS, this.abort.signal);
      return updates;
    } catch (err) {
      if (this.stopped) return [];
      const failure = classifyApiError(err);
      if (failure.kind === 'permanent' && failure.code === 409 && /webhook/i.test(failure.description)) {
        // Configured for polling while a webhook of an earlier setup is still registered.
        this.deps.log.warn('a telegram webhook is registered; removing it to poll');
        await this.deps.callApi('deleteWebhook', { drop_pending_updates: false }).catch(() => undefined);
      } else if (failure.kind === 'permanent' && failure.code === 409) {
        this.deps.log.warn({ reason: failure.description }, 'another process polls telegram with this token; standing by (sending only)');
        await this.backoff(STANDBY_MS);
        return [];
      } else {
        this.deps.log.warn({ reason: failure.kind === 'rate_limited' ? 'rate limited' : failure.description }, 'telegram getUpdates failed');
      }
      await this.backoff(failure.kind === 'rate_limited' ? failure.retryAfterMs : undefined);
      return [];
    }
  }

  private async backoff(atLeastMs = 0): Promise<void> {
    this.failures++;
    const ms = Math.max(atLeastMs, Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures - 1, 10)));
    await this.deps.sleep(ms, this.abort.signal);
  }
}
