/**
 * Outbox leases (the same on PostgreSQL and PGlite): a claim marks pending messages of
 * one channel or one conversation as leased to its owner; lease times are the
 * database's clock, the one clock all processes share. Callers run a claim in its own
 * short transaction behind an advisory lock on what it claims (prisma/outbox-lease.ts).
 * Also the chat turn's read of its conversation's pending messages, leased or not.
 */
import type { SqlQuery } from './sql-exec.ts';

export const MAX_DELIVERY_ATTEMPTS = 5;

export interface ClaimedRow {
  id: string;
  conversationId: string;
  author: string;
  text: string;
  payload: string | null;
  at: Date;
  attempts: number;
  channel: string;
  channelUserId: string;
}

export type ClaimScope = { channel: string } | { conversationId: string };

/**
 * Claims up to `limit` pending messages of the scope for `owner`, oldest first, none of
 * a conversation another lease is live on. FOR UPDATE SKIP LOCKED keeps a claim from
 * waiting on rows being marked right now.
 */
export async function claimPending(q: SqlQuery, scope: ClaimScope, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  const params: unknown[] = [MAX_DELIVERY_ATTEMPTS, limit, leaseMs / 1000, owner];
  const where = 'channel' in scope ? `c.channel = $${params.push(scope.channel)}` : `m.conversation_id = $${params.push(scope.conversationId)}::uuid`;
  const rows = await q.query<ClaimedRow>(
    `WITH picked AS (
       SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.delivery = 'pending' AND m.attempts < $1::int AND ${where}
         AND (m.leased_until IS NULL OR m.leased_until < now())
         AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = m.conversation_id AND o.delivery = 'pending' AND o.leased_until >= now())
       ORDER BY m.at LIMIT $2::int
       FOR UPDATE OF m SKIP LOCKED)
     UPDATE messages m SET leased_until = now() + make_interval(secs => $3::float8), leased_by = $4
     FROM picked, conversations c
     WHERE m.id = picked.id AND c.id = m.conversation_id
     RETURNING m.id::text AS id, m.conversation_id::text AS "conversationId", m.author, m.text, m.payload, m.at, m.attempts,
       c.channel, c.channel_user_id AS "channelUserId"`,
    params,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at), attempts: Number(r.attempts) })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Ends `owner`'s lease on still-pending messages: now, or held until `retryAfterMs` from now. */
export async function releaseLeases(q: SqlQuery, ids: readonly string[], owner: string, retryAfterMs: number): Promise<void> {
  await q.query(
    `UPDATE messages SET leased_until = CASE WHEN $3::float8 > 0 THEN now() + make_interval(secs => $3::float8) END,
       leased_by = CASE WHEN $3::float8 > 0 THEN $2 END
     WHERE id = ANY ($1::uuid[]) AND leased_by = $2 AND delivery = 'pending'`,
    [[...ids], owner, retryAfterMs / 1000],
  );
}

/** A pending message of a conversation (text as stored: encrypted). */
export type PendingRow = Omit<ClaimedRow, 'channel' | 'channelUserId'>;

/**
 * Up to 100 pending messages of one conversation, oldest first, leased or not. Asked on
 * every chat turn and nearly always empty: one indexed read.
 */
export async function pendingOfConversation(q: SqlQuery, conversationId: string): Promise<PendingRow[]> {
  return q.query<PendingRow>(
    `SELECT id::text AS id, conversation_id::text AS "conversationId", author, text, payload, at, attempts
      FROM messages WHERE conversation_id = $1::uuid AND delivery = 'pending' ORDER BY at ASC LIMIT 100`,
    [conversationId],
  );
}
