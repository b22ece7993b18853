/**
 * Outbox and dead letters in Prisma; message texts are encrypted like the transcript.
 * Every pending message tells the other processes' senders through the database's
 * signal trigger (see signals.ts); claims and leases are in outbox-lease.ts.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Button } from '../../ports/outbox-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { DeadLetterStore, NewOutboxMessage, OutboxMessage, OutboxStore, PendingHint } from '../../ports/outbox-ports.ts';
import type { Signals } from '../signals.ts';
import type { SqlClient } from '../open-store.ts';
import { scrubPersonalData } from '../../domain/petitioner/redact.ts';
import { pendingOfConversation } from '../sql/outbox-lease.ts';
import { claimChannel, claimConversation, MAX_DELIVERY_ATTEMPTS, releaseLease } from './outbox-lease.ts';

export { MAX_DELIVERY_ATTEMPTS };
const CLAIM_PER_CONVERSATION = 100;

export class PrismaOutboxStore implements OutboxStore, DeadLetterStore {
  constructor(
    private readonly prisma: PrismaClient,
    /** The driver, for the read on every chat turn (see PrismaConversationStore). */
    private readonly sql: SqlClient,
    private readonly cipher: PersonalDataCipher,
    private readonly signals: Pick<Signals, 'listen'>,
  ) {}

  async enqueue(conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void> {
    await this.enqueueIn(this.prisma, conversationId, messages, at);
  }

  /**
   * Enqueues inside the caller's transaction (a case action and its notice commit
   * together); the senders' signal goes out with that commit.
   */
  async enqueueIn(tx: Prisma.TransactionClient, conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void> {
    if (messages.length === 0) return;
    await tx.message.createMany({
      data: messages.map((m, i) => ({
        ...(m.id ? { id: m.id } : {}),
        conversationId,
        at: new Date(at.getTime() + i),
        direction: 'out',
        author: m.author,
        text: this.cipher.encrypt(m.text),
        payload: m.buttons ? JSON.stringify(m.buttons) : null,
        delivery: 'pending',
      })),
    });
  }

  async pending(channel: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.prisma.message.findMany({
      where: { delivery: 'pending', conversation: { channel } },
      include: { conversation: { select: { channel: true, channelUserId: true } } },
      orderBy: { at: 'asc' },
      take: limit,
    });
    return rows.map((r) => this.toMessage(r));
  }

  async pendingFor(conversationId: string): Promise<OutboxMessage[]> {
    // Asked on every chat turn and nearly always empty: through the driver (Prisma costs
    // more CPU than this indexed read), and the conversation (an `include` would be
    // a second query even for no rows) only when there is something to send.
    const rows = await pendingOfConversation(this.sql, conversationId);
    if (rows.length === 0) return [];
    const conversation = await this.prisma.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, channelUserId: true } });
    return rows.map((r) => this.toMessage({ ...r, conversation: conversation ?? undefined }));
  }

  async claim(channel: string, owner: string, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    return (await claimChannel(this.prisma, channel, owner, leaseMs, limit)).map((r) => this.toMessage(r));
  }

  async claimFor(conversationId: string, owner: string, leaseMs: number): Promise<OutboxMessage[]> {
    return (await claimConversation(this.prisma, conversationId, owner, leaseMs, CLAIM_PER_CONVERSATION)).map((r) => this.toMessage(r));
  }

  async markDelivered(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.message.updateMany({
      where: { id: { in: [...ids] }, delivery: 'pending' },
      data: { delivery: 'delivered', deliveredAt: at, leasedUntil: null },
    });
    await this.markNoticesDelivered(ids, at);
  }

  /** A written notice carried by a delivered message is delivered (送达) then, on that message's channel. */
  private async markNoticesDelivered(ids: readonly string[], at: Date): Promise<void> {
    const notices = await this.prisma.writtenNotice.findMany({ where: { messageId: { in: [...ids] }, deliveredAt: null }, select: { id: true, messageId: true } });
    if (notices.length === 0) return;
    const messages = await this.prisma.message.findMany({
      where: { id: { in: notices.map((n) => n.messageId!) } },
      select: { id: true, conversation: { select: { channel: true } } },
    });
    const channelOf = new Map(messages.map((m) => [m.id, m.conversation.channel]));
    for (const n of notices) {
      await this.prisma.writtenNotice.updateMany({ where: { id: n.id, deliveredAt: null }, data: { deliveredAt: at, channel: channelOf.get(n.messageId!) ?? null } });
    }
  }

  release(ids: readonly string[], owner: string, retryAfterMs = 0): Promise<void> {
    return releaseLease(this.prisma, ids, owner, retryAfterMs);
  }

  onPending(handler: (hint: PendingHint) => void): () => void {
    return this.signals.listen('outbox', (p) => {
      const ok = p && typeof p.conversationId === 'string' && typeof p.channel === 'string';
      handler(ok ? { conversationId: p.conversationId as string, channel: p.channel as string } : null);
    });
  }

  /** Counts a failed delivery; after MAX_DELIVERY_ATTEMPTS the message is set aside as failed. */
  async markFailed(id: string): Promise<void> {
    const row = await this.prisma.message.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
    if (row.attempts >= MAX_DELIVERY_ATTEMPTS) {
      await this.prisma.message.updateMany({ where: { id, delivery: 'pending' }, data: { delivery: 'failed' } });
    }
  }

  async add(entry: { channel: string; key: string; payload: unknown; error: string }): Promise<void> {
    // The payload may hold a citizen's message: keep it encrypted like the transcript.
    await this.prisma.deadLetter.create({
      data: { channel: entry.channel, key: entry.key, payload: { enc: this.cipher.encrypt(JSON.stringify(entry.payload)) }, error: scrubPersonalData(entry.error).slice(0, 2000) },
    });
  }

  async count(channel?: string): Promise<number> {
    return this.prisma.deadLetter.count({ where: channel ? { channel } : {} });
  }

  private toMessage(r: { id: string; conversationId: string; author: string; text: string; payload: string | null; at: Date; attempts: number; conversation?: { channel: string; channelUserId: string }; channel?: string; channelUserId?: string }): OutboxMessage {
    const buttons = parseButtons(r.payload);
    return {
      id: r.id,
      conversationId: r.conversationId,
      channel: r.conversation?.channel ?? r.channel ?? '',
      channelUserId: r.conversation?.channelUserId ?? r.channelUserId ?? '',
      author: r.author === 'staff' ? 'staff' : r.author === 'system' ? 'system' : 'bot',
      text: this.cipher.decrypt(r.text),
      buttons,
      at: r.at,
      attempts: r.attempts,
    };
  }
}

function parseButtons(payload: string | null): Button[] | null {
  if (!payload) return null;
  try {
    return JSON.parse(payload) as Button[];
  } catch {
    return null;
  }
}
