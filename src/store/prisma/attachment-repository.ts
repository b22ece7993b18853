/** Attachments: metadata in the store, bytes in the FileStore. */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AttachmentRepository, NewAttachment } from '../../ports/attachment-ports.ts';
import { materialMessage, PrismaAlertRepository } from './alert-repository.ts';

export class PrismaAttachmentRepository implements AttachmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Stores the attachment; with a case number it joins that case with a public timeline event. */
  async add(a: NewAttachment): Promise<{ id: string; caseNumber: string | null }> {
    return this.prisma.$transaction(async (tx) => {
      const kase = a.caseNumber ? await tx.case.findUnique({ where: { caseNumber: a.caseNumber }, select: { id: true, unit: true } }) : null;
      const row = await tx.attachment.create({
        data: { conversationId: a.conversationId, caseId: kase?.id ?? null, fileName: a.fileName, mime: a.mime, size: a.size, sha256: a.sha256, storagePath: a.storagePath, createdAt: a.at },
      });
      if (kase) {
        await tx.caseEvent.create({ data: { caseId: kase.id, at: a.at, actorType: 'citizen', kind: 'attachment', public: true, data: { attachmentId: row.id, mime: a.mime, size: a.size } } });
        // The staff alert commits with the file (no file name: it may hold personal data).
        await PrismaAlertRepository.raiseIn(tx, {
          kind: 'material',
          dedupeKey: `material:attachment:${row.id}`,
          caseId: kase.id,
          unit: kase.unit,
          message: materialMessage(a.caseNumber!),
          at: a.at,
        });
      }
      return { id: row.id, caseNumber: kase ? a.caseNumber : null };
    });
  }

  /** What a conversation has sent since `since`: files and bytes (the per-conversation quota). */
  async usage(conversationId: string, since: Date): Promise<{ files: number; bytes: number }> {
    const r = await this.prisma.attachment.aggregate({ where: { conversationId, createdAt: { gte: since } }, _count: { _all: true }, _sum: { size: true } });
    return { files: r._count._all, bytes: r._sum.size ?? 0 };
  }

  /** Attachments sent during an intake join the case it files (inside the filing transaction). */
  async listForCase(caseNumber: string) {
    return this.prisma.attachment.findMany({ where: { case: { caseNumber } }, orderBy: { createdAt: 'asc' } });
  }
}
