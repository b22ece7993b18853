/**
 * Failed query-code look-ups per key in Prisma. One upsert does the arithmetic in
 * SQL (count, new window, lock), so concurrent failures are all counted and the
 * lock cannot be skipped by racing.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { QUERY_LOCKOUT, type QueryAttemptStore, type QueryLockoutPolicy } from '../../ports/query-attempt-ports.ts';

export class PrismaQueryAttemptStore implements QueryAttemptStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: QueryLockoutPolicy = QUERY_LOCKOUT,
  ) {}

  async isLocked(key: string, now: Date): Promise<boolean> {
    const row = await this.prisma.queryAttempt.findUnique({ where: { key }, select: { lockedUntil: true } });
    return !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();
  }

  async recordFailure(key: string, now: Date): Promise<{ failures: number; locked: boolean }> {
    const { maxFailures, windowMs, lockMs } = this.policy;
    const at = now.toISOString();
    // A window that started before `expired` is over: the failure opens a new one.
    const expired = new Date(now.getTime() - windowMs).toISOString();
    const lockUntil = new Date(now.getTime() + lockMs).toISOString();
    const rows = await this.prisma.$queryRaw<{ failures: number; locked_until: Date | string | null }[]>`
      INSERT INTO query_attempts (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${at}::timestamptz, CASE WHEN 1 >= ${maxFailures}::int THEN ${lockUntil}::timestamptz END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN 1
                        ELSE query_attempts.failures + 1 END,
        window_start = CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN ${at}::timestamptz
                            ELSE query_attempts.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN 1
                     ELSE query_attempts.failures + 1 END) >= ${maxFailures}::int THEN ${lockUntil}::timestamptz
          ELSE query_attempts.locked_until END
      RETURNING failures, locked_until`;
    const row = rows[0]!;
    const lockedUntil = row.locked_until === null ? null : new Date(row.locked_until);
    return { failures: Number(row.failures), locked: !!lockedUntil && lockedUntil.getTime() > now.getTime() };
  }

  async reserve(key: string, now: Date): Promise<boolean> {
    const { maxFailures, windowMs, lockMs } = this.policy;
    const expired = new Date(now.getTime() - windowMs);
    const lockUntil = new Date(now.getTime() + lockMs);
    // recordFailure's arithmetic, refused while locked (the WHERE of the upsert: no row back).
    const rows = await this.prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO query_attempts (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${now}::timestamptz, CASE WHEN 1 >= ${maxFailures}::int THEN ${lockUntil}::timestamptz END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN 1 ELSE query_attempts.failures + 1 END,
        window_start = CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN ${now}::timestamptz ELSE query_attempts.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN query_attempts.window_start <= ${expired}::timestamptz THEN 1 ELSE query_attempts.failures + 1 END) >= ${maxFailures}::int
          THEN ${lockUntil}::timestamptz ELSE query_attempts.locked_until END
      WHERE query_attempts.locked_until IS NULL OR query_attempts.locked_until <= ${now}::timestamptz
      RETURNING failures`;
    return rows.length === 1;
  }

  async release(key: string): Promise<void> {
    const { maxFailures } = this.policy;
    await this.prisma.$executeRaw`
      UPDATE query_attempts SET failures = greatest(failures - 1, 0),
        locked_until = CASE WHEN failures - 1 < ${maxFailures}::int THEN NULL ELSE locked_until END
      WHERE key = ${key}`;
  }

  async reset(key: string): Promise<void> {
    await this.prisma.queryAttempt.deleteMany({ where: { key } });
  }
}
