/**
 * Issue 18, part 4 — a first start on an empty DATA_DIR runs initdb and the migrations
 * in a child process: the store that opens is migrated and usable, built in place with
 * nothing half-made left beside it, and a later opening finds it (no second initdb).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { needsInitdb } from '../../src/store/pglite-prepare.ts';
import { readMigrations } from '../../src/store/migrate.ts';
import { MIGRATIONS_DIR } from '../../src/store/pglite-params.ts';
import { tempDir } from '../helpers/stores.ts';

describe('PGlite initdb in a child process', () => {
  const dataDir = tempDir();
  const pgdata = path.join(dataDir, 'pgdata');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('opens a migrated store, then reopens it without initdb', { timeout: 240_000 }, async () => {
    expect(needsInitdb(pgdata)).toBe(true);
    const first = await openStore({ dataDir, initdbApart: true });
    try {
      const applied = await first.sql.query<{ name: string }>('SELECT name FROM app_migrations ORDER BY name', []);
      expect(applied.map((r) => r.name)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
      await first.sql.query(`INSERT INTO app_migrations (name, checksum) VALUES ('probe', 'x')`, []);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(`${pgdata}.partial`)).toBe(false);
    expect(needsInitdb(pgdata)).toBe(false);

    const again = await openStore({ dataDir, initdbApart: true });
    try {
      // The same database: the row written through the first opening is there.
      expect(await again.sql.query('SELECT name FROM app_migrations WHERE name = $1', ['probe'])).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});
