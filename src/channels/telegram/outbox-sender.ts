/**
 * Delivers the Telegram outbox: bot replies, staff replies and status pushes all wait
 * there as pending messages, committed with what caused them. Each chat is a lane
 * that sends its messages in order and stops at the first failure (so order holds);
 * chats do not wait for each other. A message is marked delivered only after all of
 * its parts went out; a 429 waits `retry_after` and retries; refusals (403 blocked,
 * 400) count an attempt, and after MAX_SEND_ATTEMPTS the message is given up.
 * Several server processes share the outbox: a scan claims messages (whole chats, with
 * a lease) before sending, so each message goes out from one process; a failure gives
 * the chat's claim back with a back-off that every process respects. Scans run when
 * any process signals new messages, and every few seconds as a safety net.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.ts';
import type { OutboxMessage, OutboxStore } from '../../ports/outbox-ports.ts';
import type { Button } from '../../app/chat-turn/messages.ts';
import { toMessages, type OutgoingMessage } from './message-format.ts';
import type { SendRateLimiter } from './rate-limiter.ts';
import { classifyApiError, within, type ApiFailure, type CallApi, type Sleep } from './telegram-api.ts';

export const MAX_SEND_ATTEMPTS = 5;
const BATCH = 50;
const TRANSIENT_BACKOFF_MS = 5_000;
const SEND_TIMEOUT_MS = 30_000;
const STOP_WAIT_MS = 5_000;
/** Long enough for a chat's batch at one message per second; a crashed sender's chats wait this long. */
export const LEASE_MS = 120_000;
/** The safety-net scan; the outbox signal brings a scan at once. */
export const SCAN_INTERVAL_MS = 5_000;

export interface OutboxSenderDeps {
  channel: string;
  callApi: CallApi;
  outbox: Pick<OutboxStore, 'claim' | 'markDelivered' | 'markFailed' | 'release'> & Partial<Pick<OutboxStore, 'onPending'>>;
  limiter: SendRateLimiter;
  log: Logger;
  now: () => Date;
  nowMs: () => number;
  sleep: Sleep;
  /** The document a message carries (a written notice as PDF), sent after its text; absent: text only. */
  documentFor?: (messageId: string) => Promise<{ fileName: string; bytes: Buffer } | null>;
}

type Outcome = 'delivered' | 'aborted' | ApiFailure;

interface Lane {
  queue: OutboxMessage[];
  done: Promise<void>;
}

export class OutboxSender {
  private readonly lanes = new Map<string, Lane>();
  /** Parts of a split message already sent, so a retry does not repeat them. */
  private readonly sentParts = new Map<string, number>();
  private readonly abort = new AbortController();
  /** This sender's name on its leases. */
  private readonly owner = `telegram:${randomUUID()}`;
  private flushing: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(private readonly deps: OutboxSenderDeps) {}

  start(intervalMs = SCAN_INTERVAL_MS): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.unlisten = this.deps.outbox.onPending?.((hint) => {
      if (hint === null || hint.channel === this.deps.channel) this.kick();
    });
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
      await Promise.all([...this.lanes.values()].map((l) => l.done));
    }
  }

  /** Stops scanning and waiting; a send already on the wire is waited for a few seconds at most. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.unlisten?.();
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
    const claimed = await this.deps.outbox.claim(this.deps.channel, this.owner, LEASE_MS, BATCH);
    const byChat = new Map<string, OutboxMessage[]>();
    for (const m of claimed) {
      if (m.attempts >= MAX_SEND_ATTEMPTS) continue;
      byChat.set(m.channelUserId, [...(byChat.get(m.channelUserId) ?? []), m]);
    }
    for (const [chat, messages] of byChat) {
      const running = this.lanes.get(chat);
      if (running) {
        // Claimed again while it was sending (a lease of our own ran out): join its queue once.
        const queued = new Set(running.queue.map((m) => m.id));
        running.queue.push(...messages.filter((m) => !queued.has(m.id)));
        continue;
      }
      const lane: Lane = { queue: [...messages], done: Promise.resolve() };
      lane.done = this.runLane(chat, lane.queue)
        .catch((err: unknown) => this.deps.log.warn({ err }, 'telegram delivery failed'))
        .finally(() => {
          this.lanes.delete(chat);
          this.kick();
        });
      this.lanes.set(chat, lane);
    }
  }

  /** Sends a chat's claimed messages in order; at the first failure the rest of the claim is given back. */
  private async runLane(chat: string, queue: OutboxMessage[]): Promise<void> {
    while (queue.length > 0) {
      const m = queue[0]!;
      const outcome = await this.deliver(m);
      if (outcome === 'delivered') {
        queue.shift();
        continue;
      }
      const retryAfterMs = outcome === 'aborted' ? 0 : await this.failed(m, outcome);
      await this.deps.outbox.release(
        queue.splice(0).map((x) => x.id),
        this.owner,
        retryAfterMs,
      );
      return;
    }
  }

  /** Records a failed send; returns how long the chat waits before its next try. */
  private async failed(m: OutboxMessage, outcome: ApiFailure): Promise<number> {
    if (outcome.kind === 'permanent') {
      await this.deps.outbox.markFailed(m.id);
      const attempts = m.attempts + 1;
      this.deps.log.warn({ code: outcome.code, reason: outcome.description, attempts, givenUp: attempts >= MAX_SEND_ATTEMPTS }, 'telegram refused a message');
      if (attempts >= MAX_SEND_ATTEMPTS) this.sentParts.delete(m.id);
      return Math.min(60_000, 1000 * 2 ** attempts);
    }
    this.deps.log.warn({ reason: outcome.kind === 'transient' ? outcome.description : outcome.kind }, 'telegram unreachable; will retry');
    return TRANSIENT_BACKOFF_MS;
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
    // A written notice goes with its message as a PDF document; the message is delivered once both are.
    const document = this.deps.documentFor ? await this.deps.documentFor(m.id).catch(() => null) : null;
    if (document) {
      const payload = { document: { source: document.bytes, filename: document.fileName } };
      const outcome = await this.sendOne(m.channelUserId, payload, 'sendDocument');
      // Refused for good: the text (with the notice's link) went out, which is the delivery; the file is a convenience.
      if (outcome !== 'delivered' && typeof outcome === 'object' && outcome.kind === 'permanent') {
        this.deps.log.warn({ id: m.id, code: outcome.code, reason: outcome.description }, 'telegram refused the notice document; the text with its link was sent');
      } else if (outcome !== 'delivered') return outcome;
    }
    await this.deps.outbox.markDelivered([m.id], this.deps.now());
    this.sentParts.delete(m.id);
    return 'delivered';
  }

  /** One Bot API message within the rate limits; a 429 waits and tries again. */
  private async sendOne(chatId: string, message: OutgoingMessage | Record<string, unknown>, method = 'sendMessage'): Promise<Outcome> {
    for (;;) {
      if (!(await this.deps.limiter.acquire(chatId, this.abort.signal))) return 'aborted';
      try {
        // Not aborted on shutdown (a send cut off midway may have arrived and would be repeated),
        // only when Telegram does not answer at all.
        await this.deps.callApi(method, { chat_id: chatId, ...message }, AbortSignal.timeout(SEND_TIMEOUT_MS));
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
