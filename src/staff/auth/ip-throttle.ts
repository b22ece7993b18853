/**
 * Sign-in throttling per client network, kept in the store (query_attempts) so every
 * server process shares it: `maxFailures` failed sign-ins within the window lock the
 * network out for `lockMs` (429 with Retry-After). It complements the per-account
 * lock, which alone cannot stop one address trying many usernames.
 */
import { AppError } from '../../domain/errors.ts';
import { networkOf } from '../../channels/http/client-network.ts';
import { LOGIN_IP_POLICY, type QueryAttemptStore, type QueryLockoutPolicy } from '../../ports/query-attempt-ports.ts';

export class LoginThrottle {
  constructor(
    private readonly attempts: QueryAttemptStore,
    private readonly policy: QueryLockoutPolicy = LOGIN_IP_POLICY,
  ) {}

  /**
   * Runs one sign-in attempt for a client address. The attempt is reserved (counted as
   * failed) before it runs, atomically, so parallel attempts cannot all slip past the
   * limit; refused (429) while the network is locked. An attempt that does not end in
   * `unauthorized` or `rate_limited` gives its count back.
   */
  async run<T>(ip: string | undefined, now: Date, attempt: () => Promise<T>): Promise<T> {
    const key = `staff-login-ip:${networkOf(ip ?? 'unknown')}`;
    // The store keeps no exact unlock time behind this port: the whole lock is an upper bound.
    const retryAfterSeconds = Math.ceil(this.policy.lockMs / 1000);
    if (!(await this.attempts.reserve(key, now))) {
      throw new AppError('rate_limited', 'too many failed sign-ins from your network; try again later', { retryAfterSeconds });
    }
    let failed = true;
    try {
      const out = await attempt();
      failed = false;
      return out;
    } catch (err) {
      failed = err instanceof AppError && (err.code === 'unauthorized' || err.code === 'rate_limited');
      throw err;
    } finally {
      if (!failed) await this.attempts.release(key);
    }
  }
}
