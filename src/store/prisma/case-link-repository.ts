/**
 * Case links in Prisma: found when a case is created (in that transaction, or in
 * their own for cases created elsewhere), read back scoped for the case view, and
 * confirmed or unlinked by staff.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { removeCaseFlag } from '../sql/case-flags.ts';
import { CANDIDATE_LIMIT, type PlannedLink } from '../../domain/case-links.ts';
import type { CaseLinkEntry, CaseLinkRepository, LinkDecisionWrite, LinkStatus, IncidentSummary } from '../../ports/case-link-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeWhere } from './case-repository.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import { linkNewCase, regroupCase } from '../sql/link-new-case.ts';

type Tx = Prisma.TransactionClient;

export class PrismaCaseLinkRepository implements CaseLinkRepository {
  constructor(private readonly prisma: PrismaClient) {}

  linkNewCase(caseId: string): Promise<PlannedLink[]> {
    return this.prisma.$transaction((tx) => PrismaCaseLinkRepository.linkNewCaseIn(tx, caseId));
  }

  regroupCase(caseId: string): Promise<boolean> {
    return this.prisma.$transaction((tx) => regroupCase(prismaQuery(tx), caseId));
  }

  async incidentOf(caseId: string, scope: CaseScope): Promise<IncidentSummary | null> {
    const kase = await this.prisma.case.findUnique({ where: { id: caseId }, select: { incidentId: true } });
    if (!kase?.incidentId) return null;
    const incident = await this.prisma.incident.findUnique({ where: { id: kase.incidentId } });
    if (!incident) return null;
    const ids = [incident.hubCaseId, ...(incident.planCaseId ? [incident.planCaseId] : [])];
    const visible = await this.prisma.case.findMany({ where: { AND: [{ id: { in: ids } }, scopeWhere(scope)] }, select: { id: true, caseNumber: true } });
    const number = (id: string | null) => visible.find((c) => c.id === id)?.caseNumber ?? null;
    return { caseCount: incident.caseCount, openedAt: incident.openedAt, hubCaseNumber: number(incident.hubCaseId), planCaseNumber: number(incident.planCaseId) };
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
  static linkNewCaseIn(tx: Tx, caseId: string): Promise<PlannedLink[]> {
    return linkNewCase(prismaQuery(tx), caseId);
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
    await removeCaseFlag(prismaQuery(tx), caseId, 'repeat');
  }
}
