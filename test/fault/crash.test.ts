/**
 * kill -9 under load, on both stores (scaled down; `scripts/crash-test.ts` runs the
 * full size). CRASH_KILLS, CRASH_CITIZENS and CRASH_SEED size and replay a run.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';
import { runCrashTest } from './crash-harness.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const CITIZENS = Number(process.env.CRASH_CITIZENS ?? 10);
const SEED = Number(process.env.CRASH_SEED ?? 20261127);

const dirs: string[] = [];
const dbs: TestDatabase[] = [];
afterAll(async () => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  for (const db of dbs) await db.drop();
});

describe.each(['pglite', 'postgres'] as const)('kill -9 under load on %s', (kind) => {
  it(`loses no acknowledged petition, files none twice and resumes every conversation (${KILLS} kills)`, async () => {
    const dataDir = tempDir('xf-crash-');
    if (kind === 'pglite') seedPgliteData(dataDir);
    dirs.push(dataDir);
    const db = kind === 'postgres' ? await createTestDatabase('xf_crash') : undefined;
    if (db) dbs.push(db);
    const report = await runCrashTest({
      store: { kind, dataDir, databaseUrl: db?.url },
      kills: KILLS,
      seed: SEED + (kind === 'postgres' ? 1 : 0),
      citizens: CITIZENS,
      upMs: [100, 1500],
      killStarting: { share: 0.2, withinMs: 4000 },
    });
    expect(report.violations).toEqual([]);
    expect(report.startMs).toHaveLength(KILLS + 1); // every restart came up unaided
    expect(report.filed).toBeGreaterThan(0);
    expect(report.lostTurns).toBeGreaterThan(0); // the kills did interrupt conversations
  }, 900_000);
});
