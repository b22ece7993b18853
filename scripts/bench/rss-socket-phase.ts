/**
 * The memory phase over the widget's websocket (`--only rss --socket`): like
 * rss-phase.ts, `count` citizens each stop in the middle of the intake, but each talks
 * through /api/chat/ws (hello, then the turns; Botkit's controller handles every
 * message) and keeps its socket open while the server's resident set is read.
 */
import WebSocket from 'ws';
import { answer, newPersona, opener, type ChatBody, type ChatReply } from './citizen.ts';
import type { RssStats } from './rss-phase.ts';
import type { ServerChild } from './server.ts';
import { timeEach } from './stats.ts';

const TURN_TIMEOUT_MS = 30_000;

interface SocketMessage {
  type: string;
  text?: string;
  quick_replies?: { title: string; payload: string }[];
  final?: boolean;
  expecting?: string | null;
  caseNumber?: string | null;
}

/** A socket that collects the widget's messages and answers one turn at a time. */
class Citizen {
  private inbox: SocketMessage[] = [];
  private wake: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.inbox.push(JSON.parse(String(data)) as SocketMessage);
      this.wake?.();
    });
  }

  static open(url: string): Promise<Citizen> {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/chat/ws`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Citizen(ws)));
      ws.once('error', reject);
    });
  }

  /** Waits for the first message that `done` accepts; returns everything received until then. */
  private async until(done: (m: SocketMessage) => boolean): Promise<SocketMessage[]> {
    const deadline = Date.now() + TURN_TIMEOUT_MS;
    for (;;) {
      const i = this.inbox.findIndex(done);
      if (i >= 0) return this.inbox.splice(0, i + 1);
      if (Date.now() > deadline || this.ws.readyState !== WebSocket.OPEN) throw new Error('no answer on the socket');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
  }

  async hello(userId: string, locale: string): Promise<void> {
    this.ws.send(JSON.stringify({ type: 'hello', user: userId, locale }));
    await this.until((m) => m.type === 'transcript' || m.type === 'error');
  }

  async turn(userId: string, locale: string, body: ChatBody): Promise<ChatReply> {
    this.ws.send(JSON.stringify({ type: 'message', user: userId, locale, ...body }));
    const got = await this.until((m) => m.final === true || m.type === 'error');
    const last = got[got.length - 1]!;
    if (last.type === 'error') throw new Error('refused');
    const replies = got.filter((m) => m.type === 'message').map((m) => ({ text: m.text ?? '', buttons: m.quick_replies?.map((q) => ({ label: q.title, payload: q.payload })) }));
    return { conversationId: '', replies, expecting: last.expecting ?? null, caseNumber: last.caseNumber ?? null };
  }
}

export async function openSocketConversations(server: ServerChild, count: number, concurrency = 50): Promise<RssStats> {
  const startRssMb = server.rssMb();
  const open: WebSocket[] = [];
  let errors = 0;
  try {
    await timeEach(count, concurrency, async () => {
      const p = { ...newPersona(), rich: false };
      try {
        const citizen = await Citizen.open(server.url);
        open.push(citizen.ws);
        await citizen.hello(p.userId, p.locale);
        let body: ChatBody | null = opener(p);
        // Three turns: the opener, consent, the facts; the conversation then waits mid-intake, its socket open.
        for (let i = 0; i < 3 && body; i++) body = answer(p, await citizen.turn(p.userId, p.locale, body), 0);
      } catch {
        errors++;
      }
    });
    return { conversations: count, errors, startRssMb, rssMb: server.rssMb(), peakRssMb: server.peakRssMb() };
  } finally {
    for (const ws of open) ws.terminate();
  }
}
