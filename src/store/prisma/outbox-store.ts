/** Outbox and dead letters in Prisma; message texts are encrypted like the transcript. */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Button } from '../../dialog/types.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { DeadLetterStore, NewOutboxMessage, OutboxMessage, OutboxStore } from '../outbox-ports.ts';
import { scrubPersonalData } from '../../log.ts';

export const MAX_DELIVERY_ATTEMPTS = 5;

export class PrismaOutboxStore implements OutboxStore, DeadLetterStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async enqueue(conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void> {
    await this.prisma.message.createMany({
      data: messages.map((m, i) => ({
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
    const rows = await this.prisma.message.findMany({
      where: { delivery: 'pending', conversationId },
      include: { conversation: { select: { channel: true, channelUserId: true } } },
      orderBy: { at: 'asc' },
      take: 100,
    });
    return rows.map((r) => this.toMessage(r));
  }

  async markDelivered(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.message.updateMany({ where: { id: { in: [...ids] }, delivery: 'pending' }, data: { delivery: 'delivered', deliveredAt: at } });
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

  private toMessage(r: { id: string; conversationId: string; author: string; text: string; payload: string | null; at: Date; attempts: number; conversation: { channel: string; channelUserId: string } }): OutboxMessage {
    const buttons = parseButtons(r.payload);
    return {
      id: r.id,
      conversationId: r.conversationId,
      channel: r.conversation.channel,
      channelUserId: r.conversation.channelUserId,
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
