/**
 * Case links in Prisma: found when a case is created (in that transaction, or in
 * their own for cases created elsewhere), read back scoped for the case view, and
 * confirmed or unlinked by staff.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import {
  CANDIDATE_LIMIT,
  planCaseLinks,
  RELATED_WINDOW_DAYS,
  REPEAT_WINDOW_DAYS,
  type CaseLinkEntry,
  type CaseLinkRepository,
  type LinkDecisionWrite,
  type LinkStatus,
  type PlannedLink,
} from '../../app/link-related-cases.ts';
import type { CaseScope } from '../ports.ts';
import { scopeWhere } from './case-repository.ts';

type Tx = Prisma.TransactionClient;
const DAY_MS = 24 * 60 * 60 * 1000;

async function linkedIds(tx: Tx, caseId: string): Promise<Set<string>> {
  const rows = await tx.caseLink.findMany({ where: { OR: [{ caseId }, { otherCaseId: caseId }] }, select: { caseId: true, otherCaseId: true } });
  return new Set(rows.map((r) => (r.caseId === caseId ? r.otherCaseId : r.caseId)));
}

export class PrismaCaseLinkRepository implements CaseLinkRepository {
  constructor(private readonly prisma: PrismaClient) {}

  linkNewCase(caseId: string): Promise<PlannedLink[]> {
    return this.prisma.$transaction((tx) => PrismaCaseLinkRepository.linkNewCaseIn(tx, caseId));
  }

  async linksOf(caseId: string, scope: CaseScope): Promise<CaseLinkEntry[]> {
    const links = await this.prisma.caseLink.findMany({
      where: { OR: [{ caseId }, { otherCaseId: caseId }] },
      orderBy: { createdAt: 'desc' },
      take: CANDIDATE_LIMIT,
    });
    const otherOf = (l: { caseId: string; otherCaseId: string }) => (l.caseId === caseId ? l.otherCaseId : l.caseId);
    if (links.length === 0) return [];
    const visible = await this.prisma.case.findMany({
      where: { AND: [{ id: { in: links.map(otherOf) } }, scopeWhere(scope)] },
      select: { id: true, caseNumber: true },
    });
    const numbers = new Map(visible.map((c) => [c.id, c.caseNumber]));
    return links.flatMap((l) => {
      const otherCaseNumber = numbers.get(otherOf(l));
      if (!otherCaseNumber) return [];
      const status: LinkStatus = l.unlinkedAt ? 'unlinked' : l.confirmedAt ? 'confirmed' : 'suggested';
      const kind = l.kind === 'repeat' ? 'repeat' : 'related';
      return [{ otherCaseId: otherOf(l), otherCaseNumber, kind, score: l.score, createdAt: l.createdAt, status, decidedAt: l.unlinkedAt ?? l.confirmedAt, decidedBy: l.decidedBy }];
    });
  }

  decide(w: LinkDecisionWrite): Promise<'ok' | 'unchanged' | 'missing'> {
    return this.prisma.$transaction(async (tx) => {
      const link = await tx.caseLink.findFirst({
        where: { OR: [{ caseId: w.caseId, otherCaseId: w.otherCaseId }, { caseId: w.otherCaseId, otherCaseId: w.caseId }] },
      });
      if (!link) return 'missing';
      const key = { caseId: link.caseId, otherCaseId: link.otherCaseId };
      // The conditional update's row lock serialises two staff deciding at once; the loser changes nothing.
      const changed =
        w.decision === 'confirm'
          ? await tx.caseLink.updateMany({
              where: { ...key, OR: [{ confirmedAt: null }, { unlinkedAt: { not: null } }] },
              data: { confirmedAt: w.at, unlinkedAt: null, decidedBy: w.actorName },
            })
          : await tx.caseLink.updateMany({ where: { ...key, unlinkedAt: null }, data: { unlinkedAt: w.at, confirmedAt: null, decidedBy: w.actorName } });
      if (changed.count === 0) return 'unchanged';
      if (link.kind === 'repeat') await syncRepeatFlag(tx, link.caseId);
      const kind = w.decision === 'confirm' ? 'link_confirmed' : 'link_unlinked';
      const data = { otherCaseNumber: w.otherCaseNumber, linkKind: link.kind, score: link.score };
      await tx.caseEvent.create({ data: { caseId: w.caseId, at: w.at, actorType: 'staff', actorId: w.actorId, kind, public: false, note: w.otherCaseNumber, data } });
      await tx.auditLog.create({ data: { at: w.at, actorId: w.actorId, action: `case.${kind}`, target: w.caseNumber, data } });
      return 'ok';
    });
  }

  /**
   * Links a just-created case to the petitioner's similar earlier cases (`repeat`,
   * and the flag `repeat` on the new case) and to other people's similar cases of
   * the same township and category (`related`). Bounded, indexed queries.
   */
  static async linkNewCaseIn(tx: Tx, caseId: string): Promise<PlannedLink[]> {
    const kase = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { facts: true, township: true, category: true, createdAt: true, flags: true, petitioner: { select: { phoneHash: true, idNumberHash: true } } },
    });
    const personOr: Prisma.PetitionerWhereInput[] = [];
    if (kase.petitioner?.phoneHash) personOr.push({ phoneHash: kase.petitioner.phoneHash });
    if (kase.petitioner?.idNumberHash) personOr.push({ idNumberHash: kase.petitioner.idNumberHash });
    const select = { id: true, facts: true, createdAt: true } as const;
    const since = (days: number) => new Date(kase.createdAt.getTime() - days * DAY_MS);

    const samePerson =
      personOr.length === 0
        ? []
        : await tx.case.findMany({
            where: { id: { not: caseId }, createdAt: { gte: since(REPEAT_WINDOW_DAYS), lte: kase.createdAt }, petitioner: { OR: personOr } },
            orderBy: { createdAt: 'desc' },
            take: CANDIDATE_LIMIT,
            select,
          });
    const sameArea = kase.township
      ? await tx.case.findMany({
          where: { id: { not: caseId }, township: kase.township, category: kase.category, createdAt: { gte: since(RELATED_WINDOW_DAYS), lte: kase.createdAt } },
          orderBy: { createdAt: 'desc' },
          take: CANDIDATE_LIMIT,
          select: { ...select, petitioner: { select: { phoneHash: true, idNumberHash: true } } },
        })
      : [];
    // Other people only: the petitioner's own cases are repeats or nothing.
    const own = (p: { phoneHash: string | null; idNumberHash: string | null } | null) =>
      !!p &&
      ((!!p.phoneHash && p.phoneHash === kase.petitioner?.phoneHash) || (!!p.idNumberHash && p.idNumberHash === kase.petitioner?.idNumberHash));
    // A pair linked before (either way, also one staff unlinked) is never suggested again.
    const known = await linkedIds(tx, caseId);
    const fresh = <T extends { id: string }>(cs: T[]) => cs.filter((c) => !known.has(c.id));
    const others = fresh(sameArea.filter((c) => !own(c.petitioner)));

    const links = planCaseLinks(kase.facts, fresh(samePerson), others);
    if (links.length === 0) return links;
    await tx.caseLink.createMany({
      data: links.map((l) => ({ caseId, otherCaseId: l.otherCaseId, kind: l.kind, score: l.score })),
      skipDuplicates: true,
    });
    if (links.some((l) => l.kind === 'repeat') && !kase.flags.includes('repeat')) {
      await tx.case.update({ where: { id: caseId }, data: { flags: { push: 'repeat' } } });
    }
    return links;
  }

  async relatedCaseNumbers(caseId: string, scope: CaseScope): Promise<string[]> {
    const links = await this.prisma.caseLink.findMany({
      where: { unlinkedAt: null, OR: [{ caseId }, { otherCaseId: caseId }] },
      select: { caseId: true, otherCaseId: true },
      take: CANDIDATE_LIMIT,
    });
    const ids = [...new Set(links.map((l) => (l.caseId === caseId ? l.otherCaseId : l.caseId)))];
    if (ids.length === 0) return [];
    const rows = await this.prisma.case.findMany({
      where: { AND: [{ id: { in: ids } }, scopeWhere(scope)] },
      select: { caseNumber: true },
      orderBy: [{ createdAt: 'desc' }, { caseNumber: 'desc' }],
    });
    return rows.map((r) => r.caseNumber);
  }
}

/** The newer case of a `repeat` link carries the flag while it has a repeat link not unlinked. */
async function syncRepeatFlag(tx: Tx, caseId: string): Promise<void> {
  const active = await tx.caseLink.count({ where: { caseId, kind: 'repeat', unlinkedAt: null } });
  if (active > 0) {
    await tx.case.updateMany({ where: { id: caseId, NOT: { flags: { has: 'repeat' } } }, data: { flags: { push: 'repeat' } } });
  } else {
    await tx.$executeRaw`UPDATE cases SET flags = array_remove(flags, 'repeat') WHERE id = ${caseId}::uuid`;
  }
}
