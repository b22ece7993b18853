/** Repeat and related petitions, linked in the commit that creates the case, on both stores. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase } from '../../src/app/cases/list-cases.ts';
import type { StaffPrincipal } from '../../src/app/staff-accounts/staff-principal.ts';
import type { CountyConfig } from '../../src/domain/county/schema.ts';
import { initialState } from '../../src/dialog/types.ts';
import { PrismaCaseLinkRepository } from '../../src/store/prisma/case-link-repository.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
let seq = 0;
/** A distinct petitioner (phone and ID number) per call unless given. */
function person(n = ++seq) {
  return { name: '测试人', phone: `139${String(n).padStart(8, '0')}`, idNumber: `1101051949${String(n).padStart(8, '0')}` };
}

describe.each(STORE_KINDS)('case links on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  /** Creates the case the way a chat turn does: inside commitTurn's transaction. */
  async function create(over: Partial<NewCase>, daysAgo = 0): Promise<{ id: string; caseNumber: string; flags: string[] }> {
    const conv = await t.store.conversations.open('web', `user-${++seq}`, initialState());
    const at = new Date(Date.parse('2026-11-27T02:00:00Z') - daysAgo * DAY_MS);
    let caseNumber = '';
    await t.store.conversations.commitTurn(conv.id, conv.version, async (tx) => {
      caseNumber = (await tx.createCase(newCase({ receivedAt: at, ...over }))).caseNumber;
      return { state: conv.state, messages: [], handoff: null, audit: [], inboundKey: null };
    });
    const row = await t.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber }, select: { id: true, flags: true } });
    return { caseNumber, ...row };
  }
  const linksOf = (caseId: string) =>
    t.store.handle.prisma.caseLink.findMany({ where: { caseId }, select: { otherCaseId: true, kind: true, score: true } });
  const related = (caseId: string, units?: string[]) =>
    new PrismaCaseLinkRepository(t.store.handle.prisma).relatedCaseNumbers(caseId, units ? { all: false, units } : { all: true });

  it('same person, similar matter: links repeat to the most similar earlier case and flags the new case', async () => {
    const p = person();
    const township = '甲镇';
    const older = await create({ petitioner: p, township, facts: '村里征地补偿款一直没有发放' }, 40);
    const other = await create({ petitioner: p, township, category: 'labor', facts: '公司拖欠工资三个月，老板联系不上' }, 10);
    // Same phone, ID number not given: still the same petitioner.
    const again = await create({ petitioner: { ...p, idNumber: null }, township, facts: '我们村的征地补偿款到现在还没发放，请求尽快发放' });
    expect(again.flags).toContain('repeat');
    const links = await linksOf(again.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ otherCaseId: older.id, kind: 'repeat' });
    expect(links[0]!.score).toBeGreaterThanOrEqual(0.35);
    expect(older.flags).not.toContain('repeat');
    // Both directions, and only cases the caller may see.
    expect(await related(again.id)).toEqual([older.caseNumber]);
    expect(await related(older.id)).toEqual([again.caseNumber]);
    expect(await related(other.id)).toEqual([]);
    expect(await related(older.id, ['zrzy'])).toEqual([again.caseNumber]);
    expect(await related(older.id, ['rsj'])).toEqual([]);
  });

  it('same person, different matter: no link, no flag', async () => {
    const p = person();
    await create({ petitioner: p, township: '乙镇', facts: '村里征地补偿款一直没有发放' }, 5);
    const c = await create({ petitioner: p, township: '乙镇', facts: '小区楼下烧烤店油烟噪音扰民，晚上吵得睡不着' });
    expect(c.flags).not.toContain('repeat');
    expect(await linksOf(c.id)).toEqual([]);
  });

  it('same person, similar matter more than a year ago: no repeat', async () => {
    const p = person();
    await create({ petitioner: p, township: '庚镇', facts: '村里征地补偿款一直没有发放' }, 400);
    const c = await create({ petitioner: p, township: '庚镇', facts: '村里征地补偿款一直没有发放' });
    expect(c.flags).not.toContain('repeat');
    expect(await linksOf(c.id)).toEqual([]);
  });

  it('different people, same township and category, similar facts: related, no repeat flag', async () => {
    const first = await create({ petitioner: person(), township: '丙镇', facts: '丙镇李家村征地补偿款一直没有发放' }, 20);
    const c = await create({ petitioner: person(), township: '丙镇', facts: '李家村的征地补偿款一直没有发放' });
    expect(c.flags).not.toContain('repeat');
    const links = await linksOf(c.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ otherCaseId: first.id, kind: 'related' });
    expect(links[0]!.score).toBeGreaterThanOrEqual(0.45);
    expect(await related(first.id)).toEqual([c.caseNumber]);
    // An unlinked link is no longer shown.
    await t.store.handle.prisma.caseLink.updateMany({ where: { caseId: c.id }, data: { unlinkedAt: new Date() } });
    expect(await related(first.id)).toEqual([]);
  });

  it('different township, or older than 90 days, or another category: not related', async () => {
    await create({ petitioner: person(), township: '丁镇', facts: '李家村征地补偿款一直没有发放' }, 3);
    await create({ petitioner: person(), township: '戊镇', facts: '李家村征地补偿款一直没有发放' }, 120);
    await create({ petitioner: person(), township: '戊镇', category: 'labor', facts: '李家村征地补偿款一直没有发放' }, 3);
    const c = await create({ petitioner: person(), township: '戊镇', facts: '李家村的征地补偿款一直没有发放' });
    expect(await linksOf(c.id)).toEqual([]);
    expect(c.flags).toEqual([]);
  });

  it('getCase fills relatedCases with the linked cases the caller may see', async () => {
    const p = person();
    const older = await create({ petitioner: p, township: '己镇', unit: 'rsj', coUnit: null, facts: '村里征地补偿款一直没有发放' }, 30);
    const again = await create({ petitioner: p, township: '己镇', facts: '村里征地补偿款还是没有发放' });
    const county = { bureauUnit: 'xfj' } as CountyConfig;
    const deps = { cases: t.store.cases, county, caseLinks: new PrismaCaseLinkRepository(t.store.handle.prisma) };
    const who = (role: StaffPrincipal['role'], unit: string | null): StaffPrincipal => ({ id: 'x', username: 'x', role, unit, township: null });
    expect((await getCase(deps, who('admin', null), again.caseNumber)).relatedCases).toEqual([older.caseNumber]);
    expect((await getCase(deps, who('admin', null), again.caseNumber)).flags).toContain('repeat');
    // A unit that may see the new case but not the older one gets no number for it.
    expect((await getCase(deps, who('handler', 'zrzy'), again.caseNumber)).relatedCases).toEqual([]);
    // Without a link reader the field stays empty.
    expect((await getCase({ cases: t.store.cases, county }, who('admin', null), again.caseNumber)).relatedCases).toEqual([]);
  });
});
