/**
 * The backlog (积案) and the cases leaders hold (包案) in Prisma: open cases within
 * the caller's scope (the case list's own scope rule), never personal data.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { BacklogCase, BacklogQuery, BacklogRepository, BacklogTally } from '../../app/backlog/ports.ts';
import { CASE_STATUSES, isOpenStatus } from '../../domain/case/lifecycle.ts';
import type { CaseScope } from '../../ports/store-ports.ts';
import { scopeWhere } from './case-repository.ts';

const OPEN: string[] = CASE_STATUSES.filter(isOpenStatus);

const SELECT = {
  caseNumber: true,
  status: true,
  category: true,
  township: true,
  unit: true,
  coUnit: true,
  flags: true,
  createdAt: true,
  leaderStaffId: true,
  leaderSince: true,
} as const;

export class PrismaBacklogRepository implements BacklogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async backlog(q: BacklogQuery): Promise<{ items: BacklogCase[]; tally: BacklogTally[] }> {
    const where: Prisma.CaseWhereInput = {
      AND: [
        scopeWhere(q.scope),
        { status: { in: OPEN }, createdAt: { lt: q.receivedBefore, ...(q.receivedAfter ? { gte: q.receivedAfter } : {}) } },
        q.unit ? { OR: [{ unit: q.unit }, { coUnit: q.unit }] } : {},
        q.township ? { township: q.township } : {},
        q.leaderStaffId ? { leaderStaffId: q.leaderStaffId } : {},
      ],
    };
    const [items, tally] = await Promise.all([
      this.prisma.case.findMany({ where, select: SELECT, orderBy: [{ createdAt: 'asc' }, { caseNumber: 'asc' }], take: q.limit }),
      this.prisma.case.findMany({ where, select: { createdAt: true, unit: true, township: true } }),
    ]);
    return { items, tally };
  }

  ledCases(scope: CaseScope, opts: { unit?: string | undefined; limit: number }): Promise<BacklogCase[]> {
    return this.prisma.case.findMany({
      where: {
        AND: [scopeWhere(scope), { status: { in: OPEN }, leaderStaffId: { not: null } }, opts.unit ? { OR: [{ unit: opts.unit }, { coUnit: opts.unit }] } : {}],
      },
      select: SELECT,
      orderBy: [{ createdAt: 'asc' }, { caseNumber: 'asc' }],
      take: opts.limit,
    });
  }
}
