/**
 * The server under test as a separate process (`node --import tsx src/main.ts`, the
 * node process itself, so its /proc status is the server's), each on a fresh store:
 * a new DATA_DIR under the temp dir for PGlite, a new database on the local
 * PostgreSQL (dropped afterwards) for PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startArgs } from '../start-command.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createStore } from '../../src/store/create-store.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCH_SECRET = 'bench-secret-key-0123456789abcdefghijklmnop';
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';
/** The trained NLU model is cached across runs (keyed by the corpus hash). */
export const BENCH_NLU_CACHE = path.join(os.tmpdir(), 'xf-bench-nlu-cache');
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type StoreKind = 'pglite' | 'postgres';

/** A fresh, empty store location: its env for the server, and its removal. */
export interface BenchStore {
  kind: StoreKind;
  dataDir: string;
  databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function freshStore(kind: StoreKind): Promise<BenchStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-'));
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (kind === 'postgres') {
    name = `xf_bench_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  return {
    kind,
    dataDir,
    databaseUrl,
    dispose: async () => {
      if (name) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates and migrates the store in this process, so that the server starts on an
 * existing store as it does in production: PGlite's first-time initdb alone peaks
 * near 1 GB RSS and would otherwise hide the server's own peak.
 */
export async function initialiseStore(store: BenchStore): Promise<void> {
  const s = await createStore({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, secretKey: BENCH_SECRET });
  await s.close();
}

export async function postgresReachable(): Promise<boolean> {
  return admin((c) => c.query('SELECT 1')).then(
    () => true,
    () => false,
  );
}

export interface ServerChild {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Current resident set size (VmRSS), in MB. */
  rssMb(): number;
  /** CPU time the server used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Write a V8 CPU profile into this directory when the server exits. */
  cpuProfDir?: string;
  logLevel?: string;
}

export async function startServer(store: BenchStore, opts: ServerOptions = {}, timeoutMs = 180_000): Promise<ServerChild> {
  const logFile = path.join(store.dataDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  // Several servers in turn may share a store (and its log): read only this one's lines.
  const from = fs.fstatSync(out).size;
  const flags = opts.cpuProfDir ? [`--cpu-prof`, `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...flags, ...startArgs(ROOT)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: store.dataDir,
      SECRET_KEY: BENCH_SECRET,
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      NLU_CACHE_DIR: BENCH_NLU_CACHE,
      LOG_LEVEL: opts.logLevel ?? 'info',
      NODE_ENV: 'production',
      // Instrumentation of the server alone (e.g. --import a statement counter).
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  const output = () => fs.readFileSync(logFile).subarray(from).toString('utf8');
  const t0 = Date.now();
  let url: string | undefined;
  while (!url) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}):\n${output()}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
    }
    const m = /ready on (http:\/\/[\d.:]+)/.exec(output());
    if (m && (await fetch(`${m[1]}/healthz`).catch(() => null))?.status === 200) url = m[1]!;
    else await new Promise((r) => setTimeout(r, 200));
  }
  const status = (field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return {
    child,
    pid: child.pid!,
    url,
    peakRssMb: () => status('VmHWM'),
    rssMb: () => status('VmRSS'),
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: async () => {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

/** Signs in a seeded staff user through the API and returns the bearer token. */
export async function staffToken(url: string, username = 'admin', password = BENCH_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
