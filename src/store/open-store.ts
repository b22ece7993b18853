/**
 * Opens the case store: embedded PGlite in DATA_DIR (default) or server PostgreSQL
 * when a URL is given. Both run the same migrations and the same Prisma client.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate, readMigrations, type SqlSession } from './migrate.ts';
import { MIGRATIONS_DIR, PGLITE_MEMORY } from './pglite-params.ts';
import { needsInitdb, preparePgliteApart } from './pglite-prepare.ts';
import type { PgliteListen } from './signals-pglite.ts';

export type StoreKind = 'pglite' | 'postgres';

/**
 * The driver under Prisma, for the few statements on every chat turn: Prisma's query
 * engine costs more CPU than those statements (benchmark profile, README). Same
 * connections and transaction discipline as Prisma's (PGlite serialises both).
 */
export interface SqlClient {
  query<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
}

/** What a statement needs: the driver, a driver transaction, or a Prisma transaction (see sql-exec.ts). */
export type SqlQuery = Pick<SqlClient, 'query'>;

export interface StoreHandle {
  kind: StoreKind;
  prisma: PrismaClient;
  sql: SqlClient;
  /** Cheap liveness probe for health checks and 503 mapping. */
  ping(): Promise<boolean>;
  /** PGlite only: LISTEN on its one connection (PostgreSQL listens on a connection of its own, signals-pg.ts). */
  listen?: PgliteListen;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * PGlite: run initdb and the migrations of a new database in a child process (the
   * server's start); tests that open many small stores keep them in-process.
   */
  initdbApart?: boolean;
}

export async function openStore(opts: OpenStoreOptions): Promise<StoreHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.dataDir, opts.initdbApart ?? false);
}

async function openPglite(dataDir: string, initdbApart: boolean): Promise<StoreHandle> {
  const lock = lockDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    if (initdbApart && needsInitdb(pgdata)) await preparePgliteApart(pgdata);
    // Full durability is PGlite's default (relaxedDurability: false): every commit is
    // flushed before the query resolves.
    db = new PGlite(pgdata, { startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY], initDbStartParams: PGLITE_MEMORY });
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
      sql: {
        query: async <T>(text: string, params: readonly unknown[]) => (await handle.query<T>(text, [...params])).rows,
        // PGlite runs one transaction at a time; queries outside it wait for it to end.
        transaction: <T>(fn: (tx: SqlQuery) => Promise<T>) =>
          handle.transaction((tx) => fn({ query: async <R>(text: string, params: readonly unknown[]) => (await tx.query<R>(text, [...params])).rows })),
      },
      listen: (channel, callback) => handle.listen(channel, callback),
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
  // crash) is detected by TCP instead of hanging a request. Idle connections are kept ten
  // minutes, not pg's ten seconds: a new one costs 20-70 ms before its first answer (the
  // connection, then the backend's catalog caches), which a staff page opened now and then
  // — its reads side by side on several connections — would pay every time.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 600_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
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
    sql: {
      query: async <T>(text: string, params: readonly unknown[]) => (await pool.query(text, [...params])).rows as T[],
      transaction: async <T>(fn: (tx: SqlQuery) => Promise<T>) => {
        const client = await pool.connect();
        let broken: Error | undefined;
        // The pool stops listening to a client it hands out; a connection the server
        // ends (a restart) mid-transaction would otherwise be an uncaught 'error' event.
        const lost = (err: Error) => (broken = err);
        client.on('error', lost);
        try {
          await client.query('BEGIN');
          const result = await fn({ query: async <R>(text: string, params: readonly unknown[]) => (await client.query(text, [...params])).rows as R[] });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          // A connection that cannot even roll back is not handed out again.
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
          throw err;
        } finally {
          client.removeListener('error', lost);
          client.release(broken);
        }
      },
    },
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
