/**
 * npm run bench [-- options]   (see args.ts; `--quick` for a smoke run of a few minutes)
 *
 * The load benchmark of issue 7 and the 100,000-case lookups of issue 6, on PGlite
 * and on PostgreSQL: the server runs as its own process on a fresh store per phase;
 * this process drives it over loopback (so the figures include the driver's CPU).
 * Prints a table per store, the PASS/FAIL of each target, and writes the figures as
 * JSON into the temp directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, TARGET, USAGE, type BenchArgs } from './args.ts';
import { runLoad, type LoadModel } from './driver.ts';
import { countFlood, runFlood, type FloodRun, type FloodStats } from './flood-phase.ts';
import { benchLookups } from './lookup-bench.ts';
import { benchStaffPages, keptStore } from './staff-bench.ts';
import { benchNlu, type NluStats } from './nlu-bench.ts';
import { formatProfileSummary, summariseProfileFile } from './profile-summary.ts';
import { chatTable, floodLines, lookupTable, staffTable, nluLine, rssLine, verdictLines, verdicts, type ChatResult, type StoreResults } from './report.ts';
import { openConversations } from './rss-phase.ts';
import { openSocketConversations } from './rss-socket-phase.ts';
import { freshStore, initialiseStore, postgresReachable, startServer, type BenchStore, type StoreKind } from './server.ts';

const log = (s: string) => console.log(s);

async function withStore<T>(kind: StoreKind, fn: (s: BenchStore) => Promise<T>): Promise<T> {
  const store = await freshStore(kind);
  try {
    return await fn(store);
  } finally {
    await store.dispose();
  }
}

async function chatPhase(kind: StoreKind, a: BenchArgs): Promise<ChatResult[]> {
  const users = a.users ?? TARGET[kind].users;
  const rate = a.rate ?? TARGET[kind].rate;
  const models: LoadModel[] = a.model === 'both' ? ['saturation', 'service'] : [a.model];
  return withStore(kind, async (store) => {
    await initialiseStore(store);
    const profDir = a.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-prof-')) : undefined;
    const server = await startServer(store, { cpuProfDir: profDir });
    const out: ChatResult[] = [];
    try {
      for (const model of models) {
        log(`  ${model}: ${users} citizens${model === 'service' ? ` offering ${rate} turns/s` : ''} for ${a.durationS} s …`);
        const cpu0 = server.cpuSeconds();
        const r = await runLoad({ baseUrl: server.url, users, model, rate, durationMs: a.durationS * 1000, warmupMs: a.warmupS * 1000 });
        const cpuMsPerTurn = ((server.cpuSeconds() - cpu0) * 1000) / Math.max(1, r.turnsSent);
        out.push({ ...r, caseNumbers: [], peakRssMb: server.peakRssMb(), cpuMsPerTurn });
      }
    } finally {
      await server.stop();
    }
    if (profDir) {
      const biggest = fs.readdirSync(profDir).map((f) => path.join(profDir, f)).sort((x, y) => fs.statSync(y).size - fs.statSync(x).size)[0];
      if (biggest) log(`${formatProfileSummary(summariseProfileFile(biggest, 30))}\n  (profile: ${biggest})`);
    }
    return out;
  });
}

async function floodPhase(kind: StoreKind, a: BenchArgs): Promise<FloodStats> {
  return withStore(kind, async (store) => {
    await initialiseStore(store);
    const server = await startServer(store);
    let run: FloodRun;
    let peakRssMb: number;
    let cpuMsPerTurn: number;
    try {
      const cpu0 = server.cpuSeconds();
      log(`  flood: ${a.floodCitizens} villagers of 李家村 file one group matter, starting within ${a.floodWindowS} s …`);
      run = await runFlood(server.url, { citizens: a.floodCitizens, windowMs: a.floodWindowS * 1000, thinkMs: [500, 2000] });
      // The plans open right after the replies: give the last ones a moment.
      await new Promise((r) => setTimeout(r, 2000));
      peakRssMb = server.peakRssMb();
      cpuMsPerTurn = ((server.cpuSeconds() - cpu0) * 1000) / Math.max(1, run.turns);
    } finally {
      await server.stop();
    }
    return { ...run, peakRssMb, cpuMsPerTurn, ...(await countFlood(store)) };
  });
}

async function rssPhase(kind: StoreKind, a: BenchArgs) {
  return withStore(kind, async (store) => {
    await initialiseStore(store);
    const server = await startServer(store);
    try {
      log(`  memory: opening ${a.rssConversations} conversations mid-intake${a.socket ? ' over open websockets' : ''} …`);
      return await (a.socket ? openSocketConversations : openConversations)(server, a.rssConversations);
    } finally {
      await server.stop();
    }
  });
}

async function runStore(kind: StoreKind, a: BenchArgs): Promise<StoreResults> {
  log(`\n== ${kind === 'postgres' ? 'PostgreSQL (127.0.0.1:5432)' : 'PGlite (embedded)'} ==`);
  const res: StoreResults = { store: kind, chat: [] };
  if (a.parts.includes('chat')) {
    res.chat = await chatPhase(kind, a);
    log(chatTable(res.chat));
  }
  if (a.parts.includes('flood')) {
    res.flood = await floodPhase(kind, a);
    log(floodLines(res.flood));
  }
  if (a.parts.includes('rss')) {
    res.rss = await rssPhase(kind, a);
    log(rssLine(res.rss));
  }
  if (a.parts.includes('lookup')) {
    log(`  lookups: seeding ${a.cases} cases …`);
    res.lookup = await withStore(kind, (store) => benchLookups(store, { cases: a.cases, iterations: a.iterations, log }));
    log(lookupTable(res.lookup));
  }
  if (a.parts.includes('staff')) {
    log(`  staff pages: ${a.cases} cases, ${a.rounds} rounds of ${a.iterations} …`);
    const opts = { cases: a.cases, iterations: a.iterations, rounds: a.rounds, log };
    res.staff = a.keepStore ? await benchStaffPages(await keptStore(kind, a.cases), opts) : await withStore(kind, (store) => benchStaffPages(store, opts));
    log(staffTable(res.staff));
  }
  return res;
}

async function main(): Promise<void> {
  let a: BenchArgs;
  try {
    a = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message === USAGE ? USAGE : `${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const started = Date.now();
  log(`bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (a.stores.includes('postgres') && a.parts.some((p) => p !== 'nlu') && !(await postgresReachable())) {
    console.error('PostgreSQL is not reachable at 127.0.0.1:5432; start it or use --store pglite');
    process.exit(1);
  }
  let nlu: NluStats | undefined;
  if (a.parts.includes('nlu')) {
    nlu = await benchNlu(a.quick ? 3000 : 10_000);
    log(nluLine(nlu));
  }
  const results: StoreResults[] = [];
  for (const kind of a.stores) if (a.parts.some((p) => p !== 'nlu')) results.push(await runStore(kind, a));
  const vs = verdicts(results);
  if (results.length) log(`\nTargets (2-core machine, driver included):\n${verdictLines(vs)}`);
  const file = path.join(os.tmpdir(), `xf-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ args: a, nlu, results, verdicts: vs, loadAverage: os.loadavg() }, null, 2));
  log(`\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s; figures in ${file}`);
}

await main();
