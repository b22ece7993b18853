/**
 * Backlog, 包案 and leaders' reception days on both stores, through the HTTP app:
 * - the backlog counts open cases received longer ago than the threshold by age
 *   bucket, unit and township, scoped like the case list (a unit handler sees their
 *   unit's), and refuses bad filters with a 400 JSON error;
 * - a supervisor puts a case in a leader's charge (an audited case action); other roles
 *   get 403, a non-supervisor leader 400; the leader shows in the backlog, on the case
 *   page, the unit report and the monthly report;
 * - a citizen books a reception slot by typing in the chat (once, also when the confirm
 *   is sent again); the bureau sees the booking masked; on the day the desk registers
 *   the visit from it (origin visit, linked), once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_PATH } from '../../src/county-config-file.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import { addDays } from '../../src/domain/reception/reception-days.ts';
import { Citizen } from '../helpers/chat.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { STORE_KINDS, tempDir } from '../helpers/stores.ts';

type Json = Record<string, unknown>;
const DAY = 86_400_000;

describe.each(STORE_KINDS)('backlog, 包案 and reception days on %s', (kind) => {
  let t: TestApp;
  let configDir: string;
  const tokens: Record<string, string> = {};
  const today = localDate(new Date(), 480);
  const ahead = addDays(today, 10);
  beforeAll(async () => {
    configDir = tempDir('xf-county-');
    const county = JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8')) as Json;
    const place = { zh: '县信访局领导接访室', en: 'the leaders\' reception room' };
    // Two fixed days: today (for the visit) and ten days ahead (for booking in the chat).
    (county.reception as { days: Json[] }).days = [
      { id: 'today-head', leader: { zh: '县长 周建国', en: 'County Head Zhou Jianguo' }, aliases: ['今天那个'], place, topics: { zh: '征地拆迁', en: 'land' }, date: today },
      { id: 'head', leader: { zh: '县长 周建国', en: 'County Head Zhou Jianguo' }, leaderUsername: 'leader02', aliases: ['县长', 'county head'], place, topics: { zh: '征地拆迁', en: 'land' }, date: ahead, capacity: 2 },
    ];
    const file = path.join(configDir, 'county.json');
    fs.writeFileSync(file, JSON.stringify(county));
    t = await startTestApp(kind, { COUNTY_CONFIG: file });
    for (const u of ['admin', 'xfj01', 'zrzy01', 'leader01', 'leader02']) tokens[u] = await loginAs(t, u);
  });
  afterAll(async () => {
    await t?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  const call = async (user: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${t.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Json) : {} };
  };
  const register = async (o: { daysAgo: number; category: string; township: string; bookingId?: string; origin?: string; phone?: string | null }) => {
    const r = await call('xfj01', 'POST', '/api/cases', {
      origin: o.origin ?? 'visit',
      receivedAt: localDate(new Date(Date.now() - o.daysAgo * DAY), 480),
      petitioner: { name: '王秀英', phone: o.phone === undefined ? '13912345678' : o.phone },
      township: o.township,
      category: o.category,
      facts: o.category === 'land' ? '修路占了承包地，至今没有给补偿' : '在工地干了半年，老板拖欠工资',
      demands: '依法解决',
      peopleCount: 1,
      ...(o.bookingId ? { bookingId: o.bookingId } : {}),
    });
    return r;
  };
  const numberOf = async (o: Parameters<typeof register>[0]) => {
    const r = await register(o);
    expect(r.status, r.text).toBe(201);
    return r.json.caseNumber as string;
  };

  let oldLand: string;
  let oldLabor: string;
  it('the backlog: open cases past the threshold by bucket, unit and township; scoped; bad filters 400', async () => {
    oldLand = await numberOf({ daysAgo: 70, category: 'land', township: '东湖镇' });
    oldLabor = await numberOf({ daysAgo: 85, category: 'labor', township: '西山乡' });
    const fresh = await numberOf({ daysAgo: 3, category: 'land', township: '东湖镇' });
    const all = (await call('leader01', 'GET', '/api/backlog')).json as { total: number; items: Json[]; buckets: Json[]; byUnit: Json[]; byTownship: Json[]; thresholdDays: number };
    expect(all.thresholdDays).toBe(60);
    expect(all.total).toBe(2);
    expect(all.items.map((c) => c.caseNumber)).toEqual([oldLabor, oldLand]);
    expect(all.items[1]).toMatchObject({ unit: 'zrzy', township: '东湖镇', bucket: '60-89', ageDays: 70, leader: null });
    expect(all.buckets).toEqual([
      { key: '60-89', fromDays: 60, toDays: 90, count: 2 },
      { key: '90-179', fromDays: 90, toDays: 180, count: 0 },
      { key: '180-364', fromDays: 180, toDays: 365, count: 0 },
      { key: '365+', fromDays: 365, toDays: null, count: 0 },
    ]);
    expect(all.byUnit).toEqual(expect.arrayContaining([{ unit: 'zrzy', count: 1 }, { unit: 'rsj', count: 1 }]));
    expect(all.byTownship).toEqual(expect.arrayContaining([{ township: '东湖镇', count: 1 }, { township: '西山乡', count: 1 }]));
    expect(JSON.stringify(all)).not.toContain(fresh);
    expect(JSON.stringify(all)).not.toContain('王秀英');
    // A unit's handler sees their unit's backlog only.
    const zrzy = (await call('zrzy01', 'GET', '/api/backlog')).json as { total: number; items: Json[] };
    expect(zrzy.items.map((c) => c.caseNumber)).toEqual([oldLand]);
    expect((await call('leader01', 'GET', '/api/backlog?township=西山乡')).json.total).toBe(1);
    expect((await call('leader01', 'GET', '/api/backlog?bucket=90-179')).json.total).toBe(0);
    const bad = await call('leader01', 'GET', '/api/backlog?bucket=nonsense');
    expect(bad.status).toBe(400);
    expect((bad.json.error as Json).code).toBe('bad_request');
    expect((await call('leader01', 'GET', '/api/backlog?leader=zrzy01')).status).toBe(400);
    const page = await call('leader01', 'GET', '/staff/backlog');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-case="${oldLand}"`);
  });

  it('包案: a supervisor names a leader (audited); other roles 403; only supervisors lead; shown in backlog, case page and reports', async () => {
    const assign = (user: string, leader: string | null, reason = '群众反映强烈，领导包案') => call(user, 'POST', `/api/cases/${oldLand}/leader`, { leader, reason });
    expect((await assign('xfj01', 'leader02')).status).toBe(403);
    expect((await assign('zrzy01', 'leader02')).status).toBe(403);
    const notLeader = await assign('leader01', 'zrzy01');
    expect(notLeader.status).toBe(400);
    expect((notLeader.json.error as Json).code).toBe('bad_request');
    expect((await assign('leader01', 'leader02', '  ')).status).toBe(400);
    const done = await assign('leader01', 'leader02');
    expect(done.status, done.text).toBe(200);
    expect((done.json.timeline as Json[]).at(-1)).toMatchObject({ kind: 'assign_leader', public: false });
    expect((await assign('leader01', 'leader02')).status).toBe(400);
    const audit = await t.app.store.handle.prisma.auditLog.findMany({ where: { action: 'case.assign_leader', target: oldLand } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('群众反映强烈，领导包案');
    expect(audit[0]!.data).toMatchObject({ fromLeader: null, toLeader: 'leader02' });
    // The competent unit is alerted that a leader holds its case.
    const alerts = (await call('zrzy01', 'GET', '/api/staff/alerts')).json.items as Json[];
    expect(alerts.some((a) => a.kind === 'leader_assigned' && a.caseNumber === oldLand && String(a.message).includes('县长 周建国 包案'))).toBe(true);

    const backlog = (await call('leader01', 'GET', '/api/backlog?leader=leader02')).json as { items: Json[] };
    expect(backlog.items.map((c) => c.caseNumber)).toEqual([oldLand]);
    expect(backlog.items[0]!.leader).toEqual({ username: 'leader02', displayName: '县长 周建国' });
    // The case API names the leader beside the contract's fields; the list too.
    const kase = (await call('zrzy01', 'GET', `/api/cases/${oldLand}`)).json;
    expect(kase.leader).toEqual({ username: 'leader02', displayName: '县长 周建国', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((done.json as Json).leader).toMatchObject({ username: 'leader02' });
    expect((await call('leader01', 'GET', `/api/cases/${oldLabor}`)).json.leader).toBeNull();
    const listed = ((await call('leader01', 'GET', '/api/cases?township=东湖镇')).json.items as Json[]).find((c) => c.caseNumber === oldLand);
    expect(listed?.leader).toMatchObject({ username: 'leader02' });
    expect((await call('admin', 'GET', `/staff/cases/${oldLand}`)).text).toMatch(/包案领导 Leader in charge: <strong>县长 周建国 \(leader02\)<\/strong>/);
    const perf = (await call('leader01', 'GET', '/staff/performance')).text;
    expect(perf).toMatch(/<tr data-unit="zrzy"><th scope="row">[^<]+<\/th><td data-led>1<\/td><td>县长 周建国<\/td>/);
    const month = localDate(new Date(), 480).slice(0, 7);
    const report = (await call('leader01', 'GET', `/staff/reports/monthly?month=${month}&unit=zrzy`)).text;
    expect(report).toContain('id="led-cases"');
    expect(report).toContain(`data-case="${oldLand}"`);
    const other = (await call('leader01', 'GET', `/staff/reports/monthly?month=${month}&unit=rsj`)).text;
    expect(other).not.toContain(`data-case="${oldLand}"`);
  });

  it('a citizen books by typing; a repeated confirm books once; the bureau sees it masked; a handler may not', async () => {
    const c = new Citizen(t.url);
    await c.say('我想预约见县长');
    expect(c.last.expecting).toBe('name');
    await c.say('我叫张桂兰');
    await c.say('13812345678');
    await c.say('修路占了俺家承包地三年了，一直没给补偿');
    expect(c.last.expecting).toBe('confirm');
    await c.say('确认');
    expect(c.text).toContain('第1位');
    await c.say('确认');
    const rows = await t.app.store.handle.prisma.receptionBooking.findMany({ where: { sessionId: 'head' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.nameEnc).not.toContain('张桂兰');
    const list = await call('xfj01', 'GET', '/api/reception/bookings');
    expect(list.status).toBe(200);
    const sessions = list.json.sessions as { sessionId: string; day: string; taken: number; bookings: Json[] }[];
    const head = sessions.find((s) => s.sessionId === 'head')!;
    expect(head).toMatchObject({ day: ahead, taken: 1 });
    expect(head.bookings[0]).toMatchObject({ position: 1, description: '修路占了俺家承包地三年了，一直没给补偿', status: 'booked', registerable: false });
    expect(JSON.stringify(list.json)).not.toContain('张桂兰');
    expect(JSON.stringify(list.json)).not.toContain('13812345678');
    expect((await call('zrzy01', 'GET', '/api/reception/bookings')).status).toBe(403);
    // The visit of a day still to come is not registered yet.
    const early = await register({ daysAgo: 0, category: 'land', township: '东湖镇', bookingId: rows[0]!.id });
    expect(early.status).toBe(409);
  });

  it('the bureau cancels a booking with a reason (audited, once); the citizen is told; the place is free again', async () => {
    const c = new Citizen(t.url);
    for (const text of ['我想预约见县长 我叫钱多多 电话13312345678', '小区门口的路灯坏了半年没人修', '确认']) await c.say(text);
    expect(c.text).toContain('第2位');
    const id = (await t.app.store.handle.prisma.receptionBooking.findFirstOrThrow({ where: { sessionId: 'head', position: 2 } })).id;
    const cancel = (user: string, reason: string) => call(user, 'POST', `/api/reception/bookings/${id}/cancel`, { reason });
    expect((await cancel('zrzy01', '领导临时有会')).status).toBe(403);
    expect((await cancel('leader01', '领导临时有会')).status).toBe(403);
    expect((await cancel('xfj01', '  ')).status).toBe(400);
    expect((await call('xfj01', 'POST', '/api/reception/bookings/not-an-id/cancel', { reason: 'x' })).status).toBe(404);
    expect((await cancel('xfj01', '群众来电取消')).json).toEqual({ id, status: 'cancelled' });
    expect((await cancel('xfj01', '群众来电取消')).status).toBe(409);
    expect(await t.app.store.handle.prisma.auditLog.count({ where: { action: 'reception.cancel', target: `booking:${id}` } })).toBe(1);
    const pushed = await fetch(`${t.url}/api/chat/updates?userId=${c.userId}&timeout=0`);
    const texts = ((await pushed.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
    expect(texts).toContain('已被取消，原因：群众来电取消');
    const head = ((await call('xfj01', 'GET', '/api/reception/bookings')).json.sessions as { sessionId: string; taken: number }[]).find((x) => x.sessionId === 'head')!;
    expect(head.taken).toBe(1);
  });

  it('a full day is refused in the chat; the places are never exceeded', async () => {
    const c2 = new Citizen(t.url);
    for (const text of ['我想预约见县长 我叫李明 电话13712345678', '村里低保评得不公平，想当面说说', '确认']) await c2.say(text);
    expect(c2.text).toContain('第3位');
    const c3 = new Citizen(t.url);
    for (const text of ['我想预约见县长 我叫赵强 电话13612345678', '工地拖欠工资半年了，想当面反映', '确认']) await c3.say(text);
    expect(c3.text).toContain('名额已经约满了');
    expect(await t.app.store.handle.prisma.receptionBooking.count({ where: { sessionId: 'head', status: { not: 'cancelled' } } })).toBe(2);
  });

  it('on the day the desk registers the visit from the booking: origin visit, linked, once', async () => {
    const booked = await t.app.store.receptionBookings.book({
      bookingKey: 'test:today',
      sessionId: 'today-head',
      day: today,
      capacity: 12,
      name: '陈大娘',
      phone: '13512345678',
      description: '儿子工伤赔偿一直没落实',
      locale: 'zh',
      channel: 'web',
      conversationId: null,
      at: new Date(),
    });
    if (!booked.ok) throw new Error('not booked');
    const id = booked.booking.id;
    expect((await register({ daysAgo: 0, category: 'labor', township: '西山乡', bookingId: id, origin: 'letter' })).status).toBe(400);
    const form = await call('xfj01', 'GET', `/staff/desk?booking=${id}`);
    expect(form.text).toContain('value="陈大娘"');
    expect(form.text).toContain(`name="bookingId" value="${id}"`);
    // The booking's phone is shown masked only; registered without a phone typed, the case takes the booking's.
    expect(form.text).not.toContain('13512345678');
    expect(form.text).toContain('135****5678');
    expect(await t.app.store.handle.prisma.auditLog.count({ where: { target: { contains: id } } })).toBe(0);
    expect((await register({ daysAgo: 0, category: 'labor', township: '西山乡', phone: null })).status).toBe(400);
    const r = await register({ daysAgo: 0, category: 'labor', township: '西山乡', bookingId: id, phone: null });
    expect(r.status, r.text).toBe(201);
    const caseNumber = r.json.caseNumber as string;
    expect((await t.app.store.cases.findByNumber(caseNumber, { all: true }))!.petitioner.phone).toBe('13512345678');
    expect(((await call('xfj01', 'GET', `/api/cases/${caseNumber}`)).json.petitioner as Json).phone).toBe('135****5678');
    expect((await call('admin', 'GET', `/api/cases/${caseNumber}`)).json.origin).toBe('visit');
    const after = (await call('xfj01', 'GET', '/api/reception/bookings')).json.sessions as { sessionId: string; bookings: Json[] }[];
    expect(after.find((s) => s.sessionId === 'today-head')!.bookings[0]).toMatchObject({ status: 'visited', caseNumber, registerable: false });
    const again = await register({ daysAgo: 0, category: 'labor', township: '西山乡', bookingId: id });
    expect(again.status).toBe(409);
    expect((again.json.error as Json).code).toBe('conflict');
    expect((await call('xfj01', 'GET', '/staff/reception')).text).toContain(`<a href="/staff/cases/${caseNumber}">`);
  });
});
