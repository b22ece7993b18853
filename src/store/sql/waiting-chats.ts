/** The staff inbox: chats waiting for staff. */
import type { SqlQuery } from './sql-exec.ts';

/** Changes whenever a waiting chat starts, ends or changes (count and a hash of ids and versions). */
export async function waitingFingerprint(q: SqlQuery): Promise<string> {
  const rows = await q.query<{ n: number; h: string | null }>(
    `SELECT count(*)::int AS n, md5(string_agg(id::text || ':' || version::text, ',' ORDER BY id)) AS h FROM conversations WHERE waiting_since IS NOT NULL`,
    [],
  );
  return `${rows[0]?.n ?? 0}:${rows[0]?.h ?? ''}`;
}

/** Each conversation's last message from the citizen (text as stored: encrypted). */
export async function lastCitizenMessages(q: SqlQuery, conversationIds: readonly string[]): Promise<{ conversationId: string; text: string; at: Date }[]> {
  const rows = await q.query<{ conversationId: string; text: string; at: Date }>(
    `SELECT DISTINCT ON (conversation_id) conversation_id::text AS "conversationId", text, at FROM messages
     WHERE conversation_id = ANY ($1::uuid[]) AND author = 'citizen' ORDER BY conversation_id, at DESC`,
    [[...conversationIds]],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
