/**
 * The retention job erases reception bookings (预约接访) by the rules of cases and
 * conversations, on both stores: a booking whose visit was registered loses the
 * citizen's name, phone and own words with its case's anonymisation; a booking never
 * registered (cancelled, or not visited) once its reception day is IDLE_CONVERSATION_DAYS
 * past. Newer ones are untouched (raw rows checked), the day, place and status stay, a
 * second run erases nothing, and an erased booking can no longer be registered.
 */
import { describe, expect, it } from 'vitest';
import { bookingForVisit } from '../../src/app/reception/register-booked-visit.ts';
import { IDLE_CONVERSATION_DAYS, retention } from '../../src/jobs/retention.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import { newCase } from '../helpers/cases.ts';
import { county } from '../helpers/dialog.ts';
import { STORE_KINDS, storeForSuite } from '../helpers/stores.ts';

const log = createLogger('silent');
const DAY = 86_400_000;
const NOW = new Date('2032-06-01T00:00:00Z');
const PERIOD = 1825;

describe.each(STORE_KINDS)('retention of reception bookings on %s', (kind) => {
  const suite = storeForSuite(kind);
  const prisma = () => suite().store.handle.prisma;
  const deps = () => ({ county, store: suite().store, retentionDays: PERIOD });
  const dayBefore = (days: number) => localDate(new Date(NOW.getTime() - days * DAY), 0);

  let n = 0;
  async function booking(o: { name: string; phone: string; description: string; day: string; closedAt?: Date | null; status?: 'cancelled' }) {
    const booked = await suite().store.receptionBookings.book({
      bookingKey: `retention:${kind}:${++n}`, sessionId: 'head', day: o.day, capacity: 50, name: o.name, phone: o.phone,
      description: o.description, locale: 'zh', channel: 'web', conversationId: null, at: new Date(`${o.day}T01:00:00Z`),
    });
    if (!booked.ok) throw new Error('not booked');
    const id = booked.booking.id;
    if (o.closedAt !== undefined) {
      const c = await suite().store.cases.create(newCase({ localDate: o.day, petitioner: { name: o.name, phone: o.phone, idNumber: null } }));
      await prisma().case.update({ where: { id: c.id }, data: { status: 'closed', closedAt: o.closedAt } });
      await prisma().receptionBooking.update({ where: { id }, data: { caseId: c.id, status: 'visited' } });
    }
    if (o.status) await prisma().receptionBooking.update({ where: { id }, data: { status: o.status } });
    return id;
  }
  const raw = async (id: string) => JSON.stringify(await prisma().$queryRaw`SELECT * FROM reception_bookings WHERE id = ${id}::uuid`);

  it('erases a visited booking with its case, an old unregistered one after its day; keeps the rest; idempotent', async () => {
    const visitedOld = await booking({ name: '陈大娘', phone: '13512345678', description: '儿子工伤赔偿一直没落实', day: '2026-03-03', closedAt: new Date(NOW.getTime() - PERIOD * DAY - 1) });
    const visitedRecent = await booking({ name: '李秀兰', phone: '13512345679', description: '低保被取消想当面问问', day: dayBefore(400), closedAt: new Date(NOW.getTime() - PERIOD * DAY + DAY) });
    const cancelledOld = await booking({ name: '钱多多', phone: '13312345678', description: '小区路灯坏了半年', day: dayBefore(IDLE_CONVERSATION_DAYS + 1), status: 'cancelled' });
    const notVisitedOld = await booking({ name: '孙有田', phone: '13612345678', description: '修路占地没补偿', day: dayBefore(IDLE_CONVERSATION_DAYS + 30) });
    const recent = await booking({ name: '赵强', phone: '13612345670', description: '工地拖欠工资半年', day: dayBefore(IDLE_CONVERSATION_DAYS - 1) });
    const untouched = [await raw(visitedRecent), await raw(recent)];

    const first = await runJob(deps(), retention, log, NOW);
    expect(first).toMatchObject({ ran: true, counts: { anonymized: 1, bookingsErased: 2 } });
    for (const [id, words] of [[visitedOld, ['陈大娘', '13512345678', '儿子工伤']], [cancelledOld, ['钱多多', '13312345678', '路灯']], [notVisitedOld, ['孙有田', '13612345678', '修路']]] as const) {
      const row = await prisma().receptionBooking.findUniqueOrThrow({ where: { id } });
      expect(row, id).toMatchObject({ nameEnc: null, phoneEnc: null, description: '', anonymizedAt: NOW });
      const text = await raw(id);
      for (const w of words) expect(text).not.toContain(w);
    }
    // The day, place and status stay; the visited one still names its case.
    expect(await prisma().receptionBooking.findUniqueOrThrow({ where: { id: visitedOld } })).toMatchObject({ day: '2026-03-03', position: 1, status: 'visited', caseId: expect.any(String) });
    expect(await prisma().receptionBooking.findUniqueOrThrow({ where: { id: cancelledOld } })).toMatchObject({ status: 'cancelled' });
    expect([await raw(visitedRecent), await raw(recent)]).toEqual(untouched);
    expect(await suite().store.receptionBookings.findById(notVisitedOld)).toMatchObject({ name: '', phone: '', description: '', erased: true });
    expect(await suite().store.receptionBookings.findById(recent)).toMatchObject({ name: '赵强', erased: false });
    await expect(bookingForVisit({ bookings: suite().store.receptionBookings, clock: { now: () => NOW }, county }, notVisitedOld)).rejects.toMatchObject({ code: 'conflict' });

    const second = await runJob(deps(), retention, log, NOW);
    expect(second).toMatchObject({ ran: true, counts: { anonymized: 0, bookingsErased: 0 } });
  });
});
