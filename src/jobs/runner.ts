/**
 * Runs a job in the store's job transaction under its lock (JobStore.runLocked): of
 * two processes starting the same job at once, one runs it and the other skips. Work
 * a job defers until the run committed (afterCommit) runs here, after it.
 */
import type { Logger } from '../log.ts';
import type { Job, JobDeps } from './job.ts';

export type JobOutcome = { name: string; ran: true; counts: Record<string, number> } | { name: string; ran: false };

export async function runJob(deps: JobDeps, job: Job, log: Logger, now: Date): Promise<JobOutcome> {
  const after: (() => Promise<void>)[] = [];
  const counts = await deps.store.jobs.runLocked(job.name, now, (run) => {
    after.length = 0; // a retried transaction starts over
    return job.run({ deps, log, now, ...run, afterCommit: (fn) => void after.push(fn) });
  });
  const outcome: JobOutcome = counts ? { name: job.name, ran: true, counts } : { name: job.name, ran: false };
  for (const fn of after) await fn().catch((err: unknown) => log.warn({ err, job: job.name }, 'job: work after commit failed'));
  if (outcome.ran) log.info({ job: job.name, ...outcome.counts }, 'job ran');
  else log.debug({ job: job.name }, 'job skipped: running in another process');
  return outcome;
}
