/**
 * The staff pages' case reads against what they replaced, on both stores: list pages
 * found by position (tally days, a unit's tally, hours counted live) hold exactly the
 * rows an OFFSET over the same order held — across page boundaries, with ties on the
 * creation time, at local-midnight and hour boundaries, past the end — for every kind of
 * scope and filter; and the one-statement case and state reads see exactly the cases
 * Prisma's scopeWhere lets the same scope see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import type { CaseFilter, CaseScope } from '../../src/ports/case-ports.ts';
import { scopeWhere } from '../../src/store/prisma/case-repository.ts';
import { setTallyOffset, tallyDrift, unitTallyDrift } from '../../src/store/sql/case-tally.ts';
import { newCase } from '../helpers/cases.ts';
import { seededInt } from '../helpers/random.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

const PAGE = 4;
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
// Ties: several cases at one instant, at the first and last millisecond of a local day and of a UTC hour.
const INSTANTS = [
  ...Array<string>(5).fill('2026-11-19T16:00:00.000Z'), // local midnight of 11-20
  ...Array<string>(5).fill('2026-11-19T15:59:59.999Z'),
  ...Array<string>(6).fill('2026-11-20T04:00:00.000Z'),
  ...Array<string>(4).fill('2026-11-18T10:00:00.000Z'), // a UTC hour's first instant
  ...Array<string>(3).fill('2026-11-18T09:59:59.999Z'),
  ...Array.from({ length: 30 }, (_, i) => new Date(Date.parse('2026-10-01T00:00:00Z') + i * 37 * 3_600_000 + (i % 3) * 1000).toISOString()),
];

type Where = Prisma.CaseWhereInput;
/** The filter as Prisma writes it: the reference the SQL list must agree with. */
function filterWhere(f: Omit<CaseFilter, 'page' | 'pageSize'>): Where {
  const and: Where[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.unit) and.push({ OR: [{ unit: f.unit }, { coUnit: f.unit }] });
  if (f.township) and.push({ township: f.township });
  if (f.category) and.push({ category: f.category });
  if (f.flag) and.push({ flags: { has: f.flag } });
  if (f.q) {
    const fields = (['facts', 'demands', 'respondent', 'address'] as const).map((k) => ({ [k]: { contains: f.q, mode: 'insensitive' } }) as Where);
    and.push({ OR: [...fields, { caseNumber: { contains: f.q.toUpperCase() } }] });
  }
  if (f.dueBefore) {
    const d = f.dueBefore;
    and.push({
      OR: [
        { status: { in: ['submitted', 'transferred'] }, acceptDueAt: { lt: d } },
        { status: { in: ['accepted', 'in_progress', 'extended'] }, replyDueAt: { lt: d } },
        { status: 'review_requested', reviewAnswerDueAt: { lt: d } },
      ],
    });
  }
  return { AND: and };
}

describe.each(STORE_KINDS)('case reads on %s', (kind) => {
  let t: TestStore;
  let gridStaffId: string;
  const numbers: string[] = [];

  beforeAll(async () => {
    t = await openTestStore(kind);
    const rnd = seededInt(7);
    const prisma = t.store.handle.prisma;
    gridStaffId = (await prisma.staffAccount.create({ data: { username: `grid-${kind}`, passwordHash: 'x', role: 'grid', township: '东湖镇' } })).id;
    for (const [i, iso] of INSTANTS.entries()) {
      const at = new Date(iso);
      const kindOf = rnd(6);
      const over =
        kindOf === 0
          ? { category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇', respondentUnits: ['town:东湖镇'], respondent: '东湖镇干部' } // never shown to 东湖镇
          : kindOf === 1
            ? { category: 'labor', unit: 'rsj', coUnit: null, township: '西山乡', facts: '工地老板拖欠工资' }
            : kindOf === 2
              ? { origin: 'screening' as const, reporterStaffId: gridStaffId, address: '东湖镇李家村' }
              : { category: 'land', unit: 'zrzy', coUnit: 'town:东湖镇', facts: i % 2 ? '村里征地补偿款一直没有发放' : '承包地被占' };
      const c = await t.store.cases.create(newCase({ ...over, flags: rnd(3) === 0 ? ['overdue'] : [], receivedAt: at, localDate: localDay(at), queryCode: null }));
      numbers.push(c.caseNumber);
    }
    // Statuses, a review asked, a deletion: what the tallies must follow.
    await prisma.case.updateMany({ where: { caseNumber: { in: numbers.filter((_, i) => i % 4 === 1) } }, data: { status: 'accepted', replyDueAt: new Date('2026-12-01T00:00:00Z') } });
    await prisma.case.updateMany({ where: { caseNumber: { in: numbers.filter((_, i) => i % 9 === 2) } }, data: { status: 'review_requested', reviewRequestedAt: new Date(), reviewAnswerDueAt: new Date('2026-12-20T00:00:00Z') } });
    await prisma.case.update({ where: { caseNumber: numbers[7]! }, data: { unit: 'rsj', coUnit: null } });
    await prisma.case.delete({ where: { caseNumber: numbers[30]! } });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('keeps both tallies equal to a recount', async () => {
    expect(await tallyDrift(t.store.handle.sql)).toEqual([]);
    expect(await unitTallyDrift(t.store.handle.sql)).toEqual([]);
  });

  const scopes: [string, () => CaseScope][] = [
    ['the county', () => ({ all: true })],
    ['one unit', () => ({ all: false, units: ['zrzy'] })],
    ['a township accused by conduct cases', () => ({ all: false, units: ['town:东湖镇'] })],
    ['the review body', () => ({ all: false, units: ['rsj'], reviews: true })],
    ['a grid worker', () => ({ all: false, units: [], screeningOf: { township: '东湖镇', villages: ['李家村'], staffId: gridStaffId } })],
  ];
  const filters: Omit<CaseFilter, 'page' | 'pageSize'>[] = [
    {},
    { status: 'accepted' },
    { category: 'land' },
    { township: '东湖镇' },
    { flag: 'overdue' },
    { township: '东湖镇', flag: 'overdue' },
    { q: '补偿' },
    { unit: 'town:东湖镇' },
    { dueBefore: new Date('2026-12-10T00:00:00Z') },
  ];

  /** Every page of each filter (and one past the end) against the rows in the list's order, as OFFSET read them. */
  async function expectPagesAsOffset(scope: CaseScope, fs: Omit<CaseFilter, 'page' | 'pageSize'>[]) {
    const prisma = t.store.handle.prisma;
    for (const f of fs) {
      const where: Where = { AND: [scopeWhere(scope), filterWhere(f)] };
      const all = (await prisma.case.findMany({ where, orderBy: [{ createdAt: 'desc' }, { caseNumber: 'desc' }], select: { caseNumber: true } })).map((c) => c.caseNumber);
      const pages = Math.ceil(all.length / PAGE) + 1;
      for (let page = 1; page <= pages; page++) {
        const got = await t.store.cases.list({ ...f, page, pageSize: PAGE }, scope);
        const label = `${JSON.stringify(f)} page ${page}`;
        expect(got.total, label).toBe(all.length);
        expect(got.items.map((c) => c.caseNumber), label).toEqual(all.slice((page - 1) * PAGE, page * PAGE));
      }
    }
  }

  it.each(scopes)('lists every page as OFFSET did, for %s', async (_, scopeOf) => {
    await expectPagesAsOffset(scopeOf(), filters);
  });

  it('recounts both tallies when the county changes its UTC offset, and pages by the new days', async () => {
    const sql = t.store.handle.sql;
    try {
      expect(await sql.transaction((tx) => setTallyOffset(tx, 0))).toBe(true);
      expect(await tallyDrift(sql)).toEqual([]);
      expect(await unitTallyDrift(sql)).toEqual([]);
      await expectPagesAsOffset({ all: true }, [{}, { category: 'land' }]);
      await expectPagesAsOffset({ all: false, units: ['zrzy'] }, [{}]);
    } finally {
      await sql.transaction((tx) => setTallyOffset(tx, 480));
    }
  });

  it('has ties, day and hour boundaries and several pages in the data it lists', async () => {
    const all = await t.store.cases.list({ page: 1, pageSize: 1000 }, { all: true });
    const instants = all.items.map((c) => c.createdAt.toISOString());
    expect(instants.filter((x) => x === '2026-11-19T16:00:00.000Z').length).toBeGreaterThan(PAGE);
    expect(instants).toContain('2026-11-19T15:59:59.999Z');
    expect(all.total).toBeGreaterThan(10 * PAGE);
  });

  it('reads a case and its state within exactly the scope Prisma would', async () => {
    const prisma = t.store.handle.prisma;
    for (const [label, scopeOf] of scopes) {
      const scope = scopeOf();
      for (const n of numbers.filter((_, i) => i % 2 === 0)) {
        const visible = (await prisma.case.count({ where: { AND: [{ caseNumber: n }, scopeWhere(scope)] } })) > 0;
        expect((await t.store.cases.findByNumber(n, scope)) !== null, `${label} ${n}`).toBe(visible);
        expect((await t.store.caseActions.findState(n, scope)) !== null, `${label} ${n}`).toBe(visible);
      }
    }
  });

  it('reads every field of a case as Prisma stores it', async () => {
    const prisma = t.store.handle.prisma;
    const n = numbers[1]!;
    const row = (await prisma.case.findUnique({ where: { caseNumber: n }, include: { events: { orderBy: { at: 'asc' } } } }))!;
    const c = (await t.store.cases.findByNumber(n, { all: true }))!;
    expect(c).toMatchObject({ id: row.id, status: row.status, unit: row.unit, coUnit: row.coUnit, flags: row.flags, createdAt: row.createdAt, replyDueAt: row.replyDueAt });
    expect(c.petitioner).toEqual({ name: '张桂兰', phone: '13812345678', idNumber: '11010519491231002X' });
    expect(c.timeline.map((e) => [e.kind, e.at.toISOString()])).toEqual(row.events.map((e) => [e.kind, e.at.toISOString()]));
    const s = (await t.store.caseActions.findState(n, { all: true }))!;
    expect(s).toMatchObject({ id: row.id, status: row.status, replyDueAt: row.replyDueAt, createdAt: row.createdAt, extensions: 0, planCode: null, holderStaffId: null });
  });
});
