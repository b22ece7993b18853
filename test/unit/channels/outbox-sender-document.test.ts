/**
 * A written notice on Telegram: the message that carries it goes out as text, then the
 * notice as a PDF document (sendDocument), and only then is it delivered. A document
 * Telegram refuses for good does not hold the message back (its text has the link); a
 * transient failure retries the document without repeating the text; a message without
 * a notice sends no document.
 */
import { describe, expect, it } from 'vitest';
import { TelegramError } from 'telegraf';
import { OutboxSender } from '../../../src/channels/telegram/outbox-sender.ts';
import { SendRateLimiter } from '../../../src/channels/telegram/rate-limiter.ts';
import { createLogger } from '../../../src/log.ts';
import type { OutboxMessage } from '../../../src/ports/outbox-ports.ts';

const PDF = Buffer.from('%PDF-1.7 notice');

function harness(fail: (method: string, n: number) => Error | null) {
  let clock = 1_000_000;
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const messages: OutboxMessage[] = [];
  const delivered: string[] = [];
  const retryAt = new Map<string, number>();
  const sleep = async (ms: number) => void (clock += ms);
  const outbox = {
    claim: async () => messages.filter((m) => !delivered.includes(m.id) && (retryAt.get(m.id) ?? 0) <= clock),
    release: async (ids: readonly string[], _owner: string, ms = 0) => ids.forEach((id) => retryAt.set(id, clock + ms)),
    markDelivered: async (ids: readonly string[]) => void delivered.push(...ids),
    markFailed: async (id: string) => void messages.find((x) => x.id === id)!.attempts++,
  };
  const sender = new OutboxSender({
    channel: 'telegram',
    callApi: async (method, payload) => {
      calls.push({ method, payload });
      const err = fail(method, calls.length);
      if (err) throw err;
      return { message_id: calls.length };
    },
    outbox,
    limiter: new SendRateLimiter({ perChatIntervalMs: 1000, globalPerSecond: 30 }, () => clock, sleep),
    log: createLogger('silent'),
    now: () => new Date(clock),
    nowMs: () => clock,
    sleep,
    documentFor: async (id) => (id === 'with-notice' ? { fileName: '信访事项受理告知书.pdf', bytes: PDF } : null),
  });
  const add = (id: string) => messages.push({ id, conversationId: 'c1', channel: 'telegram', channelUserId: '42', author: 'system', text: `text of ${id}`, buttons: null, at: new Date(), attempts: 0 });
  const run = async () => {
    sender.kick();
    await sender.settle();
  };
  return { calls, delivered, add, run, advance: (ms: number) => (clock += ms) };
}

describe('written notices on Telegram', () => {
  it('sends the text, then the notice as a PDF document, then marks the message delivered', async () => {
    const h = harness(() => null);
    h.add('with-notice');
    h.add('plain');
    await h.run();
    expect(h.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument', 'sendMessage']);
    expect(h.calls[1]!.payload).toMatchObject({ chat_id: '42', document: { source: PDF, filename: '信访事项受理告知书.pdf' } });
    expect(h.delivered).toEqual(['with-notice', 'plain']);
  });

  it('a transient failure retries the document without repeating the text', async () => {
    const h = harness((method, n) => (method === 'sendDocument' && n === 2 ? new TelegramError({ error_code: 502, description: 'Bad Gateway' }) : null));
    h.add('with-notice');
    await h.run();
    expect(h.delivered).toEqual([]);
    h.advance(10_000);
    await h.run();
    expect(h.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument', 'sendDocument']);
    expect(h.delivered).toEqual(['with-notice']);
  });

  it('a document refused for good does not hold the message back', async () => {
    const h = harness((method) => (method === 'sendDocument' ? new TelegramError({ error_code: 400, description: 'Bad Request: file too big' }) : null));
    h.add('with-notice');
    await h.run();
    expect(h.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument']);
    expect(h.delivered).toEqual(['with-notice']);
  });
});
