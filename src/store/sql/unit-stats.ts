/**
 * Unit performance aggregates: each statement groups the cases created in the range by
 * the unit codes they count for (competent unit and 属地 co-handler, never a unit a
 * conduct case accuses — the rule of the case scope), so the work stays in the database
 * and the answer is one row per unit, whatever the number of cases. The monthly report
 * (monthly-report.ts) reads the same attribution.
 */
import type { InstantRange } from '../../ports/stats-ports.ts';
import type { UnitCaseCounts, UnitNoticeCount, UnitRepliedGroup } from '../../ports/unit-stats-ports.ts';
import type { SqlQuery } from './sql-exec.ts';

export interface AttributionTarget {
  codes?: readonly string[] | undefined;
  county?: boolean | undefined;
}

const CASE_COLUMNS = `c.id, c.case_number, c.created_at, c.status, c.category, c.township, c.flags, c.accept_due_at, c.accepted_at,
  c.reply_due_at, c.replied_at, c.extension_days, c.review_due_at, c.review_requested_at, c.follow_up_resolved, c.rating_acceptance, c.rating_handling`;

const notAccused = (col: string) => `NOT (c.category = 'conduct' AND ${col} = ANY (coalesce(c.respondent_units, '{}')))`;

/**
 * Cases created in the range, one row per unit code each counts for (only `codes` when
 * given), or with `county` every case once under the code `county`. Two plain scans
 * joined by UNION ALL: much cheaper than unnesting per row. Appends its values to `params`.
 */
export function attributedCasesSql(range: InstantRange, t: AttributionTarget, params: unknown[]): string {
  const inRange = `c.created_at >= $${params.push(range.from)}::timestamptz AND c.created_at <= $${params.push(range.to)}::timestamptz`;
  if (t.county) return `SELECT ${CASE_COLUMNS}, 'county' AS code FROM cases c WHERE ${inRange}`;
  const codes = t.codes ? `$${params.push([...t.codes])}::text[]` : null;
  const only = (col: string) => (codes ? `AND ${col} = ANY (${codes})` : '');
  return `
    SELECT ${CASE_COLUMNS}, c.unit AS code FROM cases c
    WHERE ${inRange} AND ${notAccused('c.unit')} ${only('c.unit')}
    UNION ALL
    SELECT ${CASE_COLUMNS}, c.co_unit AS code FROM cases c
    WHERE ${inRange} AND c.co_unit IS NOT NULL AND c.co_unit <> c.unit AND ${notAccused('c.co_unit')} ${only('c.co_unit')}`;
}

/** Open and past the deadline of its status (the case list's "due before" rule). */
const overdueAt = (now: string) => `(
  (status IN ('submitted', 'transferred') AND accept_due_at < ${now}) OR
  (status IN ('accepted', 'in_progress', 'extended') AND reply_due_at < ${now}))`;

export function unitCaseCounts(q: SqlQuery, range: InstantRange, t: AttributionTarget, now: Date, satisfied: readonly string[]): Promise<UnitCaseCounts[]> {
  const params: unknown[] = [];
  const a = attributedCasesSql(range, t, params);
  const at = `$${params.push(now)}::timestamptz`;
  const ok = `$${params.push([...satisfied])}::text[]`;
  return q.query<UnitCaseCounts>(
    `WITH a AS (${a})
     SELECT code,
       count(*)::int AS received,
       count(*) FILTER (WHERE accepted_at IS NOT NULL AND accept_due_at IS NOT NULL AND accepted_at <= accept_due_at)::int AS "acceptedOnTime",
       count(*) FILTER (WHERE replied_at IS NOT NULL AND reply_due_at IS NOT NULL AND replied_at <= reply_due_at)::int AS "repliedOnTime",
       count(*) FILTER (WHERE ${overdueAt(at)})::int AS overdue,
       count(*) FILTER (WHERE coalesce(extension_days, 0) > 0)::int AS extensions,
       count(*) FILTER (WHERE 'repeat' = ANY (flags))::int AS repeat,
       count(*) FILTER (WHERE 'group' = ANY (flags))::int AS "group",
       count(*) FILTER (WHERE 'risk' = ANY (flags))::int AS risk,
       (count(rating_acceptance) + count(rating_handling))::int AS "ratingsGiven",
       (count(*) FILTER (WHERE rating_acceptance = ANY (${ok})) + count(*) FILTER (WHERE rating_handling = ANY (${ok})))::int AS "ratingsSatisfied"
     FROM a GROUP BY code`,
    params,
  );
}

/**
 * Replied cases per unit, grouped by what decides their settlement: whether the stored
 * review window has passed at `now` (each group keeps the deadline that decides the
 * same), or without one the local reply day it is counted from.
 */
export async function unitRepliedGroups(q: SqlQuery, range: InstantRange, t: AttributionTarget, now: Date, utcOffsetMinutes: number): Promise<UnitRepliedGroup[]> {
  const params: unknown[] = [];
  const a = attributedCasesSql(range, t, params);
  const at = `$${params.push(now)}::timestamptz`;
  const offset = `$${params.push(utcOffsetMinutes)}::int`;
  const rows = await q.query<UnitRepliedGroup>(
    `WITH a AS (${a}), g AS (
       SELECT code, replied_at, review_due_at, (review_requested_at IS NOT NULL) AS requested, follow_up_resolved,
         review_due_at < ${at} AS passed,
         CASE WHEN review_due_at IS NULL THEN (replied_at + ${offset} * interval '1 minute')::date END AS reply_day
       FROM a WHERE replied_at IS NOT NULL)
     SELECT code, count(*)::int AS n, min(replied_at) AS "repliedAt",
       CASE WHEN passed THEN max(review_due_at) ELSE min(review_due_at) END AS "reviewDueAt",
       requested AS "reviewRequested", follow_up_resolved AS "followUpResolved"
     FROM g GROUP BY code, passed, reply_day, requested, follow_up_resolved`,
    params,
  );
  return rows.map((r) => ({ ...r, repliedAt: new Date(r.repliedAt), reviewDueAt: r.reviewDueAt === null ? null : new Date(r.reviewDueAt) }));
}

/** Supervise notices issued in the range per unit (or all under `county`), and how many were answered. */
export function unitNoticeCounts(q: SqlQuery, range: InstantRange, codes: readonly string[] | undefined, county: boolean | undefined): Promise<UnitNoticeCount[]> {
  const params: unknown[] = [range.from, range.to];
  const only = codes ? `AND unit = ANY ($${params.push([...codes])}::text[])` : '';
  return q.query<UnitNoticeCount>(
    `SELECT ${county ? `'county'` : 'unit'} AS code, count(*)::int AS issued, count(answered_at)::int AS answered
     FROM supervise_notices WHERE issued_at >= $1::timestamptz AND issued_at <= $2::timestamptz ${only} GROUP BY 1`,
    params,
  );
}
