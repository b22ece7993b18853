/**
 * The group incident's flood (issue 18, part 2): `citizens` villagers of one village
 * (东湖镇李家村) file the same group matter, each starting at a random moment of the
 * window and answering with a short think time, on a fresh store. Prints the turn
 * latency, then what the store made of it: incidents, links, alerts and plans (counted
 * in the store once the server has stopped).
 */
import { answer, newFloodPersona, opener, type ChatBody, type ChatReply } from './citizen.ts';
import { HttpClient } from './http-client.ts';
import { BENCH_SECRET, type BenchStore } from './server.ts';
import { LatencyRecorder, type LatencySummary } from './stats.ts';
import { createStore } from '../../src/store/create-store.ts';
import type { SqlQuery } from '../../src/store/open-store.ts';

export interface FloodOptions {
  citizens: number;
  windowMs: number;
  /** Pause between a reply and the citizen's next message, ms (uniform in the range). */
  thinkMs: [number, number];
  /** Every villager tells the matter in the same words (the smoke test); by default in alike words. */
  sameFacts?: boolean;
}

export interface FloodCounts {
  cases: number;
  incidents: number;
  /** Flood cases that belong to an incident. */
  members: number;
  /** Links whose both ends are flood cases. */
  links: number;
  incidentAlerts: number;
  planAlerts: number;
  plans: number;
  /** Chats waiting for a person (the inbox). */
  inbox: number;
}

export interface FloodStats extends FloodCounts {
  citizens: number;
  windowS: number;
  seconds: number;
  turns: number;
  latencyMs: LatencySummary;
  filingLatencyMs: LatencySummary;
  filed: number;
  errors: number;
  /** Why the petitions not filed ended: `http 429`, `network`, `expecting staff`, `turn cap` … */
  notFiled: Record<string, number>;
  peakRssMb: number;
  /** Server CPU time per turn, ms: robust on a busy machine. */
  cpuMsPerTurn: number;
}

export type FloodRun = Omit<FloodStats, keyof FloodCounts | 'peakRssMb' | 'cpuMsPerTurn'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = ([a, b]: [number, number]) => a + Math.random() * (b - a);

export async function runFlood(baseUrl: string, opts: FloodOptions): Promise<FloodRun> {
  // Villagers pause between messages like people do; a kept-alive connection idle past
  // the server's keep-alive timeout would be reset under a request that reuses it.
  const client = new HttpClient(baseUrl, opts.citizens + 8, false);
  const latency = new LatencyRecorder();
  const filing = new LatencyRecorder();
  let turns = 0;
  let filed = 0;
  let errors = 0;
  const notFiled: Record<string, number> = {};
  const fail = (why: string) => {
    errors++;
    notFiled[why] = (notFiled[why] ?? 0) + 1;
    return null;
  };
  const send = async (userId: string, body: ChatBody): Promise<ChatReply | null> => {
    const t0 = performance.now();
    const res = await client.request('POST', '/api/chat', { userId, ...body }).catch(() => null);
    const ms = performance.now() - t0;
    turns++;
    latency.add(ms);
    if (!res) return fail('network');
    if (res.status !== 200) return fail(`http ${res.status}`);
    const reply = JSON.parse(res.body) as ChatReply;
    if (reply.caseNumber) filing.add(ms);
    return reply;
  };
  const villager = async () => {
    await sleep(Math.random() * opts.windowMs);
    const p = newFloodPersona(opts.sameFacts ?? false);
    let r = await send(p.userId, opener(p));
    let last = '';
    let repeats = 0;
    for (let i = 0; r && !r.caseNumber; i++) {
      repeats = r.expecting === last ? repeats + 1 : 0;
      last = r.expecting ?? '';
      const next = answer(p, r, repeats);
      if (!next) return void fail(`expecting ${r.expecting}`);
      if (i >= 30) return void fail('turn cap');
      await sleep(think(opts.thinkMs));
      r = await send(p.userId, next);
    }
    if (r?.caseNumber) filed++;
  };
  const start = performance.now();
  try {
    await Promise.all(Array.from({ length: opts.citizens }, villager));
  } finally {
    client.close();
  }
  return {
    citizens: opts.citizens,
    windowS: opts.windowMs / 1000,
    seconds: (performance.now() - start) / 1000,
    turns,
    latencyMs: latency.summary(),
    filingLatencyMs: filing.summary(),
    filed,
    errors,
    notFiled,
  };
}

/** What the store made of the flood; call with the server stopped (PGlite has one owner). */
export async function countFlood(store: BenchStore): Promise<FloodCounts> {
  const s = await createStore({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, secretKey: BENCH_SECRET });
  try {
    return await floodCounts(s.handle.sql);
  } finally {
    await s.close();
  }
}

export async function floodCounts(sql: SqlQuery): Promise<FloodCounts> {
  const [row] = await sql.query<FloodCounts>(
    `WITH f AS (SELECT id, incident_id, plan_code FROM cases WHERE township = '东湖镇' AND category = 'land' AND address LIKE '%李家村%')
     SELECT (SELECT count(*) FROM f)::int AS cases,
            (SELECT count(DISTINCT incident_id) FROM f)::int AS incidents,
            (SELECT count(*) FROM f WHERE incident_id IS NOT NULL)::int AS members,
            (SELECT count(*) FROM case_links l WHERE l.case_id IN (SELECT id FROM f) AND l.other_case_id IN (SELECT id FROM f))::int AS links,
            (SELECT count(*) FROM alerts WHERE kind = 'incident' AND case_id IN (SELECT id FROM f))::int AS "incidentAlerts",
            (SELECT count(*) FROM alerts WHERE kind = 'plan_opened' AND case_id IN (SELECT id FROM f))::int AS "planAlerts",
            (SELECT count(*) FROM f WHERE plan_code IS NOT NULL)::int AS plans,
            (SELECT count(*) FROM conversations WHERE waiting_since IS NOT NULL)::int AS inbox`,
    [],
  );
  return row!;
}
