/**
 * Unit performance aggregates in SQL: each query groups the cases created in the
 * range by the unit codes they count for (competent unit and 属地 co-handler, never
 * a unit a conduct case accuses — the rule of scopeWhere), so the work stays in the
 * database and the answer is one row per unit, whatever the number of cases.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { InstantRange } from '../../ports/stats-ports.ts';
import type { AggregateQuery, UnitAggregates, UnitCaseCounts, UnitNoticeCount, UnitRepliedGroup, UnitStatsRepository } from '../../ports/unit-stats-ports.ts';

const CASE_COLUMNS = Prisma.sql`c.id, c.case_number, c.created_at, c.status, c.category, c.township, c.flags, c.accept_due_at, c.accepted_at,
  c.reply_due_at, c.replied_at, c.extension_days, c.review_due_at, c.review_requested_at, c.follow_up_resolved, c.rating_acceptance, c.rating_handling`;

/** Not a unit the (conduct) case accuses: the case scope's rule. */
const notAccused = (col: Prisma.Sql) => Prisma.sql`NOT (c.category = 'conduct' AND ${col} = ANY (coalesce(c.respondent_units, '{}')))`;

/**
 * Cases created in the range, one row per unit code each counts for (only `codes`
 * when given), or with `county` every case once under the code `county`. Two plain
 * scans joined by UNION ALL: much cheaper than unnesting per row.
 */
export function attributedCases(range: InstantRange, target: { codes?: readonly string[] | undefined; county?: boolean | undefined }): Prisma.Sql {
  const inRange = Prisma.sql`c.created_at >= ${range.from} AND c.created_at <= ${range.to}`;
  if (target.county) return Prisma.sql`SELECT ${CASE_COLUMNS}, 'county' AS code FROM cases c WHERE ${inRange}`;
  const only = (col: Prisma.Sql) => (target.codes ? Prisma.sql`AND ${col} IN (${Prisma.join(target.codes)})` : Prisma.empty);
  return Prisma.sql`
    SELECT ${CASE_COLUMNS}, c.unit AS code FROM cases c
    WHERE ${inRange} AND ${notAccused(Prisma.sql`c.unit`)} ${only(Prisma.sql`c.unit`)}
    UNION ALL
    SELECT ${CASE_COLUMNS}, c.co_unit AS code FROM cases c
    WHERE ${inRange} AND c.co_unit IS NOT NULL AND c.co_unit <> c.unit AND ${notAccused(Prisma.sql`c.co_unit`)} ${only(Prisma.sql`c.co_unit`)}`;
}

/** Open and past the deadline of its status (the case list's "due before" rule). */
export const overdueAt = (now: Date) => Prisma.sql`(
  (status IN ('submitted', 'transferred') AND accept_due_at < ${now}) OR
  (status IN ('accepted', 'in_progress', 'extended') AND reply_due_at < ${now}))`;

export class PrismaUnitStatsRepository implements UnitStatsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async aggregates(q: AggregateQuery): Promise<UnitAggregates> {
    const codes = q.county ? undefined : q.codes;
    if (codes && codes.length === 0) return { cases: [], replied: [], notices: [] };
    const a = attributedCases(q.range, { codes, county: q.county });
    // Sequential: the embedded store has one connection, and PostgreSQL gains little here.
    const cases = await this.caseCounts(a, q.now, q.satisfiedRatings);
    const replied = await this.repliedGroups(a, q.now, q.utcOffsetMinutes);
    const notices = await this.noticeCounts(q.range, codes, q.county);
    return { cases, replied, notices };
  }

  private caseCounts(a: Prisma.Sql, now: Date, satisfied: readonly string[]): Promise<UnitCaseCounts[]> {
    const ok = satisfied.length ? Prisma.join(satisfied) : Prisma.sql`NULL`;
    return this.prisma.$queryRaw<UnitCaseCounts[]>`
      WITH a AS (${a})
      SELECT code,
        count(*)::int AS received,
        count(*) FILTER (WHERE accepted_at IS NOT NULL AND accept_due_at IS NOT NULL AND accepted_at <= accept_due_at)::int AS "acceptedOnTime",
        count(*) FILTER (WHERE replied_at IS NOT NULL AND reply_due_at IS NOT NULL AND replied_at <= reply_due_at)::int AS "repliedOnTime",
        count(*) FILTER (WHERE ${overdueAt(now)})::int AS overdue,
        count(*) FILTER (WHERE coalesce(extension_days, 0) > 0)::int AS extensions,
        count(*) FILTER (WHERE 'repeat' = ANY (flags))::int AS repeat,
        count(*) FILTER (WHERE 'group' = ANY (flags))::int AS "group",
        count(*) FILTER (WHERE 'risk' = ANY (flags))::int AS risk,
        (count(rating_acceptance) + count(rating_handling))::int AS "ratingsGiven",
        (count(*) FILTER (WHERE rating_acceptance IN (${ok})) + count(*) FILTER (WHERE rating_handling IN (${ok})))::int AS "ratingsSatisfied"
      FROM a GROUP BY code`;
  }

  /**
   * Grouped by what settlement depends on: whether the stored review deadline has
   * passed at `now` (its latest or earliest value stands for the group, so the rule
   * decides the same), or without one the local reply day it is counted from.
   */
  private repliedGroups(a: Prisma.Sql, now: Date, utcOffsetMinutes: number): Promise<UnitRepliedGroup[]> {
    return this.prisma.$queryRaw<UnitRepliedGroup[]>`
      WITH a AS (${a}), g AS (
        SELECT code, replied_at, review_due_at, (review_requested_at IS NOT NULL) AS requested, follow_up_resolved,
          review_due_at < ${now} AS passed,
          CASE WHEN review_due_at IS NULL THEN (replied_at + ${utcOffsetMinutes}::int * interval '1 minute')::date END AS reply_day
        FROM a WHERE replied_at IS NOT NULL)
      SELECT code, count(*)::int AS n, min(replied_at) AS "repliedAt",
        CASE WHEN passed THEN max(review_due_at) ELSE min(review_due_at) END AS "reviewDueAt",
        requested AS "reviewRequested", follow_up_resolved AS "followUpResolved"
      FROM g GROUP BY code, passed, reply_day, requested, follow_up_resolved`;
  }

  private noticeCounts(range: InstantRange, codes: readonly string[] | undefined, county: boolean | undefined): Promise<UnitNoticeCount[]> {
    const only = codes ? Prisma.sql`AND unit IN (${Prisma.join(codes)})` : Prisma.empty;
    const code = county ? Prisma.sql`'county'` : Prisma.sql`unit`;
    return this.prisma.$queryRaw<UnitNoticeCount[]>`
      SELECT ${code} AS code, count(*)::int AS issued, count(answered_at)::int AS answered
      FROM supervise_notices WHERE issued_at >= ${range.from} AND issued_at <= ${range.to} ${only}
      GROUP BY 1`;
  }
}
