/**
 * npm run seed:demo -- --cases N
 *
 * Fills the store (DATABASE_URL, else the embedded store in DATA_DIR) with N realistic
 * demo cases spread over the past year (generator: scripts/seed/demo-cases.ts; bulk
 * insert in batches: scripts/seed/bulk-insert.ts). Case numbers continue the store's
 * daily counters. The embedded store serves one process: with the server running on
 * the same DATA_DIR this stops with a clear error.
 */
import { loadConfig } from '../src/config.ts';
import { readCountyConfig } from '../src/county-config-file.ts';
import { createStore, type AppStore } from '../src/store/create-store.ts';
import { DataDirLockedError } from '../src/store/data-dir-lock.ts';
import { StoreKeyError } from '../src/store/store-key.ts';
import { seedCases } from './seed/bulk-insert.ts';

function parseArgs(argv: string[]): number {
  const i = argv.indexOf('--cases');
  const raw = i >= 0 ? argv[i + 1] : '1000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    console.error('usage: npm run seed:demo -- --cases N   (1 ≤ N ≤ 1000000)');
    process.exit(2);
  }
  return n;
}

async function main() {
  const n = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const cfg = loadConfig(process.env);
  const county = readCountyConfig(cfg.countyConfigPath);
  let store: AppStore;
  try {
    store = await createStore({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, secretKey: { configured: cfg.secretKey, dataDir: cfg.dataDir } });
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof StoreKeyError) {
      console.error(`seed:demo: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  try {
    await seedCases(store, county, n, { onProgress: (done, total) => process.stdout.write(`\r${done} / ${total}`) });
    const secs = (performance.now() - started) / 1000;
    console.log(`\nseeded ${n} demo cases into ${cfg.databaseUrl ? 'PostgreSQL' : cfg.dataDir} in ${secs.toFixed(1)} s (${Math.round(n / secs)} cases/s)`);
  } finally {
    await store.close();
  }
}

await main();
