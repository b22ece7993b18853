/**
 * Server memory with many open conversations: `count` citizens each stop in the
 * middle of the intake (consent given, facts told, township asked), then the
 * server's resident set is read.
 */
import { answer, newPersona, opener, type ChatReply } from './citizen.ts';
import { HttpClient } from './http-client.ts';
import type { ServerChild } from './server.ts';
import { timeEach } from './stats.ts';

export interface RssStats {
  conversations: number;
  errors: number;
  startRssMb: number;
  rssMb: number;
  peakRssMb: number;
}

export async function openConversations(server: ServerChild, count: number, concurrency = 50): Promise<RssStats> {
  const startRssMb = server.rssMb();
  const client = new HttpClient(server.url, concurrency + 4);
  let errors = 0;
  try {
    await timeEach(count, concurrency, async () => {
      const p = { ...newPersona(), rich: false };
      let body = opener(p);
      // Three turns: the opener, consent, the facts; the conversation then waits mid-intake.
      for (let i = 0; i < 3; i++) {
        const res = await client.request('POST', '/api/chat', { userId: p.userId, ...body }).catch(() => null);
        if (res?.status !== 200) {
          errors++;
          return;
        }
        const next = answer(p, JSON.parse(res.body) as ChatReply, 0);
        if (!next) return;
        body = next;
      }
    });
  } finally {
    client.close();
  }
  return { conversations: count, errors, startRssMb, rssMb: server.rssMb(), peakRssMb: server.peakRssMb() };
}
