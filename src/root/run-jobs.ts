/**
 * `npm run jobs -- --once`: runs every job once against the configured store, prints
 * what each did and exits 0 (1 when one failed, 2 on bad arguments or config).
 * Safe beside running servers: the runner's lock makes a busy job skip.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createCore } from './core.ts';
import { systemClock } from '../ports/clock.ts';
import { JOBS } from '../jobs/job-list.ts';
import { runJob } from '../jobs/runner.ts';

async function main(argv: readonly string[]): Promise<number> {
  if (!argv.includes('--once')) {
    console.error('usage: npm run jobs -- --once   (the server runs the jobs on its own timer)');
    return 2;
  }
  let cfg;
  try {
    cfg = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const log = createLogger(cfg.logLevel);
  const core = await createCore(cfg, log, systemClock);
  let failed = false;
  try {
    for (const job of JOBS) {
      try {
        const r = await runJob(core, job, log, systemClock.now());
        const what = r.ran ? Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(' ') : 'skipped (running elsewhere)';
        console.log(`${job.name}: ${what}`);
      } catch (err) {
        failed = true;
        log.error({ err, job: job.name }, 'job failed');
        console.error(`${job.name}: failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await core.close();
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`jobs: ${(err as Error).message}`);
    process.exit(1);
  },
);
