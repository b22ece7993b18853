/**
 * Chat bindings of grid workers and their one-time link codes in Prisma. A code is
 * stored only as a keyed hash; redeeming it is one transaction whose conditional
 * update lets exactly one of two concurrent redemptions win.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { countFailedBind, staffBoundToChat, type BoundStaffRow } from '../sql/grid-bindings.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { ChatIdentity, GridBindingStore, GridWorkerRecord, NewLinkCode } from '../../ports/grid-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';

type Tx = Prisma.TransactionClient;

const WORKER_SELECT = { id: true, username: true, role: true, township: true, villages: true, disabled: true } as const;

const asWorker = (r: BoundStaffRow | null): GridWorkerRecord | null =>
  r && r.role === 'grid' && !r.disabled && r.township ? { staffId: r.id, username: r.username, township: r.township, villages: r.villages ?? [] } : null;

const chatKey = (chat: ChatIdentity) => ({ channel_channelUserId: { channel: chat.channel, channelUserId: chat.channelUserId } });

export class PrismaGridBindingRepository implements GridBindingStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private hashCode(code: string): string {
    return this.cipher.hash('staff-link-code', code);
  }

  /** Runs on every chat turn: one raw join (Prisma's query compiler costs more CPU than the query). */
  async workerFor(chat: ChatIdentity): Promise<GridWorkerRecord | null> {
    return asWorker(await staffBoundToChat(prismaQuery(this.prisma), chat.channel, chat.channelUserId));
  }

  async saveLinkCode(c: NewLinkCode): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.staffLinkCode.create({ data: { codeHash: this.hashCode(c.code), staffId: c.staffId, createdBy: c.createdBy, createdAt: c.at, expiresAt: c.expiresAt } });
      await audit(tx, c.actorId, 'grid.link_code_issued', `staff:${c.staffId}`, { expiresAt: c.expiresAt.toISOString(), by: c.createdBy });
    });
  }

  async countFailedBind(at: Date, maxFailures: number): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const counted = await countFailedBind(prismaQuery(tx), at, maxFailures);
      const dead = counted.filter((r) => r.failures >= maxFailures);
      // Who the dead code was for, never the code: the admin issues a new one.
      for (const r of dead) await audit(tx, r.staffId, 'grid.link_code_locked', `staff:${r.staffId}`, { maxFailures: String(maxFailures) });
      return dead.length;
    });
  }

  async redeemLinkCode(code: string, chat: ChatIdentity, at: Date, maxFailures = Number.MAX_SAFE_INTEGER): Promise<GridWorkerRecord | null> {
    const codeHash = this.hashCode(code);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.staffLinkCode.findUnique({ where: { codeHash } });
      if (!row) return null;
      const worker = asWorker(await tx.staffAccount.findUnique({ where: { id: row.staffId }, select: WORKER_SELECT }));
      if (!worker) return null;
      if (row.usedAt) {
        // A replay of the turn that redeemed it: this chat is already bound to that worker.
        const bound = await tx.staffChatBinding.findUnique({ where: chatKey(chat), select: { staffId: true } });
        return bound?.staffId === row.staffId ? worker : null;
      }
      if (row.expiresAt.getTime() <= at.getTime() || row.failures >= maxFailures) return null;
      const used = await tx.staffLinkCode.updateMany({ where: { codeHash, usedAt: null, failures: { lt: maxFailures } }, data: { usedAt: at } });
      if (used.count !== 1) return null;
      await tx.staffChatBinding.upsert({
        where: chatKey(chat),
        create: { channel: chat.channel, channelUserId: chat.channelUserId, staffId: worker.staffId, createdAt: at },
        update: { staffId: worker.staffId, createdAt: at },
      });
      await audit(tx, worker.staffId, 'grid.chat_bound', `staff:${worker.staffId}`, { channel: chat.channel });
      return worker;
    });
  }

  async unbind(chat: ChatIdentity, _at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const b = await tx.staffChatBinding.findUnique({ where: chatKey(chat), select: { staffId: true } });
      if (!b) return false;
      await tx.staffChatBinding.delete({ where: chatKey(chat) });
      await audit(tx, b.staffId, 'grid.chat_unbound', `staff:${b.staffId}`, { channel: chat.channel });
      return true;
    });
  }

  async bindingCounts(staffIds: readonly string[]): Promise<Map<string, number>> {
    if (staffIds.length === 0) return new Map();
    const rows = await this.prisma.staffChatBinding.groupBy({ by: ['staffId'], where: { staffId: { in: [...staffIds] } }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.staffId, r._count._all]));
  }
}

/** The audit entry of a binding change: who and which channel, never the chat id or the code. */
async function audit(tx: Tx, actorId: string, action: string, target: string, data: Record<string, string>): Promise<void> {
  await tx.auditLog.create({ data: { actorId, action, target, data } });
}
