/**
 * Which key this store's personal data is encrypted with. The store keeps a key check
 * value (`store_meta.key_check`: a keyed hash, from which the key cannot be read back)
 * written at its first start; every later start compares its own key's check value:
 * - a different key refuses to start with a message that says what to do (a server
 *   started with another DATA_DIR against the same DATABASE_URL would otherwise make a
 *   new key and then answer 500 on every case read);
 * - no key at all (no SECRET_KEY, no DATA_DIR/secret.key) on a store that has a check
 *   value or encrypted data refuses too: a new key is never generated for it;
 * - a store from before the check value existed is checked by decrypting one of its
 *   encrypted values, then gets its check value.
 * Two first starts racing with different keys: one check value wins, the other server
 * refuses (and removes the key it generated).
 */
import { PersonalDataCipher } from './personal-data-cipher.ts';
import type { SqlQuery } from './open-store.ts';
import { encryptedSample, insertKeyCheck, storedKeyCheck } from './sql/key-check.ts';
import { keyFile, readSecretKeyFile, removeSecretKeyFile, writeNewSecretKey } from './secret-key.ts';

/** Where the key comes from: SECRET_KEY, else DATA_DIR/secret.key, else (new stores only) generated there. */
export interface KeySource {
  configured: string | undefined;
  dataDir: string;
}

export class StoreKeyError extends Error {}

const checkValue = (key: string) => new PersonalDataCipher(key).hash('store-key-check', 'xinfang');

const mismatch = (source: string) =>
  new StoreKeyError(
    `${source} is not the key this store's personal data was encrypted with (the store's key check value differs). ` +
      'Start this server with the SECRET_KEY of the server that created the store (its SECRET_KEY setting, or the content of its DATA_DIR/secret.key). ' +
      'Nothing was changed.',
  );

const missing = (dataDir: string) =>
  new StoreKeyError(
    `This store already holds personal data encrypted with a key this server does not have: SECRET_KEY is not set and ${keyFile(dataDir)} does not exist. ` +
      'Set SECRET_KEY to the key of the server that created the store (or copy its DATA_DIR/secret.key into this DATA_DIR). No new key was generated.',
  );

/** Writes the check value unless one is there; the value that is there afterwards. */
async function claimCheck(q: SqlQuery, value: string): Promise<string> {
  await insertKeyCheck(q, value);
  return (await storedKeyCheck(q))!;
}

function decrypts(key: string, token: string): boolean {
  try {
    new PersonalDataCipher(key).decrypt(token);
    return true;
  } catch {
    return false;
  }
}

/** The key to use with this store, or a StoreKeyError that says what to do. */
export async function settleStoreKey(q: SqlQuery, source: KeySource): Promise<{ key: string; generated: boolean }> {
  const configured = source.configured ?? readSecretKeyFile(source.dataDir);
  const label = source.configured ? 'SECRET_KEY' : `The key in ${keyFile(source.dataDir)}`;
  const stored = await storedKeyCheck(q);
  if (configured) {
    const mine = checkValue(configured);
    if (stored !== null) {
      if (stored !== mine) throw mismatch(label);
      return { key: configured, generated: false };
    }
    const sample = await encryptedSample(q);
    if (sample !== null && !decrypts(configured, sample)) throw mismatch(label);
    if ((await claimCheck(q, mine)) !== mine) throw mismatch(label);
    return { key: configured, generated: false };
  }
  if (stored !== null || (await encryptedSample(q)) !== null) throw missing(source.dataDir);
  const key = writeNewSecretKey(source.dataDir);
  if ((await claimCheck(q, checkValue(key))) !== checkValue(key)) {
    removeSecretKeyFile(source.dataDir);
    throw mismatch('The key just generated');
  }
  return { key, generated: true };
}
