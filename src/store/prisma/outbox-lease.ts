/**
 * Outbox leases: a claim runs in its own short transaction behind a transaction-level
 * advisory lock on what it claims (a channel or a conversation), so claims of the same
 * thing run one after another and each one's "no live lease on this conversation" check
 * sees every earlier claim. The statements are in sql/outbox-lease.ts.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { xactLock } from '../sql/jobs.ts';
import { claimPending, releaseLeases, type ClaimedRow, type ClaimScope } from '../sql/outbox-lease.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

export { MAX_DELIVERY_ATTEMPTS, type ClaimedRow } from '../sql/outbox-lease.ts';

/** First key of the two-key advisory lock: apart from the job runner's. */
const LOCK_NAMESPACE = 0x58464f42; // "XFOB"

function claim(prisma: PrismaClient, lockKey: string, scope: ClaimScope, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  return prisma.$transaction(async (tx) => {
    const q = prismaQuery(tx);
    await xactLock(q, LOCK_NAMESPACE, lockKey);
    return claimPending(q, scope, owner, leaseMs, limit);
  });
}

export function claimChannel(prisma: PrismaClient, channel: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  return claim(prisma, `channel:${channel}`, { channel }, owner, leaseMs, limit);
}

export function claimConversation(prisma: PrismaClient, conversationId: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  return claim(prisma, `conversation:${conversationId}`, { conversationId }, owner, leaseMs, limit);
}

/** Ends `owner`'s lease on still-pending messages, now or after `retryAfterMs`. */
export async function releaseLease(prisma: PrismaClient, ids: readonly string[], owner: string, retryAfterMs: number): Promise<void> {
  if (ids.length === 0) return;
  await releaseLeases(prismaQuery(prisma), ids, owner, retryAfterMs);
}
