/**
 * Runs the real server entry point as `npm start` does (one node process, so a
 * signal reaches the server itself) as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startArgs } from '../../scripts/start-command.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, startArgs(ROOT), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Starts the server and resolves once it prints its URL and /healthz answers ok. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess & { msToHealthy: number }> {
  const t0 = Date.now();
  const p = spawnServer(env);
  let exitCode: number | null | undefined;
  void p.exited.then((c) => (exitCode = c));
  while (Date.now() - t0 < timeoutMs) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}):\n${p.output()}`);
    const m = /ready on (http:\/\/[\d.:]+)/.exec(p.output());
    if (m) {
      const res = await fetch(`${m[1]}/healthz`).catch(() => null);
      if (res?.status === 200) return { ...p, url: m[1]!, msToHealthy: Date.now() - t0 };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  p.child.kill('SIGKILL');
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${p.output()}`);
}
