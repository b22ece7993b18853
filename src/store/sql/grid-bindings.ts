/** Grid workers' chat bindings and link codes. */
import type { SqlQuery } from './sql-exec.ts';

export interface BoundStaffRow {
  id: string;
  username: string;
  role: string;
  township: string | null;
  villages: string[] | null;
  disabled: boolean;
}

/** The staff account bound to a chat (runs on every chat turn: one join). */
export async function staffBoundToChat(q: SqlQuery, channel: string, channelUserId: string): Promise<BoundStaffRow | null> {
  const rows = await q.query<BoundStaffRow>(
    `SELECT s.id::text AS id, s.username, s.role, s.township, s.villages, s.disabled
     FROM staff_chat_bindings b JOIN staff_accounts s ON s.id = b.staff_id
     WHERE b.channel = $1 AND b.channel_user_id = $2`,
    [channel, channelUserId],
  );
  return rows[0] ?? null;
}

/** Counts a failed bind against every live link code; the codes (their staff) that reach `maxFailures` now. */
export async function countFailedBind(q: SqlQuery, at: Date, maxFailures: number): Promise<{ staffId: string; failures: number }[]> {
  const rows = await q.query<{ staffId: string; failures: number }>(
    `UPDATE staff_link_codes SET failures = failures + 1
     WHERE used_at IS NULL AND expires_at > $1::timestamptz AND failures < $2::int
     RETURNING staff_id::text AS "staffId", failures`,
    [at, maxFailures],
  );
  return rows.map((r) => ({ staffId: r.staffId, failures: Number(r.failures) }));
}
