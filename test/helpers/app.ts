/** Starts the whole app in-process on a free port with a temporary store. */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startApp, type RunningApp } from '../../src/root/start-app.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';
import { TEST_SECRET, tempDir, type TestStoreKind } from './stores.ts';
import { SHARED_NLU_CACHE } from './nlu-cache.ts';
import { PG_TEMPLATE_DB, seedPgliteData } from './store-templates.ts';

export interface TestApp {
  app: RunningApp;
  url: string;
  /** Every log line the app wrote. */
  logs: string[];
  passwords: Record<string, string>;
  dataDir: string;
  stop(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-test-password-1';

export async function startTestApp(kind: TestStoreKind = 'pglite', env: Record<string, string> = {}): Promise<TestApp> {
  const ownDir = env.DATA_DIR ? null : tempDir();
  const dataDir = env.DATA_DIR ?? ownDir!;
  const db: TestDatabase | undefined = kind === 'postgres' ? await createTestDatabase('xf_test', PG_TEMPLATE_DB) : undefined;
  if (!db && !env.DATABASE_URL) seedPgliteData(dataDir);
  const cfg = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SECRET_KEY: TEST_SECRET,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'debug',
    NLU_CACHE_DIR: SHARED_NLU_CACHE,
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await startApp(cfg, { log: createLogger('debug', sink) });
  const passwords: Record<string, string> = { admin: ADMIN_PASSWORD };
  for (const c of app.generatedCredentials) passwords[c.username] = c.password;
  return {
    app,
    url: app.url,
    logs,
    passwords,
    dataDir,
    stop: async () => {
      await app.close();
      await db?.drop();
      if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

/** Signs a staff member in through the API: the session token and its CSRF token. */
export async function signIn(t: TestApp, username: string): Promise<{ token: string; csrfToken: string }> {
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: t.passwords[username] }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; csrfToken: string };
}

export async function loginAs(t: TestApp, username: string): Promise<string> {
  return (await signIn(t, username)).token;
}
