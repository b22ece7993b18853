/**
 * The second factor of an account with TOTP enabled: a current code, each time step
 * once, or an unused recovery code, which is used up by this check. Six digits are a
 * TOTP code; anything else is tried as a recovery code.
 */
import type { StaffAccountRecord } from '../../ports/staff-ports.ts';
import type { TwoFactorDeps } from './staff-account-deps.ts';

export type SecondFactorUsed = 'totp' | 'recovery';

export async function checkSecondFactor(
  deps: TwoFactorDeps,
  account: StaffAccountRecord,
  code: string,
): Promise<SecondFactorUsed | null> {
  if (!account.totpEnabled || !account.totpSecretEnc) return null;
  const given = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(given)) {
    const step = deps.twoFactor.matchStep(deps.twoFactor.open(account.totpSecretEnc), given, deps.clock.now());
    return step !== null && (await deps.staff.claimTotpStep(account.id, step)) ? 'totp' : null;
  }
  const hash = deps.twoFactor.hashRecoveryCode(account.id, given);
  return hash && (await deps.staff.consumeRecoveryCode(account.id, hash)) ? 'recovery' : null;
}
