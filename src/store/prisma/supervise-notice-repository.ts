/**
 * Supervision notices (督办通知) in Prisma. Issuing and answering are each one
 * transaction with the case's internal timeline event and the audit entry; reads
 * keep only notices whose case the reader's scope shows (scopeWhere, the case
 * list's own rule), so a conduct case's notice never reaches the unit it accuses.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { NewNotice, NoticeAnswer, NoticeFilter, NoticeRecord, SuperviseNoticeRepository } from '../../ports/supervise-notice-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeWhere } from './case-repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type NoticeRow = Omit<NoticeRecord, 'caseNumber'>;

/** Thrown inside the answer's transaction to roll it back when another answer won. */
class AlreadyAnswered extends Error {}

export const superviseAlertKey = (noticeId: string) => `supervise:${noticeId}`;

export class PrismaSuperviseNoticeRepository implements SuperviseNoticeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async issue(n: NewNotice): Promise<NoticeRecord> {
    const row = await this.prisma.$transaction(async (tx) => {
      const notice = await tx.superviseNotice.create({
        data: { caseId: n.caseId, unit: n.unit, issuedBy: n.issuerName, issuedAt: n.at, dueAt: n.dueAt, message: n.message },
      });
      const data = { noticeId: notice.id, unit: n.unit, dueAt: n.dueAt.toISOString() };
      await tx.caseEvent.create({
        data: { caseId: n.caseId, at: n.at, actorType: 'staff', actorId: n.issuerId, kind: 'supervision', public: false, note: n.eventNote, data },
      });
      await tx.auditLog.create({ data: { at: n.at, actorId: n.issuerId, action: 'case.supervise_notice', target: n.caseNumber, reason: null, data } });
      await tx.alert.createMany({
        data: [{ kind: 'supervise_notice', dedupeKey: superviseAlertKey(notice.id), caseId: n.caseId, unit: n.unit, message: n.alertMessage, at: n.at }],
        skipDuplicates: true,
      });
      return notice;
    });
    return { ...row, caseNumber: n.caseNumber };
  }

  async answer(a: NoticeAnswer): Promise<'ok' | 'conflict'> {
    try {
      await this.prisma.$transaction(async (tx) => {
        const updated = await tx.superviseNotice.updateMany({
          where: { id: a.noticeId, answeredAt: null },
          data: { answer: a.answer, answeredAt: a.at, answeredBy: a.staffName },
        });
        if (updated.count === 0) throw new AlreadyAnswered();
        const data = { noticeId: a.noticeId };
        await tx.caseEvent.create({
          data: { caseId: a.caseId, at: a.at, actorType: 'staff', actorId: a.staffId, kind: 'supervision_answer', public: false, note: a.eventNote, data },
        });
        await tx.auditLog.create({ data: { at: a.at, actorId: a.staffId, action: 'case.supervise_answer', target: a.caseNumber, reason: null, data } });
        // The unit answered: its alert about this notice is done.
        await tx.alert.updateMany({
          where: { dedupeKey: superviseAlertKey(a.noticeId), acknowledgedAt: null },
          data: { acknowledgedAt: a.at, acknowledgedBy: a.staffName },
        });
      });
      return 'ok';
    } catch (err) {
      if (err instanceof AlreadyAnswered) return 'conflict';
      throw err;
    }
  }

  async find(id: string, scope: CaseScope): Promise<NoticeRecord | null> {
    if (!UUID.test(id)) return null;
    const row = await this.prisma.superviseNotice.findUnique({ where: { id } });
    if (!row) return null;
    const [withNumber] = await this.withVisibleCases([row], scope);
    return withNumber ?? null;
  }

  /** Pages through the notices so that ones hidden by the scope do not shorten the list. */
  async list(f: NoticeFilter, scope: CaseScope): Promise<NoticeRecord[]> {
    const where = { ...(f.unit ? { unit: f.unit } : {}), ...(f.caseId ? { caseId: f.caseId } : {}), ...(f.open ? { answeredAt: null } : {}) };
    const out: NoticeRecord[] = [];
    const page = Math.max(f.limit, 50);
    for (let skip = 0; out.length < f.limit; skip += page) {
      const rows = await this.prisma.superviseNotice.findMany({ where, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], skip, take: page });
      out.push(...(await this.withVisibleCases(rows, scope)));
      if (rows.length < page) break;
    }
    return out.slice(0, f.limit);
  }

  private async withVisibleCases(rows: NoticeRow[], scope: CaseScope): Promise<NoticeRecord[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.caseId))];
    const cases = await this.prisma.case.findMany({ where: { AND: [{ id: { in: ids } }, scopeWhere(scope)] }, select: { id: true, caseNumber: true } });
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return rows.filter((r) => numbers.has(r.caseId)).map((r) => ({ ...r, caseNumber: numbers.get(r.caseId)! }));
  }
}
