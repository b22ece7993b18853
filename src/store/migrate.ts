/**
 * One migration runner for both stores. Prisma authors the SQL (prisma/migrations/*);
 * this applies it in order, records each in `app_migrations` and holds an advisory
 * lock so two servers starting together on one PostgreSQL do not migrate at once.
 * (Prisma's own migrate engine cannot talk to PostgreSQL through the JS adapter.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** The minimal SQL surface both PGlite and a pg client offer. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const LOCK_KEY = 743102026; // arbitrary, fixed: identifies this app's migration lock

export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationChecksumError extends Error {}

/** Applies pending migrations; returns the names applied. */
export async function migrate(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  await session.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS app_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await session.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM app_migrations',
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const known = applied.get(m.name);
      if (known !== undefined) {
        if (known !== m.checksum) {
          throw new MigrationChecksumError(`migration ${m.name} was changed after it was applied`);
        }
        continue;
      }
      // Each migration and its record commit together or not at all.
      await session.exec(`BEGIN;\n${m.sql}\n;INSERT INTO app_migrations (name, checksum) VALUES ('${m.name.replace(/'/g, "''")}', '${m.checksum}');\nCOMMIT;`);
      done.push(m.name);
    }
    return done;
  } catch (err) {
    await session.exec('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
  }
}
