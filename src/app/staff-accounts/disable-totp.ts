/**
 * Turns TOTP off for one's own account: needs the password and a current code (or a
 * recovery code), so a hijacked session alone cannot remove the second factor. Wrong
 * answers count towards the sign-in lockout.
 */
import { AppError } from '../../domain/errors.ts';
import { LOGIN_POLICY } from './login-staff.ts';
import type { PasswordHasher } from '../../ports/staff-ports.ts';
import { checkSecondFactor } from './check-second-factor.ts';
import type { TwoFactorDeps } from './staff-account-deps.ts';

export type DisableOutcome = 'disabled' | 'not_enabled' | 'wrong_credentials';

export async function disableTotp(
  deps: TwoFactorDeps & { hasher: PasswordHasher },
  staffId: string,
  password: string,
  code: string,
): Promise<DisableOutcome> {
  const account = await deps.staff.findById(staffId);
  if (!account) throw new AppError('unauthorized', 'sign in first');
  if (!account.totpEnabled) return 'not_enabled';
  const now = deps.clock.now();
  const policy = { maxFailures: LOGIN_POLICY.maxFailures, lockMs: LOGIN_POLICY.lockMinutes * 60_000 };
  // Reserved before the check, like a sign-in: parallel guesses cannot pass the limit.
  if (!(await deps.staff.reserveLoginAttempt(account.id, now, policy))) {
    throw new AppError('rate_limited', 'too many failed attempts; try again later', { retryAfterSeconds: LOGIN_POLICY.lockMinutes * 60 });
  }
  const ok = (await deps.hasher.verify(account.passwordHash, password)) && (await checkSecondFactor(deps, account, code)) !== null;
  if (!ok) {
    await deps.audit.write({ actorId: null, action: 'staff.login_failed', target: account.username, reason: 'disable TOTP: wrong password or code' });
    return 'wrong_credentials';
  }
  await deps.staff.releaseLoginAttempt(account.id, policy);
  await deps.staff.disableTotp(account.id);
  await deps.audit.write({ actorId: account.id, action: 'staff.totp_disabled', target: account.username, reason: null });
  return 'disabled';
}
