/**
 * Staff sign-in: password check with lockout after repeated failures, then the
 * second factor when the account has TOTP or its role requires it, then a new random
 * session token (only its hash is stored). The same answer is given for an unknown
 * user and a wrong password; a wrong one-time code counts towards the lockout too.
 *
 * Outcomes a client acts on are return values: `totp_required` (send the code) and
 * `totp_enrolment_required` (the role needs TOTP and the account has none yet: the
 * pending secret is returned, and signing in again with a code from it enrols).
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { StaffAccountRecord, StaffRepository, StaffSessionRepository } from '../store/ports.ts';
import type { Clock, PasswordHasher } from './ports.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { checkSecondFactor, type SecondFactorUsed } from './staff-accounts/check-second-factor.ts';
import { confirmTotp, startTotpEnrolment } from './staff-accounts/enrol-totp.ts';
import type { TwoFactorDeps } from './staff-accounts/ports.ts';

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

export interface LoginInput {
  username: string;
  password: string;
  /** A TOTP code or a recovery code. */
  totp?: string | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: StaffPrincipal;
  secondFactor: SecondFactorUsed | null;
  /** Set only when this sign-in completed a required enrolment: shown once. */
  recoveryCodes: string[] | null;
}

export type LoginOutcome =
  | ({ status: 'ok' } & LoginResult)
  | { status: 'totp_required' }
  | { status: 'totp_enrolment_required'; secret: string; otpauthUri: string };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// Verified for unknown users too, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function loginStaff(deps: LoginDeps & TwoFactorDeps, input: LoginInput): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const account = await deps.staff.findByUsername(input.username);
  if (!account || account.disabled) {
    dummyHash ??= deps.hasher.hash(randomBytes(16).toString('hex'));
    await deps.hasher.verify(await dummyHash, input.password);
    throw new AppError('unauthorized', 'wrong username or password');
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new AppError('rate_limited', 'too many failed sign-ins; try again later', {
      retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (!(await deps.hasher.verify(account.passwordHash, input.password))) {
    return failSignIn(deps, account, 'wrong username or password');
  }
  const totp = input.totp?.trim() || undefined;
  let secondFactor: SecondFactorUsed | null = null;
  let recoveryCodes: string[] | null = null;
  if (account.totpEnabled) {
    if (!totp) return { status: 'totp_required' };
    secondFactor = await checkSecondFactor(deps, account, totp);
    if (!secondFactor) return failSignIn(deps, account, 'wrong one-time code');
  } else if (deps.totpRequired(account.role)) {
    const enrolment = await startTotpEnrolment(deps, account);
    // Enabled meanwhile (another tab confirmed): the code is now simply required.
    if (enrolment.status !== 'pending') return { status: 'totp_required' };
    if (!totp) return { status: 'totp_enrolment_required', secret: enrolment.secret, otpauthUri: enrolment.otpauthUri };
    const fresh = (await deps.staff.findById(account.id)) ?? account;
    const confirmed = await confirmTotp(deps, fresh, totp);
    if (confirmed.status !== 'enabled') return failSignIn(deps, account, 'wrong one-time code');
    [secondFactor, recoveryCodes] = ['totp', confirmed.recoveryCodes];
  }
  await deps.staff.recordLoginSuccess(account.id);
  await deps.audit.write({ actorId: account.id, action: 'staff.login', target: account.username, reason: null, data: { secondFactor } });
  return { status: 'ok', ...(await openSession(deps, account, now)), secondFactor, recoveryCodes };
}

async function failSignIn(deps: LoginDeps & TwoFactorDeps, account: StaffAccountRecord, message: string): Promise<never> {
  await recordFailedAttempt(deps, account, message);
  throw new AppError('unauthorized', message);
}

/** One failed proof of identity (password or code): counts towards the account's lock. */
export async function recordFailedAttempt(deps: Pick<TwoFactorDeps, 'staff' | 'audit' | 'clock'>, account: StaffAccountRecord, reason: string) {
  const failures = account.failedLogins + 1;
  const now = deps.clock.now();
  const lockUntil = failures >= LOGIN_POLICY.maxFailures ? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) : null;
  await deps.staff.recordLoginFailure(account.id, lockUntil);
  await deps.audit.write({ actorId: null, action: 'staff.login_failed', target: account.username, reason, data: { locked: !!lockUntil } });
}

async function openSession(deps: LoginDeps, account: StaffAccountRecord, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOGIN_POLICY.sessionHours * 3_600_000);
  await deps.sessions.create(hashToken(token), { staffId: account.id, kind: 'cookie', csrfToken, lastSeenAt: now, expiresAt });
  const { id, role, unit, township } = account;
  return { token, csrfToken, expiresAt, principal: { id, username: account.username, role, unit, township } };
}
