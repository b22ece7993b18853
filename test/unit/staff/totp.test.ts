/** TOTP against the RFC test vectors, base32 round trips and the verification window. */
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, keyUri, matchTotp, newTotpSecret, timeStep, totpAt } from '../../../src/staff/auth/totp.ts';

// RFC 4226 / RFC 6238 SHA-1 seed: ASCII "12345678901234567890".
const SEED = Buffer.from('12345678901234567890', 'ascii');
const SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i → %s', (counter, code) => {
    expect(hotp(SEED, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T=%i → %s (8 digits), and its last 6 with the default', (seconds, code) => {
    expect(totpAt(SEED_B32, at(seconds), 8)).toBe(code);
    expect(totpAt(SEED_B32, at(seconds))).toBe(code.slice(2));
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j ↔ %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    if (encoded) expect(base32Decode(encoded)?.toString()).toBe(plain);
  });

  it('decodes the seed, ignoring case, spaces, dashes and padding', () => {
    expect(base32Decode(SEED_B32)).toEqual(SEED);
    expect(base32Decode('gezd gnbv-gy3t qojq gezd gnbv gy3t qojq====')).toEqual(SEED);
  });

  it('refuses what is not base32', () => {
    expect(base32Decode('GEZ1')).toBeNull();
    expect(base32Decode('')).toBeNull();
  });

  it('makes 160-bit secrets of 32 characters that round-trip', () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(s)!)).toBe(s);
    expect(newTotpSecret()).not.toBe(s);
  });
});

describe('matchTotp: ±1 step of 30 s', () => {
  const now = at(1_700_000_015);
  const step = timeStep(now);
  it.each([
    [-2, null],
    [-1, step - 1],
    [0, step],
    [1, step + 1],
    [2, null],
  ])('a code %i steps away matches %s', (offset, expected) => {
    const code = totpAt(SEED_B32, at(1_700_000_015 + offset * 30));
    expect(matchTotp(SEED_B32, code, now)).toBe(expected);
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 34 5'])('refuses the malformed code %j', (code) => {
    expect(matchTotp(SEED_B32, code, now)).toBeNull();
  });

  it('accepts a code typed with a space, and refuses a wrong one', () => {
    const code = totpAt(SEED_B32, now);
    expect(matchTotp(SEED_B32, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
    expect(matchTotp(SEED_B32, String((Number(code) + 1) % 1_000_000).padStart(6, '0'), now)).toBeNull();
  });
});

describe('keyUri', () => {
  it('builds an otpauth URI with an escaped label and issuer', () => {
    const uri = keyUri({ secret: SEED_B32, account: 'zrzy01', issuer: 'Xinfang Shifan County' });
    expect(uri).toBe(
      `otpauth://totp/Xinfang%20Shifan%20County:zrzy01?secret=${SEED_B32}&issuer=Xinfang%20Shifan%20County&algorithm=SHA1&digits=6&period=30`,
    );
    const url = new URL(uri);
    expect(url.searchParams.get('secret')).toBe(SEED_B32);
  });
});
