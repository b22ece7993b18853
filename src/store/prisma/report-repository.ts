/**
 * The monthly report's lists and breakdowns in SQL, over the same case attribution
 * as unit performance (attributedCases): grouped in the database, lists bounded.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { InstantRange } from '../../ports/stats-ports.ts';
import type { FlaggedCase, IssuedNotice, ReportRepository, ReportTarget } from '../../ports/report-ports.ts';
import { attributedCases } from './unit-stats-repository.ts';

const casesOf = (range: InstantRange, t: ReportTarget) => (t.county ? attributedCases(range, { county: true }) : attributedCases(range, { codes: [t.code] }));

export class PrismaReportRepository implements ReportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async volumes(range: InstantRange, target: ReportTarget) {
    const rows = await this.prisma.$queryRaw<{ category: string; township: string | null; n: number }[]>`
      WITH a AS (${casesOf(range, target)})
      SELECT category, township, count(*)::int AS n FROM a GROUP BY category, township`;
    const byCategory: Record<string, number> = {};
    const byTownship: Record<string, number> = {};
    for (const r of rows) {
      byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
      if (r.township !== null) byTownship[r.township] = (byTownship[r.township] ?? 0) + r.n;
    }
    return { byCategory, byTownship };
  }

  flaggedCases(range: InstantRange, target: ReportTarget, limit: number): Promise<FlaggedCase[]> {
    return this.prisma.$queryRaw<FlaggedCase[]>`
      WITH a AS (${casesOf(range, target)})
      SELECT case_number AS "caseNumber", created_at AS "createdAt", category, township, status, flags
      FROM a WHERE flags && ARRAY['group', 'risk']::text[]
      ORDER BY created_at, case_number LIMIT ${limit}::int`;
  }

  noticesIssued(range: InstantRange, target: ReportTarget, limit: number): Promise<IssuedNotice[]> {
    const only = target.county ? Prisma.empty : Prisma.sql`AND n.unit = ${target.code}`;
    return this.prisma.$queryRaw<IssuedNotice[]>`
      SELECT c.case_number AS "caseNumber", n.unit, n.issued_at AS "issuedAt", n.due_at AS "dueAt", n.answered_at AS "answeredAt"
      FROM supervise_notices n JOIN cases c ON c.id = n.case_id
      WHERE n.issued_at >= ${range.from} AND n.issued_at <= ${range.to} ${only}
      ORDER BY n.issued_at, n.id LIMIT ${limit}::int`;
  }
}
