/**
 * Failed query-code look-ups per key in Prisma. One upsert does the arithmetic in
 * SQL (count, new window, lock), so concurrent failures are all counted and the
 * lock cannot be skipped by racing.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { QUERY_LOCKOUT, type QueryAttemptStore, type QueryLockoutPolicy } from '../../ports/query-attempt-ports.ts';
import { recordAttemptFailure, releaseAttempt, reserveAttempt, type AttemptPolicy } from '../sql/attempts.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

export class PrismaQueryAttemptStore implements QueryAttemptStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: QueryLockoutPolicy = QUERY_LOCKOUT,
  ) {}

  async isLocked(key: string, now: Date): Promise<boolean> {
    const row = await this.prisma.queryAttempt.findUnique({ where: { key }, select: { lockedUntil: true } });
    return !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();
  }

  private policyAt(now: Date): AttemptPolicy {
    const { maxFailures, windowMs, lockMs } = this.policy;
    return { maxFailures, expired: new Date(now.getTime() - windowMs), lockUntil: new Date(now.getTime() + lockMs) };
  }

  async recordFailure(key: string, now: Date): Promise<{ failures: number; locked: boolean }> {
    const r = await recordAttemptFailure(prismaQuery(this.prisma), key, now, this.policyAt(now));
    return { failures: r.failures, locked: !!r.lockedUntil && r.lockedUntil.getTime() > now.getTime() };
  }

  /** recordFailure's arithmetic, refused while locked. */
  reserve(key: string, now: Date): Promise<boolean> {
    return reserveAttempt(prismaQuery(this.prisma), key, now, this.policyAt(now));
  }

  release(key: string): Promise<void> {
    return releaseAttempt(prismaQuery(this.prisma), key, this.policy.maxFailures);
  }

  async reset(key: string): Promise<void> {
    await this.prisma.queryAttempt.deleteMany({ where: { key } });
  }
}
