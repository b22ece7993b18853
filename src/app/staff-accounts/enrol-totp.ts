/**
 * TOTP enrolment: a pending secret (kept until confirmed, so reloading the page does
 * not invalidate what the app already holds), then confirmation with a current code,
 * which enables TOTP and returns the recovery codes — the only time they are shown.
 */
import type { StaffAccountRecord } from '../../ports/staff-ports.ts';
import type { TwoFactorDeps } from './staff-account-deps.ts';

export type EnrolmentState = { status: 'enabled' } | { status: 'pending'; secret: string; otpauthUri: string };

export async function startTotpEnrolment(deps: TwoFactorDeps, account: StaffAccountRecord): Promise<EnrolmentState> {
  if (account.totpEnabled) return { status: 'enabled' };
  let secret: string;
  if (account.totpSecretEnc) {
    secret = deps.twoFactor.open(account.totpSecretEnc);
  } else {
    secret = deps.twoFactor.newSecret();
    if (!(await deps.staff.setPendingTotp(account.id, deps.twoFactor.seal(secret)))) return { status: 'enabled' };
  }
  return { status: 'pending', secret, otpauthUri: deps.twoFactor.keyUri(secret, account.username) };
}

export type ConfirmOutcome = { status: 'enabled'; recoveryCodes: string[] } | { status: 'wrong_code' | 'not_pending' };

/** `account` must be freshly loaded: its pending secret is what the code is checked against. */
export async function confirmTotp(
  deps: TwoFactorDeps,
  account: StaffAccountRecord,
  code: string,
): Promise<ConfirmOutcome> {
  const sealed = account.totpSecretEnc;
  if (account.totpEnabled || !sealed) return { status: 'not_pending' };
  const step = deps.twoFactor.matchStep(deps.twoFactor.open(sealed), code, deps.clock.now());
  if (step === null || !(await deps.staff.claimTotpStep(account.id, step))) return { status: 'wrong_code' };
  const recoveryCodes = deps.twoFactor.newRecoveryCodes();
  const hashes = recoveryCodes.map((c) => deps.twoFactor.hashRecoveryCode(account.id, c)!);
  if (!(await deps.staff.enableTotp(account.id, sealed, hashes))) return { status: 'not_pending' };
  await deps.audit.write({ actorId: account.id, action: 'staff.totp_enabled', target: account.username, reason: null });
  return { status: 'enabled', recoveryCodes };
}
