/**
 * Bookings of leaders' reception days in Prisma. A booking takes the next place of
 * its session: the unique (session, day, position) index makes two concurrent
 * bookings take two places (the loser tries the next), and the unique booking key
 * makes a repeated confirm return the first booking.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { sessionKey, type BookingRecord, type BookingStatus, type BookOutcome, type NewBooking, type ReceptionBookingRepository } from '../../ports/reception-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { isUniqueViolation } from './case-repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATTEMPTS = 8;

type Row = Awaited<ReturnType<PrismaClient['receptionBooking']['findFirstOrThrow']>>;

export class PrismaReceptionBookingRepository implements ReceptionBookingRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: Pick<PersonalDataCipher, 'encrypt' | 'decryptOptional'>,
  ) {}

  async book(b: NewBooking): Promise<BookOutcome> {
    for (let attempt = 1; ; attempt++) {
      const existing = await this.byKey(b.bookingKey);
      if (existing) return { ok: true, booking: existing, created: false };
      const last = await this.prisma.receptionBooking.aggregate({ where: { sessionId: b.sessionId, day: b.day }, _max: { position: true } });
      const taken = await this.prisma.receptionBooking.count({ where: { sessionId: b.sessionId, day: b.day, status: { not: 'cancelled' } } });
      if (taken >= b.capacity) return { ok: false, reason: 'full' };
      try {
        const row = await this.prisma.receptionBooking.create({
          data: {
            bookingKey: b.bookingKey,
            sessionId: b.sessionId,
            day: b.day,
            position: (last._max.position ?? 0) + 1,
            nameEnc: this.cipher.encrypt(b.name),
            phoneEnc: this.cipher.encrypt(b.phone),
            description: b.description,
            locale: b.locale,
            channel: b.channel,
            conversationId: b.conversationId,
            createdAt: b.at,
          },
        });
        return { ok: true, booking: await this.toRecord(row), created: true };
      } catch (err) {
        // Another booking took that place (or this key) meanwhile: look again.
        if (!isUniqueViolation(err) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  async list(fromDay: string, toDay: string): Promise<BookingRecord[]> {
    const rows = await this.prisma.receptionBooking.findMany({
      where: { day: { gte: fromDay, lte: toDay } },
      orderBy: [{ day: 'asc' }, { sessionId: 'asc' }, { position: 'asc' }],
      take: 2000,
    });
    return this.toRecords(rows);
  }

  async findById(id: string): Promise<BookingRecord | null> {
    if (!UUID.test(id)) return null;
    const row = await this.prisma.receptionBooking.findUnique({ where: { id } });
    return row ? this.toRecord(row) : null;
  }

  async cancel(id: string, audit: { actorId: string; reason: string; at: Date }): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return this.prisma.$transaction(async (tx) => {
      const done = await tx.receptionBooking.updateMany({ where: { id, status: 'booked' }, data: { status: 'cancelled' } });
      if (done.count === 0) return false;
      await tx.auditLog.create({ data: { at: audit.at, actorId: audit.actorId, action: 'reception.cancel', target: `booking:${id}`, reason: audit.reason } });
      return true;
    });
  }

  async taken(fromDay: string, toDay: string): Promise<Map<string, number>> {
    const groups = await this.prisma.receptionBooking.groupBy({
      by: ['sessionId', 'day'],
      where: { day: { gte: fromDay, lte: toDay }, status: { not: 'cancelled' } },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [sessionKey(g.sessionId, g.day), g._count._all]));
  }

  private async byKey(key: string): Promise<BookingRecord | null> {
    const row = await this.prisma.receptionBooking.findUnique({ where: { bookingKey: key } });
    return row ? this.toRecord(row) : null;
  }

  private async toRecord(row: Row): Promise<BookingRecord> {
    return (await this.toRecords([row]))[0]!;
  }

  private async toRecords(rows: Row[]): Promise<BookingRecord[]> {
    const caseIds = rows.map((r) => r.caseId).filter((x): x is string => x !== null);
    const cases = caseIds.length ? await this.prisma.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, caseNumber: true } }) : [];
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      day: r.day,
      position: r.position,
      // Erased by the retention job: empty, and `erased` says so.
      name: this.cipher.decryptOptional(r.nameEnc) ?? '',
      phone: this.cipher.decryptOptional(r.phoneEnc) ?? '',
      erased: r.anonymizedAt !== null,
      description: r.description,
      locale: r.locale === 'en' ? 'en' : 'zh',
      channel: r.channel,
      status: r.status as BookingStatus,
      conversationId: r.conversationId,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
      createdAt: r.createdAt,
    }));
  }
}
