/** `npm run jobs -- --once` as a real process against a fresh PGlite data directory. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { ROOT } from '../helpers/process.ts';
import { TEST_SECRET, tempDir } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';

const dataDir = seedPgliteData(tempDir('xf-jobs-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('runs every job once and exits 0', async () => {
  const child = spawn('npm', ['run', '--silent', 'jobs', '--', '--once'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, NLU_CACHE_DIR: SHARED_NLU_CACHE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, out).toBe(0);
  expect(out).toMatch(/deadline-sweep: scanned=0 alerts=0 flagged=0/);
  expect(out).toMatch(/follow-up-sweep: candidates=0 sent=0/);
}, 180_000);
