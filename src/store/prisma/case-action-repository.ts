/**
 * The staff's case work in Prisma. A transition is one transaction: an update that
 * matches only the status the decision was made on (its row lock serialises
 * concurrent actions; the loser matches nothing and writes nothing), the timeline
 * event, the audit entry and the citizen's notice in the outbox — so a crash after
 * the commit can delay the notice but never lose it.
 */
import { changeHoldingIn } from './holding-repository.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { NewOutboxMessage } from '../../ports/outbox-ports.ts';
import type { AttachmentMeta, CaseActionRepository, CaseActionState, CaseTransitionWrite, RevealAudit } from '../../ports/case-action-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { randomUUID } from 'node:crypto';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { caseState } from '../sql/case-state.ts';
import type { SqlQuery } from '../sql/sql-exec.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ATTACHMENT_SELECT = { id: true, fileName: true, mime: true, size: true, createdAt: true, storagePath: true } as const;

/** Thrown inside the transaction to roll it back when the status moved on. */
class StatusMoved extends Error {}

/** The outbox's transactional write (PrismaOutboxStore.enqueueIn). */
export interface NoticeOutbox {
  enqueueIn(tx: Prisma.TransactionClient, conversationId: string, messages: NewOutboxMessage[], at: Date): Promise<void>;
}

export class PrismaCaseActionRepository implements CaseActionRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: NoticeOutbox,
    private readonly cipher: Pick<PersonalDataCipher, 'encrypt'>,
    private readonly sql: SqlQuery,
  ) {}

  /** One statement (sql/case-state.ts): the case and its count of extensions. */
  findState(caseNumber: string, scope: CaseScope): Promise<CaseActionState | null> {
    return caseState(this.sql, caseNumber, scope);
  }

  async applyTransition(w: CaseTransitionWrite): Promise<'ok' | 'conflict'> {
    try {
      await this.prisma.$transaction(async (tx) => {
        const updated = await tx.case.updateMany({ where: { id: w.caseId, status: w.from }, data: { ...w.set, status: w.to } });
        if (updated.count === 0) throw new StatusMoved();
        await tx.caseEvent.create({
          data: {
            caseId: w.caseId,
            at: w.at,
            actorType: 'staff',
            actorId: w.actorId,
            kind: w.kind,
            public: w.public,
            fromStatus: w.from,
            toStatus: w.to,
            note: w.note,
            data: (w.data ?? undefined) as never,
          },
        });
        await tx.auditLog.create({
          data: {
            at: w.at,
            actorId: w.actorId,
            action: `case.${w.kind}`,
            target: w.caseNumber,
            reason: w.reason,
            data: { from: w.from, to: w.to, public: w.public, ...(w.data ?? {}) } as never,
          },
        });
        const messageId = w.notice ? randomUUID() : null;
        if (w.notice) await this.outbox.enqueueIn(tx, w.notice.conversationId, [{ id: messageId!, author: 'system', text: w.notice.text }], w.at);
        if (w.writtenNotice) await this.writeNotice(tx, w, w.writtenNotice.delivery === 'chat' ? messageId : null);
        if (w.alert) await tx.alert.createMany({ data: [{ ...w.alert, caseId: w.caseId, at: w.at }], skipDuplicates: true });
        if (w.holding) await changeHoldingIn(tx, w.holding);
      });
      return 'ok';
    } catch (err) {
      if (err instanceof StatusMoved) return 'conflict';
      throw err;
    }
  }

  private async writeNotice(tx: Prisma.TransactionClient, w: CaseTransitionWrite, messageId: string | null): Promise<void> {
    const n = w.writtenNotice!;
    await tx.writtenNotice.create({
      data: {
        id: n.id,
        caseId: w.caseId,
        kind: n.kind,
        locale: n.locale,
        title: n.title,
        htmlEnc: this.cipher.encrypt(n.html),
        issuedAt: w.at,
        issuedBy: w.actorId,
        delivery: n.delivery,
        messageId,
        channel: n.channel,
      },
    });
  }

  async recordReveal(a: RevealAudit): Promise<void> {
    await this.prisma.auditLog.create({
      data: { at: a.at, actorId: a.actorId, action: 'case.reveal', target: a.caseNumber, reason: a.reason, data: a.data as never },
    });
  }

  listAttachments(caseId: string): Promise<AttachmentMeta[]> {
    return this.prisma.attachment.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, select: ATTACHMENT_SELECT });
  }

  async findAttachment(caseId: string, attachmentId: string): Promise<AttachmentMeta | null> {
    if (!UUID.test(attachmentId)) return null;
    return this.prisma.attachment.findFirst({ where: { id: attachmentId, caseId }, select: ATTACHMENT_SELECT });
  }

  async staffNames(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].filter((id) => UUID.test(id));
    if (valid.length === 0) return new Map();
    const rows = await this.prisma.staffAccount.findMany({ where: { id: { in: valid } }, select: { id: true, username: true } });
    return new Map(rows.map((r) => [r.id, r.username]));
  }
}
