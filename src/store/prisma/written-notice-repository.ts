/**
 * Written notices in Prisma. The document is stored encrypted (it names the
 * petitioner and quotes the case); a hand delivery is recorded once, with its audit
 * entry, in one transaction.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { NoticeDelivery, NoticeKind } from '../../domain/notices/written-notice.ts';
import type { HandDeliveryRecord, WrittenNoticeDocument, WrittenNoticeRepository, WrittenNoticeSummary } from '../../ports/written-notice-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = {
  id: string;
  kind: string;
  locale: string;
  title: string;
  issuedAt: Date;
  delivery: string;
  deliveredAt: Date | null;
  channel: string | null;
  deliveredBy: string | null;
  deliveryNote: string | null;
};

const SUMMARY = { id: true, kind: true, locale: true, title: true, issuedAt: true, delivery: true, deliveredAt: true, channel: true, deliveredBy: true, deliveryNote: true } as const;

const summary = (r: Row): WrittenNoticeSummary => ({
  ...r,
  kind: r.kind as NoticeKind,
  locale: r.locale === 'en' ? 'en' : 'zh',
  delivery: r.delivery as NoticeDelivery,
});

export class PrismaWrittenNoticeRepository implements WrittenNoticeRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: Pick<PersonalDataCipher, 'decrypt'>,
  ) {}

  async listForCase(caseId: string): Promise<WrittenNoticeSummary[]> {
    const rows = await this.prisma.writtenNotice.findMany({ where: { caseId }, select: SUMMARY, orderBy: { issuedAt: 'asc' } });
    return rows.map(summary);
  }

  findById(noticeId: string): Promise<WrittenNoticeDocument | null> {
    return this.findWhere(noticeId, {});
  }

  async findByMessageId(messageId: string): Promise<WrittenNoticeDocument | null> {
    if (!UUID.test(messageId)) return null;
    const row = await this.prisma.writtenNotice.findFirst({ where: { messageId }, select: { id: true } });
    return row ? this.findWhere(row.id, {}) : null;
  }

  find(caseId: string, noticeId: string): Promise<WrittenNoticeDocument | null> {
    return this.findWhere(noticeId, { caseId });
  }

  private async findWhere(noticeId: string, where: { caseId?: string }): Promise<WrittenNoticeDocument | null> {
    if (!UUID.test(noticeId)) return null;
    const row = await this.prisma.writtenNotice.findFirst({ where: { id: noticeId, ...where }, select: { ...SUMMARY, htmlEnc: true } });
    if (!row) return null;
    const { htmlEnc, ...rest } = row;
    return { ...summary(rest), html: this.cipher.decrypt(htmlEnc) };
  }

  async recordHandDelivery(r: HandDeliveryRecord): Promise<'ok' | 'already' | 'not_found'> {
    if (!UUID.test(r.noticeId)) return 'not_found';
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.writtenNotice.findFirst({ where: { id: r.noticeId, caseId: r.caseId }, select: { id: true, kind: true } });
      if (!row) return 'not_found' as const;
      const updated = await tx.writtenNotice.updateMany({
        where: { id: r.noticeId, deliveredAt: null },
        data: { deliveredAt: r.at, channel: r.channel, deliveredBy: r.actorId, deliveryNote: r.note },
      });
      if (updated.count === 0) return 'already' as const;
      await tx.auditLog.create({
        data: { at: r.at, actorId: r.actorId, action: 'case.notice_delivered', target: r.caseNumber, reason: r.note, data: { notice: r.noticeId, kind: row.kind, channel: r.channel } },
      });
      return 'ok' as const;
    });
  }
}
