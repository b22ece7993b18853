/**
 * Composition root: config → store → use cases → HTTP. The only module that knows
 * every part; everything else receives its dependencies.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { bootstrapStaff, type GeneratedCredential } from './app/bootstrap-staff.ts';
import { systemClock, type Clock } from './app/ports.ts';
import { createHttpApp } from './channels/http/app.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { readCountyConfig } from './county-config-file.ts';
import { createLogger, type Logger } from './log.ts';
import { createStore, type AppStore } from './store/create-store.ts';
import { resolveSecretKey } from './store/secret-key.ts';
import { staffApiRouter } from './staff/api-routes.ts';
import { argon2Hasher } from './staff/password-hasher.ts';

export interface RunningApp {
  url: string;
  port: number;
  store: AppStore;
  log: Logger;
  /** Passwords generated at this start (first start only); printed once by the CLI. */
  generatedCredentials: GeneratedCredential[];
  secretKeyGenerated: boolean;
  close(): Promise<void>;
}

export async function startApp(cfg: AppConfig, opts: { clock?: Clock; log?: Logger } = {}): Promise<RunningApp> {
  const log = opts.log ?? createLogger(cfg.logLevel);
  const clock = opts.clock ?? systemClock;
  const county = readCountyConfig(cfg.countyConfigPath);
  const secret = resolveSecretKey(cfg.secretKey, cfg.dataDir);
  const store = await createStore({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, secretKey: secret.key });
  let ready = false;
  try {
    await store.county.sync(county);
    const generatedCredentials = await bootstrapStaff({ staff: store.staff, hasher: argon2Hasher }, county, cfg.adminPassword);

    const app = createHttpApp({
      log,
      isReady: () => ready,
      storeUp: () => store.ping(),
      routers: [
        staffApiRouter({
          staff: store.staff,
          sessions: store.sessions,
          hasher: argon2Hasher,
          clock,
          cases: store.cases,
          county,
          secureCookies: cfg.production,
        }),
      ],
    });
    const server = http.createServer(app);
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(cfg.port, cfg.host, resolve);
    });
    ready = true;
    const port = (server.address() as AddressInfo).port;
    log.info({ port, store: store.handle.kind }, 'listening');
    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      store,
      log,
      generatedCredentials,
      secretKeyGenerated: secret.generated,
      close: () =>
        (closing ??= (async () => {
          ready = false;
          server.closeIdleConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await store.close();
        })()),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** `npm start`: runs until SIGTERM/SIGINT, then closes the store cleanly. */
async function run(): Promise<void> {
  let cfg: AppConfig;
  try {
    cfg = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const log = createLogger(cfg.logLevel);
  let app: RunningApp;
  try {
    app = await startApp(cfg, { log });
  } catch (err) {
    log.fatal({ err }, 'cannot start');
    console.error(`cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  if (app.secretKeyGenerated) console.log(`A new SECRET_KEY was generated into ${cfg.dataDir}/secret.key — back it up: without it personal data cannot be read.`);
  if (app.generatedCredentials.length > 0) {
    console.log('\nStaff accounts created. These passwords are shown this once:');
    for (const c of app.generatedCredentials) console.log(`  ${c.username.padEnd(16)} ${c.password}`);
    console.log('');
  }
  console.log(`Petition bot ready on ${app.url}  (store: ${app.store.handle.kind})`);
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run();
}
