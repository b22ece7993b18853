/**
 * Issue 18, part 2 — a group incident's flood (群体性事件), on both stores: 60 citizens of
 * one village file the same group matter at once. Each case joins one incident and is
 * linked once, to its hub (not to every other case); the incident raises one
 * early-warning alert and opens one emergency plan. Another village's matter, another
 * township's, and a lone similar case of others stay out of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { PrismaCaseLinkRepository } from '../../src/store/prisma/case-link-repository.ts';
import { fileLikeChat } from '../helpers/chat-filing.ts';
import { STORE_KINDS, storeForSuite } from '../helpers/stores.ts';

const AT = new Date('2026-11-27T02:00:00Z');
const FACTS = [
  '李家村三百多户的征地补偿款到现在一直没有发放，村里说上面没拨款',
  '我们李家村的征地补偿款一直没有发放，全村三百多户都没拿到',
  '李家村征地补偿款拖了一年没有发放，三百多户村民等着用钱',
];
let seq = 0;
const person = () => {
  const n = ++seq;
  return { name: '村民', phone: `137${String(n).padStart(8, '0')}`, idNumber: null };
};

describe.each(STORE_KINDS)('a group incident on %s', (kind) => {
  const suite = storeForSuite(kind);
  const prisma = () => suite().store.handle.prisma;

  /** Files a case the way a chat turn does (in commitTurn's transaction), then opens its plan like the chat does after the reply. */
  const file = (over: Partial<NewCase>, minute: number) =>
    fileLikeChat(suite(), { petitioner: person(), ...over }, { userId: `flood-${kind}-${++seq}`, at: new Date(AT.getTime() + minute * 60_000) });
  const group = (i: number, over: Partial<NewCase> = {}): Partial<NewCase> => ({
    township: '东湖镇', address: '东湖镇李家村', facts: FACTS[i % FACTS.length]!, peopleCount: 300, flags: ['group'], ...over,
  });

  let members: { id: string; caseNumber: string; incidentId: string | null; planCode: string | null }[] = [];
  let otherVillage = '';
  let otherTownship = '';
  beforeAll(async () => {
    // Ten at a time, as concurrent chat turns commit them (PostgreSQL runs them in parallel).
    for (let b = 0; b < 6; b++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => file(group(b * 10 + i), b)));
      if (b === 2) {
        otherVillage = await file(group(0, { address: '东湖镇王家村', facts: FACTS[1]!.replace('李家村', '王家村') }), b);
        otherTownship = await file(group(0, { township: '西山乡', coUnit: 'town:西山乡', address: '西山乡李家村' }), b);
      }
    }
    members = await prisma().case.findMany({
      where: { township: '东湖镇', address: '东湖镇李家村' },
      select: { id: true, caseNumber: true, incidentId: true, planCode: true },
      orderBy: { createdAt: 'asc' },
    });
  }, 120_000);

  it('puts the 60 cases in one incident', async () => {
    expect(members).toHaveLength(60);
    const incidents = await prisma().incident.findMany({ where: { township: '东湖镇' } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.caseCount).toBe(60);
    expect(new Set(members.map((m) => m.incidentId))).toEqual(new Set([incidents[0]!.id]));
    expect(members.map((m) => m.id)).toContain(incidents[0]!.hubCaseId);
  });

  it('links each case once, to the hub: 59 links, not 60 × 59', async () => {
    const [incident] = await prisma().incident.findMany({ where: { township: '东湖镇' } });
    const ids = members.map((m) => m.id);
    const links = await prisma().caseLink.findMany({ where: { caseId: { in: ids } } });
    expect(links).toHaveLength(59);
    for (const l of links) expect(l.otherCaseId).toBe(incident!.hubCaseId);
    expect(new Set(links.map((l) => l.caseId)).size).toBe(59);
    // Only the other village's case links to members besides (related, at most ten).
    const into = await prisma().caseLink.findMany({ where: { otherCaseId: { in: ids }, caseId: { notIn: ids } } });
    const village = await prisma().case.findUniqueOrThrow({ where: { caseNumber: otherVillage }, select: { id: true } });
    expect(into.length).toBeLessThanOrEqual(10);
    expect(new Set(into.map((l) => l.caseId))).toEqual(new Set([village.id]));
  });

  it('raises one early-warning alert and opens one plan for the incident', async () => {
    const ids = members.map((m) => m.id);
    const [incident] = await prisma().incident.findMany({ where: { township: '东湖镇' } });
    expect(await prisma().alert.count({ where: { kind: 'incident', caseId: { in: ids } } })).toBe(1);
    const planned = members.filter((m) => m.planCode !== null);
    expect(planned).toHaveLength(1);
    expect(incident!.planCaseId).toBe(planned[0]!.id);
    expect(await prisma().alert.count({ where: { kind: 'plan_opened', caseId: { in: ids } } })).toBe(1);
  });

  it('shows staff the incident of a member: its size, hub and the case with the plan, scoped', async () => {
    const links = new PrismaCaseLinkRepository(prisma());
    const planned = members.find((m) => m.planCode !== null)!;
    const last = members.at(-1)!;
    const [incident] = await prisma().incident.findMany({ where: { township: '东湖镇' } });
    const hubNumber = members.find((m) => m.id === incident!.hubCaseId)!.caseNumber;
    expect(await links.incidentOf(last.id, { all: true })).toEqual({ caseCount: 60, openedAt: incident!.openedAt, hubCaseNumber: hubNumber, planCaseNumber: planned.caseNumber });
    // A unit that may not see the members gets no case numbers.
    expect(await links.incidentOf(last.id, { all: false, units: ['rsj'] })).toMatchObject({ caseCount: 60, hubCaseNumber: null, planCaseNumber: null });
    const village = await prisma().case.findUniqueOrThrow({ where: { caseNumber: otherVillage }, select: { id: true } });
    expect(await links.incidentOf(village.id, { all: true })).toBeNull();
  });

  it('keeps another village and another township out, each with its own plan', async () => {
    for (const n of [otherVillage, otherTownship]) {
      const c = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
      expect(c.incidentId, n).toBeNull();
      expect(c.planCode, n).not.toBeNull();
    }
  });

  it('forms an incident of individual cases only at five of them, with no plan', async () => {
    const lone = (i: number) => ({ township: '南岭镇', coUnit: 'town:南岭镇', address: '南岭镇张家村', facts: FACTS[i % 3]!.replace('李家村', '张家村'), peopleCount: 1 });
    const first = [await file(lone(0), 10), await file(lone(1), 11)];
    const rows = () => prisma().case.findMany({ where: { township: '南岭镇' }, orderBy: { createdAt: 'asc' }, select: { id: true, incidentId: true, planCode: true } });
    // Two similar cases of two people: related, as before; no incident.
    expect((await rows()).map((r) => r.incidentId)).toEqual([null, null]);
    expect(await prisma().caseLink.count({ where: { caseId: (await rows())[1]!.id } })).toBe(1);
    for (let i = 2; i < 5; i++) first.push(await file(lone(i), 10 + i));
    const all = await rows();
    expect(new Set(all.map((r) => r.incidentId)).size).toBe(1);
    expect(all[0]!.incidentId).not.toBeNull();
    expect(all.every((r) => r.planCode === null)).toBe(true);
    // The links suggested among the first ones gave way to one link each to the hub.
    const ids = all.map((r) => r.id);
    const links = await prisma().caseLink.findMany({ where: { caseId: { in: ids } } });
    expect(links.map((l) => l.otherCaseId)).toEqual([ids[0], ids[0], ids[0], ids[0]]);
    expect(await prisma().alert.count({ where: { kind: 'incident', caseId: ids[0] } })).toBe(1);
  });
});
