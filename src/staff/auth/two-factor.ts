/** The TwoFactor port on node:crypto: TOTP secrets sealed with the store's cipher. */
import type { TwoFactor } from '../../app/staff-accounts/ports.ts';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';
import { keyUri, matchTotp, newTotpSecret } from './totp.ts';

/** What the store's PersonalDataCipher offers (AES-256-GCM and a keyed HMAC). */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  hash(kind: string, value: string): string;
}

export function totpTwoFactor(cipher: SecretCipher, issuer: string): TwoFactor {
  const keyedHash = (kind: string, value: string) => cipher.hash(kind, value);
  return {
    newSecret: newTotpSecret,
    keyUri: (secret, username) => keyUri({ secret, account: username, issuer }),
    matchStep: (secret, code, at) => matchTotp(secret, code, at),
    newRecoveryCodes: () => generateRecoveryCodes(),
    hashRecoveryCode: (staffId, code) => {
      const normalized = normalizeRecoveryCode(code);
      return normalized ? hashRecoveryCode(keyedHash, staffId, normalized) : null;
    },
    seal: (secret) => cipher.encrypt(secret),
    open: (sealed) => cipher.decrypt(sealed),
  };
}
