/**
 * The backlog (积案) and the cases leaders hold (包案) in Prisma: open cases within
 * the caller's scope (the case list's own scope rule), never personal data. A case's
 * age counts from the day it was received: a registered letter, visit or call from
 * its local day received, any other case from its filing.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { BacklogCase, BacklogQuery, BacklogRepository } from '../../ports/backlog-ports.ts';
import { CASE_STATUSES, isOpenStatus } from '../../domain/case/lifecycle.ts';
import { localDate } from '../../domain/deadlines.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeWhere } from './case-repository.ts';

const OPEN: string[] = CASE_STATUSES.filter(isOpenStatus);
const MAX_ROWS = 5000;

const SELECT = {
  caseNumber: true,
  status: true,
  category: true,
  township: true,
  unit: true,
  coUnit: true,
  flags: true,
  createdAt: true,
  receivedOn: true,
  leaderStaffId: true,
  leaderSince: true,
} as const;

/** Received within (after, by]: a local day received is within when its start is. */
function receivedWhere(q: BacklogQuery): Prisma.CaseWhereInput {
  const byDay = localDate(q.receivedBy, q.utcOffsetMinutes);
  const afterDay = q.receivedAfter ? localDate(q.receivedAfter, q.utcOffsetMinutes) : null;
  return {
    OR: [
      { receivedOn: null, createdAt: { lte: q.receivedBy, ...(q.receivedAfter ? { gt: q.receivedAfter } : {}) } },
      { receivedOn: { lte: byDay, ...(afterDay ? { gt: afterDay } : {}) } },
    ],
  };
}

export class PrismaBacklogRepository implements BacklogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  backlog(q: BacklogQuery): Promise<BacklogCase[]> {
    return this.prisma.case.findMany({
      where: {
        AND: [
          scopeWhere(q.scope),
          { status: { in: OPEN } },
          receivedWhere(q),
          q.unit ? { OR: [{ unit: q.unit }, { coUnit: q.unit }] } : {},
          q.township ? { township: q.township } : {},
          q.leaderStaffId ? { leaderStaffId: q.leaderStaffId } : {},
        ],
      },
      select: SELECT,
      take: MAX_ROWS,
    });
  }

  async ledCounts(scope: CaseScope): Promise<{ unit: string; leaderStaffId: string; count: number }[]> {
    const groups = await this.prisma.case.groupBy({
      by: ['unit', 'leaderStaffId'],
      where: { AND: [scopeWhere(scope), { status: { in: OPEN }, leaderStaffId: { not: null } }] },
      _count: { _all: true },
    });
    return groups.map((g) => ({ unit: g.unit, leaderStaffId: g.leaderStaffId!, count: g._count._all }));
  }

  ledCases(scope: CaseScope, opts: { unit?: string | undefined; limit: number }): Promise<BacklogCase[]> {
    return this.prisma.case.findMany({
      where: {
        AND: [scopeWhere(scope), { status: { in: OPEN }, leaderStaffId: { not: null } }, opts.unit ? { OR: [{ unit: opts.unit }, { coUnit: opts.unit }] } : {}],
      },
      select: SELECT,
      orderBy: [{ leaderSince: 'asc' }, { caseNumber: 'asc' }],
      take: opts.limit,
    });
  }
}
