/**
 * The terminal channel (`npm run chat`, started by src/root/chat.ts). If a server is
 * running on `port` it talks to it over /api/chat (the embedded store belongs to that
 * process); otherwise it opens the store itself (`openLocal`). The citizen is `user`,
 * else one id kept in `dataDir`, so the conversation resumes next time.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { randomBytes } from 'node:crypto';
import { handleChatTurn, type ChatDeps, type ChatTurnOutput } from '../../app/chat-turn/handle-chat-turn.ts';
import type { Locale } from '../../app/chat-turn/messages.ts';
import { readChoice, renderReplies } from './render.ts';

type Send = (text: string | null, payload: string | null) => Promise<ChatTurnOutput>;

/** The chat on a store this process opened. */
export interface LocalChat {
  chat: ChatDeps;
  hashUserId(userId: string): string;
  close(): Promise<void>;
  /** Where the store is, for the first line printed. */
  where: string;
}

export interface TerminalChatOptions {
  port: number;
  dataDir: string;
  locale: Locale | null;
  user: string | undefined;
  openLocal(): Promise<LocalChat>;
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

export async function runTerminalChat({ port, dataDir, locale, user, openLocal }: TerminalChatOptions): Promise<void> {
  const userId = user ?? terminalUserId(dataDir);
  let session = await connect(port, userId, locale);
  if (!session) {
    const local = await openLocal();
    const send: Send = (text, payload) =>
      handleChatTurn(local.chat, { channel: 'terminal', channelUserId: local.hashUserId(userId), text, payload, locale });
    session = { send, close: () => local.close(), where: local.where };
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
