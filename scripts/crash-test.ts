/**
 * The full-size crash test for the benchmark: `node --import tsx scripts/crash-test.ts
 * [--store pglite|postgres|both] [--kills 50] [--citizens 10] [--seed N] [--kill-starting 0.2]`
 * (the share of restarts also killed while starting). Each store
 * gets a fresh DATA_DIR (and a fresh database on the local PostgreSQL); the server is
 * killed with SIGKILL at random moments under load and restarted. Prints a summary and
 * exits 1 on any violation.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../test/helpers/postgres.ts';
import { tempDir } from '../test/helpers/stores.ts';
import { runCrashTest, type CrashReport } from '../test/fault/crash-harness.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    kills: { type: 'string', default: '50' },
    citizens: { type: 'string', default: '10' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'kill-starting': { type: 'string', default: '0.2' },
  },
});

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function runOn(kind: 'pglite' | 'postgres'): Promise<CrashReport> {
  const dataDir = tempDir('xf-crash-');
  const db = kind === 'postgres' ? await createTestDatabase('xf_crash') : undefined;
  try {
    return await runCrashTest({
      store: { kind, dataDir, databaseUrl: db?.url },
      kills: Number(values.kills),
      seed: Number(values.seed),
      citizens: Number(values.citizens),
      upMs: [100, 3000],
      killStarting: { share: Number(values['kill-starting']), withinMs: 8000 },
      log: (line) => console.log(`  [${kind}] ${line}`),
    });
  } finally {
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const kinds = values.store === 'both' ? (['pglite', 'postgres'] as const) : [values.store as 'pglite' | 'postgres'];
  console.log(`crash test: seed ${values.seed}, ${values.kills} kills per store, ${values.citizens} citizens`);
  let failed = false;
  for (const kind of kinds) {
    const t0 = Date.now();
    const r = await runOn(kind);
    const restart = r.startMs.slice(1);
    console.log(
      `${kind}: ${r.kills} kills (+${r.startingKills} while starting), ${r.citizens} citizens, ${r.turns} turns, ${r.lostTurns} lost turns, ` +
        `${r.filed} cases shown + ${r.filedUnseen} committed unseen, ${r.cases} cases in the store; ` +
        `restart p50 ${percentile(restart, 50)} ms, max ${Math.max(0, ...restart)} ms; ${Math.round((Date.now() - t0) / 1000)} s; ` +
        `${r.violations.length} violations`,
    );
    for (const v of r.violations.slice(0, 20)) console.log(`  violation: ${v}`);
    failed ||= r.violations.length > 0;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
