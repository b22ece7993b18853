/**
 * `npm start`: reads the config, then starts the composition root (src/root/start-app.ts).
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, type AppConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startApp, type RunningApp } from './root/start-app.ts';

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
  for (const w of app.warnings) console.warn(w);
  if (app.secretKeyGenerated) console.log(`A new SECRET_KEY was generated into ${cfg.dataDir}/secret.key — back it up: without it personal data cannot be read.`);
  if (app.generatedCredentials.length > 0) {
    console.log('\nStaff accounts created. These passwords are shown this once:');
    for (const c of app.generatedCredentials) console.log(`  ${c.username.padEnd(16)} ${c.password}`);
    console.log('');
  }
  console.log(`Petition bot ready on ${app.url}  (store: ${app.store.kind})`);
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
