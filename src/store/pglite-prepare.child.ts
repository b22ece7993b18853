/**
 * Child process of `preparePglite` (pglite-prepare.ts): creates a PGlite data directory
 * and applies the migrations, then exits. initdb runs a second PGlite instance and the
 * initdb module beside the first (~750 MB at its peak), and WebAssembly memory never
 * shrinks: done here, all of it goes back to the OS when this process exits.
 * Argument: the pgdata directory. Exit code 0 when ready.
 */
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR, PGLITE_MEMORY } from './pglite-params.ts';
import { migrate, readMigrations } from './migrate.ts';

async function prepare(pgdata: string): Promise<void> {
  const db = new PGlite(pgdata, { startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY], initDbStartParams: PGLITE_MEMORY });
  try {
    await db.waitReady;
    await migrate({ query: async (sql, params) => db.query(sql, params) as never, exec: async (sql) => void (await db.exec(sql)) }, readMigrations(MIGRATIONS_DIR));
  } finally {
    await db.close();
  }
}

const pgdata = process.argv[2];
if (!pgdata) {
  console.error('usage: pglite-prepare.child.ts <pgdata>');
  process.exit(2);
}
prepare(pgdata).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
