/**
 * Issue 15, item 7 — the anonymous APIs have a per-network limit, and only a citizen
 * who says something gets a conversation row. POST /api/chat and POST /api/nlu/parse
 * answer 429 `rate_limited` (JSON, Retry-After) past their limit, for that network only
 * (X-Forwarded-For counts only from the local proxy, as for the other limits); the long
 * poll, the transcript load and the socket's hello with a made-up id leave no row.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WEB_LIMITS } from '../../src/channels/http/rate-limit-web.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const newId = () => randomBytes(16).toString('hex');
const post = (path: string, body: unknown, ip?: string) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) }, body: JSON.stringify(body) });
const conversations = () => t.app.store.handle.prisma.conversation.count();

async function expect429(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('rate_limited');
  expect(typeof body.error.message).toBe('string');
}

describe('per-network limits on the anonymous APIs', () => {
  it('POST /api/chat: the message past the limit is a 429 and files nothing; other networks and the local machine go on', async () => {
    const ip = '203.0.113.41';
    for (let i = 0; i < WEB_LIMITS.chatTurns.limit; i++) expect((await post('/api/chat', { userId: newId(), text: '你好' }, ip)).status).toBe(200);
    const before = await conversations();
    await expect429(await post('/api/chat', { userId: newId(), text: '你好' }, ip));
    expect(await conversations()).toBe(before);
    expect((await post('/api/chat', { userId: newId(), text: '你好' }, '198.51.100.41')).status).toBe(200);
    expect((await post('/api/chat', { userId: newId(), text: '你好' })).status).toBe(200);
  });

  it('POST /api/nlu/parse: the request past the limit is a 429', async () => {
    const ip = '203.0.113.42';
    for (let i = 0; i < WEB_LIMITS.nluParses.limit; i++) expect((await post('/api/nlu/parse', { text: '我要反映问题' }, ip)).status).toBe(200);
    await expect429(await post('/api/nlu/parse', { text: '我要反映问题' }, ip));
    expect((await post('/api/nlu/parse', { text: '我要反映问题' }, '198.51.100.42')).status).toBe(200);
  });
});

describe('a conversation row only when a citizen says something', () => {
  it('the long poll of an unknown id waits and answers with nothing, creating no row', async () => {
    const before = await conversations();
    const started = Date.now();
    const res = await fetch(`${t.url}/api/chat/updates?userId=${newId()}&timeout=1`);
    expect(await res.json()).toEqual({ replies: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    for (let i = 0; i < 5; i++) await (await fetch(`${t.url}/api/chat/updates?userId=${newId()}&timeout=0`)).arrayBuffer();
    expect(await conversations()).toBe(before);
  });

  it('a poll that started before the first message still gets a staff reply once the conversation exists', async () => {
    const userId = newId();
    const poll = fetch(`${t.url}/api/chat/updates?userId=${userId}&timeout=20`).then((r) => r.json() as Promise<{ replies: { text: string }[] }>);
    const first = (await (await post('/api/chat', { userId, text: '你好' })).json()) as { conversationId: string };
    await t.app.store.outbox.enqueue(first.conversationId, [{ author: 'staff', text: '您好，这里是信访局。' }], new Date());
    expect((await poll).replies.map((r) => r.text)).toEqual(['您好，这里是信访局。']);
  }, 30_000);

  it('the transcript load of an unknown id is the welcome, with no row', async () => {
    const before = await conversations();
    const res = await post('/api/chat/transcript', { userId: newId(), locale: 'en' });
    const body = (await res.json()) as { messages: { author: string; text: string }[] };
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]!.text).toContain('Shifan County');
    expect(await conversations()).toBe(before);
  });

  it('the socket hello of an unknown id is the welcome, with no row; its first message starts one', async () => {
    const before = await conversations();
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/chat/ws`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const next = () => new Promise<{ type: string }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)) as { type: string })));
    const user = newId();
    const hello = next();
    ws.send(JSON.stringify({ type: 'hello', user, channel: 'websocket', locale: 'zh' }));
    expect((await hello).type).toBe('transcript');
    expect(await conversations()).toBe(before);
    const reply = next();
    ws.send(JSON.stringify({ type: 'message', user, channel: 'websocket', text: '你好' }));
    expect((await reply).type).toBe('message');
    expect(await conversations()).toBe(before + 1);
    ws.terminate();
  });
});
