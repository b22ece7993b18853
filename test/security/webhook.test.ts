/**
 * The Telegram webhook without its secret: a forged update (no secret, a wrong one,
 * the secret in the wrong place) is a JSON 401 and nothing is processed; the real
 * secret works. The app runs in webhook mode against the telegram-test-api emulator.
 */
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startEmulator } from '../helpers/telegram.ts';

const TOKEN = '777001:security-webhook-token';
const SECRET = 'sec-webhook-secret-abcdefghij';
const HOOK = '/telegram/sec-hook-9f8e';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let t: TestApp;
beforeAll(async () => {
  emulator = await startEmulator();
  t = await startTestApp('pglite', {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.url,
    TELEGRAM_WEBHOOK_URL: `https://xinfang.example.gov.cn${HOOK}`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await emulator?.stop();
});

const update = (id: number): Update =>
  ({ update_id: id, message: { message_id: id, date: 1, chat: { id: 3001, type: 'private', first_name: 'X' }, from: { id: 3001, is_bot: false, first_name: 'X', language_code: 'zh' }, text: '你好' } }) as Update;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('Telegram webhook secret', () => {
  let nextId = 7001;
  it.each([
    ['no secret', HOOK, {}],
    ['a wrong secret', HOOK, { 'x-telegram-bot-api-secret-token': 'wrong' }],
    ['the secret with one character more', HOOK, { 'x-telegram-bot-api-secret-token': `${SECRET}x` }],
    ['a prefix of the secret', HOOK, { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) }],
    ['the secret in the query string', `${HOOK}?secret_token=${SECRET}`, {}],
    ['the secret in another header', HOOK, { authorization: `Bearer ${SECRET}` }],
  ])('%s → 401, nothing processed', async (_what, path, headers) => {
    const id = nextId++;
    const res = await post(path, update(id), headers);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(await t.app.store.conversations.isProcessed(`tg:${id}`)).toBe(false);
  });

  it('the right secret is accepted', async () => {
    const res = await post(HOOK, update(8001), { 'x-telegram-bot-api-secret-token': SECRET });
    expect(res.status).toBe(200);
    expect(await t.app.store.conversations.isProcessed('tg:8001')).toBe(true);
  });

  it('a hostile body with the right secret is a 400, not a crash', async () => {
    for (const body of [null, [], { update_id: 'x' }, { update_id: 1.5 }, { __proto__: { polluted: 1 }, update_id: null }]) {
      const res = await post(HOOK, body, { 'x-telegram-bot-api-secret-token': SECRET });
      expect(res.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
