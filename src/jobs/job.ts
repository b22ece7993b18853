/**
 * A periodic job: idempotent, bounded, and given the clock. The runner takes a
 * database lock per job so that with several server processes one runs it at a time,
 * and hands the job repositories bound to the transaction that holds the lock.
 */
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { JobRun } from '../ports/job-ports.ts';
import type { Store } from '../ports/store.ts';

/** What the jobs get from the composition root (a test passes a store without the NLU). */
export interface JobDeps {
  county: CountyConfig;
  store: Pick<Store, 'jobs' | 'files'>;
  /** Days after closing before the retention job erases a case's personal data (RETENTION_DAYS). */
  retentionDays?: number;
}

/** Every read and write of the run goes through its repositories (one transaction). */
export interface JobContext extends JobRun {
  deps: JobDeps;
  log: Logger;
  now: Date;
  /** Work that may only happen once the run committed (e.g. removing a file its rows no longer name); failures are logged. */
  afterCommit(fn: () => Promise<void>): void;
}

export interface Job {
  name: string;
  /** How often the in-process timer runs it. */
  everyMs: number;
  run(ctx: JobContext): Promise<Record<string, number>>;
}
