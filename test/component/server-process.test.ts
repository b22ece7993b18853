/**
 * The real entry point as a process: embedded store in DATA_DIR with its lock,
 * clean shutdown on SIGTERM, unaided reopen after kill -9, and PostgreSQL by URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/postgres.ts';
import { spawnServer, startServer } from '../helpers/process.ts';
import { tempDir } from '../helpers/stores.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('server process on the embedded store', () => {
  it('starts on an empty DATA_DIR, refuses a second process, stops cleanly and reopens after kill -9', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    // The store starts empty; the NLU model comes from the suite's shared cache (its
    // training on a first start is the global setup's, through the same code).
    const env = { DATA_DIR: dataDir, NLU_CACHE_DIR: SHARED_NLU_CACHE };
    const first = await startServer(env);
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    expect(first.output()).toMatch(/admin\s+\S{12,}/); // generated passwords printed once

    const second = spawnServer(env);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by another process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);

    const again = await startServer(env);
    expect(again.output()).not.toMatch(/shown this once/); // not regenerated on a later start
    again.child.kill('SIGKILL');
    await again.exited;
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(true); // left behind by the crash

    const recovered = await startServer(env);
    const health = await fetch(`${recovered.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    recovered.child.kill('SIGTERM');
    expect(await recovered.exited).toBe(0);
  }, 400_000);
});

describe('server process on PostgreSQL', () => {
  it('migrates the database given by DATABASE_URL and answers /healthz', async () => {
    const db = await createTestDatabase();
    const dataDir = tempDir();
    dirs.push(dataDir);
    try {
      const s = await startServer({ DATA_DIR: dataDir, DATABASE_URL: db.url, NLU_CACHE_DIR: SHARED_NLU_CACHE });
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const { rows } = await c.query('SELECT name FROM app_migrations ORDER BY name');
      await c.end();
      expect(rows.length).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      await db.drop();
    }
  }, 400_000);
});
