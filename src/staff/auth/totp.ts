/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 6 digits,
 * 30-second steps, secrets in RFC 4648 base32 as authenticator apps expect. Pure: the
 * time is an argument; only `newTotpSecret` draws randomness.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP = { digits: 6, stepSeconds: 30, window: 1, secretBytes: 20 } as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces, dashes and padding; null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  if (clean.length === 0) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP value of `counter`, zero-padded to `digits`. */
export function hotp(key: Uint8Array, counter: number, digits: number = TOTP.digits): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

/** The time step (RFC 6238 T) of an instant. */
export const timeStep = (at: Date, stepSeconds: number = TOTP.stepSeconds) => Math.floor(at.getTime() / 1000 / stepSeconds);

/** The code an authenticator shows at `at` for a base32 secret. */
export function totpAt(secret: string, at: Date, digits: number = TOTP.digits): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('TOTP secret is not base32');
  return hotp(key, timeStep(at), digits);
}

/**
 * The time step a code matches within ±`window` steps of `at`, or null. Callers must
 * refuse a step already used (RFC 6238 §5.2: each code works once).
 */
export function matchTotp(secret: string, code: string, at: Date, window: number = TOTP.window): number | null {
  const key = base32Decode(secret);
  const given = code.replace(/\s/g, '');
  if (!key || !new RegExp(`^\\d{${TOTP.digits}}$`).test(given)) return null;
  const now = timeStep(at);
  let found: number | null = null;
  // Every candidate is compared, so timing does not tell which step matched.
  for (let step = now - window; step <= now + window; step++) {
    if (step >= 0 && timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given))) found ??= step;
  }
  return found;
}

export const newTotpSecret = () => base32Encode(randomBytes(TOTP.secretBytes));

/**
 * The key URI of the Google Authenticator format (otpauth://totp/Issuer:account?…),
 * which authenticator apps accept typed or pasted as well as scanned.
 */
export function keyUri(o: { secret: string; account: string; issuer: string }): string {
  const label = `${encodeURIComponent(o.issuer)}:${encodeURIComponent(o.account)}`;
  const q = new URLSearchParams({
    secret: o.secret,
    issuer: o.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP.digits),
    period: String(TOTP.stepSeconds),
  });
  return `otpauth://totp/${label}?${q.toString().replace(/\+/g, '%20')}`;
}

/** A secret grouped in fours for typing into an app by hand. */
export const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');
