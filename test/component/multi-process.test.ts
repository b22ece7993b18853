/**
 * Two real server processes on one PostgreSQL database, both running the web and
 * Telegram channels against the emulator: a conversation whose turns alternate
 * between them ends like one on a single process; parallel petitions get unique case
 * numbers; two deadline sweeps at once raise one alert per case; a staff reply
 * written through one process reaches a citizen polling the other; every Telegram
 * message goes out once, also one leased by a process that died.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type AppStore } from '../../src/store/create-store.ts';
import { ADMIN_PASSWORD } from '../helpers/app.ts';
import type { ChatResponse } from '../helpers/chat.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { ROOT, startServer, type ServerProcess } from '../helpers/process.ts';
import { TEST_SECRET, tempDir } from '../helpers/stores.ts';
import { botMessages, startEmulator, TgCitizen, waitFor } from '../helpers/telegram.ts';

const TOKEN = '424242:multi-process-test-token';
const RICH = (i: number) => `我叫刘德明，电话1391234${String(i).padStart(4, '0')}，南河镇王庄村的养猪场天天往河里排污水，河里的鱼都死了，要求关停养猪场`;
const ANSWERS: Record<string, string> = { peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', idNumber: 'payload:skip:idNumber' };
const CASE_NUMBER = /^XF\d{12}$/;

let db: TestDatabase;
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let a: ServerProcess;
let b: ServerProcess;
let store: AppStore;
let sql: pg.Client;
let token: string;
const dirs: string[] = [];

function dir(): string {
  const d = tempDir('xf-multi-');
  dirs.push(d);
  return d;
}

beforeAll(async () => {
  db = await createTestDatabase('xf_multi');
  emulator = await startEmulator();
  const env = () => ({
    DATABASE_URL: db.url,
    DATA_DIR: dir(),
    SECRET_KEY: TEST_SECRET,
    ADMIN_PASSWORD,
    NLU_CACHE_DIR: SHARED_NLU_CACHE,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.url,
  });
  a = await startServer(env());
  b = await startServer(env());
  const password = /^\s+xfj01\s+(\S+)\s*$/m.exec(a.output())?.[1];
  expect(password, a.output()).toBeDefined();
  token = await login(a.url, 'xfj01', password!);
  store = await createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: TEST_SECRET });
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
}, 400_000);

afterAll(async () => {
  for (const p of [a, b]) {
    if (!p) continue;
    p.child.kill('SIGTERM');
    await p.exited;
  }
  await sql?.end();
  await store?.close();
  await emulator?.stop();
  await db?.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}, 60_000);

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function turn(url: string, userId: string, body: { text?: string; payload?: string }): Promise<ChatResponse> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, ...body }) });
  const json = (await res.json()) as ChatResponse;
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A citizen whose turn n goes to urls[n % urls.length]; `trail` is what the bot asked along the way. */
function alternating(urls: string[], start: number) {
  const userId = randomBytes(16).toString('hex');
  const trail: (string | null)[] = [];
  let n = start;
  const send = async (body: { text?: string; payload?: string }) => {
    const r = await turn(urls[n++ % urls.length]!, userId, body);
    trail.push(r.expecting);
    return r;
  };
  return { trail, send };
}

/** Talks up to the summary: the rich first message, then whatever is still asked. */
async function untilConfirm(c: ReturnType<typeof alternating>, i: number): Promise<void> {
  let r = await c.send({ text: RICH(i) });
  for (let k = 0; k < 10 && r.expecting !== 'confirm'; k++) {
    const answer = ANSWERS[r.expecting ?? ''];
    expect(answer, `unexpected question ${r.expecting}`).toBeDefined();
    r = await c.send(answer!.startsWith('payload:') ? { payload: answer!.slice(8) } : { text: answer! });
  }
  expect(r.expecting).toBe('confirm');
}

async function file(urls: string[], i: number): Promise<{ trail: (string | null)[]; caseNumber: string | null }> {
  const c = alternating(urls, i);
  await untilConfirm(c, i);
  const r = await c.send({ payload: 'confirm:yes' });
  return { trail: c.trail, caseNumber: r.caseNumber };
}

const staff = (url: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('two server processes on one PostgreSQL', () => {
  it('files a petition whose turns alternate between the processes like one on a single process', async () => {
    const single = await file([a.url], 0);
    const alternating = await file([a.url, b.url], 1);
    expect(single.caseNumber).toMatch(CASE_NUMBER);
    expect(alternating.caseNumber).toMatch(CASE_NUMBER);
    expect(alternating.trail).toEqual(single.trail);
    expect(alternating.caseNumber).not.toBe(single.caseNumber);
    const res = await staff(b.url, `/api/cases/${alternating.caseNumber}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { facts: string }).facts).toContain('养猪场');
  }, 120_000);

  it('gives 20 petitions filed in parallel across both processes 20 different case numbers', async () => {
    const citizens = Array.from({ length: 20 }, (_, i) => alternating([a.url, b.url], i));
    await Promise.all(citizens.map((c, i) => untilConfirm(c, 100 + i)));
    // Every confirm at once, half on each process: the case numbers are drawn concurrently.
    const numbers = (await Promise.all(citizens.map((c) => c.send({ payload: 'confirm:yes' })))).map((r) => r.caseNumber);
    expect(numbers.every((c) => c !== null && CASE_NUMBER.test(c))).toBe(true);
    expect(new Set(numbers).size).toBe(20);
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE case_number = ANY($1)', [numbers]);
    expect(rows[0]!.n).toBe(20);
  }, 300_000);

  it('raises one alert and one supervision event per overdue case when two sweeps run at once', async () => {
    await sql.query(`UPDATE cases SET accept_due_at = now() - interval '1 hour' WHERE status = 'submitted'`);
    const { rows: due } = await sql.query<{ id: string }>(`SELECT id FROM cases WHERE status = 'submitted'`);
    expect(due.length).toBeGreaterThan(1);
    const outputs = await Promise.all([0, 1].map(() => runJobsOnce()));
    expect(outputs.join('\n')).toMatch(/deadline-sweep: /);
    const { rows: alerts } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE dedupe_key LIKE 'overdue:accept:%' GROUP BY case_id`);
    expect(alerts.length).toBe(due.length);
    expect(alerts.every((r) => r.n === 1)).toBe(true);
    const { rows: events } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_events WHERE kind = 'supervision' GROUP BY case_id`);
    expect(events.length).toBe(due.length);
    expect(events.every((r) => r.n === 1)).toBe(true);
  }, 240_000);

  it('brings a staff reply written through one process to a citizen long-polling the other', async () => {
    const userId = randomBytes(16).toString('hex');
    const { conversationId } = await turn(b.url, userId, { text: '我要转人工' });
    expect((await staff(a.url, `/api/inbox/${conversationId}/claim`, {})).status).toBe(200);
    const poll = () => fetch(`${b.url}/api/chat/updates?userId=${userId}&timeout=20`).then(async (r) => (await r.json()) as { replies: { text: string }[] });
    expect((await poll()).replies.length).toBeGreaterThan(0); // the "a person joined" notice
    const waiting = poll();
    await new Promise((r) => setTimeout(r, 300)); // let the poll start waiting first
    const text = `您好，我是信访局的工作人员 ${randomBytes(3).toString('hex')}`;
    const sentAt = Date.now();
    expect((await staff(a.url, `/api/inbox/${conversationId}/reply`, { text })).status).toBe(200);
    const { replies } = await waiting;
    console.log(`staff reply through A reached the long poll on B after ${Date.now() - sentAt} ms`);
    expect(replies.map((r) => r.text)).toEqual([text]);
  }, 60_000);

  it('sends every Telegram message once while both processes poll and send', async () => {
    const c = new TgCitizen(emulator.server, TOKEN, store, 7001);
    await c.say('你好');
    await c.say('我要转人工');
    const conv = await c.conversation();
    expect((await staff(b.url, `/api/inbox/${conv.id}/claim`, {})).status).toBe(200);
    const texts = Array.from({ length: 6 }, (_, i) => `工作人员回复 ${i + 1}`);
    for (const [i, text] of texts.entries()) expect((await staff(i % 2 ? a.url : b.url, `/api/inbox/${conv.id}/reply`, { text })).status).toBe(200);
    await waitFor('replies delivered', async () => (await store.outbox.pendingFor(conv.id)).length === 0, 30_000);
    const sent = botMessages(emulator.server, TOKEN, 7001).map((m) => m.text);
    expect(sent.filter((t) => texts.includes(t))).toEqual(texts);
    const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND delivery = 'delivered'`, [conv.id]);
    expect(sent.length).toBe(rows[0]!.n);
  }, 120_000);

  it('sends a message leased by a process that died once its lease runs out', async () => {
    const c = new TgCitizen(emulator.server, TOKEN, store, 7002);
    await c.say('你好');
    const conv = await c.conversation();
    const text = `来自已停止进程的消息 ${randomBytes(3).toString('hex')}`;
    const { rows } = await sql.query<{ id: string; until: Date }>(
      `INSERT INTO messages (id, conversation_id, at, direction, author, text, delivery, leased_until, leased_by)
       VALUES (gen_random_uuid(), $1, now(), 'out', 'staff', $2, 'pending', now() + interval '2 seconds', 'a-process-that-died')
       RETURNING id, leased_until AS until`,
      [conv.id, store.cipher.encrypt(text)],
    );
    const delivered = await waitFor('lease ran out and message sent', async () => {
      const r = await sql.query<{ at: Date | null }>(`SELECT delivered_at AS at FROM messages WHERE id = $1 AND delivery = 'delivered'`, [rows[0]!.id]);
      return r.rows[0]?.at ?? undefined;
    }, 30_000);
    expect(delivered.getTime()).toBeGreaterThanOrEqual(rows[0]!.until.getTime());
    expect(botMessages(emulator.server, TOKEN, 7002).filter((m) => m.text === text)).toHaveLength(1);
  }, 60_000);
});

/** `npm run jobs -- --once` as its own process against the shared database; resolves with its output. */
function runJobsOnce(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/root/run-jobs.ts', '--once'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: db.url, DATA_DIR: dir(), SECRET_KEY: TEST_SECRET, NLU_CACHE_DIR: SHARED_NLU_CACHE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`jobs exited ${code}:\n${out}`)))),
  );
}
