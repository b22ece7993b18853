/**
 * Failure counters with a lock (query_attempts: query codes, unknown usernames, TOTP
 * steps; staff_accounts: an account's failed sign-ins). Each is one statement that does
 * the arithmetic in SQL, so concurrent failures are all counted and a lock cannot be
 * skipped by racing.
 */
import type { SqlQuery } from './sql-exec.ts';

export interface AttemptPolicy {
  maxFailures: number;
  /** A window that started at or before this instant is over: the next failure opens a new one. */
  expired: Date;
  lockUntil: Date;
}

// The failure count after this failure, from the row as it was.
const NEXT = `CASE WHEN query_attempts.window_start <= $4::timestamptz THEN 1 ELSE query_attempts.failures + 1 END`;
const UPSERT = `
  INSERT INTO query_attempts (key, failures, window_start, locked_until)
  VALUES ($1, 1, $2::timestamptz, CASE WHEN 1 >= $3::int THEN $5::timestamptz END)
  ON CONFLICT (key) DO UPDATE SET
    failures = ${NEXT},
    window_start = CASE WHEN query_attempts.window_start <= $4::timestamptz THEN $2::timestamptz ELSE query_attempts.window_start END,
    locked_until = CASE WHEN (${NEXT}) >= $3::int THEN $5::timestamptz ELSE query_attempts.locked_until END`;

/** Counts a failure (locked or not); the count and lock after it. */
export async function recordAttemptFailure(q: SqlQuery, key: string, now: Date, p: AttemptPolicy): Promise<{ failures: number; lockedUntil: Date | null }> {
  const rows = await q.query<{ failures: number; locked_until: Date | string | null }>(`${UPSERT} RETURNING failures, locked_until`, [key, now, p.maxFailures, p.expired, p.lockUntil]);
  const row = rows[0]!;
  return { failures: Number(row.failures), lockedUntil: row.locked_until === null ? null : new Date(row.locked_until) };
}

/** Counts an attempt unless the key is locked; false (nothing counted) while locked. */
export async function reserveAttempt(q: SqlQuery, key: string, now: Date, p: AttemptPolicy): Promise<boolean> {
  const rows = await q.query(`${UPSERT} WHERE query_attempts.locked_until IS NULL OR query_attempts.locked_until <= $2::timestamptz RETURNING failures`, [
    key,
    now,
    p.maxFailures,
    p.expired,
    p.lockUntil,
  ]);
  return rows.length === 1;
}

/** Takes one counted attempt back (it succeeded); the lock goes once below the limit. */
export async function releaseAttempt(q: SqlQuery, key: string, maxFailures: number): Promise<void> {
  await q.query(
    `UPDATE query_attempts SET failures = greatest(failures - 1, 0), locked_until = CASE WHEN failures - 1 < $2::int THEN NULL ELSE locked_until END WHERE key = $1`,
    [key, maxFailures],
  );
}

/** An unknown username's attempt: counted unless locked (no window: it counts until a lock ends). */
export async function reserveUnknownLogin(q: SqlQuery, key: string, now: Date, maxFailures: number, lockUntil: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO query_attempts (key, failures, window_start, locked_until)
     VALUES ($1, 1, $2::timestamptz, CASE WHEN 1 >= $3::int THEN $4::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET failures = query_attempts.failures + 1, window_start = EXCLUDED.window_start,
       locked_until = CASE WHEN query_attempts.failures + 1 >= $3::int THEN $4::timestamptz ELSE query_attempts.locked_until END
     WHERE query_attempts.locked_until IS NULL OR query_attempts.locked_until <= $2::timestamptz
     RETURNING failures`,
    [key, now, maxFailures, lockUntil],
  );
  return rows.length === 1;
}

/** Keeps the last TOTP step used under `key`; of two sign-ins with one code only one gets true. */
export async function claimTotpStep(q: SqlQuery, key: string, step: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO query_attempts (key, failures, window_start) VALUES ($1, $2::int, now())
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, window_start = EXCLUDED.window_start
     WHERE query_attempts.failures < EXCLUDED.failures
     RETURNING failures`,
    [key, step],
  );
  return rows.length === 1;
}

/** Counts an account's sign-in attempt unless it is locked; the row lock serialises concurrent attempts. */
export async function reserveAccountLogin(q: SqlQuery, staffId: string, now: Date, maxFailures: number, lockUntil: Date): Promise<boolean> {
  const rows = await q.query(
    `UPDATE staff_accounts SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= $2::int THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1::uuid AND (locked_until IS NULL OR locked_until <= $4::timestamptz) RETURNING 1 AS one`,
    [staffId, maxFailures, lockUntil, now],
  );
  return rows.length === 1;
}

export async function releaseAccountLogin(q: SqlQuery, staffId: string, maxFailures: number): Promise<void> {
  await q.query(
    `UPDATE staff_accounts SET failed_logins = greatest(failed_logins - 1, 0),
       locked_until = CASE WHEN failed_logins - 1 < $2::int THEN NULL ELSE locked_until END
     WHERE id = $1::uuid`,
    [staffId, maxFailures],
  );
}

/** Uses up one recovery code; false when it is not (or no longer) one of the account's. */
export async function consumeRecoveryCode(q: SqlQuery, staffId: string, codeHash: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE staff_accounts SET recovery_code_hashes = array_remove(recovery_code_hashes, $2::text)
     WHERE id = $1::uuid AND $2::text = ANY (recovery_code_hashes) RETURNING 1 AS one`,
    [staffId, codeHash],
  );
  return rows.length === 1;
}

/** Deletes counters whose window started before `before` and that hold no running lock; TOTP steps and unknown-username locks stay. */
export async function purgeAttempts(q: SqlQuery, before: Date, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM query_attempts WHERE window_start < $1::timestamptz AND (locked_until IS NULL OR locked_until < $2::timestamptz)
         AND key NOT LIKE 'staff-totp-step:%' AND key NOT LIKE 'staff-login-user:%' RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [before, now],
  );
  return rows[0]!.n;
}
