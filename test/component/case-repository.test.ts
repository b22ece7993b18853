/** The same repository suite against embedded PGlite and a fresh PostgreSQL database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

describe.each(STORE_KINDS)('case repository on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('commits the first holding (the competent unit, since receipt) with the case itself', async () => {
    const receivedAt = new Date('2026-11-27T03:04:05.000Z');
    const created = await t.store.cases.create(newCase({ unit: 'zrzy', receivedAt }));
    const rows = await t.store.handle.prisma.caseHolding.findMany({ where: { caseId: created.id } });
    expect(rows.map((h) => [h.unit, h.staffId, h.since.toISOString(), h.until, h.reason])).toEqual([['zrzy', null, receivedAt.toISOString(), null, null]]);
  });

  it('creates a case with a formatted number and reads every field back', async () => {
    const created = await t.store.cases.create(
      newCase({ representatives: [{ name: '王建国', phone: '13900001111' }], peopleCount: 30, flags: ['group'] }),
    );
    expect(created.created).toBe(true);
    expect(created.caseNumber).toMatch(/^XF20261127\d{4}$/);
    const c = await t.store.cases.findByNumber(created.caseNumber, { all: true });
    expect(c).not.toBeNull();
    expect(c!.status).toBe('submitted');
    expect(c!.petitioner).toEqual({ name: '张桂兰', phone: '13812345678', idNumber: '11010519491231002X' });
    expect(c!.representatives).toEqual([{ name: '王建国', phone: '13900001111' }]);
    expect(c!.flags).toEqual(['group']);
    expect(c!.peopleCount).toBe(30);
    expect(c!.consentVersion).toBe('guide-v1');
    expect(c!.timeline.map((e) => [e.kind, e.toStatus, e.public])).toEqual([['submitted', 'submitted', true]]);
  });

  it('reads the leader in charge (包案) with the case, in the detail and the list; null without one', async () => {
    const prisma = t.store.handle.prisma;
    const leader = await prisma.staffAccount.create({ data: { username: `leader-${kind}`, passwordHash: 'x', role: 'supervisor', displayName: '县长 <b>周</b>' } });
    const since = new Date('2026-11-28T01:00:00.000Z');
    const led = await t.store.cases.create(newCase({ localDate: '2026-11-20', township: '北岭乡', coUnit: 'town:北岭乡' }));
    const plain = await t.store.cases.create(newCase({ localDate: '2026-11-20', township: '北岭乡', coUnit: 'town:北岭乡' }));
    await prisma.case.update({ where: { id: led.id }, data: { leaderStaffId: leader.id, leaderSince: since } });
    expect((await t.store.cases.findByNumber(led.caseNumber, { all: true }))!.leader).toEqual({ username: `leader-${kind}`, displayName: '县长 <b>周</b>', since });
    expect((await t.store.cases.findByNumber(plain.caseNumber, { all: true }))!.leader).toBeNull();
    const { items } = await t.store.cases.list({ township: '北岭乡', page: 1, pageSize: 20 }, { all: true });
    expect(new Map(items.map((c) => [c.caseNumber, c.leader?.username ?? null]))).toEqual(new Map([[led.caseNumber, `leader-${kind}`], [plain.caseNumber, null]]));
  });

  it('stores personal data only encrypted: no plaintext in the raw rows', async () => {
    const { caseNumber } = await t.store.cases.create(newCase({ petitioner: { name: '赵秀英', phone: '13700002222', idNumber: '110105194912310021' } }));
    const rows = await t.store.handle.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT p.*, c.representatives FROM petitioners p JOIN cases c ON c.petitioner_id = p.id WHERE c.case_number = $1`,
      caseNumber,
    );
    const raw = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(raw).not.toContain('赵秀英');
    expect(raw).not.toContain('13700002222');
    expect(raw).not.toContain('110105194912310021');
    expect(String(rows[0]!.phone_enc)).toMatch(/^v1\./);
    expect(rows[0]!.phone_hash).toBe(t.store.cipher.hash('phone', '13700002222'));
  });

  it('gives unique consecutive numbers under concurrent creation', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => t.store.cases.create(newCase({ localDate: '2026-12-01' }))));
    const numbers = results.map((r) => r.caseNumber).sort();
    expect(new Set(numbers).size).toBe(40);
    expect(numbers[0]).toBe('XF202612010001');
    expect(numbers[39]).toBe('XF202612010040');
  });

  it('creates nothing twice for one submission key, even concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => t.store.cases.create(newCase({ submissionKey: 'conv-1:intake-1' }))));
    expect(new Set(results.map((r) => r.caseNumber)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await t.store.cases.create(newCase({ submissionKey: 'conv-1:intake-1' }));
    expect(again).toMatchObject({ caseNumber: results[0]!.caseNumber, created: false });
  });

  it('verifies the query code by its salted hash only', async () => {
    const { caseNumber } = await t.store.cases.create(newCase({ queryCode: '00012345' }));
    expect(await t.store.cases.verifyQueryCode(caseNumber, '00012345')).toBe(true);
    expect(await t.store.cases.verifyQueryCode(caseNumber, '00012346')).toBe(false);
    expect(await t.store.cases.verifyQueryCode('XF209901010001', '00012345')).toBe(false);
    const raw = await t.store.handle.prisma.$queryRawUnsafe<{ h: string }[]>(
      'SELECT query_code_hash AS h FROM cases WHERE case_number = $1',
      caseNumber,
    );
    expect(raw[0]!.h).not.toContain('00012345');
  });

  it('scopes queries: a unit sees its own and its 属地 cases, never a conduct case naming it', async () => {
    const housing = await t.store.cases.create(newCase({ localDate: '2026-10-01', category: 'housing', unit: 'zjj', coUnit: 'town:西山乡', township: '西山乡' }));
    const land = await t.store.cases.create(newCase({ localDate: '2026-10-01', category: 'land', unit: 'zrzy', coUnit: 'town:东湖镇' }));
    const conduct = await t.store.cases.create(
      newCase({ localDate: '2026-10-01', category: 'conduct', unit: 'jw', coUnit: null, respondent: '东湖镇干部', respondentUnits: ['town:东湖镇'] }),
    );
    const zrzy = { all: false, units: ['zrzy'] } as const;
    const donghu = { all: false, units: ['town:东湖镇'] } as const;
    const jw = { all: false, units: ['jw'] } as const;
    expect(await t.store.cases.findByNumber(housing.caseNumber, zrzy)).toBeNull();
    expect(await t.store.cases.findByNumber(land.caseNumber, zrzy)).not.toBeNull();
    expect(await t.store.cases.findByNumber(land.caseNumber, donghu)).not.toBeNull();
    expect(await t.store.cases.findByNumber(conduct.caseNumber, donghu)).toBeNull();
    expect(await t.store.cases.findByNumber(conduct.caseNumber, jw)).not.toBeNull();
    const listed = await t.store.cases.list({ page: 1, pageSize: 100, category: 'conduct' }, donghu);
    expect(listed.items.map((c) => c.caseNumber)).not.toContain(conduct.caseNumber);
    expect((await t.store.cases.list({ page: 1, pageSize: 100, category: 'conduct' }, { all: true })).total).toBeGreaterThan(0);
  });

  it('filters and searches the list, paginated, newest first', async () => {
    const mk = (facts: string, over = {}) => t.store.cases.create(newCase({ localDate: '2026-09-01', facts, ...over }));
    await mk('工厂排放废水 河里死鱼', { category: 'environment', unit: 'sthj', township: '南河镇', coUnit: 'town:南河镇', flags: ['group'] });
    await mk('夜市噪音扰民', { category: 'urban', unit: 'cgj', township: '南河镇', coUnit: 'town:南河镇' });
    const all = { all: true } as const;
    const f = (over: object) => t.store.cases.list({ page: 1, pageSize: 50, ...over }, all);
    expect((await f({ q: '死鱼' })).items.map((c) => c.category)).toEqual(['environment']);
    expect((await f({ township: '南河镇' })).total).toBe(2);
    expect((await f({ township: '南河镇', flag: 'group' })).total).toBe(1);
    expect((await f({ unit: 'town:南河镇', category: 'urban' })).total).toBe(1);
    const page1 = await t.store.cases.list({ page: 1, pageSize: 2 }, all);
    const page2 = await t.store.cases.list({ page: 2, pageSize: 2 }, all);
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(page1.items[1]!.createdAt.getTime());
    expect(page2.items.map((c) => c.caseNumber)).not.toContain(page1.items[0]!.caseNumber);
  });
});
