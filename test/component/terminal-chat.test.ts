/** `npm run chat` as a real process: stdin lines in, the bot's words out, on its own store. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/process.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { tempDir } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';

function runChat(lines: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/root/chat.ts', '--locale', 'zh'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.on('error', reject);
    // Feed a line only after the previous answer arrived (a prompt "> " was printed).
    let sent = 0;
    child.stdout.on('data', () => {
      const prompts = out.split('\n> ').length - 1 + (out.startsWith('> ') ? 1 : 0);
      while (sent < lines.length && sent < prompts) child.stdin.write(`${lines[sent++]}\n`);
      if (sent === lines.length && prompts > lines.length) child.stdin.end();
    });
  });
}

describe('terminal channel', () => {
  it('greets, takes a numbered button and a petition start, on its own embedded store', async () => {
    const dataDir = seedPgliteData(tempDir());
    try {
      const out = await runChat(['1', '/quit'], { DATA_DIR: dataDir, PORT: '1', SECRET_KEY: 'x'.repeat(40), NLU_CACHE_DIR: SHARED_NLU_CACHE });
      expect(out).toMatch(/网上信访助手/);
      expect(out).toMatch(/1\) 我要反映问题/);
      expect(out).toMatch(/具体发生了什么事/);
      expect(fs.existsSync(`${dataDir}/terminal-user-id`)).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
