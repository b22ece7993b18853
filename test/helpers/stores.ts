/** Opens a fresh store of either kind for a component test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createStore, type AppStore } from '../../src/store/create-store.ts';
import { createTestDatabase } from './postgres.ts';
import { PG_TEMPLATE_DB, seedPgliteData } from './store-templates.ts';

export const STORE_KINDS = ['pglite', 'postgres'] as const;
export type TestStoreKind = (typeof STORE_KINDS)[number];

export const TEST_SECRET = 'test-secret-key-0123456789abcdefghijklmnop';

export interface TestStore {
  store: AppStore;
  dataDir: string;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'xf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTestStore(kind: TestStoreKind): Promise<TestStore> {
  const dataDir = tempDir();
  const db = kind === 'postgres' ? await createTestDatabase('xf_test', PG_TEMPLATE_DB) : undefined;
  if (!db) seedPgliteData(dataDir);
  const store = await createStore({ dataDir, databaseUrl: db?.url, secretKey: TEST_SECRET });
  return {
    store,
    dataDir,
    databaseUrl: db?.url,
    cleanup: async () => {
      await store.close();
      await db?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store of the kind for the whole describe block: opened before its tests, cleaned up after. */
export function storeForSuite(kind: TestStoreKind): () => TestStore {
  let t: TestStore | undefined;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  return () => t!;
}

