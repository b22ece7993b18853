/**
 * Telegram on loopback: the telegram-test-api emulator, a stand-in for the parts of
 * the Bot API it lacks (getFile and file downloads; everything else is passed on to
 * the emulator), and a citizen who talks to the bot through it.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { expect } from 'vitest';
import { initialState } from '../../src/dialog/types.ts';
import type { AppStore } from '../../src/store/create-store.ts';

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** The emulator on a free loopback port (it reads port 0 as its default 9000). */
export async function startEmulator(): Promise<{ server: TelegramServer; url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return { server, url: server.config.apiURL, stop: async () => void (await server.stop()) };
}

export interface StandInFile {
  fileId: string;
  bytes: Uint8Array;
  /** What getFile declares; defaults to the real size. */
  declaredSize?: number;
}

/** Serves getFile and /file/… for the given files and forwards every other call to the emulator. */
export async function startFileStandIn(emulatorUrl: string, files: StandInFile[]): Promise<{ url: string; downloads: string[]; stop(): Promise<void> }> {
  const downloads: string[] = [];
  const upstream = new URL(emulatorUrl);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const download = /^\/file\/bot[^/]+\/(.+)$/.exec(url);
    if (download) {
      const f = files.find((x) => `docs/${x.fileId}` === download[1]);
      downloads.push(download[1]!);
      res.writeHead(f ? 200 : 404).end(f ? Buffer.from(f.bytes) : undefined);
      return;
    }
    if (/^\/bot[^/]+\/getFile$/.test(url)) {
      void readJson(req).then((body) => {
        const f = files.find((x) => x.fileId === body.file_id);
        const result = f ? { file_id: f.fileId, file_unique_id: `u-${f.fileId}`, file_size: f.declaredSize ?? f.bytes.length, file_path: `docs/${f.fileId}` } : undefined;
        res.writeHead(f ? 200 : 400, { 'content-type': 'application/json' });
        res.end(JSON.stringify(f ? { ok: true, result } : { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }));
      });
      return;
    }
    const fwd = http.request({ host: upstream.hostname, port: upstream.port, path: url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    fwd.on('error', () => res.writeHead(502).end());
    req.pipe(fwd);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    downloads,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export interface BotMessage {
  text: string;
  buttons: { label: string; payload: string }[];
}

/** Everything the bot sent to a chat so far, in order. */
export function botMessages(server: TelegramServer, token: string, chatId: number): BotMessage[] {
  return server.storage.botMessages
    .filter((u) => u.botToken === token && String(u.message.chat_id) === String(chatId))
    .map((u) => {
      const markup = u.message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
      return {
        text: u.message.text,
        buttons: (markup?.inline_keyboard ?? []).flat().map((b) => ({ label: b.text, payload: b.callback_data ?? '' })),
      };
    });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** A Telegram user in a private chat with the bot, through the emulator's client API. */
export class TgCitizen {
  readonly client;
  /** The bot's messages since the last thing this citizen sent. */
  last: BotMessage[] = [];
  lastUpdateId = 0;

  constructor(
    private readonly server: TelegramServer,
    private readonly token: string,
    private readonly store: AppStore,
    readonly chatId: number,
    private readonly languageCode = 'zh-hans',
  ) {
    this.client = server.getClient(token, { chatId, userId: chatId, firstName: 'Citizen' });
  }

  private get from() {
    return { from: { id: this.chatId, is_bot: false, first_name: 'Citizen', language_code: this.languageCode } };
  }

  say(text: string): Promise<BotMessage[]> {
    return this.round(() => this.client.sendMessage(this.client.makeMessage(text, this.from)));
  }

  command(text: string): Promise<BotMessage[]> {
    return this.round(() => this.client.sendCommand(this.client.makeCommand(text, this.from)));
  }

  /** Presses a button of any message the bot sent (Telegram keeps inline keyboards on old messages). */
  press(payload: string): Promise<BotMessage[]> {
    const offered = botMessages(this.server, this.token, this.chatId).flatMap((m) => m.buttons.map((b) => b.payload));
    expect(offered, `button ${payload} not offered; last: ${this.text}`).toContain(payload);
    return this.round(() => this.client.sendCallback(this.client.makeCallbackQuery(payload, this.from)));
  }

  /** A photo message (Telegram lists sizes smallest first) that the stand-in serves as `fileId`. */
  sendPhoto(fileId: string, size: number, caption?: string): Promise<BotMessage[]> {
    const m = this.client.makeMessage('', this.from) as unknown as Record<string, unknown>;
    delete m.text;
    m.photo = [
      { file_id: `${fileId}-thumb`, file_unique_id: 't', width: 90, height: 60, file_size: 100 },
      { file_id: fileId, file_unique_id: 'p', width: 1280, height: 960, file_size: size },
    ];
    if (caption) m.caption = caption;
    return this.round(() => this.client.sendMessage(m as never));
  }

  /** Sends, waits until the update is committed and its replies delivered, and returns them. */
  async round(send: () => Promise<unknown>): Promise<BotMessage[]> {
    const before = botMessages(this.server, this.token, this.chatId).length;
    await send();
    const mine = this.server.storage.userMessages.filter((u) => u.botToken === this.token);
    this.lastUpdateId = mine[mine.length - 1]!.updateId;
    await waitFor(`update ${this.lastUpdateId} committed`, () => this.store.conversations.isProcessed(`tg:${this.lastUpdateId}`));
    const conv = await this.conversation();
    await waitFor('outbox delivered', async () => (await this.store.outbox.pendingFor(conv.id)).length === 0);
    this.last = botMessages(this.server, this.token, this.chatId).slice(before);
    return this.last;
  }

  conversation() {
    return this.store.conversations.open('telegram', String(this.chatId), initialState('zh'));
  }

  async expecting(): Promise<string | null> {
    return (await this.conversation()).state.expecting;
  }

  get text(): string {
    return this.last.map((m) => m.text).join('\n');
  }
}
