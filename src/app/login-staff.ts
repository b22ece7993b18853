/**
 * Staff sign-in: password check with lockout after repeated failures, then a new
 * random session token (only its hash is stored). The same answer is given for an
 * unknown user and a wrong password.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { StaffRepository, StaffSessionRepository } from '../store/ports.ts';
import type { Clock, PasswordHasher } from './ports.ts';
import type { StaffPrincipal } from './staff-principal.ts';

export const LOGIN_POLICY = {
  maxFailures: 5,
  lockMinutes: 15,
  sessionHours: 12,
  idleMinutes: 30,
} as const;

export interface LoginDeps {
  staff: StaffRepository;
  sessions: StaffSessionRepository;
  hasher: PasswordHasher;
  clock: Clock;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: StaffPrincipal;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// Verified for unknown users too, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function loginStaff(deps: LoginDeps, username: string, password: string): Promise<LoginResult> {
  const now = deps.clock.now();
  const account = await deps.staff.findByUsername(username);
  if (!account || account.disabled) {
    dummyHash ??= deps.hasher.hash(randomBytes(16).toString('hex'));
    await deps.hasher.verify(await dummyHash, password);
    throw new AppError('unauthorized', 'wrong username or password');
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new AppError('rate_limited', 'too many failed sign-ins; try again later', {
      retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (!(await deps.hasher.verify(account.passwordHash, password))) {
    const failures = account.failedLogins + 1;
    const lockUntil = failures >= LOGIN_POLICY.maxFailures ? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) : null;
    await deps.staff.recordLoginFailure(account.id, lockUntil);
    throw new AppError('unauthorized', 'wrong username or password');
  }
  await deps.staff.recordLoginSuccess(account.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOGIN_POLICY.sessionHours * 3_600_000);
  await deps.sessions.create(hashToken(token), { staffId: account.id, kind: 'cookie', csrfToken, lastSeenAt: now, expiresAt });
  const { id, role, unit, township } = account;
  return { token, csrfToken, expiresAt, principal: { id, username: account.username, role, unit, township } };
}
