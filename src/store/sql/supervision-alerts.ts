/** Supervision alerts a reader may see: the case scope's rule, applied to alerts. */
import type { SqlQuery } from './sql-exec.ts';

export interface VisibleAlertsQuery {
  kinds: readonly string[];
  /** Every alert (admin, supervisors, the bureau), or those of these units' cases. */
  units: readonly string[] | 'all';
  staffId: string;
  /** One alert (found even when acknowledged), or null for the open list. */
  only: string | null;
  limit: number;
}

/** Newest first; the list holds the alerts not acknowledged for everyone nor by this reader. */
export async function visibleAlertIds(q: SqlQuery, v: VisibleAlertsQuery): Promise<string[]> {
  const params: unknown[] = [[...v.kinds]];
  const one = v.only ? `AND a.id = $${params.push(v.only)}::uuid` : '';
  const open = v.only
    ? ''
    : `AND a.acknowledged_at IS NULL AND NOT EXISTS (SELECT 1 FROM alert_acks k WHERE k.alert_id = a.id AND k.staff_id = $${params.push(v.staffId)}::uuid)`;
  if (v.units === 'all') {
    const rows = await q.query<{ id: string }>(
      `SELECT a.id::text AS id FROM alerts a WHERE a.kind = ANY ($1::text[]) ${open} ${one} ORDER BY a.at DESC, a.id ASC LIMIT $${params.push(v.limit)}::int`,
      params,
    );
    return rows.map((r) => r.id);
  }
  const list = `$${params.push([...v.units])}::text[]`;
  const rows = await q.query<{ id: string }>(
    `SELECT a.id::text AS id FROM alerts a JOIN cases c ON c.id = a.case_id
     WHERE a.kind = ANY ($1::text[]) ${open} ${one}
       AND (c.unit = ANY (${list}) OR c.co_unit = ANY (${list}) OR (a.unit = ANY (${list}) AND c.review_requested_at IS NOT NULL))
       AND NOT (c.category = 'conduct' AND c.respondent_units && ${list})
       AND (a.kind <> 'supervise_notice' OR a.unit = ANY (${list}))
     ORDER BY a.at DESC, a.id ASC LIMIT $${params.push(v.limit)}::int`,
    params,
  );
  return rows.map((r) => r.id);
}
