/**
 * The staff pages at a province's scale (issue 18 part 3): with N cases in the store,
 * the dashboard numbers for a year and since the first case, the dashboard page, search,
 * case detail and list pages (deep ones too; the API's and the console's), as an admin
 * and as a unit's handler (scoped). A freshly seeded store is analysed (PostgreSQL: and
 * vacuumed). Each kind is timed in `rounds` rounds against the same store, so run-to-run
 * spread shows without seeding again.
 *
 * `--keep-store` keeps the seeded store between runs (PGlite: a DATA_DIR under the temp
 * dir; PostgreSQL: a database named after the case count), so two commits can be
 * measured on the same data: the second server migrates the store as a deployment would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readCountyConfig } from '../../src/county-config-file.ts';
import { createStore } from '../../src/store/create-store.ts';
import { argon2Hasher } from '../../src/staff/password-hasher.ts';
import { seedCases } from '../seed/bulk-insert.ts';
import { HttpClient } from './http-client.ts';
import { BENCH_SECRET, PG_ADMIN_URL, startServer, staffToken, type BenchStore, type StoreKind } from './server.ts';
import { summarise, timeEach, type LatencySummary } from './stats.ts';

export interface StaffRow {
  what: string;
  /** One summary per round. */
  rounds: LatencySummary[];
  failures: number;
}

export interface StaffStats {
  cases: number;
  seedSeconds: number | null;
  /** Seconds the server took to start (and migrate) on the seeded store. */
  startSeconds: number;
  rows: StaffRow[];
}

export interface StaffOptions {
  cases: number;
  iterations: number;
  rounds: number;
  log?: (line: string) => void;
}

const HANDLER = { username: 'bench-handler', password: 'bench-handler-password-1' };

/** A store kept between runs, named by kind and size. */
export async function keptStore(kind: StoreKind, cases: number): Promise<BenchStore> {
  const dataDir = path.join(os.tmpdir(), `xf-staff-${kind}-${cases}`);
  fs.mkdirSync(dataDir, { recursive: true });
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const name = `xf_staff_${cases}`;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  return { kind, dataDir, databaseUrl, dispose: async () => {} };
}

/** Seeds the store up to `cases` cases (none when it holds them already) and adds the handler account. */
async function prepare(store: BenchStore, opts: StaffOptions): Promise<{ seedSeconds: number | null; unit: string }> {
  const county = readCountyConfig();
  const app = await createStore({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, secretKey: BENCH_SECRET });
  try {
    const have = await app.handle.prisma.case.count();
    let seedSeconds: number | null = null;
    if (have < opts.cases) {
      let shown = 0;
      const seeded = await seedCases(app, county, opts.cases - have, {
        onProgress: (done, total) => {
          if (done - shown >= total / 10 || done === total) opts.log?.(`  seeded ${done} / ${total}`);
          if (done - shown >= total / 10) shown = done;
        },
      });
      seedSeconds = seeded.seconds;
      // What a deployment's tables get soon after a bulk load: on PostgreSQL autovacuum's
      // VACUUM ANALYZE (statistics, the visibility map index-only scans need; done here also
      // where the local server runs without autovacuum), on PGlite the daily
      // refresh-statistics job's ANALYZE.
      await app.handle.sql.query(store.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE', []);
    }
    const top = await app.handle.prisma.case.groupBy({ by: ['unit'], _count: { _all: true }, orderBy: { _count: { unit: 'desc' } }, take: 1 });
    const unit = top[0]!.unit;
    await app.staff.createIfAbsent({ username: HANDLER.username, passwordHash: await argon2Hasher.hash(HANDLER.password), role: 'handler', unit, township: null, displayName: null });
    return { seedSeconds, unit };
  } finally {
    await app.close();
  }
}

export async function benchStaffPages(store: BenchStore, opts: StaffOptions): Promise<StaffStats> {
  const { seedSeconds, unit } = await prepare(store, opts);
  const t0 = performance.now();
  const server = await startServer(store, {}, 1_800_000);
  const startSeconds = (performance.now() - t0) / 1000;
  opts.log?.(`  server started in ${startSeconds.toFixed(1)} s; handler of unit ${unit}`);
  try {
    return { cases: opts.cases, seedSeconds, startSeconds, rows: await timePages(server.url, opts) };
  } finally {
    await server.stop();
  }
}

interface Probe {
  what: string;
  who: 'admin' | 'handler';
  path: (i: number, numbers: string[]) => string;
  ok: (status: number, body: string) => boolean;
}

const ok200 = (st: number) => st === 200;
const listed = (st: number, body: string) => st === 200 && (JSON.parse(body) as { total: number }).total > 0;
const page = (st: number, body: string) => st === 200 && body.includes('<html');
const q = encodeURIComponent;

function probes(): Probe[] {
  const to = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const since = '2000-01-01'; // before the first case: "since the first case"
  return [
    { what: 'GET /api/stats, a year', who: 'admin', path: () => `/api/stats?from=${yearAgo}&to=${to}`, ok: listed },
    { what: 'GET /api/stats, since the first case', who: 'admin', path: () => `/api/stats?from=${since}&to=${to}`, ok: listed },
    { what: 'GET /api/stats, a year, as a handler', who: 'handler', path: () => `/api/stats?from=${yearAgo}&to=${to}`, ok: listed },
    { what: 'GET /staff/dashboard, a year', who: 'admin', path: () => `/staff/dashboard?from=${yearAgo}&to=${to}`, ok: page },
    { what: 'GET /staff/dashboard, since the first case', who: 'admin', path: () => `/staff/dashboard?from=${since}&to=${to}`, ok: page },
    { what: 'GET /api/cases?q=补偿款 (search)', who: 'admin', path: () => `/api/cases?q=${q('补偿款')}`, ok: listed },
    { what: 'GET /api/cases?q=噪音扰民 (search)', who: 'admin', path: () => `/api/cases?q=${q('噪音扰民')}`, ok: listed },
    { what: 'GET /api/cases?q=… as a handler', who: 'handler', path: () => `/api/cases?q=${q('补偿')}`, ok: ok200 },
    { what: 'GET /api/cases/:caseNumber', who: 'admin', path: (i, n) => `/api/cases/${n[i % n.length]}`, ok: ok200 },
    { what: 'GET /api/cases (first page)', who: 'admin', path: () => '/api/cases', ok: listed },
    { what: 'GET /api/cases?status=accepted&page=5', who: 'admin', path: () => '/api/cases?status=accepted&page=5', ok: listed },
    { what: 'GET /api/cases?township=…&flag=overdue', who: 'admin', path: () => `/api/cases?township=${q('东湖镇')}&flag=overdue`, ok: listed },
    { what: 'GET /api/cases?page=2000', who: 'admin', path: () => '/api/cases?page=2000', ok: listed },
    { what: 'GET /api/cases?category=labor&page=200', who: 'admin', path: () => '/api/cases?category=labor&page=200', ok: listed },
    { what: 'GET /api/cases?page=50 as a handler', who: 'handler', path: () => '/api/cases?page=50', ok: listed },
    { what: 'GET /staff/cases/:caseNumber (console)', who: 'admin', path: (i, n) => `/staff/cases/${n[i % n.length]}`, ok: page },
    { what: 'GET /staff?page=2000 (console)', who: 'admin', path: () => '/staff?page=2000', ok: page },
  ];
}

async function timePages(url: string, opts: StaffOptions): Promise<StaffRow[]> {
  const client = new HttpClient(url, 4);
  const tokens = {
    admin: { authorization: `Bearer ${await staffToken(url)}` },
    handler: { authorization: `Bearer ${await staffToken(url, HANDLER.username, HANDLER.password)}` },
  };
  try {
    // Case numbers spread over the store, from deep list pages.
    const numbers: string[] = [];
    for (const p of [1, 500, 1000, 2000, 3000, 4000]) {
      const res = await client.request('GET', `/api/cases?page=${p}`, undefined, tokens.admin);
      if (res.status === 200) numbers.push(...(JSON.parse(res.body) as { items: { caseNumber: string }[] }).items.map((c) => c.caseNumber));
    }
    const rows: StaffRow[] = probes().map((p) => ({ what: p.what, rounds: [], failures: 0 }));
    for (let round = 0; round < opts.rounds; round++) {
      for (const [k, p] of probes().entries()) {
        const auth = tokens[p.who];
        await client.request('GET', p.path(0, numbers), undefined, auth).catch(() => null); // warm-up
        const times = await timeEach(opts.iterations, 1, async (i) => {
          // A request that times out is a failure with its time, not the end of the run.
          const res = await client.request('GET', p.path(i, numbers), undefined, auth).catch(() => null);
          if (!res || !p.ok(res.status, res.body)) rows[k]!.failures++;
        });
        rows[k]!.rounds.push(summarise(times));
      }
      opts.log?.(`  round ${round + 1} / ${opts.rounds} done`);
    }
    return rows;
  } finally {
    client.close();
  }
}
