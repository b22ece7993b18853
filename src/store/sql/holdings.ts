/** Statements of the holdings (who held a case when). */
import type { SqlQuery } from './sql-exec.ts';

/** Locks the case row for a holding change; its creation time (the first holding's start), or null when gone. */
export async function lockCaseForHolding(q: SqlQuery, caseId: string): Promise<Date | null> {
  const rows = await q.query<{ created_at: Date }>(`SELECT created_at FROM cases WHERE id = $1::uuid FOR UPDATE`, [caseId]);
  return rows[0] ? new Date(rows[0].created_at) : null;
}
