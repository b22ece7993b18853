/** Statements of staff alerts and their relay to the Telegram staff chat. */
import { randomUUID } from 'node:crypto';
import type { SqlQuery } from './sql-exec.ts';

/** Ids of alerts of `kinds` raised since `since` not relayed yet and not about a conduct case, oldest first. */
export async function unrelayedAlertIds(q: SqlQuery, since: Date, kinds: readonly string[], relayKeyPrefix: string, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT a.id::text AS id FROM alerts a LEFT JOIN cases c ON c.id = a.case_id
     WHERE a.at >= $1::timestamptz AND a.kind = ANY ($2::text[]) AND (c.id IS NULL OR c.category <> 'conduct')
       AND NOT EXISTS (SELECT 1 FROM processed_inbound p WHERE p.key = $3 || a.id::text)
     ORDER BY a.at ASC, a.id ASC LIMIT $4::int`,
    [since, [...kinds], relayKeyPrefix, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * The staff alert of a chat that starts waiting (at `at`): one per conversation and
 * moment, a repeat of the same hand-over inserts nothing.
 */
export async function insertHandoffAlert(q: SqlQuery, conversationId: string, at: Date, message: string): Promise<void> {
  await q.query(
    `INSERT INTO alerts (id, at, kind, dedupe_key, conversation_id, message) VALUES ($1::uuid, $2, 'handoff', $3, $4::uuid, $5)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [randomUUID(), at, `handoff:${conversationId}:${at.toISOString()}`, conversationId, message],
  );
}
