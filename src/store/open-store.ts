/**
 * Opens the case store: embedded PGlite in DATA_DIR (default) or server PostgreSQL
 * when a URL is given. Both run the same migrations and the same Prisma client.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate, readMigrations, type SqlSession } from './migrate.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface StoreHandle {
  kind: StoreKind;
  prisma: PrismaClient;
  /** Cheap liveness probe for health checks and 503 mapping. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

export async function openStore(opts: OpenStoreOptions): Promise<StoreHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.dataDir);
}

async function openPglite(dataDir: string): Promise<StoreHandle> {
  const lock = lockDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    // Full durability is PGlite's default (relaxedDurability: false): every commit is
    // flushed before the query resolves.
    db = new PGlite(path.join(dataDir, 'pgdata'));
    await db.waitReady;
    const session: SqlSession = {
      query: async (sql, params) => db!.query(sql, params) as never,
      exec: async (sql) => {
        await db!.exec(sql);
      },
    };
    await migrate(session, readMigrations(MIGRATIONS_DIR));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) as never });
    const handle = db;
    return {
      kind: 'pglite',
      prisma,
      ping: async () => {
        try {
          await handle.query('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      close: async () => {
        await prisma.$disconnect().catch(() => undefined);
        if (!handle.closed) await handle.close();
        lock.release();
      },
    };
  } catch (err) {
    if (db && !db.closed) await db.close().catch(() => undefined);
    lock.release();
    throw err;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<StoreHandle> {
  // keepAlive: a connection whose server vanished without a FIN (network cut, host
  // crash) is detected by TCP instead of hanging a request.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  // An idle client losing its server (PostgreSQL restart) must not crash the process;
  // the pool drops it and opens a fresh connection for the next query.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      const session: SqlSession = {
        query: async (sql, params) => client.query(sql, params) as never,
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      await migrate(session, readMigrations(MIGRATIONS_DIR));
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
