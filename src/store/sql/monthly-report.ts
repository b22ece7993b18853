/** The monthly report's breakdowns and bounded lists, over the unit statistics' case attribution. */
import type { InstantRange } from '../../ports/stats-ports.ts';
import type { FlaggedCase, IssuedNotice, ReportTarget } from '../../ports/report-ports.ts';
import type { SqlQuery } from './sql-exec.ts';
import { attributedCasesSql } from './unit-stats.ts';

const casesOf = (range: InstantRange, t: ReportTarget, params: unknown[]) => attributedCasesSql(range, t.county ? { county: true } : { codes: [t.code] }, params);

export function reportVolumes(q: SqlQuery, range: InstantRange, t: ReportTarget): Promise<{ category: string; township: string | null; n: number }[]> {
  const params: unknown[] = [];
  return q.query(`WITH a AS (${casesOf(range, t, params)}) SELECT category, township, count(*)::int AS n FROM a GROUP BY category, township`, params);
}

export async function reportFlaggedCases(q: SqlQuery, range: InstantRange, t: ReportTarget, limit: number): Promise<FlaggedCase[]> {
  const params: unknown[] = [];
  const a = casesOf(range, t, params);
  const rows = await q.query<FlaggedCase>(
    `WITH a AS (${a})
     SELECT case_number AS "caseNumber", created_at AS "createdAt", category, township, status, flags
     FROM a WHERE flags && ARRAY['group', 'risk']::text[] ORDER BY created_at, case_number LIMIT $${params.push(limit)}::int`,
    params,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function reportNoticesIssued(q: SqlQuery, range: InstantRange, t: ReportTarget, limit: number): Promise<IssuedNotice[]> {
  const params: unknown[] = [range.from, range.to];
  const only = t.county ? '' : `AND n.unit = $${params.push(t.code)}`;
  const rows = await q.query<IssuedNotice>(
    `SELECT c.case_number AS "caseNumber", n.unit, n.issued_at AS "issuedAt", n.due_at AS "dueAt", n.answered_at AS "answeredAt"
     FROM supervise_notices n JOIN cases c ON c.id = n.case_id
     WHERE n.issued_at >= $1::timestamptz AND n.issued_at <= $2::timestamptz ${only}
     ORDER BY n.issued_at, n.id LIMIT $${params.push(limit)}::int`,
    params,
  );
  return rows;
}
