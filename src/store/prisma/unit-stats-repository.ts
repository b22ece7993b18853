/**
 * Unit performance aggregates: the statements are in sql/unit-stats.ts (one row per
 * unit, whatever the number of cases).
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AggregateQuery, UnitAggregates, UnitStatsRepository } from '../../ports/unit-stats-ports.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import { unitCaseCounts, unitNoticeCounts, unitRepliedGroups } from '../sql/unit-stats.ts';

export class PrismaUnitStatsRepository implements UnitStatsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async aggregates(q: AggregateQuery): Promise<UnitAggregates> {
    const codes = q.county ? undefined : q.codes;
    if (codes && codes.length === 0) return { cases: [], replied: [], notices: [] };
    const target = { codes, county: q.county };
    const sql = prismaQuery(this.prisma);
    // Sequential: the embedded store has one connection, and PostgreSQL gains little here.
    const cases = await unitCaseCounts(sql, q.range, target, q.now, q.satisfiedRatings);
    const replied = await unitRepliedGroups(sql, q.range, target, q.now, q.utcOffsetMinutes);
    const notices = await unitNoticeCounts(sql, q.range, codes, q.county);
    return { cases, replied, notices };
  }
}
