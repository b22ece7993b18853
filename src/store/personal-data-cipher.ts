/**
 * Encryption of personal fields at rest (AES-256-GCM) and keyed lookup hashes
 * (HMAC-SHA256), both derived from SECRET_KEY with HKDF so the two keys differ.
 * Ciphertext format: "v1." + base64url(iv[12] | tag[16] | ciphertext).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(secret: string) {
    const ikm = Buffer.from(secret, 'utf8');
    this.encKey = Buffer.from(hkdfSync('sha256', ikm, 'xinfang', 'personal-data-encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', ikm, 'xinfang', 'lookup-hash', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(token: string): string {
    if (!token.startsWith('v1.')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(token.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain ? this.encrypt(plain) : null;
  }

  decryptOptional(token: string | null | undefined): string | null {
    return token ? this.decrypt(token) : null;
  }

  /** Deterministic keyed hash for equality lookups (phone, ID number, query codes). */
  hash(kind: string, value: string): string {
    return createHmac('sha256', this.macKey).update(`${kind}\u0000${value}`).digest('base64url');
  }

  verifyHash(kind: string, value: string, expected: string): boolean {
    const a = Buffer.from(this.hash(kind, value));
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
