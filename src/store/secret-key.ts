/**
 * SECRET_KEY encrypts personal data at rest. When it is not configured, a random key
 * is generated once into DATA_DIR (mode 0600) and reused on every later start — but
 * only for a store that holds no encrypted data yet (store-key.ts decides).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const keyFile = (dataDir: string) => path.join(dataDir, 'secret.key');

/** The key saved in DATA_DIR by an earlier start, if any. */
export function readSecretKeyFile(dataDir: string): string | null {
  try {
    const key = fs.readFileSync(keyFile(dataDir), 'utf8').trim();
    return key.length >= 32 ? key : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
}

/** A new random key, written to DATA_DIR/secret.key (never over an existing file). */
export function writeNewSecretKey(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  fs.writeFileSync(keyFile(dataDir), `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Removes a key this start generated and could not use (another server's key won). */
export function removeSecretKeyFile(dataDir: string): void {
  fs.rmSync(keyFile(dataDir), { force: true });
}
