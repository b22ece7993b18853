/**
 * PostgreSQL stopped (immediate) and started again under load, on a throwaway cluster
 * of this test's own: while it is down every request gets a quick 503 JSON error
 * (never a 500, never a hang), afterwards requests succeed again on the same server
 * process, and the store holds no half-written case.
 */
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/process.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { TEST_SECRET, tempDir } from '../helpers/stores.ts';
import { CrashCitizen, PROBE, TEMPLATES, type ChatBody, type ChatReply, type Path } from './crash-citizen.ts';
import { CRASH_ADMIN_PASSWORD, freePort } from './crash-server.ts';
import { findPgBin, ThrowawayCluster } from './throwaway-postgres.ts';

const BIN = findPgBin();
const REQUEST_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: ThrowawayCluster | undefined;
let server: ServerProcess | undefined;
const dataDir = tempDir('xf-pgrestart-');
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await cluster?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  ms: number;
  body: { error?: { code: string } } & Partial<ChatReply>;
}

async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const t0 = Date.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: res.status, ms: Date.now() - t0, body: (await res.json()) as Answer['body'] };
}

const chat = (userId: string, body: ChatBody) =>
  request(`${server!.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, ...body }) });

/** Drives one citizen to a filed case; a failed turn is followed by probes until the store answers. */
async function file(c: CrashCitizen, answers: Answer[]): Promise<void> {
  let failed = false;
  while (!c.done) {
    const a = await chat(c.userId, failed ? PROBE : c.message());
    answers.push(a);
    if (a.status !== 200) {
      failed = true;
      await sleep(100);
    } else if (failed) {
      c.probed(a.body as ChatReply);
      failed = false;
    } else c.answered(a.body as ChatReply);
  }
}

describe('PostgreSQL restarted under load', () => {
  it('answers 503 while the database is down, recovers after it is back, and keeps the store consistent', async () => {
    // .ci/run installs the postgresql package; without its binaries this test fails, it does not skip.
    if (!BIN) throw new Error('needs initdb and pg_ctl under /usr/lib/postgresql/*/bin: install the postgresql package');
    cluster = await ThrowawayCluster.create(BIN, await freePort());
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: cluster.url, SECRET_KEY: TEST_SECRET, ADMIN_PASSWORD: CRASH_ADMIN_PASSWORD, NLU_CACHE_DIR: SHARED_NLU_CACHE });
    const login = await request(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: CRASH_ADMIN_PASSWORD }),
    });
    const token = (login.body as { token: string }).token;
    const staff = (path: string) => request(`${server!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    // Every answer along one template's path, learnt while the database is up.
    const violations: string[] = [];
    const paths = new Map<string, Path>();
    for (const t of TEMPLATES) {
      const path: Path = new Map();
      const c = new CrashCitizen(t, path, (m) => violations.push(m));
      while (!c.done) {
        const at = c.at!;
        const a = await chat(c.userId, c.message());
        path.set(at, a.body.expecting ?? null);
        c.answered(a.body as ChatReply);
      }
      paths.set(t.name, path);
    }

    const answers: Answer[] = [];
    const citizens: CrashCitizen[] = [];
    let stopping = false;
    const load = Array.from({ length: 6 }, async (_, i) => {
      for (let n = 0; !stopping; n++) {
        const t = TEMPLATES[(i + n) % TEMPLATES.length]!;
        const c = new CrashCitizen(t, paths.get(t.name)!, (m) => violations.push(m));
        citizens.push(c);
        await file(c, answers);
      }
    });

    await sleep(1500);
    await cluster.stop('immediate');
    const down = await Promise.all([
      chat('a'.repeat(32), { text: '你好' }),
      staff('/api/cases'),
      staff('/api/stats?from=2026-01-01&to=2026-12-31'),
      request(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x'.repeat(12) }) }),
      request(`${server.url}/healthz`),
    ]);
    for (const a of down) {
      // The server's log tells what a wrong status came from.
      expect(a.status, `${JSON.stringify(a.body)}\n${server!.output().slice(-4000)}`).toBe(503);
      expect(a.body.error?.code).toBe('unavailable');
    }
    await sleep(1500);
    await cluster.start();

    // The same process reconnects: a request succeeds again soon.
    let back: Answer | undefined;
    for (let i = 0; i < 100 && back?.status !== 200; i++) {
      back = await staff('/api/cases');
      if (back.status !== 200) await sleep(200);
    }
    expect(back?.status).toBe(200);
    stopping = true;
    await Promise.all(load);

    expect(violations).toEqual([]);
    const failures = answers.filter((a) => a.status !== 200);
    expect(failures.length).toBeGreaterThan(0);
    for (const a of failures) {
      // The server's log tells what a wrong status came from.
      expect(a.status, `${JSON.stringify(a.body)}\n${server!.output().slice(-4000)}`).toBe(503);
      expect(a.body.error?.code).toBe('unavailable');
    }
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(REQUEST_TIMEOUT_MS);

    for (const c of citizens.filter((x) => x.caseNumber)) {
      const k = await staff(`/api/cases/${c.caseNumber}`);
      expect(k.status).toBe(200);
      expect(k.body).toMatchObject({ category: c.template.expect.category, township: c.template.expect.township });
    }
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    const { rows } = await db.query<{ n: number; broken: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE p.id IS NULL OR NOT EXISTS
        (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'submitted'))::int AS broken
      FROM cases c LEFT JOIN petitioners p ON p.id = c.petitioner_id`);
    await db.end();
    expect(rows[0]!.broken).toBe(0);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(citizens.filter((c) => c.caseNumber).length + TEMPLATES.length);
  }, 600_000);
});
