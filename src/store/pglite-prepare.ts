/**
 * A first start on an empty data directory: initdb and the migrations run in a child
 * process (pglite-prepare.child.ts), so their memory (~750 MB at the peak) is freed when
 * it exits instead of staying in the server's WebAssembly memory (a first start used to
 * peak near 900 MB and stay near 500 MB; docs/performance.md). A later start skips it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CHILD = path.join(HERE, 'pglite-prepare.child.ts');

/** True when `pgdata` holds no database yet (PGlite would run initdb on opening it). */
export const needsInitdb = (pgdata: string): boolean => !fs.existsSync(path.join(pgdata, 'PG_VERSION'));

/**
 * Creates and migrates the database of `pgdata` in a child process; rejects with its
 * output when it fails. It is built beside `pgdata` and renamed into place when
 * complete, so a crash half-way leaves no half-made database behind.
 */
export async function preparePgliteApart(pgdata: string): Promise<void> {
  const partial = `${pgdata}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  await runChild(partial);
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.renameSync(partial, pgdata);
}

function runChild(pgdata: string): Promise<void> {
  // tsx resolves from ROOT: the child is TypeScript like the server, started the same way.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, pgdata], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`initdb child failed (${signal ?? code}): ${stderr.trim()}`))));
  });
}
