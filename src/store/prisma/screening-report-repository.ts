/**
 * Screening reports in Prisma: the case (through the case repository's own create,
 * so numbering and encryption are the petitions'), its reporter, an internal
 * timeline note, the early-warning alert and the audit entry, in one transaction.
 * The submission key makes a replayed confirm return the first case.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { NewScreeningReport, ScreeningReportStore } from '../../ports/grid-ports.ts';
import type { PrismaCaseRepository } from './case-repository.ts';
import { createOnce } from './create-once.ts';

export class PrismaScreeningReportRepository implements ScreeningReportStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: PrismaCaseRepository,
  ) {}

  async create(r: NewScreeningReport): Promise<{ id: string; caseNumber: string; created: boolean }> {
    return createOnce(this.prisma, r.kase.submissionKey, () =>
      this.prisma.$transaction(async (tx) => {
        // Photos the worker sent while reporting belong to the report.
        const created = await this.cases.createIn(tx, r.kase, { attachmentsFrom: r.attachmentsFrom });
        const at = r.kase.receivedAt;
        await tx.case.update({ where: { id: created.id }, data: { reporterStaffId: r.reporterStaffId } });
        await tx.caseEvent.create({ data: { caseId: created.id, at, actorType: 'staff', actorId: r.reporterStaffId, kind: 'screening_report', public: false, note: r.note } });
        if (r.riskAlert) {
          await tx.alert.createMany({
            data: [{ kind: 'risk', dedupeKey: `risk:case:${created.id}`, caseId: created.id, unit: r.kase.unit, message: r.riskAlert.message, at }],
            skipDuplicates: true,
          });
        }
        await tx.auditLog.create({ data: { actorId: r.reporterStaffId, action: 'case.screening_reported', target: `case:${created.caseNumber}`, data: { channel: r.kase.channel } } });
        return { id: created.id, caseNumber: created.caseNumber, created: true };
      }),
    );
  }
}
