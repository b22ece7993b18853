/**
 * The staff pages' fast paths (issue 18 part 3) against a full recount, on both stores:
 * after a mix of writes through every path that changes a case (filings, desk
 * registrations, lifecycle actions, flags, ratings, follow-up answers, a deletion, a
 * concurrent burst), the kept tally equals a recount of the cases, the dashboard's
 * numbers equal the ones counted here from the rows, and list totals, search and
 * scoping answer what a scan of the rows answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { STORE_KINDS } from '../helpers/stores.ts';
import { routeCase } from '../../src/domain/routing.ts';
import { tallyDrift, unitTallyDrift } from '../../src/store/sql/case-tally.ts';
import { seededInt } from '../helpers/random.ts';

const DAY = 86_400_000;
const CATS = ['land', 'housing', 'labor', 'conduct', 'urban'];
const TOWNS = ['东湖镇', '城关镇', '西山乡', null];
const FACTS = ['村里征地补偿款一直没有发放', '工地老板拖欠工资三个月', '楼下烧烤店噪音扰民到深夜', '旧房拆迁后安置房迟迟不能交付 100%_done'];
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe.each(STORE_KINDS)('staff pages at scale on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const call = async (user: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${t.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const u of ['admin', 'xfj01', 'zrzy01', 'leader01']) tokens[u] = await loginAs(t, u);
    const county = t.app.core.county;
    const rnd = seededInt(18);
    const store = t.app.store;
    // Filings over the past 90 days, through the case repository (the chat's and the desk's insert).
    const numbers: string[] = [];
    for (let i = 0; i < 60; i++) {
      const category = CATS[rnd(CATS.length)]!;
      const township = TOWNS[rnd(TOWNS.length)]!;
      const at = new Date(Date.now() - rnd(90) * DAY - rnd(86_400) * 1000);
      const flags = ['risk', 'group', 'repeat'].filter(() => rnd(4) === 0);
      const created = await store.cases.create(
        newCase({ category, township, ...routeCase(county, { category, township, respondentUnits: [] }), flags, facts: FACTS[i % FACTS.length]!, receivedAt: at, localDate: localDay(at), queryCode: null }),
      );
      numbers.push(created.caseNumber);
    }
    // A concurrent burst on one day (the tally rows every filing of the day shares).
    await Promise.all(Array.from({ length: 12 }, () => store.cases.create(newCase({ queryCode: null }))));
    // Desk registrations through the API.
    for (const category of ['land', 'labor']) {
      const r = await call('xfj01', 'POST', '/api/cases', { origin: 'visit', petitioner: { name: '王秀英', phone: '13912345678' }, township: '城关镇', category, facts: '修路占了承包地，至今没有给补偿', demands: '补偿', peopleCount: 1 });
      expect(r.status, r.text).toBe(201);
      numbers.push(r.json.caseNumber as string);
    }
    // Lifecycle actions through the API (status changes, transfers, replies).
    const done: number[] = [];
    for (const [i, n] of numbers.entries()) {
      if (i % 3 === 0) done.push((await call('admin', 'POST', `/api/cases/${n}/actions/accept`, {})).status);
      if (i % 6 === 0) done.push((await call('admin', 'POST', `/api/cases/${n}/actions/reply`, { answer: '已经答复，请查收' })).status);
      if (i % 7 === 1) done.push((await call('admin', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'rsj', reason: '属于人社局职责' })).status);
    }
    expect(done.filter((s) => s === 200).length).toBeGreaterThan(30);
    // What jobs and citizens write: the overdue flag, ratings, follow-up answers, an old reply.
    const prisma = store.handle.prisma;
    await prisma.case.updateMany({ where: { caseNumber: { in: numbers.filter((_, i) => i % 5 === 2) } }, data: { flags: { push: 'overdue' } } });
    await prisma.case.update({ where: { caseNumber: numbers[0]! }, data: { ratingAcceptance: 'satisfied', ratingHandling: 'satisfied' } });
    await prisma.case.update({ where: { caseNumber: numbers[6]! }, data: { followUpResolved: false } });
    await prisma.case.update({ where: { caseNumber: numbers[12]! }, data: { repliedAt: new Date(Date.now() - 80 * DAY), reviewDueAt: new Date(Date.now() - 60 * DAY) } });
    await prisma.case.update({ where: { caseNumber: numbers[18]! }, data: { repliedAt: new Date(Date.now() - 80 * DAY), reviewDueAt: null, reviewRequestedAt: new Date(Date.now() - 70 * DAY) } });
    // A transaction that rolls back leaves no trace in the tally.
    await prisma
      .$transaction(async (tx) => {
        await tx.case.update({ where: { caseNumber: numbers[1]! }, data: { status: 'closed' } });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await prisma.case.delete({ where: { caseNumber: numbers[2]! } });
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps the tally and the unit tally equal to a recount of the cases', async () => {
    expect(await tallyDrift(t.app.store.handle.sql)).toEqual([]);
    expect(await unitTallyDrift(t.app.store.handle.sql)).toEqual([]);
    expect(await t.app.store.handle.prisma.caseUnitTally.count()).toBeGreaterThan(20);
    expect(await t.app.store.handle.prisma.caseTally.count()).toBeGreaterThan(20);
  });

  it('shows on the dashboard what counting the rows gives, for any span', async () => {
    const rows = await t.app.store.handle.prisma.case.findMany();
    const today = localDay(new Date());
    for (const from of ['2000-01-01', localDay(new Date(Date.now() - 30 * DAY))]) {
      const inP = rows.filter((r) => localDay(r.createdAt) >= from && localDay(r.createdAt) <= today);
      const count = (key: (r: (typeof rows)[number]) => string | null) => {
        const o: Record<string, number> = {};
        for (const r of inP) if (key(r) !== null) o[key(r)!] = (o[key(r)!] ?? 0) + 1;
        return o;
      };
      const { status, json } = await call('leader01', 'GET', `/api/stats?from=${from}&to=${today}`);
      expect(status).toBe(200);
      const nonZero = (o: unknown) => Object.fromEntries(Object.entries(o as Record<string, number>).filter(([, n]) => n > 0));
      expect(json.total).toBe(inP.length);
      expect(nonZero(json.byStatus)).toEqual(count((r) => r.status));
      expect(nonZero(json.byCategory)).toEqual(count((r) => r.category));
      expect(nonZero(json.byTownship)).toEqual(count((r) => r.township));
      for (const f of ['overdue', 'risk', 'group'] as const) expect(json[f]).toBe(inP.filter((r) => r.flags.includes(f)).length);
      const ratings = inP.flatMap((r) => [r.ratingAcceptance, r.ratingHandling]).filter((x) => x !== null);
      expect(json.satisfactionRate).toBe(ratings.length ? Math.round((ratings.filter((x) => x === 'satisfied').length / ratings.length) * 10_000) / 10_000 : 0);
      const replied = inP.filter((r) => r.repliedAt);
      // Decided: the stored window passed, or the citizen said "not resolved"; settled: passed, no review, not "no".
      const passed = (r: (typeof rows)[number]) => (r.reviewDueAt ?? new Date(r.repliedAt!.getTime() + 31 * DAY)).getTime() < Date.now();
      const decided = replied.filter((r) => passed(r) || r.followUpResolved === false);
      const settled = decided.filter((r) => passed(r) && !r.reviewRequestedAt && r.followUpResolved !== false);
      expect(decided.length).toBeGreaterThan(0);
      expect(json.settlementRate).toBe(Math.round((settled.length / decided.length) * 10_000) / 10_000);
    }
  });

  it('gives a handler the counts of their unit only, equal to what their case list holds', async () => {
    const today = localDay(new Date());
    const stats = await call('zrzy01', 'GET', `/api/stats?from=2000-01-01&to=${today}`);
    const list = await call('zrzy01', 'GET', '/api/cases');
    const rows = await t.app.store.handle.prisma.case.findMany({ where: { OR: [{ unit: 'zrzy' }, { coUnit: 'zrzy' }], NOT: { category: 'conduct', respondentUnits: { has: 'zrzy' } } } });
    expect(stats.json.total).toBe(rows.length);
    expect(list.json.total).toBe(rows.length);
    // Read from the unit's tally: each number as counting the unit's rows gives it.
    const count = (key: (r: (typeof rows)[number]) => string | null) => {
      const o: Record<string, number> = {};
      for (const r of rows) if (key(r) !== null) o[key(r)!] = (o[key(r)!] ?? 0) + 1;
      return o;
    };
    const nonZero = (o: unknown) => Object.fromEntries(Object.entries(o as Record<string, number>).filter(([, n]) => n > 0));
    expect(nonZero(stats.json.byStatus)).toEqual(count((r) => r.status));
    expect(nonZero(stats.json.byCategory)).toEqual(count((r) => r.category));
    expect(nonZero(stats.json.byTownship)).toEqual(count((r) => r.township));
    for (const f of ['overdue', 'risk', 'group'] as const) expect(stats.json[f]).toBe(rows.filter((r) => r.flags.includes(f)).length);
    const accepted = await call('zrzy01', 'GET', '/api/cases?status=accepted&page=2');
    expect(accepted.json.total).toBe(rows.filter((r) => r.status === 'accepted').length);
    expect(rows.length).toBeLessThan(await t.app.store.handle.prisma.case.count());
  });

  it('lists totals and deep pages as a scan of the rows does', async () => {
    const prisma = t.app.store.handle.prisma;
    const all = await prisma.case.findMany({ orderBy: [{ createdAt: 'desc' }, { caseNumber: 'desc' }], select: { caseNumber: true, status: true, flags: true } });
    const page3 = await call('admin', 'GET', '/api/cases?page=3');
    expect(page3.json.total).toBe(all.length);
    expect((page3.json.items as { caseNumber: string }[]).map((c) => c.caseNumber)).toEqual(all.slice(40, 60).map((c) => c.caseNumber));
    const accepted = await call('admin', 'GET', '/api/cases?status=accepted');
    expect(accepted.json.total).toBe(all.filter((c) => c.status === 'accepted').length);
    const overdue = await call('admin', 'GET', '/api/cases?flag=overdue&township=%E4%B8%9C%E6%B9%96%E9%95%87');
    expect(overdue.json.total).toBe(await prisma.case.count({ where: { flags: { has: 'overdue' }, township: '东湖镇' } }));
  });

  it('searches as a scan of the rows does: two-character words, case numbers, wildcards taken literally', async () => {
    const rows = await t.app.store.handle.prisma.case.findMany();
    const some = rows[0]!.caseNumber;
    for (const q of ['补偿', '拖欠工资', '噪', '100%', '%_', some.toLowerCase(), some.slice(-6), '没有人这样写过']) {
      const has = (v: string | null) => v !== null && v.toLowerCase().includes(q.toLowerCase());
      const expected = rows.filter((r) => r.caseNumber.includes(q.toUpperCase()) || has(r.facts) || has(r.demands) || has(r.respondent) || has(r.address)).length;
      const r = await call('admin', 'GET', `/api/cases?q=${encodeURIComponent(q)}`);
      expect(r.json.total, q).toBe(expected);
      if (q !== '%_' && q !== '没有人这样写过') expect(expected, q).toBeGreaterThan(0);
    }
  });
});
