/** processed_inbound: keys of what was handled once (an update, a relay), so a repeat is skipped. */
import type { SqlQuery } from './sql-exec.ts';

export async function isProcessed(q: SqlQuery, key: string): Promise<boolean> {
  return (await q.query(`SELECT 1 AS one FROM processed_inbound WHERE key = $1 LIMIT 1`, [key])).length > 0;
}

/** Records the key; true only for the one caller whose insert won. */
export async function claimKey(q: SqlQuery, key: string): Promise<boolean> {
  return (await q.query(`INSERT INTO processed_inbound (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1 AS one`, [key])).length === 1;
}
