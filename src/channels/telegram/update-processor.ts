/**
 * The one error boundary of an update, shared by long polling and the webhook. An
 * update is `done` once it is committed, or once it failed repeatedly while the
 * store was up: then it is kept as a dead letter and the citizen gets the apology.
 * While the store is down nothing is given up: the answer is `retry` (the poller
 * waits and tries again, the webhook answers 503 so Telegram redelivers).
 */
import type { Update } from 'telegraf/types';
import { say } from '../../app/chat-turn/messages.ts';
import type { Logger } from '../../log.ts';
import type { DeadLetterStore } from '../../ports/outbox-ports.ts';
import { inboundKey, localeOf, TELEGRAM_CHANNEL } from './inbound-turn.ts';

export type UpdateOutcome = 'done' | 'retry';

export interface UpdateProcessorDeps {
  /** Runs the bot's handlers; rejects when the update could not be processed. */
  handle(update: Update): Promise<void>;
  /** False while the bot cannot work yet (its identity not fetched from Telegram). */
  ready(): Promise<boolean>;
  storeUp(): Promise<boolean>;
  deadLetters: Pick<DeadLetterStore, 'add'>;
  /** Sends a text outside the outbox; false when it did not go out. */
  sendNow(chatId: string, text: string): Promise<boolean>;
  /** Called after every finished update (the sender looks at the outbox). */
  afterUpdate(): void;
  /** Removes secrets (the bot token) from an error text before it is stored. */
  redact(text: string): string;
  log: Logger;
  /** Failures with the store up before an update becomes a dead letter. */
  maxAttempts?: number;
}

export class UpdateProcessor {
  private readonly failures = new Map<number, number>();

  constructor(private readonly deps: UpdateProcessorDeps) {}

  async process(update: Update): Promise<UpdateOutcome> {
    const id = update.update_id;
    if (!(await this.deps.ready())) return 'retry';
    try {
      await this.deps.handle(update);
      this.failures.delete(id);
      this.deps.afterUpdate();
      return 'done';
    } catch (err) {
      return this.failed(update, err);
    }
  }

  private async failed(update: Update, err: unknown): Promise<UpdateOutcome> {
    const id = update.update_id;
    if (!(await this.deps.storeUp().catch(() => false))) {
      this.deps.log.warn({ updateId: id }, 'store unavailable; telegram update kept for retry');
      return 'retry';
    }
    const attempts = (this.failures.get(id) ?? 0) + 1;
    if (attempts < (this.deps.maxAttempts ?? 3)) {
      if (this.failures.size > 10_000) this.failures.clear();
      this.failures.set(id, attempts);
      this.deps.log.warn({ err, updateId: id, attempts }, 'telegram update failed; will retry');
      return 'retry';
    }
    const error = this.deps.redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    try {
      await this.deps.deadLetters.add({ channel: TELEGRAM_CHANNEL, key: inboundKey(id), payload: update, error });
    } catch (storeErr) {
      this.deps.log.warn({ err: storeErr, updateId: id }, 'dead letter not stored; telegram update kept for retry');
      return 'retry';
    }
    this.failures.delete(id);
    this.deps.log.error({ err, updateId: id }, 'telegram update failed; kept as a dead letter');
    await this.apologize(update);
    this.deps.afterUpdate();
    return 'done';
  }

  private async apologize(update: Update): Promise<void> {
    const target = senderOf(update);
    if (!target) return;
    const text = say(localeOf(target.languageCode), 'processingError').text;
    const sent = await this.deps.sendNow(String(target.chatId), text).catch(() => false);
    if (!sent) this.deps.log.warn({ updateId: update.update_id }, 'apology not delivered');
  }
}

/** The private chat an update came from, if any. */
function senderOf(update: Update): { chatId: number; languageCode: string | undefined } | null {
  if ('message' in update) {
    const m = update.message;
    return m.chat.type === 'private' ? { chatId: m.chat.id, languageCode: m.from?.language_code } : null;
  }
  if ('callback_query' in update) {
    const q = update.callback_query;
    return q.message && q.message.chat.type === 'private' ? { chatId: q.message.chat.id, languageCode: q.from.language_code } : null;
  }
  return null;
}
