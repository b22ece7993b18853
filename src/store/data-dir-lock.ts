/**
 * PGlite is single-process: a second process opening the same DATA_DIR would corrupt
 * it. The lock is a file holding the owner's pid (and, on Linux, the process's start
 * time), created with O_EXCL. A lock whose owner is dead (e.g. after kill -9) is taken
 * over, so a crashed server restarts unaided — also when the dead owner's pid has been
 * reused by an unrelated process meanwhile (its start time differs).
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `data directory ${dir} is in use by another process (pid ${ownerPid}); ` +
        'the embedded store serves one process only — stop it, or set DATABASE_URL to share PostgreSQL',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); undefined off Linux. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

interface LockOwner {
  pid: number;
  startTime: string | undefined;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const [pidLine, startLine] = fs.readFileSync(file, 'utf8').split('\n');
    const pid = Number.parseInt(pidLine?.trim() ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, startTime: startLine?.trim() || undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** The owner still runs: its pid is alive and, where recorded, is the same process. */
function ownerRuns(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const now = owner.startTime === undefined ? undefined : processStartTime(owner.pid);
  return now === undefined || now === owner.startTime;
}

export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner !== undefined && owner.pid !== process.pid && ownerRuns(owner)) {
        throw new DataDirLockedError(dir, owner.pid);
      }
      // Stale lock of a dead process (or half-written, or a reused pid): remove and retry.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}
