/**
 * npm run staff as a real process on an embedded store: adds an account whose printed
 * password signs in, and refuses clearly while a server holds DATA_DIR.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { ROOT } from '../helpers/process.ts';
import { TEST_SECRET, tempDir } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';

const dataDir = seedPgliteData(tempDir('xf-cli-'));
let t: TestApp | undefined;
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/staff-cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, NLU_CACHE_DIR: SHARED_NLU_CACHE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

describe('npm run staff', () => {
  it('explains itself, including the embedded store lock', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('reset-password <username>');
    expect(r.out).toMatch(/stop the server first/);
  });

  it('adds an account with a generated password that signs in; refuses while the server runs', async () => {
    const added = await cli('add', 'sthj01', 'handler', '--unit', 'sthj');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    const password = /shown this once\): (\S+)/.exec(added.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);

    t = await startTestApp('pglite', { DATA_DIR: dataDir });
    const login = await fetch(`${t.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sthj01', password }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ staff: { username: 'sthj01', role: 'handler', unit: 'sthj' } });

    const locked = await cli('reset-password', 'sthj01');
    expect(locked.code).toBe(1);
    expect(locked.err).toMatch(/is in use by another process/);
  }, 180_000);
});
