/**
 * Issue 15, item 9 — what the retention run used to miss: the respondent text (and a
 * screening report's parties), what staff wrote on the timeline and around the case
 * (notes, transfer reasons, 督办 notices, plan step notes), the citizen's own words on
 * the timeline (material, review reasons), conversations that never filed a case
 * (erased after 90 days without a message) and query_attempts counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/types.ts';
import { IDLE_CONVERSATION_DAYS, retention } from '../../src/jobs/retention.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const log = createLogger('silent');
const DAY = 86_400_000;
const NOW = new Date('2032-06-01T00:00:00Z');
const NAME = '张桂兰';
const PHONE = '13812345678';
const REP = '王建国';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(async () => {
  await t?.stop();
});

const prisma = () => t.app.store.handle.prisma;
const run = () => runJob({ county: t.app.core.county, store: t.app.store }, retention, log, NOW);
const closedLongAgo = new Date(NOW.getTime() - 1826 * DAY);

describe('anonymising a case', () => {
  it('erases the respondent and the citizen’s words, and scrubs what staff wrote', async () => {
    const staff = await prisma().staffAccount.findFirstOrThrow({ where: { username: 'xfj01' } });
    const { id, caseNumber } = await t.app.store.cases.create(
      newCase({ category: 'conduct', unit: 'jw', coUnit: null, respondent: '东湖镇的李四镇长', respondentUnits: ['town:东湖镇'], representatives: [{ name: REP, phone: null }] }),
    );
    const note = (actorType: string, kind: string, text: string) =>
      prisma().caseEvent.create({ data: { caseId: id, at: new Date('2027-01-01T00:00:00Z'), actorType, actorId: actorType === 'staff' ? staff.id : null, kind, public: false, note: text } });
    await note('staff', 'note', `已电话联系${NAME}（${PHONE}）和代表${REP}`);
    await note('staff', 'reply', `答复${NAME}：已查处`);
    await note('citizen', 'supplement', `我是${NAME}，补充：李四又收了钱，电话${PHONE}`);
    await note('citizen', 'request_review', `${NAME}不服，理由：李四没有被处理`);
    await prisma().caseHolding.create({ data: { caseId: id, unit: 'xfj', since: new Date('2027-01-01T00:00:00Z'), reason: `${NAME}要求转信访局` } });
    await prisma().superviseNotice.create({ data: { caseId: id, unit: 'jw', issuedBy: 'leader01', dueAt: new Date('2027-02-01T00:00:00Z'), message: `请联系${NAME} ${PHONE}`, answer: `已联系${NAME}` } });
    await prisma().case.update({ where: { id }, data: { status: 'closed', closedAt: closedLongAgo, closureReview: `${NAME}情绪稳定` } });

    expect(await run()).toMatchObject({ ran: true, counts: { anonymized: 1 } });

    const row = await prisma().case.findUniqueOrThrow({ where: { id } });
    expect(row.respondent).toBeNull();
    expect(row.respondentUnits).toEqual(['town:东湖镇']); // the firewall still holds
    const events = await prisma().caseEvent.findMany({ where: { caseId: id }, orderBy: { at: 'asc' } });
    expect(events.filter((e) => e.actorType === 'citizen' && e.kind !== 'submitted').map((e) => [e.kind, e.note])).toEqual([['supplement', null], ['request_review', null]]);
    const staffNotes = events.filter((e) => e.actorType === 'staff').map((e) => e.note);
    expect(staffNotes).toEqual(['已电话联系[name]（[phone]）和代表[name]', '答复[name]：已查处']);
    const raw = JSON.stringify([
      row,
      events,
      await prisma().caseHolding.findMany({ where: { caseId: id } }),
      await prisma().superviseNotice.findMany({ where: { caseId: id } }),
    ]);
    for (const personal of [NAME, PHONE, REP, '李四镇长']) expect(raw, `${caseNumber}: ${personal}`).not.toContain(personal);
  });

  it('erases a screening report’s parties', async () => {
    const { id } = await t.app.store.cases.create(newCase({ origin: 'screening', respondent: '张三和李四两家因宅基地纠纷', petitioner: { name: null, phone: null, idNumber: null }, queryCode: null }));
    await prisma().case.update({ where: { id }, data: { status: 'closed', closedAt: closedLongAgo } });
    await run();
    expect((await prisma().case.findUniqueOrThrow({ where: { id } })).respondent).toBeNull();
  });
});

describe('beside cases', () => {
  it(`erases conversations that never filed a case after ${IDLE_CONVERSATION_DAYS} days without a message`, async () => {
    const conv = async (daysIdle: number, waiting = false) => {
      const c = await t.app.store.conversations.open('web', `idle-${daysIdle}-${waiting}-${Math.random()}`, initialState('zh'));
      const at = new Date(NOW.getTime() - daysIdle * DAY);
      await prisma().message.create({ data: { conversationId: c.id, at, direction: 'in', author: 'citizen', text: t.app.store.cipher.encrypt(`我叫${NAME}，电话${PHONE}`) } });
      await prisma().conversation.update({ where: { id: c.id }, data: { updatedAt: at, ...(waiting ? { waitingSince: at, handoffReason: 'requested' } : {}) } });
      return c.id;
    };
    const old = await conv(IDLE_CONVERSATION_DAYS + 1);
    const recent = await conv(IDLE_CONVERSATION_DAYS - 1);
    const waiting = await conv(IDLE_CONVERSATION_DAYS + 5, true);
    const filed = await conv(IDLE_CONVERSATION_DAYS + 5);
    await t.app.store.cases.create(newCase({ conversationId: filed }));
    const r = await run();
    expect(r).toMatchObject({ ran: true, counts: { conversationsErased: 1 } });
    expect(await prisma().conversation.count({ where: { id: old } })).toBe(0);
    expect(await prisma().message.count({ where: { conversationId: old } })).toBe(0);
    for (const kept of [recent, waiting, filed]) expect(await prisma().conversation.count({ where: { id: kept } })).toBe(1);
  });

  it('forgets query_attempts counters once their window and lock are long over', async () => {
    const old = new Date(NOW.getTime() - 2 * DAY);
    await prisma().queryAttempt.createMany({
      data: [
        { key: 'user:web:old-identity', failures: 3, windowStart: old },
        { key: 'staff-login-ip:203.0.113.9', failures: 20, windowStart: old, lockedUntil: new Date(old.getTime() + 15 * 60_000) },
        { key: 'case:XF203201010001', failures: 1, windowStart: new Date(NOW.getTime() - 60_000) },
        { key: 'staff-totp-step:00000000-0000-4000-8000-000000000001', failures: 12345, windowStart: old },
      ],
    });
    await run();
    const left = (await prisma().queryAttempt.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(left).toEqual(['case:XF203201010001', 'staff-totp-step:00000000-0000-4000-8000-000000000001']);
  });
});
