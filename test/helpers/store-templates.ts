/**
 * Migrated empty stores to copy from. PGlite's initdb takes ~5 s per store and most
 * tests open a fresh one; copying a migrated data directory takes ~0.5 s. On
 * PostgreSQL a new database is cloned from a migrated template database. Both are
 * built once per set of migrations (the name carries their hash), by the suite's
 * global setup through the product's own first-start path, and reused afterwards.
 * Tests of the first start itself (initdb, migrations) use an empty directory.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createRequire } from 'node:module';
import { migrate, readMigrations } from '../../src/store/migrate.ts';
import { MIGRATIONS_DIR } from '../../src/store/pglite-params.ts';
import { needsInitdb, preparePgliteApart } from '../../src/store/pglite-prepare.ts';
import { PG_ADMIN_URL } from './postgres.ts';

const require = createRequire(import.meta.url);

function templateKey(): string {
  // The package's exports hide package.json: read it beside the resolved entry.
  const entry = require.resolve('@electric-sql/pglite');
  const pkg = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  const pgliteVersion = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  const h = createHash('sha256').update(pgliteVersion);
  for (const m of readMigrations(MIGRATIONS_DIR)) h.update(m.name).update(m.checksum);
  return h.digest('hex').slice(0, 12);
}

const KEY = templateKey();
export const PGLITE_TEMPLATE = path.join(os.tmpdir(), `xf-test-pgdata-${KEY}`);
export const PG_TEMPLATE_DB = `xf_template_${KEY}`;

/** Builds the PGlite template directory if it is missing (atomic: built aside, renamed). */
export async function ensurePgliteTemplate(): Promise<void> {
  if (!needsInitdb(PGLITE_TEMPLATE)) return;
  await preparePgliteApart(PGLITE_TEMPLATE);
}

/** Builds the PostgreSQL template database if it is missing (migrated under a temporary name, then renamed). */
export async function ensurePostgresTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_TEMPLATE_DB]);
    if (rows.length > 0) return;
    const building = `${PG_TEMPLATE_DB}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${building}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      await migrate({ query: (sql, params) => c.query(sql, params) as never, exec: async (sql) => void (await c.query(sql)) }, readMigrations(MIGRATIONS_DIR));
    } finally {
      await c.end();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
}

/**
 * Puts a copy of the migrated PGlite template in `dataDir/pgdata` unless a database
 * is already there (a test reopening its own store). Returns `dataDir`.
 */
export function seedPgliteData(dataDir: string): string {
  const pgdata = path.join(dataDir, 'pgdata');
  if (!needsInitdb(pgdata)) return dataDir;
  if (needsInitdb(PGLITE_TEMPLATE)) throw new Error(`the PGlite template ${PGLITE_TEMPLATE} is missing: the suite's global setup builds it`);
  fs.cpSync(PGLITE_TEMPLATE, pgdata, { recursive: true });
  return dataDir;
}
