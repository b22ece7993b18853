/** The embedded store's DATA_DIR lock after crashes: stale locks never block a restart. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, processStartTime } from '../../src/store/data-dir-lock.ts';
import { tempDir } from '../helpers/stores.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function withLockFile(content: string): string {
  const dir = tempDir('xf-lock-');
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'server.lock'), content);
  return dir;
}

async function withLiveProcess<T>(fn: (pid: number) => T): Promise<T> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    return fn(child.pid!);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('data directory lock', () => {
  it('takes over the lock of a dead process and of a half-written file', () => {
    for (const content of ['999999999\n', '', 'garbage']) {
      const lock = lockDataDir(withLockFile(content));
      lock.release();
    }
  });

  it('refuses while the owner runs, and takes over when its pid now belongs to another process', async () => {
    await withLiveProcess((pid) => {
      const started = processStartTime(pid);
      expect(started).toBeDefined();
      expect(() => lockDataDir(withLockFile(`${pid}\n${started}\n`))).toThrow(DataDirLockedError);
      // Same pid, another start time: the owner died and the pid was reused.
      const dir = withLockFile(`${pid}\n1\n`);
      const lock = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
      lock.release();
      expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false);
    });
  });

  it('an old lock file without a start time still counts while its pid is alive', async () => {
    await withLiveProcess((pid) => {
      expect(() => lockDataDir(withLockFile(`${pid}\n`))).toThrow(DataDirLockedError);
    });
  });
});
