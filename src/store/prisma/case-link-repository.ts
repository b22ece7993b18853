/**
 * Case links in Prisma: found when a case is created (in that transaction) and
 * read back, scoped, for the case view.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import {
  CANDIDATE_LIMIT,
  planCaseLinks,
  RELATED_WINDOW_DAYS,
  REPEAT_WINDOW_DAYS,
  type CaseLinkReader,
  type PlannedLink,
} from '../../app/link-related-cases.ts';
import type { CaseScope } from '../ports.ts';
import { scopeWhere } from './case-repository.ts';

type Tx = Prisma.TransactionClient;
const DAY_MS = 24 * 60 * 60 * 1000;

export class PrismaCaseLinkRepository implements CaseLinkReader {
  constructor(private readonly prisma: PrismaClient) {}

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
    const others = sameArea.filter((c) => !own(c.petitioner));

    const links = planCaseLinks(kase.facts, samePerson, others);
    if (links.length === 0) return links;
    await tx.caseLink.createMany({ data: links.map((l) => ({ caseId, otherCaseId: l.otherCaseId, kind: l.kind, score: l.score })) });
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
