/**
 * Fuzzing the public and staff JSON APIs with seeded hostile requests (FUZZ_RUNS,
 * default 3,000; FUZZ_SEED to replay). Every answer must be a non-5xx, a 4xx must be
 * the contract's JSON error without a stack trace, a refused request must leave the
 * store's rows as they were, the server's Object.prototype must stay clean, and the
 * server must still be healthy at the end.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { seededRandom } from '../helpers/random.ts';
import { deepJson, duplicateKeyJson, Hostile, invalidUtf8Json, pollutingJson } from './hostile.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const STACK = /\n\s+at |node:internal|\/src\/|\.ts:\d+|TypeError|ReferenceError|PrismaClient/;
const USER_IDS = ['fuzz-citizen-0000000001', 'fuzz-citizen-0000000002'];
const ACTIONS = ['accept', 'not_accept', 'transfer', 'start_handling', 'note', 'extend', 'reply', 'close', 'request_review', 'review_reply', 'x', '__proto__', 'constructor'];

interface Target {
  method: 'GET' | 'POST';
  path: (h: Hostile) => string;
  template: Record<string, unknown>;
  auth: 'none' | 'bearer' | 'cookie';
}

let t: TestApp;
let token: string;
let caseNumber: string;
let before: string[];

beforeAll(async () => {
  before = Object.getOwnPropertyNames(Object.prototype).sort();
  t = await startTestApp('pglite');
  token = await loginAs(t, 'admin');
  caseNumber = (await t.app.store.cases.create(newCase())).caseNumber;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const TARGETS: Target[] = [
  { method: 'POST', path: () => '/api/chat', template: { userId: USER_IDS[0], text: '我要反映问题', payload: 'cmd:cancel', locale: 'zh' }, auth: 'none' },
  { method: 'POST', path: () => '/api/nlu/parse', template: { text: '我叫张三，电话13812345678', locale: 'en' }, auth: 'none' },
  { method: 'POST', path: () => '/api/staff/login', template: { username: 'nobody-here', password: 'wrong-password-1', totp: '123456' }, auth: 'none' },
  {
    method: 'POST',
    path: (h) => `/api/cases/${h.chance(0.7) ? caseNumber : pathPart(h)}/actions/${h.chance(0.8) ? h.pick(ACTIONS) : pathPart(h)}`,
    template: { note: '核实', reason: '不属于本单位', channel: '法院', unit: 'zjj', days: 10, answer: '答复', public: true },
    auth: 'bearer',
  },
  { method: 'POST', path: () => `/api/cases/${caseNumber}/actions/note`, template: { note: '内部备注' }, auth: 'cookie' },
  { method: 'GET', path: (h) => `/api/cases?${queryString(h)}`, template: {}, auth: 'bearer' },
  { method: 'GET', path: (h) => `/api/cases/${pathPart(h)}`, template: {}, auth: 'bearer' },
  {
    method: 'POST',
    path: () => '/api/cases',
    template: { origin: 'letter', receivedAt: '2026-12-01', petitioner: { name: '王秀英', phone: '13912345678', idNumber: '11010519491231002X' }, township: '东湖镇', category: 'land', facts: '占地没有补偿', demands: '补偿', peopleCount: 1 },
    auth: 'bearer',
  },
  { method: 'POST', path: () => '/api/staff/users', template: { username: 'fuzz', password: 'fuzz-password-123456', role: 'handler', unit: 'zjj', township: '东湖镇' }, auth: 'bearer' },
  { method: 'GET', path: (h) => `/api/staff/users?${queryString(h)}`, template: {}, auth: 'bearer' },
];

/** A path segment: percent-encoded hostile text, or raw broken escapes. */
const pathPart = (h: Hostile) => (h.chance(0.8) ? enc(h.string(30)) : h.pick(['%00', '%E4%B8', '%ZZ', '%ED%A0%80', '..%2F..%2Fetc', '%C0%AF']));
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''));

function queryString(h: Hostile): string {
  const keys = ['status', 'unit', 'township', 'flag', 'q', 'page', '__proto__', 'constructor[prototype][polluted]', 'q[]'];
  const parts: string[] = [];
  for (let i = h.int(5); i > 0; i--) {
    const raw = h.chance(0.5) ? h.string(20) : String(h.value(0));
    // Percent-encode most, but sometimes send raw bytes like %00 and broken escapes.
    const v = h.chance(0.8) ? enc(raw) : h.pick(['%00', '%E4%B8', '%ZZ', '%ED%A0%80', '%', 'a%2']);
    parts.push(`${h.pick(keys)}=${v}`);
  }
  return parts.join('&');
}

interface Req {
  body?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** The body is over the JSON limit: only 413 is right. */
  huge?: boolean;
}

function makeBody(h: Hostile, target: Target): Req {
  const tpl = target.template;
  const json = 'application/json';
  switch (h.int(12)) {
    case 0:
      return { body: pollutingJson(h, tpl), contentType: json };
    case 1:
      return { body: duplicateKeyJson(h, Object.keys(tpl).length ? tpl : { a: 1 }), contentType: json };
    case 2:
      return { body: deepJson(h), contentType: json };
    case 3:
      return { body: invalidUtf8Json(h, h.pick(Object.keys(tpl).length ? Object.keys(tpl) : ['q'])), contentType: json };
    case 4: {
      const size = 64 * 1024 + 1 + h.int(400 * 1024);
      return { body: JSON.stringify({ ...tpl, text: 'x'.repeat(size) }), contentType: json, huge: true };
    }
    case 5:
      return { body: JSON.stringify(h.mutate(tpl)), contentType: h.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/xml', '']) };
    case 6:
      return { body: gzipSync(JSON.stringify(h.mutate(tpl))).subarray(0, 10 + h.int(20)), contentType: json, headers: { 'content-encoding': h.pick(['gzip', 'deflate', 'br', 'compress']) } };
    case 7:
      return { body: h.pick(['', 'null', '[]', '"text"', '12', 'true', '{', '{"a":}', '[1,2', '\u0000', 'NaN', '{"text":"\\ud800"}', '{"text":"\\u0000"}']), contentType: json };
    case 8:
      // Arrays where objects are expected, numbers as strings.
      return { body: JSON.stringify(h.chance(0.5) ? [tpl, h.mutate(tpl)] : Object.fromEntries(Object.entries(tpl).map(([k, v]) => [k, typeof v === 'number' ? String(v) : [v]]))), contentType: json };
    default:
      return { body: JSON.stringify(h.mutate(tpl)), contentType: json };
  }
}

async function counts(): Promise<Record<string, number>> {
  const rows = await t.app.store.handle.prisma.$queryRawUnsafe<Record<string, bigint | number>[]>(
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM conversations) AS conversations, (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM staff_accounts) AS staff, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM case_events) AS events',
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

interface Outcome {
  status: number;
  text: string;
  contentType: string;
}

async function send(target: Target, path: string, req: Req): Promise<Outcome> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (req.contentType) headers['content-type'] = req.contentType;
  if (target.auth === 'bearer') headers.authorization = `Bearer ${token}`;
  if (target.auth === 'cookie') headers.cookie = `xf_session=${token}`;
  const res = await fetch(`${t.url}${path}`, { method: target.method, headers, body: target.method === 'POST' ? req.body : undefined });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
}

function checkAnswer(what: string, out: Outcome, req: Req): void {
  expect(out.status, what).toBeLessThan(500);
  expect(out.text, what).not.toMatch(STACK);
  if (req.huge) expect(out.status, what).toBe(413);
  if (out.status >= 400) {
    expect(out.contentType, what).toMatch(/^application\/json/);
    const err = (JSON.parse(out.text) as { error?: { code?: unknown; message?: unknown } }).error;
    expect(typeof err?.code, what).toBe('string');
    expect(typeof err?.message, what).toBe('string');
  } else if (out.status !== 204) {
    expect(out.contentType, what).toMatch(/^application\/json/);
  }
}

/** A refused sign-in may count a failure for a real account (an audit row), as a valid wrong password does. */
const mayAudit = (path: string, status: number) => path === '/api/staff/login' && (status === 401 || status === 429);

describe(`fuzz: ${RUNS} hostile requests (seed ${SEED})`, () => {
  it('never answers 5xx or a stack trace, and a refusal changes nothing', async () => {
    const h = new Hostile(seededRandom(SEED));
    let rows = await counts();
    const statuses = new Map<number, number>();
    for (let i = 0; i < RUNS; i++) {
      const target = h.pick(TARGETS);
      const path = target.path(h);
      const req = target.method === 'POST' ? makeBody(h, target) : {};
      const what = `#${i} ${target.method} ${path} ${String(req.body ?? '').slice(0, 200)}`;
      const out = await send(target, path, req);
      statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1);
      checkAnswer(what, out, req);
      const now = await counts();
      if (out.status >= 400) {
        const expected = mayAudit(path, out.status) ? { ...rows, audit: now.audit } : rows;
        expect(now, `${what} → ${out.status} changed the store`).toEqual(expected);
      }
      rows = now;
      if (i % 100 === 0) expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
    }
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  }, 600_000);

  it('the websocket takes the same hostile text without a server error', async () => {
    const h = new Hostile(seededRandom(SEED + 1));
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/chat/ws`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers: { type: string; final?: boolean; text?: string; error?: { code: string } }[] = [];
    ws.on('message', (m) => answers.push(JSON.parse(String(m)) as (typeof answers)[number]));
    const errorsBefore = t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50).length;
    const sent = 40;
    for (let i = 0; i < sent; i++) {
      const text = `${h.string(30)}\ud800${h.pick(['\u0000', '\udfff', '', '\u0007'])}x`;
      const before = answers.length;
      ws.send(JSON.stringify({ type: 'message', user: USER_IDS[1], text, ...(h.chance(0.3) ? { __proto__: { polluted: 1 } } : {}) }));
      // One turn at a time: wait for its final reply (or its refusal).
      await expect.poll(() => answers.slice(before).some((a) => a.final || a.type === 'error'), { timeout: 20_000 }).toBe(true);
    }
    ws.close();
    expect(answers.filter((a) => a.type === 'error' && a.error?.code !== 'bad_request')).toEqual([]);
    expect(answers.filter((a) => a.text === catalog('zh', 'processingError') || a.text === catalog('en', 'processingError'))).toEqual([]);
    expect(t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toHaveLength(errorsBefore);
  }, 300_000);

  it('leaves Object.prototype clean and the server healthy', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    // A valid request still works after the storm.
    const ok = await fetch(`${t.url}/api/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '你好' }) });
    expect(ok.status).toBe(200);
  });
});
