/** Recovery codes: format, uniqueness, normalisation and keyed, account-bound hashes. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, RECOVERY } from '../../../src/staff/auth/recovery-codes.ts';
import { totpTwoFactor } from '../../../src/staff/auth/two-factor.ts';
import { PersonalDataCipher } from '../../../src/store/personal-data-cipher.ts';

const keyed = (kind: string, value: string) => createHmac('sha256', 'k').update(`${kind}\u0000${value}`).digest('base64url');

describe('recovery codes', () => {
  it('generates 10 distinct xxxxx-xxxxx codes without look-alike characters', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY.count);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it.each([
    ['abcde-fghjk', 'abcdefghjk'],
    ['ABCDE FGHJK', 'abcdefghjk'],
    [' abcdefghjk ', 'abcdefghjk'],
    ['abcde-fghj', null],
    ['abcde-fghjkm', null],
    ['abcde-fghj0', null],
    ['abcde-fghjl', null],
    ['123456', null],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeRecoveryCode(input)).toBe(expected);
  });

  it('hashes per account: the same code of two accounts differs, and no plain text is kept', () => {
    const a = hashRecoveryCode(keyed, 'staff-a', 'abcdefghjk');
    expect(a).toBe(hashRecoveryCode(keyed, 'staff-a', 'abcdefghjk'));
    expect(a).not.toBe(hashRecoveryCode(keyed, 'staff-b', 'abcdefghjk'));
    expect(a).not.toContain('abcdefghjk');
  });

  it('through the TwoFactor port: typed variants hash alike; non-codes hash to null; secrets seal', () => {
    const tf = totpTwoFactor(new PersonalDataCipher('unit-test-secret-0123456789abcdefghij'), 'Xinfang Test');
    const [code] = tf.newRecoveryCodes();
    expect(tf.hashRecoveryCode('id-1', code!)).toBe(tf.hashRecoveryCode('id-1', code!.toUpperCase().replace('-', ' ')));
    expect(tf.hashRecoveryCode('id-1', 'nope')).toBeNull();
    const secret = tf.newSecret();
    const sealed = tf.seal(secret);
    expect(sealed).not.toContain(secret);
    expect(tf.open(sealed)).toBe(secret);
  });
});
