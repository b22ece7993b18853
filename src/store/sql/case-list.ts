/**
 * The staff case list: a page's ids (newest first: created_at DESC, case_number DESC)
 * and the total, without an OFFSET over the pages before it. A page is found by its
 * position: counts per bucket of creation time — the tally's local days (`case_tally`;
 * `case_unit_tally` for a unit's handler), or for any other filter hours counted from
 * the matching rows — say which bucket holds the page's first row, which its last, and
 * how many rows come before the first bucket. The page is then read in that window
 * (`lower <= created_at < upper`, a range of the list-order indexes), skipping only the
 * earlier rows of its first bucket. The buckets also give the total. The tally's days
 * are exact: each count is kept in the transaction that writes the rows (staff_scale
 * migration), so both ways give what OFFSET gave. */
import type { CaseFilter, CaseScope } from '../../ports/case-ports.ts';
import { filterSql, scopeSql } from './case-where.ts';
import type { SqlQuery } from './sql-exec.ts';
import { tallyUnit } from './case-tally.ts';

export interface ListedPage {
  ids: string[];
  total: number;
}

/**
 * Where a page lies: its rows are created in [lower, upper), newest first after skipping
 * `skip` (the rows of the newest bucket that belong to earlier pages).
 */
interface PageWindow {
  upper: Date;
  lower: Date;
  skip: number;
}

/** A tally key the filter amounts to: the county's, or one unit's (a handler's scope). */
type TallyKey = { unit: string | null; dim: string; key: string };

/** The one tally key a filter amounts to, when it does (no search, unit or due filter, at most one of these). */
function tallyKey(scope: CaseScope, f: Omit<CaseFilter, 'page' | 'pageSize'>): TallyKey | null {
  const unit = tallyUnit(scope);
  if (unit === undefined || f.q || f.unit || f.dueBefore) return null;
  const set = (
    [
      ['status', f.status],
      ['category', f.category],
      ['township', f.township],
      ['flag', f.flag],
    ] as const
  ).filter(([, v]) => v !== undefined && v !== '');
  if (set.length > 1) return null;
  return set.length === 0 ? { unit, dim: 'total', key: '' } : { unit, dim: set[0]![0], key: set[0]![1]! };
}

export async function listPage(q: SqlQuery, scope: CaseScope, f: CaseFilter): Promise<ListedPage> {
  const offset = (f.page - 1) * f.pageSize;
  const key = tallyKey(scope, f);
  if (!key && offset === 0) return liveFirstPage(q, scope, f);
  const buckets = key ? tallyBuckets(key) : liveBuckets(scope, f);
  const { total, window } = await pageWindow(q, buckets, offset, f.pageSize);
  return { ids: window ? await pageIds(q, scope, f, window) : [], total };
}

/** The first page of a filter no tally holds, and its total, from one pass over the matching rows. */
async function liveFirstPage(q: SqlQuery, scope: CaseScope, f: CaseFilter): Promise<ListedPage> {
  const params: unknown[] = [];
  const where = `${scopeSql(scope, params)} AND ${filterSql(f, params)}`;
  const rows = await q.query<{ id: string | null; total: number }>(
    `WITH m AS MATERIALIZED (SELECT c.id, c.created_at, c.case_number FROM cases c WHERE ${where})
     SELECT p.id::text AS id, t.total FROM (SELECT count(*)::int AS total FROM m) t
     LEFT JOIN LATERAL (SELECT id FROM m ORDER BY created_at DESC, case_number DESC LIMIT $${params.push(f.pageSize)}::int) p ON TRUE`,
    params,
  );
  return { ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])), total: rows[0]?.total ?? 0 };
}

/** The page's ids: the rows of its window, newest first, after skipping `skip`. */
async function pageIds(q: SqlQuery, scope: CaseScope, f: CaseFilter, w: PageWindow): Promise<string[]> {
  const params: unknown[] = [];
  const where = `${scopeSql(scope, params)} AND ${filterSql(f, params)} AND c.created_at < $${params.push(w.upper)}::timestamptz AND c.created_at >= $${params.push(w.lower)}::timestamptz`;
  const limit = `$${params.push(f.pageSize)}::int`;
  const skip = `$${params.push(w.skip)}::int`;
  const rows = await q.query<{ id: string }>(`SELECT c.id::text AS id FROM cases c WHERE ${where} ORDER BY c.created_at DESC, c.case_number DESC LIMIT ${limit} OFFSET ${skip}`, params);
  return rows.map((r) => r.id);
}

/**
 * The listed rows counted per bucket of creation time, as a CTE `b (k, lower, upper, n)`:
 * the tally's local days, or hours (UTC) counted from the matching rows; with its values.
 */
interface Buckets {
  cte: string;
  params: unknown[];
}

function tallyBuckets(k: TallyKey): Buckets {
  const params: unknown[] = [];
  const of = k.unit === null ? 'case_tally t' : 'case_unit_tally t';
  const unit = k.unit === null ? '' : `t.unit = $${params.push(k.unit)} AND `;
  // A local day's instants: [its midnight, the next midnight) in the county's offset.
  const local = (day: string) => `(${day}::timestamp - make_interval(mins => s.utc_offset_minutes)) AT TIME ZONE 'UTC'`;
  const cte = `b AS (SELECT t.day AS k, ${local('t.day')} AS lower, ${local('(t.day + 1)')} AS upper, t.n FROM ${of}, case_tally_settings s
    WHERE ${unit}t.dim = $${params.push(k.dim)} AND t.key = $${params.push(k.key)} AND t.n <> 0)`;
  return { cte, params };
}

function liveBuckets(scope: CaseScope, f: CaseFilter): Buckets {
  const params: unknown[] = [];
  const cte = `h AS (SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AS k, count(*)::int AS n
      FROM cases c WHERE ${scopeSql(scope, params)} AND ${filterSql(f, params)} GROUP BY 1),
    b AS (SELECT k, k AT TIME ZONE 'UTC' AS lower, (k + interval '1 hour') AT TIME ZONE 'UTC' AS upper, n FROM h)`;
  return { cte, params };
}

/**
 * The total, and the window of rows offset … offset + size - 1 (0-based, newest first):
 * from the end of the bucket that holds the first of them to the start of the bucket
 * that holds the last (null when the page is past the end).
 */
async function pageWindow(q: SqlQuery, bk: Buckets, offset: number, size: number): Promise<{ total: number; window: PageWindow | null }> {
  const params = [...bk.params];
  const first = `$${params.push(offset)}::int`;
  const last = `$${params.push(offset + size - 1)}::int`;
  // A bucket holds row i when the rows of newer buckets (`before`) are <= i < before + n: the oldest such bucket.
  const rows = await q.query<{ total: number; before: number | null; upper: Date | null; lower: Date | null }>(
    `WITH ${bk.cte}, d AS (SELECT k, lower, upper, (sum(n) OVER (ORDER BY k DESC))::int - n AS before, (sum(n) OVER ())::int AS total FROM b),
     t AS (SELECT coalesce(max(total), 0) AS total FROM d)
     SELECT t.total, f.before, f.upper, (SELECT l.lower FROM d l WHERE l.before <= least(${last}, t.total - 1) ORDER BY l.k ASC LIMIT 1) AS lower
     FROM t LEFT JOIN LATERAL (SELECT before, upper FROM d WHERE before <= ${first} ORDER BY k ASC LIMIT 1) f ON t.total > ${first}`,
    params,
  );
  const r = rows[0]!;
  const window = r.upper && r.lower && r.before !== null ? { upper: new Date(r.upper), lower: new Date(r.lower), skip: offset - r.before } : null;
  return { total: r.total, window };
}
