/**
 * The staff case list: a page's ids (newest first) and the total. The ids come from
 * the list-order indexes alone (an index-only scan, so page 2000 does not read 40,000
 * rows); the total of an unfiltered or single-filter list of the whole county comes
 * from the dashboard's tally instead of a count.
 */
import type { CaseFilter, CaseScope } from '../../ports/case-ports.ts';
import { filterSql, scopeSql } from './case-where.ts';
import type { SqlQuery } from './sql-exec.ts';

export async function listPageIds(q: SqlQuery, scope: CaseScope, f: CaseFilter): Promise<string[]> {
  const params: unknown[] = [];
  const where = `${scopeSql(scope, params)} AND ${filterSql(f, params)}`;
  const limit = `$${params.push(f.pageSize)}::int`;
  const offset = `$${params.push((f.page - 1) * f.pageSize)}::int`;
  const rows = await q.query<{ id: string }>(`SELECT c.id::text AS id FROM cases c WHERE ${where} ORDER BY c.created_at DESC, c.case_number DESC LIMIT ${limit} OFFSET ${offset}`, params);
  return rows.map((r) => r.id);
}

/** The one tally key a filter amounts to, when it does (the whole county, at most one of these filters). */
function tallyKey(scope: CaseScope, f: CaseFilter): [string, string] | null {
  if (!scope.all || f.q || f.unit || f.dueBefore) return null;
  const set = (
    [
      ['status', f.status],
      ['category', f.category],
      ['township', f.township],
      ['flag', f.flag],
    ] as const
  ).filter(([, v]) => v !== undefined && v !== '');
  if (set.length > 1) return null;
  return set.length === 0 ? ['total', ''] : [set[0]![0], set[0]![1]!];
}

export async function countListed(q: SqlQuery, scope: CaseScope, f: CaseFilter): Promise<number> {
  const key = tallyKey(scope, f);
  if (key) {
    const rows = await q.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM case_tally WHERE dim = $1 AND key = $2`, key);
    return rows[0]!.n;
  }
  const params: unknown[] = [];
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases c WHERE ${scopeSql(scope, params)} AND ${filterSql(f, params)}`, params);
  return rows[0]!.n;
}
