/**
 * Lookups with many cases in the store (issue 6): seed N cases through the bulk
 * path, time the repeat/related link step of a new petition in-process, then start
 * the server on that store and time a citizen's status lookup through /api/chat,
 * the staff case list and case detail, a year of /api/stats and the dashboard page.
 */
import { randomUUID } from 'node:crypto';
import { buildNewCase } from '../../src/app/petition/submit-petition.ts';
import { readCountyConfig } from '../../src/county-config-file.ts';
import type { CountyConfig } from '../../src/domain/county/schema.ts';
import { createStore, type AppStore } from '../../src/store/create-store.ts';
import { PrismaCaseLinkRepository } from '../../src/store/prisma/case-link-repository.ts';
import { seedCases, type SeededSample } from '../seed/bulk-insert.ts';
import { newUserId, type ChatReply } from './citizen.ts';
import { HttpClient } from './http-client.ts';
import { BENCH_SECRET, startServer, staffToken, type BenchStore } from './server.ts';
import { summarise, timeEach, type LatencySummary } from './stats.ts';

export interface LookupRow {
  what: string;
  latencyMs: LatencySummary;
  /** Answers that were not what a working lookup returns. */
  failures: number;
}

export interface LookupStats {
  cases: number;
  seedSeconds: number;
  rows: LookupRow[];
}

export interface LookupOptions {
  cases: number;
  /** Timed repetitions per request kind. */
  iterations: number;
  log?: (line: string) => void;
}

export async function benchLookups(store: BenchStore, opts: LookupOptions): Promise<LookupStats> {
  const county = readCountyConfig();
  const app = await createStore({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, secretKey: BENCH_SECRET });
  let samples: SeededSample[];
  let seedSeconds: number;
  const rows: LookupRow[] = [];
  try {
    let shown = 0;
    const seeded = await seedCases(app, county, opts.cases, {
      queryCodes: true,
      onProgress: (done, total) => {
        if (done - shown >= total / 10 || done === total) opts.log?.(`  seeded ${done} / ${total}`);
        if (done - shown >= total / 10) shown = done;
      },
    });
    samples = seeded.samples;
    seedSeconds = seeded.seconds;
    rows.push(await timeLinkStep(app, county, samples, opts.iterations));
  } finally {
    await app.close();
  }
  const server = await startServer(store);
  try {
    rows.push(...(await timeHttpLookups(server.url, samples, opts.iterations)));
  } finally {
    await server.stop();
  }
  return { cases: opts.cases, seedSeconds, rows };
}

/** The repeat/related link step of a new petition by an earlier petitioner, about a similar matter. */
async function timeLinkStep(app: AppStore, county: CountyConfig, samples: SeededSample[], n: number): Promise<LookupRow> {
  const now = new Date();
  let failures = 0;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = samples[(i * 7) % samples.length]!;
    const draft = {
      intakeId: randomUUID(),
      name: s.person.name,
      phone: s.person.phone,
      idNumber: s.person.idNumber,
      township: s.township ?? county.townships[0]!.name,
      address: null,
      category: s.category,
      respondent: null,
      facts: `${s.facts}，到现在还没有解决`,
      demands: '尽快解决',
      peopleCount: 1,
      peopleUnit: 'people' as const,
      representatives: [],
      priorPetition: 'earlier_petition' as const,
      priorDetail: null,
      notes: {},
      anonymous: false,
      idType: 'resident' as const,
      consent: { at: now.toISOString(), version: county.guide.version },
      locale: 'zh' as const,
    };
    const input = buildNewCase(draft, { conversationId: randomUUID(), channel: 'web' }, now, county);
    await app.handle.prisma.$transaction(async (tx) => {
      const created = await app.cases.createIn(tx, input);
      const t0 = performance.now();
      const links = await PrismaCaseLinkRepository.linkNewCaseIn(tx, created.id);
      times.push(performance.now() - t0);
      if (!links.some((l) => l.kind === 'repeat')) failures++;
    });
  }
  return { what: 'link step of a new petition (repeat/related)', latencyMs: summarise(times), failures };
}

async function timeHttpLookups(url: string, samples: SeededSample[], n: number): Promise<LookupRow[]> {
  const client = new HttpClient(url, 8);
  const auth = { authorization: `Bearer ${await staffToken(url)}` };
  const rows: LookupRow[] = [];
  const sample = (i: number) => samples[(i * 13) % samples.length]!;
  const get = async (what: string, path: (i: number) => string, ok: (status: number, body: string) => boolean = (st) => st === 200) => {
    let failures = 0;
    await client.request('GET', path(0), undefined, auth); // warm-up
    const times = await timeEach(n, 1, async (i) => {
      const res = await client.request('GET', path(i), undefined, auth);
      if (!ok(res.status, res.body)) failures++;
    });
    rows.push({ what, latencyMs: summarise(times), failures });
  };
  try {
    rows.push(await citizenLookup(client, samples, n));
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const listed = (st: number, body: string) => st === 200 && (JSON.parse(body) as { total: number }).total > 0;
    await get('GET /api/cases (first page)', () => '/api/cases', listed);
    await get('GET /api/cases?status=accepted&page=5', () => '/api/cases?status=accepted&page=5', listed);
    await get('GET /api/cases?township=…&flag=overdue', () => `/api/cases?township=${encodeURIComponent('东湖镇')}&flag=overdue`, listed);
    await get('GET /api/cases?q=… (search)', () => `/api/cases?q=${encodeURIComponent('补偿款')}`, listed);
    await get('GET /api/cases?page=2000 (deep page)', () => '/api/cases?page=2000');
    await get('GET /api/cases/:caseNumber', (i) => `/api/cases/${sample(i).caseNumber}`);
    await get('GET /api/stats (a full year)', () => `/api/stats?from=${from}&to=${to}`, (st, body) => st === 200 && (JSON.parse(body) as { total: number }).total > 0);
    await get('GET /staff/dashboard (a full year)', () => `/staff/dashboard?from=${from}&to=${to}`, (st, body) => st === 200 && body.includes('<html'));
  } finally {
    client.close();
  }
  return rows;
}

/** A citizen asks for a case by number, then gives the query code: both turns timed together. */
async function citizenLookup(client: HttpClient, samples: SeededSample[], n: number): Promise<LookupRow> {
  let failures = 0;
  const say = async (userId: string, text: string) => {
    const res = await client.request('POST', '/api/chat', { userId, text });
    return res.status === 200 ? (JSON.parse(res.body) as ChatReply) : null;
  };
  const times = await timeEach(n, 1, async (i) => {
    const s = samples[(i * 11) % samples.length]!;
    const userId = newUserId();
    let r = await say(userId, `查询 ${s.caseNumber}`);
    if (r?.expecting === 'queryCode') r = await say(userId, s.queryCode!);
    if (!r?.replies.some((x) => x.text.includes(s.caseNumber))) failures++;
  });
  return { what: 'citizen status lookup via /api/chat (number + code, 2 turns)', latencyMs: summarise(times), failures };
}
