/**
 * `npm run chat`: the terminal channel. If a server is running on PORT it talks to
 * it over /api/chat (the embedded store belongs to that process); otherwise it
 * opens the store itself. Options: --locale en, --user <id> (default: one id kept
 * in DATA_DIR, so the conversation resumes next time).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { createCore } from '../../root/core.ts';
import { handleChatTurn, type ChatTurnOutput } from '../../app/handle-chat-turn.ts';
import type { Locale } from '../../app/messages.ts';
import { readChoice, renderReplies } from './render.ts';

type Send = (text: string | null, payload: string | null) => Promise<ChatTurnOutput>;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function terminalUserId(dataDir: string): string {
  const file = path.join(dataDir, 'terminal-user-id');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    fs.writeFileSync(file, id, { mode: 0o600 });
    return id;
  }
}

async function connect(port: number, userId: string, locale: Locale | null): Promise<{ send: Send; close(): Promise<void>; where: string } | null> {
  const base = `http://127.0.0.1:${port}`;
  const up = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1500) }).then((r) => r.ok, () => false);
  if (!up) return null;
  const send: Send = async (text, payload) => {
    const res = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, ...(text ? { text } : {}), ...(payload ? { payload } : {}), ...(locale ? { locale } : {}) }),
    });
    const body = (await res.json()) as ChatTurnOutput & { error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  };
  return { send, close: async () => undefined, where: base };
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const locale = (arg('locale') === 'en' ? 'en' : arg('locale') === 'zh' ? 'zh' : null) as Locale | null;
  const userId = arg('user') ?? terminalUserId(cfg.dataDir);
  let session = await connect(cfg.port, userId, locale);
  if (!session) {
    const core = await createCore(cfg, createLogger('warn'));
    const send: Send = (text, payload) =>
      handleChatTurn(core.chat, { channel: 'terminal', channelUserId: core.hashUserId(userId), text, payload, locale });
    session = { send, close: () => core.close(), where: `store in ${cfg.databaseUrl ? 'PostgreSQL' : cfg.dataDir}` };
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  console.log(`(${session.where}; type a message, a number to press a button, or /quit)\n`);
  let choices = renderReplies([]).choices;
  const show = (out: ChatTurnOutput) => {
    const r = renderReplies(out.replies);
    choices = r.choices;
    if (r.text) console.log(`\n${r.text}\n`);
  };
  try {
    show(await session.send(locale === 'en' ? 'hello' : '你好', null));
    for (;;) {
      const line = (await rl.question('> ').catch(() => '/quit')).trim();
      if (line === '/quit' || line === '/exit') break;
      if (!line) continue;
      const { text, payload } = readChoice(line, choices);
      try {
        show(await session.send(text, payload));
      } catch (err) {
        console.log(`(error: ${(err as Error).message})`);
      }
    }
  } finally {
    rl.close();
    await session.close();
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
