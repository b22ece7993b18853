/** The TwoFactor port on node:crypto: TOTP secrets sealed with the store's cipher. */
import type { TwoFactor } from '../../ports/staff-ports.ts';
import type { SecretCipher } from '../../ports/store.ts';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';
import { keyUri, matchTotp, newTotpSecret } from './totp.ts';


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
