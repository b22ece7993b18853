/**
 * The dashboard's aggregates in Prisma: counts grouped in the database, scoped with
 * the case list's own scopeWhere, over cases created in an instant range.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { ExportFilter, ExportRow, InstantRange, StatsCounts, StatsRepository } from '../../ports/stats-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { decryptPetitioner, scopeWhere } from './case-repository.ts';

type GroupRow = { _count: { _all: number } } & Record<string, unknown>;

function tally(rows: GroupRow[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = r[key];
    if (typeof k === 'string') out[k] = (out[k] ?? 0) + r._count._all;
  }
  return out;
}

export class PrismaStatsRepository implements StatsRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private where(scope: CaseScope, range: InstantRange, extra: Prisma.CaseWhereInput = {}): Prisma.CaseWhereInput {
    return { AND: [scopeWhere(scope), { createdAt: { gte: range.from, lte: range.to } }, extra] };
  }

  async counts(scope: CaseScope, range: InstantRange): Promise<StatsCounts> {
    const where = this.where(scope, range);
    const c = this.prisma.case;
    const flag = (f: string) => c.count({ where: this.where(scope, range, { flags: { has: f } }) });
    const [total, byStatus, byCategory, byTownship, overdue, risk, group, repeat, acc, hand, replied] = await Promise.all([
      c.count({ where }),
      c.groupBy({ by: ['status'], where, _count: { _all: true } }),
      c.groupBy({ by: ['category'], where, _count: { _all: true } }),
      c.groupBy({ by: ['township'], where, _count: { _all: true } }),
      flag('overdue'),
      flag('risk'),
      flag('group'),
      flag('repeat'),
      c.groupBy({ by: ['ratingAcceptance'], where: this.where(scope, range, { ratingAcceptance: { not: null } }), _count: { _all: true } }),
      c.groupBy({ by: ['ratingHandling'], where: this.where(scope, range, { ratingHandling: { not: null } }), _count: { _all: true } }),
      c.findMany({ where: this.where(scope, range, { repliedAt: { not: null } }), select: { repliedAt: true, reviewDueAt: true, reviewRequestedAt: true, followUpResolved: true } }),
    ]);
    const ratings = tally(acc as GroupRow[], 'ratingAcceptance');
    for (const [k, n] of Object.entries(tally(hand as GroupRow[], 'ratingHandling'))) ratings[k] = (ratings[k] ?? 0) + n;
    return {
      total,
      byStatus: tally(byStatus as GroupRow[], 'status'),
      byCategory: tally(byCategory as GroupRow[], 'category'),
      byTownship: tally(byTownship as GroupRow[], 'township'),
      flags: { overdue, risk, group, repeat },
      ratings,
      replied: replied.map((r) => ({
        repliedAt: r.repliedAt!,
        reviewDueAt: r.reviewDueAt,
        reviewRequested: r.reviewRequestedAt !== null,
        followUpResolved: r.followUpResolved,
      })),
    };
  }

  async createdTimes(scope: CaseScope, range: InstantRange): Promise<Date[]> {
    const rows = await this.prisma.case.findMany({ where: this.where(scope, range), select: { createdAt: true } });
    return rows.map((r) => r.createdAt);
  }

  private exportWhere(scope: CaseScope, range: InstantRange, f: ExportFilter): Prisma.CaseWhereInput {
    const and: Prisma.CaseWhereInput[] = [];
    if (f.status) and.push({ status: f.status });
    if (f.unit) and.push({ OR: [{ unit: f.unit }, { coUnit: f.unit }] });
    if (f.township) and.push({ township: f.township });
    if (f.category) and.push({ category: f.category });
    if (f.flag) and.push({ flags: { has: f.flag } });
    return this.where(scope, range, { AND: and });
  }

  exportCount(scope: CaseScope, range: InstantRange, filter: ExportFilter): Promise<number> {
    return this.prisma.case.count({ where: this.exportWhere(scope, range, filter) });
  }

  async *exportRows(scope: CaseScope, range: InstantRange, filter: ExportFilter, batchSize: number): AsyncIterable<ExportRow[]> {
    const where = this.exportWhere(scope, range, filter);
    let cursor: string | undefined;
    for (;;) {
      const rows = await this.prisma.case.findMany({
        where,
        include: { petitioner: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        caseNumber: r.caseNumber,
        createdAt: r.createdAt,
        status: r.status,
        category: r.category,
        township: r.township,
        unit: r.unit,
        coUnit: r.coUnit,
        flags: r.flags,
        channel: r.channel,
        petitioner: decryptPetitioner(this.cipher, r.petitioner),
        acceptDueAt: r.acceptDueAt,
        replyDueAt: r.replyDueAt,
        repliedAt: r.repliedAt,
        ratingAcceptance: r.ratingAcceptance,
        ratingHandling: r.ratingHandling,
      }));
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1]!.id;
    }
  }
}
