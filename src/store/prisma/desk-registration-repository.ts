/**
 * Registrations of letters, visits and calls in Prisma: the case (through the case
 * repository's own create, so numbering and encryption are the petitions'), its
 * repeat/related links, an internal note and the audit entry, in one transaction.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { BookingTakenError, type DeskRegistrationStore, type NewDeskRegistration } from '../../ports/desk-ports.ts';
import { linkNewCase } from '../sql/link-new-case.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { PrismaCaseRepository } from './case-repository.ts';
import { createOnce } from './create-once.ts';

export class PrismaDeskRegistrationRepository implements DeskRegistrationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: PrismaCaseRepository,
  ) {}

  async register(r: NewDeskRegistration): Promise<{ id: string; caseNumber: string; created: boolean }> {
    return createOnce(this.prisma, r.kase.submissionKey, () =>
      this.prisma.$transaction(async (tx) => {
        const created = await this.cases.createIn(tx, r.kase);
        // Repeat and related petitions are linked in the same commit, as for a chat petition.
        await linkNewCase(prismaQuery(tx), created.id);
        if (r.bookingId) {
          const linked = await tx.receptionBooking.updateMany({ where: { id: r.bookingId, status: 'booked' }, data: { status: 'visited', caseId: created.id } });
          if (linked.count === 0) throw new BookingTakenError('the booking is no longer open');
        }
        const at = r.kase.receivedAt;
        await tx.caseEvent.create({ data: { caseId: created.id, at: new Date(at.getTime() + 1), actorType: 'staff', actorId: r.staffId, kind: 'register', public: false, note: r.note } });
        await tx.auditLog.create({
          data: { actorId: r.staffId, action: 'case.register', target: `case:${created.caseNumber}`, data: { origin: r.kase.origin, receivedOn: r.kase.receivedOn ?? null } },
        });
        return { id: created.id, caseNumber: created.caseNumber, created: true };
      }),
    );
  }
}
