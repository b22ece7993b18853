/**
 * Failed-attempt counters that stop guessing: query codes per case and per channel
 * identity, staff sign-ins per client network.
 */
/** Lockout of query-code look-ups: `maxFailures` within `windowMs` lock the key for `lockMs`. */
export interface QueryLockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const QUERY_LOCKOUT: QueryLockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Staff sign-in failures per client network (src/staff/auth/ip-throttle.ts). */
export const LOGIN_IP_POLICY: QueryLockoutPolicy = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Failed look-ups per key (`case:<number>`, `user:<channel>:<id>`). Safe under concurrency. */
export interface QueryAttemptStore {
  isLocked(key: string, now: Date): Promise<boolean>;
  /** Counts one failure; `locked` when this or an earlier failure locked the key. */
  recordFailure(key: string, now: Date): Promise<{ failures: number; locked: boolean }>;
  /**
   * Counts one attempt as a failure before it is made, in one statement, unless the key
   * is locked (then false and nothing counted): of N concurrent attempts at most the
   * limit get through. `release` gives the count back when the attempt did not fail.
   */
  reserve(key: string, now: Date): Promise<boolean>;
  release(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}
