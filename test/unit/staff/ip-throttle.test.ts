/** The per-network sign-in throttle: network keys and counting of failed attempts. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import { networkOf } from '../../../src/channels/http/client-network.ts';
import { LoginThrottle } from '../../../src/staff/auth/ip-throttle.ts';
import type { QueryAttemptStore } from '../../../src/ports/query-attempt-ports.ts';

describe('networkOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(networkOf(ip)).toBe(key);
  });
});

function memoryAttempts(max: number): QueryAttemptStore & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    isLocked: async (key) => (counts.get(key) ?? 0) >= max,
    recordFailure: async (key) => {
      const failures = (counts.get(key) ?? 0) + 1;
      counts.set(key, failures);
      return { failures, locked: failures >= max };
    },
    reserve: async (key) => {
      if ((counts.get(key) ?? 0) >= max) return false;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return true;
    },
    release: async (key) => {
      const left = (counts.get(key) ?? 1) - 1;
      if (left <= 0) counts.delete(key);
      else counts.set(key, left);
    },
    reset: async (key) => void counts.delete(key),
  };
}

describe('LoginThrottle', () => {
  const now = new Date('2026-11-27T08:00:00Z');
  const policy = { maxFailures: 2, windowMs: 60_000, lockMs: 120_000 };

  it('counts unauthorized and rate-limited attempts, not other outcomes, then refuses with Retry-After', async () => {
    const attempts = memoryAttempts(2);
    const t = new LoginThrottle(attempts, policy);
    await expect(t.run('198.51.100.1', now, async () => 'ok')).resolves.toBe('ok');
    await expect(t.run('198.51.100.1', now, async () => Promise.reject(new AppError('bad_request', 'x')))).rejects.toThrow('x');
    expect(attempts.counts.size).toBe(0);
    for (let i = 0; i < 2; i++) {
      await expect(t.run('198.51.100.1', now, async () => Promise.reject(new AppError('unauthorized', 'no')))).rejects.toMatchObject({ code: 'unauthorized' });
    }
    const refused = t.run('198.51.100.1', now, async () => 'ok');
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 120 } });
    await expect(t.run('198.51.100.2', now, async () => 'ok')).resolves.toBe('ok');
  });
});
