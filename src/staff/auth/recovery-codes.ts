/**
 * One-time recovery codes: 10 codes of 10 characters (~49.5 random bits each) from an
 * alphabet without look-alikes, shown once as `xxxxx-xxxxx`. Only a keyed hash of the
 * normalised code, bound to its account, is stored; a used code's hash is removed.
 */
import { randomInt } from 'node:crypto';

export const RECOVERY = { count: 10, length: 10 } as const;

// 31 symbols (~49.5 bits a code): lower-case letters and digits without 0/o, 1/l/i.
const SYMBOLS = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateRecoveryCodes(count: number = RECOVERY.count): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = '';
    for (let i = 0; i < RECOVERY.length; i++) raw += SYMBOLS[randomInt(SYMBOLS.length)];
    codes.add(`${raw.slice(0, 5)}-${raw.slice(5)}`);
  }
  return [...codes];
}

/** Case, spaces and dashes do not matter; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.replace(/[\s-]/g, '').toLowerCase();
  if (clean.length !== RECOVERY.length) return null;
  for (const c of clean) if (!SYMBOLS.includes(c)) return null;
  return clean;
}

/** The stored form: `keyedHash` is the store's HMAC (PersonalDataCipher.hash). */
export function hashRecoveryCode(keyedHash: (kind: string, value: string) => string, staffId: string, normalized: string): string {
  return keyedHash('staff-recovery-code', `${staffId}\u0000${normalized}`);
}
