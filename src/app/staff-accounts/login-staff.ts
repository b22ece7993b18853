/**
 * Staff sign-in: password check with lockout after repeated failures, then the
 * second factor when the account has TOTP or its role requires it, then a new random
 * session token (only its hash is stored). The same answer is given for an unknown
 * user and a wrong password — also once locked: an unknown name is counted and locked
 * exactly like an account (429 with the same Retry-After for both). Each attempt is
 * reserved (counted as a failure) atomically before the password is checked, so
 * parallel guesses are checked at most `maxFailures` times; an attempt that turns out
 * not to fail gives its count back, a success resets it. A wrong one-time code counts
 * towards the lockout too.
 *
 * Outcomes a client acts on are return values: `totp_required` (send the code) and
 * `totp_enrolment_required` (the role needs TOTP and the account has none yet: the
 * pending secret is returned, and signing in again with a code from it enrols).
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { StaffAccountRecord, StaffRepository, StaffSessionRepository, PasswordHasher } from '../../ports/staff-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { checkSecondFactor, type SecondFactorUsed } from './check-second-factor.ts';
import { confirmTotp, startTotpEnrolment } from './enrol-totp.ts';
import type { TwoFactorDeps } from './staff-account-deps.ts';

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

/** The lockout counter of a username no account has (not secret: usernames are not). */
export const unknownLoginKey = (username: string) => `staff-login-user:${createHash('sha256').update(username).digest('base64url').slice(0, 32)}`;

const lockPolicy = { maxFailures: LOGIN_POLICY.maxFailures, lockMs: LOGIN_POLICY.lockMinutes * 60_000 };

/** One answer for a locked account and a locked unknown name: the whole lock as Retry-After. */
const locked = () => new AppError('rate_limited', 'too many failed sign-ins; try again later', { retryAfterSeconds: LOGIN_POLICY.lockMinutes * 60 });

// Verified for unknown users too, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function loginStaff(deps: LoginDeps & TwoFactorDeps, input: LoginInput): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const account = await deps.staff.findByUsername(input.username);
  if (!account || account.disabled) {
    if (!(await deps.staff.reserveUnknownLogin(unknownLoginKey(input.username), now, lockPolicy))) throw locked();
    dummyHash ??= deps.hasher.hash(randomBytes(16).toString('hex'));
    await deps.hasher.verify(await dummyHash, input.password);
    throw new AppError('unauthorized', 'wrong username or password');
  }
  if (!(await deps.staff.reserveLoginAttempt(account.id, now, lockPolicy))) throw locked();
  if (!(await deps.hasher.verify(account.passwordHash, input.password))) {
    return failSignIn(deps, account, 'wrong username or password');
  }
  const totp = input.totp?.trim() || undefined;
  let secondFactor: SecondFactorUsed | null = null;
  let recoveryCodes: string[] | null = null;
  // The password was right and no code was sent yet: not a failed attempt.
  const notYet = async <T>(outcome: T): Promise<T> => {
    await deps.staff.releaseLoginAttempt(account.id, lockPolicy);
    return outcome;
  };
  if (account.totpEnabled) {
    if (!totp) return notYet({ status: 'totp_required' });
    secondFactor = await checkSecondFactor(deps, account, totp);
    if (!secondFactor) return failSignIn(deps, account, 'wrong one-time code');
  } else if (deps.totpRequired(account.role)) {
    const enrolment = await startTotpEnrolment(deps, account);
    // Enabled meanwhile (another tab confirmed): the code is now simply required.
    if (enrolment.status !== 'pending') return notYet({ status: 'totp_required' });
    if (!totp) return notYet({ status: 'totp_enrolment_required', secret: enrolment.secret, otpauthUri: enrolment.otpauthUri });
    const fresh = (await deps.staff.findById(account.id)) ?? account;
    const confirmed = await confirmTotp(deps, fresh, totp);
    if (confirmed.status !== 'enabled') return failSignIn(deps, account, 'wrong one-time code');
    [secondFactor, recoveryCodes] = ['totp', confirmed.recoveryCodes];
  }
  await deps.staff.recordLoginSuccess(account.id);
  await deps.audit.write({ actorId: account.id, action: 'staff.login', target: account.username, reason: null, data: { secondFactor } });
  return { status: 'ok', ...(await openSession(deps, account, now)), secondFactor, recoveryCodes };
}

/** The attempt was reserved as a failure already: only the audit entry is left to write. */
async function failSignIn(deps: LoginDeps & TwoFactorDeps, account: StaffAccountRecord, message: string): Promise<never> {
  await deps.audit.write({ actorId: null, action: 'staff.login_failed', target: account.username, reason: message, data: { locked: account.failedLogins + 1 >= LOGIN_POLICY.maxFailures } });
  throw new AppError('unauthorized', message);
}

async function openSession(deps: LoginDeps, account: StaffAccountRecord, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOGIN_POLICY.sessionHours * 3_600_000);
  await deps.sessions.create(hashToken(token), { staffId: account.id, kind: 'cookie', csrfToken, lastSeenAt: now, expiresAt });
  const { id, role, unit, township } = account;
  return { token, csrfToken, expiresAt, principal: { id, username: account.username, role, unit, township } };
}
