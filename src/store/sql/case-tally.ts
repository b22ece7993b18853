/**
 * The dashboard's counts: read from `case_tally` (kept by triggers on `cases`, see the
 * staff_scale migration) when the caller sees the whole county, or from `case_unit_tally`
 * (staff_keyset migration) when the caller sees one unit's cases, and the range is whole
 * local days; else counted live from the scoped cases with the same classes as the
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

/**
 * Which tally holds exactly the scope's cases: the county's (null) for the whole county,
 * a unit's (case_unit_tally) for a scope of one unit and nothing more; else undefined.
 */
export function tallyUnit(scope: CaseScope): string | null | undefined {
  if (scope.all) return null;
  if (scope.screeningOf || scope.reviews || scope.units.length !== 1) return undefined;
  return scope.units[0]!;
}

/** The rows of the county's tally, or of one unit's, in the range's days (appends values to `params`). */
function daysOf(unit: string | null, range: TallyRange, params: unknown[]): string {
  const days = `day BETWEEN $${params.push(range.fromDay)}::date AND $${params.push(range.toDay)}::date`;
  return unit === null ? `case_tally WHERE ${days}` : `case_unit_tally WHERE unit = $${params.push(unit)} AND ${days}`;
}

export function tallyByKey(q: SqlQuery, range: TallyRange, unit: string | null = null): Promise<TallyRow[]> {
  const params: unknown[] = [];
  return q.query<TallyRow>(`SELECT dim, key, sum(n)::int AS n FROM ${daysOf(unit, range, params)} GROUP BY dim, key HAVING sum(n) <> 0`, params);
}

export function tallyByDay(q: SqlQuery, range: TallyRange, unit: string | null = null): Promise<DayRow[]> {
  const params: unknown[] = [];
  return q.query<DayRow>(`SELECT day::text AS day, n FROM ${daysOf(unit, range, params)} AND dim = 'total' AND key = '' AND n <> 0 ORDER BY day`, params);
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

export interface OpenWindows {
  /** Replied cases whose stored review window has not passed at `now`, by whether a review was asked: pending at `now`. */
  stored: { requested: number; notRequested: number };
  /** Replied cases without a stored window (the app's calendar decides them). */
  unstored: { repliedAt: Date; reviewRequested: boolean; followUpResolved: boolean | null }[];
}

/**
 * Replied cases whose settlement the stored facts do not yet decide (no "not resolved"
 * answer, and the review window not stored or not passed at `now`): those with a stored
 * window still open are pending at `now`, so only their count is read (the tally's
 * settlement classes hold them and take them back out); the few without one are read
 * whole. Through cases_review_due_replied_idx (the last weeks' replies).
 */
export async function openReviewWindows(q: SqlQuery, scope: CaseScope, range: TallyRange, now: Date): Promise<OpenWindows> {
  const where = (params: unknown[]) =>
    `c.replied_at IS NOT NULL AND c.follow_up_resolved IS DISTINCT FROM false
     AND c.created_at >= $1::timestamptz AND c.created_at <= $2::timestamptz AND ${scopeSql(scope, params)}`;
  const open: unknown[] = [range.from, range.to, now];
  const none: unknown[] = [range.from, range.to];
  const [counts, unstored] = await Promise.all([
    q.query<{ requested: boolean; n: number }>(
      `SELECT c.review_requested_at IS NOT NULL AS requested, count(*)::int AS n FROM cases c
       WHERE c.review_due_at >= $3::timestamptz AND ${where(open)} GROUP BY 1`,
      open,
    ),
    q.query<OpenWindows['unstored'][number]>(
      `SELECT c.replied_at AS "repliedAt", c.review_requested_at IS NOT NULL AS "reviewRequested", c.follow_up_resolved AS "followUpResolved"
       FROM cases c WHERE c.review_due_at IS NULL AND ${where(none)}`,
      none,
    ),
  ]);
  const n = (requested: boolean) => counts.find((r) => r.requested === requested)?.n ?? 0;
  return { stored: { requested: n(true), notRequested: n(false) }, unstored: unstored.map((r) => ({ ...r, repliedAt: new Date(r.repliedAt) })) };
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

/** The unit tally as a full recount would give it, next to the kept one: rows that differ (none when in step). */
export function unitTallyDrift(q: SqlQuery): Promise<{ unit: string; day: string; dim: string; key: string; kept: number; recount: number }[]> {
  return q.query(
    `WITH recount AS (
       SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int AS n FROM cases c CROSS JOIN LATERAL case_unit_tally_rows(c, 1) r GROUP BY 1, 2, 3, 4
     ), kept AS (SELECT unit, day, dim, key, n FROM case_unit_tally WHERE n <> 0)
     SELECT coalesce(k.unit, r.unit) AS unit, coalesce(k.day, r.day)::text AS day, coalesce(k.dim, r.dim) AS dim, coalesce(k.key, r.key) AS key,
            coalesce(k.n, 0) AS kept, coalesce(r.n, 0) AS recount
     FROM kept k FULL JOIN recount r ON r.unit = k.unit AND r.day = k.day AND r.dim = k.dim AND r.key = k.key
     WHERE coalesce(k.n, 0) <> coalesce(r.n, 0)`,
    [],
  );
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
