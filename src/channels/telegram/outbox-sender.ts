/**
 * Delivers the Telegram outbox: bot replies, staff replies and status pushes all wait
 * there as pending messages, committed with what caused them. Each chat is a lane
 * that sends its messages in order and stops at the first failure (so order holds);
 * chats do not wait for each other. A message is marked delivered only after all of
 * its parts went out; a 429 waits `retry_after` and retries; refusals (403 blocked,
 * 400) count an attempt, and after MAX_SEND_ATTEMPTS the message is given up.
 */
import type { Logger } from '../../log.ts';
import type { OutboxMessage, OutboxStore } from '../../store/outbox-ports.ts';
import type { Button } from '../../dialog/types.ts';
import { toMessages, type OutgoingMessage } from './message-format.ts';
import type { SendRateLimiter } from './rate-limiter.ts';
import { classifyApiError, within, type ApiFailure, type CallApi, type Sleep } from './telegram-api.ts';

export const MAX_SEND_ATTEMPTS = 5;
const BATCH = 50;
const TRANSIENT_BACKOFF_MS = 5_000;
const SEND_TIMEOUT_MS = 30_000;
const STOP_WAIT_MS = 5_000;

export interface OutboxSenderDeps {
  channel: string;
  callApi: CallApi;
  outbox: Pick<OutboxStore, 'pending' | 'markDelivered' | 'markFailed'>;
  limiter: SendRateLimiter;
  log: Logger;
  now: () => Date;
  nowMs: () => number;
  sleep: Sleep;
}

type Outcome = 'delivered' | 'aborted' | ApiFailure;

export class OutboxSender {
  private readonly lanes = new Map<string, Promise<void>>();
  /** Parts of a split message already sent, so a retry does not repeat them. */
  private readonly sentParts = new Map<string, number>();
  private readonly chatRetryAt = new Map<string, number>();
  private readonly abort = new AbortController();
  private flushing: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: OutboxSenderDeps) {}

  start(intervalMs = 500): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks at the outbox now (after an update was processed); never runs two scans at once. */
  kick(): void {
    if (this.abort.signal.aborted) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = this.scan()
      .catch((err: unknown) => this.deps.log.warn({ err }, 'telegram outbox scan failed'))
      .finally(() => {
        this.flushing = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits until the current scan and every running lane are done (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.flushing || this.lanes.size > 0) {
      await this.flushing;
      await Promise.all(this.lanes.values());
    }
  }

  /** Stops scanning and waiting; a send already on the wire is waited for a few seconds at most. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.abort.abort();
    await within(STOP_WAIT_MS, this.settle());
  }

  /** Sends a message that is not in the outbox (the apology when the store failed); false if it did not go out. */
  async sendNow(chatId: string, text: string, buttons?: Button[]): Promise<boolean> {
    for (const part of toMessages(text, buttons).messages) {
      if ((await this.sendOne(chatId, part)) !== 'delivered') return false;
    }
    return true;
  }

  private async scan(): Promise<void> {
    const batch = await this.deps.outbox.pending(this.deps.channel, BATCH);
    const byChat = new Map<string, OutboxMessage[]>();
    for (const m of batch) {
      if (m.attempts >= MAX_SEND_ATTEMPTS) continue;
      byChat.set(m.channelUserId, [...(byChat.get(m.channelUserId) ?? []), m]);
    }
    for (const [chat, messages] of byChat) {
      if (this.lanes.has(chat) || (this.chatRetryAt.get(chat) ?? 0) > this.deps.nowMs()) continue;
      const lane = this.runLane(chat, messages)
        .catch((err: unknown) => this.deps.log.warn({ err }, 'telegram delivery failed'))
        .finally(() => {
          this.lanes.delete(chat);
          this.kick();
        });
      this.lanes.set(chat, lane);
    }
  }

  private async runLane(chat: string, messages: OutboxMessage[]): Promise<void> {
    for (const m of messages) {
      const outcome = await this.deliver(m);
      if (outcome === 'delivered') continue;
      if (outcome === 'aborted') return;
      if (outcome.kind === 'permanent') {
        await this.deps.outbox.markFailed(m.id);
        const attempts = m.attempts + 1;
        this.deps.log.warn({ code: outcome.code, reason: outcome.description, attempts, givenUp: attempts >= MAX_SEND_ATTEMPTS }, 'telegram refused a message');
        if (attempts >= MAX_SEND_ATTEMPTS) this.sentParts.delete(m.id);
        this.chatRetryAt.set(chat, this.deps.nowMs() + Math.min(60_000, 1000 * 2 ** attempts));
      } else {
        this.deps.log.warn({ reason: outcome.kind === 'transient' ? outcome.description : outcome.kind }, 'telegram unreachable; will retry');
        this.chatRetryAt.set(chat, this.deps.nowMs() + TRANSIENT_BACKOFF_MS);
      }
      return;
    }
  }

  private async deliver(m: OutboxMessage): Promise<Outcome> {
    const { messages, dropped } = toMessages(m.text, m.buttons);
    if (dropped.length > 0) this.deps.log.warn({ payloads: dropped.map((b) => b.payload) }, 'buttons left out: callback data over 64 bytes or no label');
    if (messages.length === 0 && (m.buttons?.length ?? 0) > 0) this.deps.log.warn({ id: m.id }, 'a reply with buttons but no text cannot be sent on Telegram');
    for (let i = this.sentParts.get(m.id) ?? 0; i < messages.length; i++) {
      const outcome = await this.sendOne(m.channelUserId, messages[i]!);
      if (outcome !== 'delivered') return outcome;
      this.sentParts.set(m.id, i + 1);
    }
    await this.deps.outbox.markDelivered([m.id], this.deps.now());
    this.sentParts.delete(m.id);
    return 'delivered';
  }

  /** One Bot API message within the rate limits; a 429 waits and tries again. */
  private async sendOne(chatId: string, message: OutgoingMessage): Promise<Outcome> {
    for (;;) {
      if (!(await this.deps.limiter.acquire(chatId, this.abort.signal))) return 'aborted';
      try {
        // Not aborted on shutdown (a send cut off midway may have arrived and would be repeated),
        // only when Telegram does not answer at all.
        await this.deps.callApi('sendMessage', { chat_id: chatId, ...message }, AbortSignal.timeout(SEND_TIMEOUT_MS));
        return 'delivered';
      } catch (err) {
        const failure = classifyApiError(err);
        if (failure.kind !== 'rate_limited') return failure;
        this.deps.log.warn({ retryAfterMs: failure.retryAfterMs }, 'telegram rate limit; waiting');
        await this.deps.sleep(failure.retryAfterMs, this.abort.signal);
        if (this.abort.signal.aborted) return 'aborted';
      }
    }
  }
}
