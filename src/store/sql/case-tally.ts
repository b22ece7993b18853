/**
 * The dashboard's counts: read from `case_tally` (kept by triggers on `cases`, see the
 * staff_scale migration) when the caller sees the whole county and the range is whole
 * local days, else counted live from the scoped cases with the same classes as the
 * triggers' `case_tally_rows`.
 */
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeSql } from './case-where.ts';
import type { SqlQuery } from './sql-exec.ts';

export interface TallyRow {
  dim: string;
  key: string;
  n: number;
}

export interface DayRow {
  day: string;
  n: number;
}

/** Local days [fromDay, toDay] (YYYY-MM-DD), or an instant range for the live count. */
export type TallyRange = { fromDay: string; toDay: string; from: Date; to: Date };

export function tallyByKey(q: SqlQuery, range: TallyRange): Promise<TallyRow[]> {
  return q.query<TallyRow>(
    `SELECT dim, key, sum(n)::int AS n FROM case_tally WHERE day BETWEEN $1::date AND $2::date GROUP BY dim, key HAVING sum(n) <> 0`,
    [range.fromDay, range.toDay],
  );
}

export function tallyByDay(q: SqlQuery, range: TallyRange): Promise<DayRow[]> {
  return q.query<DayRow>(
    `SELECT day::text AS day, n FROM case_tally WHERE day BETWEEN $1::date AND $2::date AND dim = 'total' AND key = '' AND n <> 0 ORDER BY day`,
    [range.fromDay, range.toDay],
  );
}

/** The scoped cases created in the range, as a CTE named `s`; appends its values to `params`. */
function scopedCases(scope: CaseScope, range: TallyRange, params: unknown[]): string {
  const from = `$${params.push(range.from)}::timestamptz`;
  const to = `$${params.push(range.to)}::timestamptz`;
  return `s AS MATERIALIZED (SELECT c.* FROM cases c WHERE c.created_at >= ${from} AND c.created_at <= ${to} AND ${scopeSql(scope, params)})`;
}

/**
 * The tally's rows counted live from the scoped cases: the same classes as
 * `case_tally_rows` (held equal by the recount test), as plain grouped counts —
 * calling that PL/pgSQL function per case costs seconds at a busy unit's size.
 */
export function liveByKey(q: SqlQuery, scope: CaseScope, range: TallyRange): Promise<TallyRow[]> {
  const params: unknown[] = [];
  return q.query<TallyRow>(
    `WITH ${scopedCases(scope, range, params)}
     SELECT 'total' AS dim, '' AS key, count(*)::int AS n FROM s
     UNION ALL SELECT 'status', status, count(*)::int FROM s GROUP BY status
     UNION ALL SELECT 'category', category, count(*)::int FROM s GROUP BY category
     UNION ALL SELECT 'township', township, count(*)::int FROM s WHERE township IS NOT NULL GROUP BY township
     UNION ALL SELECT 'flag', u.f, count(*)::int FROM s, unnest(s.flags) WITH ORDINALITY u(f, i) WHERE array_position(s.flags, u.f) = u.i GROUP BY u.f
     UNION ALL SELECT 'rating', r, count(*)::int FROM (SELECT rating_acceptance AS r FROM s UNION ALL SELECT rating_handling FROM s) x WHERE r IS NOT NULL GROUP BY r
     UNION ALL SELECT 'settle', k, count(*)::int FROM (
       SELECT CASE WHEN follow_up_resolved = false THEN 'unresolved' WHEN review_requested_at IS NOT NULL THEN 'review' ELSE 'ok' END AS k
       FROM s WHERE replied_at IS NOT NULL AND (follow_up_resolved = false OR review_due_at IS NOT NULL)) y GROUP BY k`,
    params,
  );
}

export function liveByDay(q: SqlQuery, scope: CaseScope, range: TallyRange): Promise<DayRow[]> {
  const params: unknown[] = [];
  return q.query<DayRow>(
    `WITH ${scopedCases(scope, range, params)}
     SELECT ((s.created_at AT TIME ZONE 'UTC') + make_interval(mins => t.utc_offset_minutes))::date::text AS day, count(*)::int AS n
     FROM s, case_tally_settings t GROUP BY 1 ORDER BY 1`,
    params,
  );
}

export interface OpenWindowRow {
  repliedAt: Date;
  reviewDueAt: Date | null;
  reviewRequested: boolean;
  followUpResolved: boolean | null;
}

/**
 * Replied cases whose settlement the stored facts do not yet decide: the review window
 * not stored, or not passed at `now`, and no "not resolved" answer. Few (the last weeks'
 * replies), read live through cases_review_due_replied_idx.
 */
export function openReviewWindows(q: SqlQuery, scope: CaseScope, range: TallyRange, now: Date): Promise<OpenWindowRow[]> {
  const params: unknown[] = [range.from, range.to, now];
  return q.query<OpenWindowRow>(
    `SELECT c.replied_at AS "repliedAt", c.review_due_at AS "reviewDueAt", c.review_requested_at IS NOT NULL AS "reviewRequested",
            c.follow_up_resolved AS "followUpResolved"
     FROM cases c
     WHERE c.replied_at IS NOT NULL AND (c.review_due_at IS NULL OR c.review_due_at >= $3::timestamptz)
       AND c.follow_up_resolved IS DISTINCT FROM false
       AND c.created_at >= $1::timestamptz AND c.created_at <= $2::timestamptz AND ${scopeSql(scope, params)}`,
    params,
  );
}

/** The UTC offset (minutes) the tally counts local days in. */
export async function tallyOffsetMinutes(q: SqlQuery): Promise<number> {
  const rows = await q.query<{ m: number }>(`SELECT utc_offset_minutes AS m FROM case_tally_settings WHERE id = 1`, []);
  return rows[0]!.m;
}

/** The UTC offset the tally counts days in; a change recounts the tally (same transaction as the caller's). */
export async function setTallyOffset(q: SqlQuery, utcOffsetMinutes: number): Promise<boolean> {
  const changed = await q.query<{ id: number }>(
    `UPDATE case_tally_settings SET utc_offset_minutes = $1::int WHERE id = 1 AND utc_offset_minutes <> $1::int RETURNING id`,
    [utcOffsetMinutes],
  );
  if (changed.length === 0) return false;
  await q.query(`SELECT case_tally_rebuild()`, []);
  return true;
}

/** The tally as a full recount would give it, next to the kept one: rows that differ (none when in step). */
export function tallyDrift(q: SqlQuery): Promise<{ day: string; dim: string; key: string; kept: number; recount: number }[]> {
  return q.query(
    `WITH recount AS (
       SELECT r.day, r.dim, r.key, sum(r.n)::int AS n FROM cases c CROSS JOIN LATERAL case_tally_rows(c, 1) r GROUP BY 1, 2, 3
     ), kept AS (SELECT day, dim, key, n FROM case_tally WHERE n <> 0)
     SELECT coalesce(k.day, r.day)::text AS day, coalesce(k.dim, r.dim) AS dim, coalesce(k.key, r.key) AS key,
            coalesce(k.n, 0) AS kept, coalesce(r.n, 0) AS recount
     FROM kept k FULL JOIN recount r ON r.day = k.day AND r.dim = k.dim AND r.key = k.key
     WHERE coalesce(k.n, 0) <> coalesce(r.n, 0)`,
    [],
  );
}
