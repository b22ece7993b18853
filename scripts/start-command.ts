/**
 * The server's command line exactly as `npm start` runs it (package.json's start
 * script, whose node flags size the heap), for the benchmark and the tests that run
 * the server as a child process: what they measure is what production runs.
 */
import fs from 'node:fs';
import path from 'node:path';

export function startArgs(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2) throw new Error('package.json scripts.start must be "node [flags] <entry>"');
  return words.slice(1);
}
