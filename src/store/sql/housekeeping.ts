/** The retention and pruning jobs' statements: bounded batches, oldest first. */
import type { SqlQuery } from './sql-exec.ts';

/** Deletes at most `take` processed-inbound keys recorded before `before`; how many. */
export async function deleteInboundKeysBefore(q: SqlQuery, before: Date, take: number): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM processed_inbound WHERE key IN (SELECT key FROM processed_inbound WHERE at < $1::timestamptz ORDER BY at ASC LIMIT $2::int) RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [before, take],
  );
  return rows[0]!.n;
}

/** Deletes at most `take` uploads no case took that were sent before `before`; their stored files. */
export async function deleteUnattachedBefore(q: SqlQuery, before: Date, take: number): Promise<string[]> {
  const rows = await q.query<{ storage_path: string }>(
    `DELETE FROM attachments WHERE id IN (
       SELECT id FROM attachments WHERE case_id IS NULL AND created_at < $1::timestamptz ORDER BY created_at ASC LIMIT $2::int)
     RETURNING storage_path`,
    [before, take],
  );
  return rows.map((r) => r.storage_path);
}

/** Conversations idle since before `before` that never filed a case and wait for no one, at most `take`. */
export async function idleConversationIds(q: SqlQuery, before: Date, take: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT c.id::text AS id FROM conversations c
     WHERE c.updated_at < $1::timestamptz AND c.waiting_since IS NULL AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.conversation_id = c.id)
     ORDER BY c.updated_at ASC LIMIT $2::int`,
    [before, take],
  );
  return rows.map((r) => r.id);
}

/** Stored files whose name lacks `suffix` (written before files were sealed), at most `take`, in no order. */
export async function unsealedFiles(q: SqlQuery, suffix: string, take: number): Promise<string[]> {
  const rows = await q.query<{ p: string }>(
    `SELECT p FROM (SELECT DISTINCT storage_path AS p FROM attachments WHERE storage_path NOT LIKE $1) d ORDER BY random() LIMIT $2::int`,
    [`%${suffix}`, take],
  );
  return rows.map((r) => r.p);
}
