/**
 * Encryption of personal fields at rest (AES-256-GCM) and keyed lookup hashes
 * (HMAC-SHA256), both derived from SECRET_KEY with HKDF so the two keys differ.
 * Ciphertext format: "v1." + base64url(iv[12] | tag[16] | ciphertext). Files (the
 * citizens' attachments: ID card photos among them) are sealed with their own derived
 * key: "XFA1" | iv[12] | tag[16] | ciphertext.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const FILE_MAGIC = Buffer.from('XFA1', 'ascii');

export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly fileKey: Buffer;

  constructor(secret: string) {
    const ikm = Buffer.from(secret, 'utf8');
    this.encKey = Buffer.from(hkdfSync('sha256', ikm, 'xinfang', 'personal-data-encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', ikm, 'xinfang', 'lookup-hash', 32));
    this.fileKey = Buffer.from(hkdfSync('sha256', ikm, 'xinfang', 'attachment-encryption', 32));
  }

  /** A file's bytes, sealed (AES-256-GCM) for the disk. */
  sealBytes(plain: Uint8Array): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.fileKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([FILE_MAGIC, iv, cipher.getAuthTag(), body]);
  }

  /** Whether bytes read from disk were sealed by sealBytes (older files are plain). */
  static isSealed(bytes: Uint8Array): boolean {
    return bytes.length >= FILE_MAGIC.length + 28 && Buffer.from(bytes.subarray(0, FILE_MAGIC.length)).equals(FILE_MAGIC);
  }

  openBytes(sealed: Uint8Array): Buffer {
    const raw = Buffer.from(sealed);
    const at = FILE_MAGIC.length;
    const decipher = createDecipheriv('aes-256-gcm', this.fileKey, raw.subarray(at, at + 12));
    decipher.setAuthTag(raw.subarray(at + 12, at + 28));
    return Buffer.concat([decipher.update(raw.subarray(at + 28)), decipher.final()]);
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
