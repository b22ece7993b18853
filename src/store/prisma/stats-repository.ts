/**
 * The dashboard's aggregates: counts from the per-day tally (sql/case-tally.ts) for the
 * whole county or one unit over whole local days, else counted live from the scoped cases; the
 * export pages through the cases in Prisma, scoped with the case list's own scopeWhere.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { DayCount, ExportFilter, ExportRow, InstantRange, StatsCounts, StatsRepository } from '../../ports/stats-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { decryptPetitioner, scopeWhere } from './case-repository.ts';
import { liveByDay, liveByKey, openReviewWindows, tallyByDay, tallyByKey, tallyOffsetMinutes, tallyUnit, type TallyRange, type TallyRow } from '../sql/case-tally.ts';
import type { SqlQuery } from '../sql/sql-exec.ts';

const DAY_MS = 86_400_000;
const FLAGS = ['overdue', 'risk', 'group', 'repeat'] as const;

export class PrismaStatsRepository implements StatsRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlQuery,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private where(scope: CaseScope, range: InstantRange, extra: Prisma.CaseWhereInput = {}): Prisma.CaseWhereInput {
    return { AND: [scopeWhere(scope), { createdAt: { gte: range.from, lte: range.to } }, extra] };
  }

  /** The range as the tally's local days, when it is exactly whole days (else null: count live). */
  private async days(range: InstantRange): Promise<TallyRange | null> {
    const offset = (await tallyOffsetMinutes(this.sql)) * 60_000;
    const from = range.from.getTime() + offset;
    const to = range.to.getTime() + 1 + offset;
    if (from % DAY_MS !== 0 || to % DAY_MS !== 0 || to <= from) return null;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return { fromDay: iso(from), toDay: iso(to - DAY_MS), from: range.from, to: range.to };
  }

  /** `kept`: the tally that holds the scope's cases (the county's, or the one unit's), when the range is whole days. */
  private async rangeOf(scope: CaseScope, range: InstantRange): Promise<{ kept: { unit: string | null } | null; r: TallyRange }> {
    const unit = tallyUnit(scope);
    const whole = unit !== undefined ? await this.days(range) : null;
    return whole ? { kept: { unit: unit! }, r: whole } : { kept: null, r: { fromDay: '', toDay: '', from: range.from, to: range.to } };
  }

  async counts(scope: CaseScope, range: InstantRange, now: Date): Promise<StatsCounts> {
    const { kept, r } = await this.rangeOf(scope, range);
    const [rows, open] = await Promise.all([kept ? tallyByKey(this.sql, r, kept.unit) : liveByKey(this.sql, scope, r), openReviewWindows(this.sql, scope, r, now)]);
    const by = (dim: string) => byKey(rows, dim);
    const settle = by('settle');
    const flags = by('flag');
    return {
      total: by('total')[''] ?? 0,
      byStatus: by('status'),
      byCategory: by('category'),
      byTownship: by('township'),
      flags: Object.fromEntries(FLAGS.map((f) => [f, flags[f] ?? 0])) as StatsCounts['flags'],
      ratings: by('rating'),
      // The tally's classes hold every replied case with a stored window; those still open are taken back out.
      decided: { settled: (settle.ok ?? 0) - open.stored.notRequested, unsettled: (settle.unresolved ?? 0) + (settle.review ?? 0) - open.stored.requested },
      replied: open.unstored.map((o) => ({ repliedAt: o.repliedAt, reviewDueAt: null, reviewRequested: o.reviewRequested, followUpResolved: o.followUpResolved })),
    };
  }

  async dailyCounts(scope: CaseScope, range: InstantRange): Promise<DayCount[]> {
    const { kept, r } = await this.rangeOf(scope, range);
    return kept ? tallyByDay(this.sql, r, kept.unit) : liveByDay(this.sql, scope, r);
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

function byKey(rows: TallyRow[], dim: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.dim === dim && r.n !== 0) out[r.key] = (out[r.key] ?? 0) + r.n;
  return out;
}
