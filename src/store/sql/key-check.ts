/**
 * The store's key check value (`store_meta.key_check`) and a sample of its encrypted
 * data, read and written once at start (store-key.ts).
 */
import type { SqlQuery } from './sql-exec.ts';

const CHECK = 'key_check';

/** The stored key check value, or null before the first start wrote one. */
export async function storedKeyCheck(q: SqlQuery): Promise<string | null> {
  const [row] = await q.query<{ value: string }>(`SELECT value FROM store_meta WHERE key = $1`, [CHECK]);
  return row?.value ?? null;
}

/** Writes the key check value unless one is there already (a concurrent first start may win). */
export async function insertKeyCheck(q: SqlQuery, value: string): Promise<void> {
  await q.query(`INSERT INTO store_meta (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING`, [CHECK, value]);
}

/** One encrypted value of the store, if it has any. */
export async function encryptedSample(q: SqlQuery): Promise<string | null> {
  const [row] = await q.query<{ v: string | null }>(
    `SELECT coalesce(
       (SELECT text FROM messages LIMIT 1),
       (SELECT coalesce(name_enc, phone_enc, id_number_enc) FROM petitioners WHERE coalesce(name_enc, phone_enc, id_number_enc) IS NOT NULL LIMIT 1),
       (SELECT state->>'enc' FROM conversations WHERE state ? 'enc' LIMIT 1),
       (SELECT totp_secret_enc FROM staff_accounts WHERE totp_secret_enc IS NOT NULL LIMIT 1)
     ) AS v`,
    [],
  );
  return row?.v ?? null;
}
