/**
 * Issue 15, items 5 and 14 — sign-in lockout on real stores.
 * - Item 5: N parallel wrong passwords are checked at most `maxFailures` times (the
 *   attempt is reserved atomically before the check), and the per-network throttle
 *   lets at most its limit through, also in parallel.
 * - Item 14: an unknown username answers exactly like an existing one, also once
 *   locked (429, the same message and Retry-After).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginStaff, LOGIN_POLICY } from '../../src/app/staff-accounts/login-staff.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { PasswordHasher } from '../../src/ports/staff-ports.ts';
import { LoginThrottle } from '../../src/staff/auth/ip-throttle.ts';
import { LOGIN_IP_POLICY } from '../../src/ports/query-attempt-ports.ts';
import { totpTwoFactor } from '../../src/staff/auth/two-factor.ts';
import { PrismaQueryAttemptStore } from '../../src/store/prisma/query-attempts.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts password checks; each takes a while, so parallel attempts overlap as with argon2. */
function slowHasher(): PasswordHasher & { checks: number } {
  const h = {
    checks: 0,
    hash: async (pw: string) => `plain:${pw}`,
    verify: async (hash: string, pw: string) => {
      h.checks++;
      await sleep(40);
      return hash === `plain:${pw}`;
    },
  };
  return h;
}

describe.each(STORE_KINDS)('sign-in attempts reserved before the check on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const deps = (hasher: PasswordHasher, totpRequired = false) => ({
    staff: t.store.staff,
    sessions: t.store.sessions,
    audit: t.store.audit,
    hasher,
    clock: { now: () => new Date() },
    twoFactor: totpTwoFactor(t.store.cipher, 'test'),
    totpRequired: () => totpRequired,
  });

  it('checks 12 parallel wrong passwords at most 5 times and locks the account', async () => {
    const hasher = slowHasher();
    await t.store.staff.create({ username: 'race01', passwordHash: await hasher.hash('right-password'), role: 'handler', unit: 'zrzy', township: null, displayName: null });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => loginStaff(deps(hasher), { username: 'race01', password: 'wrong' })));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(hasher.checks).toBe(LOGIN_POLICY.maxFailures);
    expect(codes.filter((c) => c === 'unauthorized')).toHaveLength(LOGIN_POLICY.maxFailures);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(12 - LOGIN_POLICY.maxFailures);
    const account = (await t.store.staff.findByUsername('race01'))!;
    expect(account.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked: even the right password is not checked.
    await expect(loginStaff(deps(hasher), { username: 'race01', password: 'right-password' })).rejects.toMatchObject({ code: 'rate_limited' });
    expect(hasher.checks).toBe(LOGIN_POLICY.maxFailures);
  });

  it('gives the count back when the password was right and a code is still to come', async () => {
    const hasher = slowHasher();
    await t.store.staff.create({ username: 'race02', passwordHash: await hasher.hash('right-password'), role: 'supervisor', unit: null, township: null, displayName: null });
    for (let i = 0; i < LOGIN_POLICY.maxFailures + 2; i++) {
      const out = await loginStaff(deps(hasher, true), { username: 'race02', password: 'right-password' });
      expect(out.status).toBe('totp_enrolment_required');
    }
    expect((await t.store.staff.findByUsername('race02'))!).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('checks an unknown username no more often than an account', async () => {
    const hasher = slowHasher();
    const results = await Promise.allSettled(Array.from({ length: 9 }, () => loginStaff(deps(hasher), { username: 'nobody-race', password: 'guess' })));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok')).sort();
    expect(codes).toEqual([...Array(4).fill('rate_limited'), ...Array(5).fill('unauthorized')].sort());
    expect(hasher.checks).toBeLessThanOrEqual(LOGIN_POLICY.maxFailures + 1); // +1: the dummy hash is made once
  });

  it('lets at most 20 parallel attempts of one network through the throttle', async () => {
    const throttle = new LoginThrottle(new PrismaQueryAttemptStore(t.store.handle.prisma, LOGIN_IP_POLICY));
    let ran = 0;
    const attempt = async () => {
      ran++;
      await sleep(40);
      throw new AppError('unauthorized', 'wrong username or password');
    };
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => throttle.run('203.0.113.77', new Date(), attempt)));
    expect(ran).toBe(LOGIN_IP_POLICY.maxFailures);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'rate_limited')).toHaveLength(30 - LOGIN_IP_POLICY.maxFailures);
  });
});

describe('a locked account and an unknown name answer alike (HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(async () => {
    await app?.stop();
  });

  const attempt = (username: string, password: string, ip: string) =>
    fetch(`${app.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }) });

  it('answers 429 with the same body and Retry-After for both once locked, 401 for both before', async () => {
    const seen: Record<string, { status: number; body: unknown; retry: string | null }[]> = { leader01: [], 'nobody-at-all': [] };
    for (const [username, ip] of [['leader01', '198.51.100.31'], ['nobody-at-all', '198.51.100.32']] as const) {
      for (let i = 0; i < LOGIN_POLICY.maxFailures + 1; i++) {
        const res = await attempt(username, 'wrong-password', ip);
        seen[username]!.push({ status: res.status, body: await res.json(), retry: res.headers.get('retry-after') });
      }
    }
    expect(seen['nobody-at-all']).toEqual(seen.leader01);
    expect(seen.leader01!.map((s) => s.status)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
