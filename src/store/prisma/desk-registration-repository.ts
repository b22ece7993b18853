/**
 * Registrations of letters, visits and calls in Prisma: the case (through the case
 * repository's own create, so numbering and encryption are the petitions'), its
 * repeat/related links, an internal note and the audit entry, in one transaction.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DeskRegistrationStore, NewDeskRegistration } from '../../ports/desk-ports.ts';
import { linkNewCase } from '../sql/link-new-case.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import { isUniqueViolation, type PrismaCaseRepository } from './case-repository.ts';

export class PrismaDeskRegistrationRepository implements DeskRegistrationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: PrismaCaseRepository,
  ) {}

  async register(r: NewDeskRegistration): Promise<{ id: string; caseNumber: string; created: boolean }> {
    const existing = await this.existing(r.kase.submissionKey);
    if (existing) return existing;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await this.cases.createIn(tx, r.kase);
        // Repeat and related petitions are linked in the same commit, as for a chat petition.
        await linkNewCase(prismaQuery(tx), created.id);
        const at = r.kase.receivedAt;
        await tx.caseEvent.create({ data: { caseId: created.id, at: new Date(at.getTime() + 1), actorType: 'staff', actorId: r.staffId, kind: 'register', public: false, note: r.note } });
        await tx.auditLog.create({
          data: { actorId: r.staffId, action: 'case.register', target: `case:${created.caseNumber}`, data: { origin: r.kase.origin, receivedOn: r.kase.receivedOn ?? null } },
        });
        return { id: created.id, caseNumber: created.caseNumber, created: true };
      });
    } catch (err) {
      const winner = isUniqueViolation(err) ? await this.existing(r.kase.submissionKey) : null;
      if (winner) return winner;
      throw err;
    }
  }

  private async existing(key: string | null) {
    if (!key) return null;
    const row = await this.prisma.case.findUnique({ where: { submissionKey: key }, select: { id: true, caseNumber: true } });
    return row ? { ...row, created: false } : null;
  }
}
