/**
 * Floods from one address against the web chat's costly doors: websocket
 * connections and messages, file uploads, waiting long polls. Each is cut off with
 * a JSON 429 (or a 1008 close on the socket) while the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConcurrencyLimit, RateLimiter } from '../../src/channels/http/rate-limit.ts';
import { WEB_LIMITS } from '../../src/channels/http/rate-limit-web.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const USER = 'limits-citizen-000000001';
/** A client behind the (loopback) proxy: the local machine itself is never limited. */
const REMOTE = { 'x-forwarded-for': '203.0.113.7' };
const socketUrl = () => `${t.url.replace('http', 'ws')}/api/chat/ws`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

async function expect429(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
}

describe('per-address limits (in memory, per process)', () => {
  it('the limiter counts per key and window; the concurrency limit releases once', () => {
    let now = 0;
    const l = new RateLimiter({ limit: 2, windowMs: 1000 }, () => now);
    expect([l.take('a'), l.take('a'), l.take('b')]).toEqual([null, null, null]);
    expect(l.take('a')).toBe(1);
    now = 1000;
    expect(l.take('a')).toBeNull();
    const c = new ConcurrencyLimit(1);
    const release = c.acquire('a')!;
    expect(c.acquire('a')).toBeNull();
    release();
    release();
    const again = c.acquire('a');
    expect(again).not.toBeNull();
    expect(c.acquire('a')).toBeNull();
  });

  it('uploads: the one past the limit is a 429 before its body is read', async () => {
    const upload = () => fetch(`${t.url}/api/chat/attachments?userId=${USER}&name=a.png`, { method: 'POST', headers: { ...REMOTE, 'content-type': 'image/png' }, body: PNG });
    for (let i = 0; i < WEB_LIMITS.uploads.limit; i++) expect((await upload()).status).toBe(200);
    await expect429(await upload());
    // Another network, and the local machine, are not affected.
    const other = await fetch(`${t.url}/api/chat/attachments?userId=${USER}&name=a.png`, { method: 'POST', headers: { 'x-forwarded-for': '198.51.100.9', 'content-type': 'image/png' }, body: PNG });
    expect(other.status).toBe(200);
    const local = await fetch(`${t.url}/api/chat/attachments?userId=${USER}&name=a.png`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG });
    expect(local.status).toBe(200);
  });

  it('long polls: no more than the limit wait at once; a finished one frees its place', async () => {
    const poll = (signal?: AbortSignal) => fetch(`${t.url}/api/chat/updates?userId=${USER}&timeout=20`, { signal, headers: REMOTE });
    const abort = new AbortController();
    const waiting = Array.from({ length: WEB_LIMITS.pollsOpen }, () => poll(abort.signal).catch(() => null));
    // The held polls are registered once the server answers the next one with 429.
    let refused: Response | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const res = await fetch(`${t.url}/api/chat/updates?userId=${USER}&timeout=0`, { headers: REMOTE });
      if (res.status === 429) refused = res;
      else await res.arrayBuffer();
    }
    expect(refused).toBeDefined();
    await expect429(refused!);
    abort.abort();
    await Promise.all(waiting);
    await expect.poll(async () => (await fetch(`${t.url}/api/chat/updates?userId=${USER}&timeout=0`, { headers: REMOTE })).status).toBe(200);
  });

  it('websocket messages: a socket that floods is closed with 1008, and nothing after is handled', async () => {
    const ws = new WebSocket(socketUrl(), { headers: REMOTE });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    let answers = 0;
    ws.on('message', () => answers++);
    // Invalid user ids: each is refused cheaply, so only the flood itself is measured.
    for (let i = 0; i < WEB_LIMITS.socketMessages.limit + 5; i++) ws.send(JSON.stringify({ type: 'message', user: 'short', text: 'hi' }));
    expect(await closed).toBe(1008);
    expect(answers).toBeLessThanOrEqual(WEB_LIMITS.socketMessages.limit);
  });

  it('websocket connections: the one past the limit gets an HTTP 429 instead of an upgrade', async () => {
    const open: WebSocket[] = [];
    let refusedWith: number | undefined;
    for (let i = 0; i < WEB_LIMITS.socketConnects.limit + 2 && refusedWith === undefined; i++) {
      const ws = new WebSocket(socketUrl(), { headers: REMOTE });
      const outcome = await new Promise<number | null>((resolve) => {
        ws.once('open', () => resolve(null));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', () => resolve(-1));
      });
      if (outcome === null) open.push(ws);
      else refusedWith = outcome;
    }
    expect(refusedWith).toBe(429);
    // One earlier in this file, the rest here: exactly the limit got through.
    expect(open.length).toBe(WEB_LIMITS.socketConnects.limit - 1);
    for (const ws of open) ws.terminate();
    // The server itself is fine.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('no Strict-Transport-Security outside production (plain http on a laptop)', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
