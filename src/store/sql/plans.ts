/** Statements of emergency plans. */
import type { SqlQuery } from './sql-exec.ts';

/**
 * Makes `caseId` its group incident's plan case unless the incident has one: true when
 * it did, or when the case belongs to no incident. The case row is locked first, so an
 * incident formed meanwhile (its commit holds the members' rows) is seen.
 */
export async function claimIncidentPlan(q: SqlQuery, caseId: string): Promise<boolean> {
  const rows = await q.query<{ claimed: boolean }>(
    `WITH c AS (SELECT incident_id FROM cases WHERE id = $1::uuid FOR UPDATE),
     u AS (UPDATE incidents i SET plan_case_id = $1::uuid FROM c WHERE i.id = c.incident_id AND i.plan_case_id IS NULL RETURNING i.id)
     SELECT (SELECT incident_id FROM c) IS NULL OR EXISTS (SELECT 1 FROM u) AS claimed`,
    [caseId],
  );
  return rows[0]?.claimed ?? true;
}
