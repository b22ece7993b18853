/**
 * Outbox leases in SQL (the same on PostgreSQL and PGlite). A claim runs in its own
 * short transaction behind a transaction-level advisory lock on what it claims (a
 * channel or a conversation): claims of the same thing run one after another, so
 * each one's "no live lease on this conversation" check sees every earlier claim.
 * FOR UPDATE SKIP LOCKED keeps a claim from waiting on rows being marked right now.
 * Lease times are the database's clock, the one clock all processes share.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

/** First key of the two-key advisory lock: apart from the job runner's. */
const LOCK_NAMESPACE = 0x58464f42; // "XFOB"

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

type Tx = Prisma.TransactionClient;

/** Claims pending messages matching `scope` (a SQL condition on `c` and `m`) for `owner`. */
async function claimWhere(tx: Tx, scope: Prisma.Sql, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  const rows = await tx.$queryRaw<ClaimedRow[]>`
    WITH picked AS (
      SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.delivery = 'pending' AND m.attempts < ${MAX_DELIVERY_ATTEMPTS} AND ${scope}
        AND (m.leased_until IS NULL OR m.leased_until < now())
        AND NOT EXISTS (
          SELECT 1 FROM messages o
          WHERE o.conversation_id = m.conversation_id AND o.delivery = 'pending' AND o.leased_until >= now())
      ORDER BY m.at
      LIMIT ${limit}
      FOR UPDATE OF m SKIP LOCKED)
    UPDATE messages m SET leased_until = now() + make_interval(secs => ${leaseMs / 1000}::float8), leased_by = ${owner}
    FROM picked, conversations c
    WHERE m.id = picked.id AND c.id = m.conversation_id
    RETURNING m.id::text AS id, m.conversation_id::text AS "conversationId", m.author, m.text, m.payload, m.at, m.attempts,
      c.channel, c.channel_user_id AS "channelUserId"`;
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${key}))`;
}

export function claimChannel(prisma: PrismaClient, channel: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  return prisma.$transaction(async (tx) => {
    await lock(tx, `channel:${channel}`);
    return claimWhere(tx, Prisma.sql`c.channel = ${channel}`, owner, leaseMs, limit);
  });
}

export function claimConversation(prisma: PrismaClient, conversationId: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  return prisma.$transaction(async (tx) => {
    await lock(tx, `conversation:${conversationId}`);
    return claimWhere(tx, Prisma.sql`m.conversation_id = ${conversationId}::uuid`, owner, leaseMs, limit);
  });
}

/** Ends `owner`'s lease on still-pending messages, now or after `retryAfterMs`. */
export async function releaseLease(prisma: PrismaClient, ids: readonly string[], owner: string, retryAfterMs: number): Promise<void> {
  if (ids.length === 0) return;
  const until = retryAfterMs > 0 ? Prisma.sql`now() + make_interval(secs => ${retryAfterMs / 1000}::float8)` : Prisma.sql`NULL`;
  await prisma.$executeRaw`
    UPDATE messages SET leased_until = ${until}, leased_by = ${retryAfterMs > 0 ? owner : null}
    WHERE id = ANY(${[...ids]}::uuid[]) AND leased_by = ${owner} AND delivery = 'pending'`;
}
