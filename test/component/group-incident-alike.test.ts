/**
 * Group incidents when villagers tell one matter in alike, not identical, words (the
 * flood driver's wording, seeded), on both stores. Similarity is not transitive: some
 * villagers' texts are not similar to each other, and the first two file at the same
 * moment (neither sees the other in its commit). All ten still land in one incident,
 * each linked once to its hub, with one early-warning alert and one emergency plan:
 * a case joins an open incident when it is similar to any of its latest members, and a
 * group case in no incident looks again once committed, before it opens its own plan.
 * A case that bridges two incidents joins the first and names the other; they are not
 * merged.
 */
import { describe, expect, it } from 'vitest';
import { floodFacts } from '../../scripts/bench/citizen.ts';
import { RELATED_THRESHOLD } from '../../src/domain/case-links.ts';
import { textSimilarity } from '../../src/domain/similarity.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { fileLikeChat } from '../helpers/chat-filing.ts';
import { seededRandom } from '../helpers/random.ts';
import { STORE_KINDS, storeForSuite } from '../helpers/stores.ts';

const AT = new Date('2026-11-27T02:00:00Z');
/** Waves of villagers filing at the same moment: the first two race each other. */
const WAVES = [2, 4, 4];
const SEED = 54;
const WORDS = ((rand) => Array.from({ length: WAVES.reduce((a, b) => a + b) }, () => floodFacts(rand)))(seededRandom(SEED));
const similar = (a: string, b: string) => textSimilarity(a, b) >= RELATED_THRESHOLD;

let seq = 0;
const person = () => ({ name: '村民', phone: `136${String(++seq).padStart(8, '0')}`, idNumber: null });

describe('the seeded wording', () => {
  it('is alike, not identical: distinct texts, some pairs and some villagers not similar to the first', () => {
    expect(new Set(WORDS).size).toBe(WORDS.length);
    const pairs = WORDS.flatMap((a, i) => WORDS.slice(i + 1).map((b) => similar(a, b)));
    expect(pairs.filter((s) => !s).length).toBeGreaterThanOrEqual(10);
    expect(WORDS.slice(1).filter((w) => !similar(WORDS[0]!, w)).length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(STORE_KINDS)('a group incident told in alike words on %s', (kind) => {
  const suite = storeForSuite(kind);
  const prisma = () => suite().store.handle.prisma;

  /**
   * Files a case the way a chat turn does (in commitTurn's transaction), then what the chat
   * does after the reply. `beforeCommit` holds the transaction open after the case's link
   * step (the race of two filings that do not see each other).
   */
  const file = (over: Partial<NewCase>, minute: number, beforeCommit?: () => Promise<unknown>) =>
    fileLikeChat(suite(), { petitioner: person(), ...over }, { userId: `alike-${kind}-${++seq}`, at: new Date(AT.getTime() + minute * 60_000), reserveSequence: true, beforeCommit });
  const villager = (facts: string, over: Partial<NewCase> = {}): Partial<NewCase> => ({
    township: '东湖镇', address: '东湖镇李家村', facts, peopleCount: 300, flags: ['group'], ...over,
  });

  it('puts ten villagers in one incident, each linked once to the hub, with one alert and one plan', async () => {
    let next = 0;
    for (const [w, size] of WAVES.entries()) {
      // Each filing of a wave commits only once all have linked, or after a second (PGlite
      // runs one transaction at a time): on PostgreSQL none of them sees the others.
      let linked = 0;
      let allLinked: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => (allLinked = resolve));
      const held = () => {
        if (++linked === size) allLinked();
        return Promise.race([barrier, new Promise((r) => setTimeout(r, 1000))]);
      };
      await Promise.all(Array.from({ length: size }, () => file(villager(WORDS[next++]!), w, held)));
    }
    const members = await prisma().case.findMany({ where: { township: '东湖镇' }, select: { id: true, incidentId: true, planCode: true } });
    expect(members).toHaveLength(WORDS.length);
    const incidents = await prisma().incident.findMany({ where: { township: '东湖镇' } });
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident!.caseCount).toBe(WORDS.length);
    expect(members.every((m) => m.incidentId === incident!.id)).toBe(true);
    const ids = members.map((m) => m.id);
    const links = await prisma().caseLink.findMany({ where: { caseId: { in: ids } } });
    expect(links).toHaveLength(WORDS.length - 1);
    expect(links.every((l) => l.otherCaseId === incident!.hubCaseId)).toBe(true);
    expect(await prisma().alert.count({ where: { kind: 'incident', caseId: { in: ids } } })).toBe(1);
    const planned = members.filter((m) => m.planCode !== null);
    expect(planned).toHaveLength(1);
    expect(incident!.planCaseId).toBe(planned[0]!.id);
    expect(await prisma().alert.count({ where: { kind: 'plan_opened', caseId: { in: ids } } })).toBe(1);
  });

  it('a case similar to two incidents joins the first opened and is linked to both hubs; the two stay apart', async () => {
    const place = { township: '西山乡', coUnit: 'town:西山乡', address: '西山乡李家村' };
    const first = ['李家村三百多户的征地补偿款拖了一年没有发放', '李家村三百多户的征地补偿款拖了一年没有发放，一直没人管'];
    const second = ['我们李家村征地补偿款一直没发，村里说上面没拨款', '我们李家村征地补偿款一直没发，村里说上面没拨款，希望尽快处理'];
    const bridge = '李家村三百多户征地补偿款一直没发，村里说上面没拨款';
    for (const a of first) for (const b of second) expect(similar(a, b), `${a} / ${b}`).toBe(false);
    for (const x of [...first, ...second]) expect(similar(bridge, x), x).toBe(true);
    for (const [i, f] of [...first, ...second].entries()) await file(villager(f, place), 100 + i);
    const opened = await prisma().incident.findMany({ where: { township: '西山乡' }, orderBy: { openedAt: 'asc' } });
    expect(opened.map((i) => i.caseCount)).toEqual([2, 2]);
    const bridging = await file(villager(bridge, place), 110);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: bridging }, select: { id: true, incidentId: true, planCode: true } });
    expect(row.incidentId).toBe(opened[0]!.id);
    expect(row.planCode).toBeNull();
    const after = await prisma().incident.findMany({ where: { township: '西山乡' }, orderBy: { openedAt: 'asc' } });
    expect(after.map((i) => [i.id, i.caseCount])).toEqual([[opened[0]!.id, 3], [opened[1]!.id, 2]]);
    const links = await prisma().caseLink.findMany({ where: { caseId: row.id } });
    expect(new Set(links.map((l) => l.otherCaseId))).toEqual(new Set([opened[0]!.hubCaseId, opened[1]!.hubCaseId]));
  });
});
