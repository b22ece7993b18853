/**
 * The Telegram channel end to end: the real telegraf bot of the app against the
 * telegram-test-api emulator on loopback (long polling and webhook), a real PGlite
 * store, and the sender's splitting and rate-limit handling with a fake Bot API.
 * The emulator has no getFile: a loopback stand-in serves getFile and the download.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TelegramError } from 'telegraf';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { Update } from 'telegraf/types';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { botMessages, startEmulator, startFileStandIn, TgCitizen, waitFor } from '../helpers/telegram.ts';
import { isTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/telegram-channel.ts';
import { OutboxSender, MAX_SEND_ATTEMPTS } from '../../src/channels/telegram/outbox-sender.ts';
import { SendRateLimiter } from '../../src/channels/telegram/rate-limiter.ts';
import { splitText } from '../../src/channels/telegram/message-format.ts';
import { commandMenu } from '../../src/channels/telegram/commands.ts';
import type { OutboxMessage } from '../../src/ports/outbox-ports.ts';
import { createLogger } from '../../src/log.ts';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';

const TOKEN = '123456:polling-test-token';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 1, 2, 3, 4, 5, 6, 7, 8]);

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let standIn: Awaited<ReturnType<typeof startFileStandIn>>;
let t: TestApp;
let tg: TelegramChannel;
let adminToken: string;

beforeAll(async () => {
  emulator = await startEmulator();
  standIn = await startFileStandIn(emulator.url, [
    { fileId: 'photo-1', bytes: JPEG },
    { fileId: 'photo-2', bytes: JPEG.map((b, i) => (i > 3 ? (b + 7) % 256 : b)) },
    { fileId: 'huge', bytes: JPEG, declaredSize: 11 * 1024 * 1024 },
  ]);
  t = await startTestApp('pglite', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standIn.url });
  const channel = t.app.channels.find(isTelegramChannel);
  if (!channel) throw new Error('telegram channel not started');
  tg = channel;
  adminToken = await loginAs(t, 'admin');
});

afterAll(async () => {
  await t?.stop();
  await standIn?.stop();
  await emulator?.stop();
});

const citizen = (chatId: number, lang = 'zh-hans') => new TgCitizen(emulator.server, TOKEN, t.app.store, chatId, lang);

async function caseOf(caseNumber: string) {
  const res = await fetch(`${t.url}/api/cases/${caseNumber}`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** The update the emulator delivered for a citizen's action, as Telegram would deliver it again. */
function storedUpdate(updateId: number): Update {
  const stored = emulator.server.storage.userMessages.find((u) => u.updateId === updateId);
  // The emulator's own formatting of what it delivered (a private static in its typings).
  return (TelegramServer as unknown as { formatUpdate(u: unknown): Update }).formatUpdate(stored);
}

describe('a petition over Telegram (long polling)', () => {
  const c = () => filer;
  let filer: TgCitizen;
  let caseNumber = '';
  let confirmUpdate = 0;
  let photoUpdate = 0;

  it('files a case in Chinese with buttons and a photo', async () => {
    filer = citizen(1001);
    await c().command('/start');
    expect(c().text).toContain(catalog('zh', 'welcome', { county: t.app.core.county.county.name.zh }).slice(0, 20));
    expect(c().last.flatMap((m) => m.buttons.map((b) => b.payload))).toContain('cmd:petition');

    await c().say('你好，我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，村里征地补偿款一直没发下来，我们三十多户都没拿到，要求尽快发放补偿款');
    expect(await c().expecting()).toBe('representatives');
    await c().sendPhoto('photo-1', JPEG.length);
    photoUpdate = c().lastUpdateId;
    expect(c().text).toBe(catalog('zh', 'attachmentPending', { name: `${createHash('sha256').update(JPEG).digest('hex').slice(0, 8)}.jpg` }));
    expect(standIn.downloads).toContain('docs/photo-1');

    const answers: Record<string, string> = { representatives: '王建国 13900001111，李大山 13700002222', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none' };
    for (let i = 0; i < 8 && (await c().expecting()) !== 'confirm'; i++) {
      const exp = (await c().expecting())!;
      const a = answers[exp];
      expect(a, `unexpected question ${exp}: ${c().text}`).toBeDefined();
      if (a!.startsWith('payload:')) await c().press(a!.slice(8));
      else await c().say(a!);
    }
    expect(await c().expecting()).toBe('confirm');
    await c().press('confirm:yes');
    confirmUpdate = c().lastUpdateId;
    caseNumber = /XF\d{12}/.exec(c().text)?.[0] ?? '';
    expect(caseNumber, c().text).not.toBe('');

    expect(await caseOf(caseNumber)).toMatchObject({ channel: 'telegram', status: 'submitted', township: '东湖镇', category: 'land' });
    const files = await t.app.store.attachments.listForCase(caseNumber);
    expect(files).toHaveLength(1);
    expect(files[0]!.mime).toBe('image/jpeg');
  });

  it('does nothing twice when Telegram delivers the same updates again', async () => {
    expect(caseNumber).not.toBe('');
    const conv = await c().conversation();
    const transcriptBefore = await t.app.store.conversations.transcript(conv.id, 500);
    const sentBefore = botMessages(emulator.server, TOKEN, 1001).length;
    const downloadsBefore = standIn.downloads.length;

    expect(await tg.processUpdate(storedUpdate(confirmUpdate))).toBe('done');
    expect(await tg.processUpdate(storedUpdate(photoUpdate))).toBe('done');
    await tg.sender.settle();

    expect(await t.app.store.conversations.transcript(conv.id, 500)).toHaveLength(transcriptBefore.length);
    expect(await t.app.store.attachments.listForCase(caseNumber)).toHaveLength(1);
    expect(standIn.downloads.length).toBe(downloadsBefore);
    expect(botMessages(emulator.server, TOKEN, 1001).length).toBe(sentBefore);
    const list = await fetch(`${t.url}/api/cases?q=${encodeURIComponent('征地补偿款')}`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(((await list.json()) as { total: number }).total).toBe(1);
  });

  it('a fresh update delivered twice (text, photo with caption) is processed once', async () => {
    const chat = { id: 1002, type: 'private' as const, first_name: 'Citizen' };
    const from = { id: 1002, is_bot: false, first_name: 'Citizen', language_code: 'zh-hans' };
    const text = { update_id: 880001, message: { message_id: 1, date: 1, chat, from, text: '我想问一下信访流程是什么' } } as Update;
    const photo = {
      update_id: 880002,
      message: { message_id: 2, date: 1, chat, from, caption: '这是现场照片', photo: [{ file_id: 'photo-2', file_unique_id: 'q', width: 800, height: 600, file_size: JPEG.length }] },
    } as Update;
    for (const u of [text, text, photo, photo]) expect(await tg.processUpdate(u)).toBe('done');
    await tg.sender.settle();

    const conv = await citizen(1002).conversation();
    const incoming = (await t.app.store.conversations.transcript(conv.id, 100)).filter((e) => e.direction === 'in');
    expect(incoming.map((e) => e.text)).toEqual(['我想问一下信访流程是什么', '这是现场照片']);
    const attachments = await t.app.store.handle.prisma.attachment.count({ where: { conversationId: conv.id } });
    expect(attachments).toBe(1);
    expect(await t.app.store.outbox.pendingFor(conv.id)).toEqual([]);
  });

  it('a photo whose reply failed to commit is not stored again when the update is retried', async () => {
    const chat = { id: 1006, type: 'private' as const, first_name: 'Citizen' };
    const from = { id: 1006, is_bot: false, first_name: 'Citizen', language_code: 'zh' };
    const photo = { update_id: 880201, message: { message_id: 1, date: 1, chat, from, photo: [{ file_id: 'photo-1', file_unique_id: 'p', width: 8, height: 6 }] } } as Update;
    const spy = vi.spyOn(t.app.store.conversations, 'commitTurn').mockRejectedValueOnce(new Error('connection reset'));
    try {
      expect(await tg.processUpdate(photo)).toBe('retry');
    } finally {
      spy.mockRestore();
    }
    expect(await tg.processUpdate(photo)).toBe('done');
    const conv = await citizen(1006).conversation();
    expect(await t.app.store.handle.prisma.attachment.count({ where: { conversationId: conv.id } })).toBe(1);
  });

  it('stays out of group chats; a wordless message (a sticker) is asked to be put in words', async () => {
    const from = { id: 1005, is_bot: false, first_name: 'Citizen', language_code: 'zh' };
    const group = { update_id: 880101, message: { message_id: 1, date: 1, chat: { id: -5001, type: 'group', title: 'G' }, from, text: '我要反映问题' } } as Update;
    const sticker = {
      update_id: 880102,
      message: { message_id: 2, date: 1, chat: { id: 1005, type: 'private', first_name: 'C' }, from, sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
    } as Update;
    expect(await tg.processUpdate(group)).toBe('done');
    expect(await tg.processUpdate(sticker)).toBe('done');
    await tg.sender.settle();
    expect(await t.app.store.conversations.isProcessed('tg:880101')).toBe(false);
    expect(botMessages(emulator.server, TOKEN, -5001)).toEqual([]);
    expect(botMessages(emulator.server, TOKEN, 1005).map((m) => m.text)).toEqual([catalog('zh', 'unsupportedMessage')]);
  });

  it('refuses a file over 10 MB by its declared size, before downloading it', async () => {
    const downloadsBefore = standIn.downloads.length;
    const c2 = citizen(1004);
    await c2.sendPhoto('huge', 11 * 1024 * 1024);
    expect(c2.text).toBe(catalog('zh', 'attachmentTooLarge', { mb: 10 }));
    expect(standIn.downloads.length).toBe(downloadsBefore);
  });

  it('an update that keeps failing becomes a dead letter, the citizen gets the apology, the next update is processed', async () => {
    const c3 = citizen(1003);
    const spy = vi.spyOn(t.app.store.conversations, 'saveTurn').mockRejectedValue(new Error('poisoned update')); // a plain message's commit
    try {
      const before = botMessages(emulator.server, TOKEN, 1003).length;
      await c3.client.sendMessage(c3.client.makeMessage('你好', { from: { id: 1003, is_bot: false, first_name: 'C', language_code: 'zh-hans' } }));
      await waitFor('dead letter', async () => (await t.app.store.outbox.count('telegram')) === 1);
      const apology = await waitFor('apology', () => botMessages(emulator.server, TOKEN, 1003).slice(before)[0]);
      expect(apology.text).toBe(catalog('zh', 'processingError'));
    } finally {
      spy.mockRestore();
    }
    await c3.say('你好');
    expect(c3.text).toContain(catalog('zh', 'welcome', { county: t.app.core.county.county.name.zh }).slice(0, 20));
  });
});

describe('webhook mode', () => {
  const WH_TOKEN = '654321:webhook-test-token';
  const SECRET = 'webhook-secret-0123456789';
  let w: TestApp;

  beforeAll(async () => {
    w = await startTestApp('pglite', {
      TELEGRAM_BOT_TOKEN: WH_TOKEN,
      TELEGRAM_API_ROOT: emulator.url,
      TELEGRAM_WEBHOOK_URL: 'https://xinfang.example.gov.cn/telegram/hook-a1b2',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await w?.stop();
  });

  const post = (body: unknown, secret?: string) =>
    fetch(`${w.url}/telegram/hook-a1b2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });
  const update = (id: number, text: string): Update =>
    ({ update_id: id, message: { message_id: id, date: 1, chat: { id: 2001, type: 'private', first_name: 'W' }, from: { id: 2001, is_bot: false, first_name: 'W', language_code: 'zh' }, text } }) as Update;

  it('registers the webhook with its secret', async () => {
    const hooks = (emulator.server as unknown as { webhooks: Record<string, { url: string; secret_token?: string }> }).webhooks;
    const hook = await waitFor('setWebhook', () => hooks[WH_TOKEN]);
    expect(hook).toMatchObject({ url: 'https://xinfang.example.gov.cn/telegram/hook-a1b2', secret_token: SECRET });
  });

  it('answers 401 without or with a wrong secret, and processes nothing', async () => {
    for (const secret of [undefined, 'wrong-secret']) {
      const res = await post(update(5001, '你好'), secret);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(await w.app.store.conversations.isProcessed('tg:5001')).toBe(false);
  });

  it('answers 200 once committed; the reply reaches the citizen; a redelivery does nothing', async () => {
    const res = await post(update(5002, '你好'), SECRET);
    expect(res.status).toBe(200);
    expect(await w.app.store.conversations.isProcessed('tg:5002')).toBe(true);
    const reply = await waitFor('reply', () => botMessages(emulator.server, WH_TOKEN, 2001)[0]);
    expect(reply.text).toContain(catalog('zh', 'welcome', { county: w.app.core.county.county.name.zh }).slice(0, 20));
    expect((await post(update(5002, '你好'), SECRET)).status).toBe(200);
    await (w.app.channels.find(isTelegramChannel) as TelegramChannel).sender.settle();
    expect(botMessages(emulator.server, WH_TOKEN, 2001)).toHaveLength(1);
  });

  it('answers 503 while the store is down, so Telegram retries', async () => {
    const spy = vi.spyOn(w.app.store, 'ping').mockResolvedValue(false);
    try {
      const res = await post(update(5003, '你好'), SECRET);
      expect(res.status).toBe(503);
      expect(await w.app.store.conversations.isProcessed('tg:5003')).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect((await post(update(5003, '你好'), SECRET)).status).toBe(200);
  });
});

describe('the outbox sender (fake Bot API)', () => {
  function harness(fail: (call: number, payload: Record<string, unknown>) => Error | null) {
    let clock = 1_000_000;
    const sleeps: number[] = [];
    const calls: Record<string, unknown>[] = [];
    const messages: OutboxMessage[] = [];
    const delivered: string[] = [];
    const retryAt = new Map<string, number>();
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    };
    const outbox = {
      pending: async () => messages.filter((m) => !delivered.includes(m.id)),
      claim: async () => messages.filter((m) => !delivered.includes(m.id) && (retryAt.get(m.id) ?? 0) <= clock),
      release: async (ids: readonly string[], _owner: string, ms = 0) => ids.forEach((id) => retryAt.set(id, clock + ms)),
      markDelivered: async (ids: readonly string[]) => void delivered.push(...ids),
      markFailed: async (id: string) => {
        const m = messages.find((x) => x.id === id)!;
        m.attempts++;
      },
    };
    const callApi = async (_method: string, payload: Record<string, unknown>) => {
      calls.push(payload);
      const err = fail(calls.length, payload);
      if (err) throw err;
      return { message_id: calls.length };
    };
    const nowMs = () => clock;
    const sender = new OutboxSender({
      channel: 'telegram',
      callApi,
      outbox,
      limiter: new SendRateLimiter({ perChatIntervalMs: 1000, globalPerSecond: 30 }, nowMs, sleep),
      log: createLogger('silent'),
      now: () => new Date(clock),
      nowMs,
      sleep,
    });
    const add = (id: string, chat: string, text: string, buttons: { label: string; payload: string }[] | null = null) =>
      messages.push({ id, conversationId: `c-${chat}`, channel: 'telegram', channelUserId: chat, author: 'bot', text, buttons, at: new Date(), attempts: 0 });
    const run = async () => {
      sender.kick();
      await sender.settle();
    };
    return { sender, calls, sleeps, delivered, messages, add, run, advance: (ms: number) => (clock += ms) };
  }

  it('splits a long text on line boundaries, buttons on the last part, one message per second per chat', async () => {
    const h = harness(() => null);
    const lines = Array.from({ length: 400 }, (_, i) => `第${i}行：${'信访'.repeat(10)}`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(2 * 4096);
    h.add('m1', '42', text, [{ label: '确认', payload: 'confirm:yes' }, { label: 'too long', payload: `x:${'y'.repeat(70)}` }]);
    await h.run();
    expect(h.calls.length).toBe(3);
    expect(h.calls.every((c) => (c.text as string).length <= 4096)).toBe(true);
    expect(h.calls.map((c) => c.text).join('\n')).toBe(text);
    expect(h.calls.map((c) => c.reply_markup === undefined)).toEqual([true, true, false]);
    expect(h.calls[2]!.reply_markup).toEqual({ inline_keyboard: [[{ text: '确认', callback_data: 'confirm:yes' }]] });
    expect(h.calls.every((c) => c.chat_id === '42' && c.parse_mode === undefined)).toBe(true);
    expect(h.sleeps).toEqual([1000, 1000]);
    expect(h.delivered).toEqual(['m1']);
  });

  it('waits retry_after on 429 and sends again; the message is delivered once', async () => {
    const h = harness((n) => (n === 1 ? new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } }) : null));
    h.add('m1', '7', 'hello');
    await h.run();
    expect(h.calls.length).toBe(2);
    expect(h.sleeps).toContain(7000);
    expect(h.delivered).toEqual(['m1']);
  });

  it('resumes a split message after the part that failed, without repeating sent parts', async () => {
    const h = harness((n) => (n === 2 ? new TelegramError({ error_code: 502, description: 'Bad Gateway' }) : null));
    h.add('m1', '8', `${'a'.repeat(4000)}\n${'b'.repeat(4000)}`);
    await h.run();
    expect(h.delivered).toEqual([]);
    h.advance(10_000);
    await h.run();
    expect(h.delivered).toEqual(['m1']);
    expect(h.calls.map((c) => (c.text as string)[0])).toEqual(['a', 'b', 'b']);
  });

  it('counts refusals (403 blocked) and gives up after the fifth attempt; later messages then go out', async () => {
    const h = harness((_n, p) => ((p.text as string) === 'first' ? new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }) : null));
    h.add('m1', '9', 'first');
    h.add('m2', '9', 'second');
    for (let i = 0; i < MAX_SEND_ATTEMPTS + 2; i++) {
      await h.run();
      h.advance(120_000);
    }
    expect(h.messages.find((m) => m.id === 'm1')!.attempts).toBe(MAX_SEND_ATTEMPTS);
    expect(h.calls.filter((c) => c.text === 'first')).toHaveLength(MAX_SEND_ATTEMPTS);
    expect(h.delivered).toEqual(['m2']);
  });

  it('takes the command menu from the catalogs; commands without a catalog text are left off', () => {
    for (const l of ['zh', 'en'] as const) {
      const menu = commandMenu(l);
      expect(menu).toContainEqual({ command: 'status', description: catalog(l, 'btnStatus') });
      expect(menu).toContainEqual({ command: 'human', description: catalog(l, 'btnHuman') });
      expect(menu.every((c) => c.description.trim() !== '' && /^[a-z]+$/.test(c.command))).toBe(true);
    }
  });

  it.each([
    ['short', 'abc', 10, ['abc']],
    ['exactly the limit', 'abcdefghij', 10, ['abcdefghij']],
    ['on line boundaries', 'aaaa\nbbbb\ncccc', 10, ['aaaa\nbbbb', 'cccc']],
    ['a long line cut hard', 'aaaaaaaaaaaaaaa', 10, ['aaaaaaaaaa', 'aaaaa']],
    ['never inside a surrogate pair', `${'a'.repeat(9)}😀b`, 10, ['a'.repeat(9), '😀b']],
    ['blank text', '  \n ', 10, []],
  ])('splitText: %s', (_name, text, max, parts) => {
    expect(splitText(text, max)).toEqual(parts);
  });
});
