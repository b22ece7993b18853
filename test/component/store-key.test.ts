/**
 * Issue 15, item 10 — a key that does not match the store. The store keeps a key check
 * value from its first start; a server with another key, or with none (a new DATA_DIR
 * against the same DATABASE_URL, no SECRET_KEY), refuses to start with a message that
 * says what to do, and never generates a new key for a store that has encrypted data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.ts';
import { StoreKeyError } from '../../src/store/store-key.ts';
import { newCase } from '../helpers/cases.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { spawnServer } from '../helpers/process.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { tempDir } from '../helpers/stores.ts';

const WRONG = 'a-different-secret-key-0123456789abcdef';

describe('one PostgreSQL store, servers with different DATA_DIRs', () => {
  let db: TestDatabase;
  const dirs: string[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  let firstDir = '';
  let caseNumber = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    firstDir = dir();
    const store = await createStore({ databaseUrl: db.url, dataDir: firstDir, secretKey: { configured: undefined, dataDir: firstDir } });
    expect(store.keyGenerated).toBe(true);
    caseNumber = (await store.cases.create(newCase({}))).caseNumber;
    await store.close();
  });
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a server with no key and another DATA_DIR, generating none', async () => {
    const other = dir();
    const opening = createStore({ databaseUrl: db.url, dataDir: other, secretKey: { configured: undefined, dataDir: other } });
    await expect(opening).rejects.toThrow(StoreKeyError);
    await expect(opening).rejects.toThrow(/SECRET_KEY is not set.*No new key was generated/);
    expect(fs.existsSync(path.join(other, 'secret.key'))).toBe(false);
  });

  it('refuses another key, and opens with the first one', async () => {
    await expect(createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: WRONG })).rejects.toThrow(/SECRET_KEY is not the key this store/);
    const key = fs.readFileSync(path.join(firstDir, 'secret.key'), 'utf8').trim();
    const store = await createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: key });
    expect((await store.cases.findByNumber(caseNumber, { all: true }))!.petitioner.name).toBe('张桂兰');
    await store.close();
  });

  it('checks a store from before the check value by decrypting its data, then records the value', async () => {
    const key = fs.readFileSync(path.join(firstDir, 'secret.key'), 'utf8').trim();
    const admin = await createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: key });
    await admin.handle.prisma.storeMeta.deleteMany({});
    await admin.close();
    await expect(createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: WRONG })).rejects.toThrow(StoreKeyError);
    const store = await createStore({ databaseUrl: db.url, dataDir: dir(), secretKey: key });
    expect(await store.handle.prisma.storeMeta.count({ where: { key: 'key_check' } })).toBe(1);
    await store.close();
  });

  it('npm start refuses to start with a message that says what to do', async () => {
    const p = spawnServer({ DATABASE_URL: db.url, DATA_DIR: dir(), NLU_CACHE_DIR: SHARED_NLU_CACHE });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/cannot start: .*SECRET_KEY is not set.*Set SECRET_KEY to the key of the server that created the store/s);
  }, 120_000);
});

describe('the embedded store', () => {
  it('refuses a changed SECRET_KEY on the same DATA_DIR', async () => {
    const d = tempDir();
    try {
      const store = await createStore({ dataDir: d, databaseUrl: undefined, secretKey: 'the-first-secret-key-0123456789abcdef' });
      await store.cases.create(newCase({}));
      await store.close();
      await expect(createStore({ dataDir: d, databaseUrl: undefined, secretKey: WRONG })).rejects.toThrow(StoreKeyError);
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
