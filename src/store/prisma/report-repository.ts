/**
 * The monthly report's lists and breakdowns (statements in sql/monthly-report.ts), over
 * the same case attribution as unit performance: grouped in the database, lists bounded.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { InstantRange } from '../../ports/stats-ports.ts';
import type { FlaggedCase, IssuedNotice, ReportRepository, ReportTarget } from '../../ports/report-ports.ts';
import { reportFlaggedCases, reportNoticesIssued, reportVolumes } from '../sql/monthly-report.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

export class PrismaReportRepository implements ReportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async volumes(range: InstantRange, target: ReportTarget) {
    const rows = await reportVolumes(prismaQuery(this.prisma), range, target);
    const byCategory: Record<string, number> = {};
    const byTownship: Record<string, number> = {};
    for (const r of rows) {
      byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
      if (r.township !== null) byTownship[r.township] = (byTownship[r.township] ?? 0) + r.n;
    }
    return { byCategory, byTownship };
  }

  flaggedCases(range: InstantRange, target: ReportTarget, limit: number): Promise<FlaggedCase[]> {
    return reportFlaggedCases(prismaQuery(this.prisma), range, target, limit);
  }

  noticesIssued(range: InstantRange, target: ReportTarget, limit: number): Promise<IssuedNotice[]> {
    return reportNoticesIssued(prismaQuery(this.prisma), range, target, limit);
  }
}
