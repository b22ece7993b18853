/**
 * Runs a job under a PostgreSQL advisory lock taken inside a transaction
 * (`pg_try_advisory_xact_lock`): of two processes starting the same job at once, one
 * runs it and the other skips. The lock ends with the transaction, so a crashed run
 * never leaves it held. The run is recorded in `job_runs` in the same transaction.
 * On PGlite (one process, one connection) concurrent runs queue instead of skipping;
 * the jobs are idempotent, so the second finds nothing left to do.
 */
import type { Logger } from '../log.ts';
import { PrismaJobRepository } from '../store/prisma/job-repository.ts';
import type { Job, JobDeps } from './job.ts';

/** First key of the two-key advisory lock: keeps job locks apart from any other use. */
const LOCK_NAMESPACE = 0x58464a42; // "XFJB"

const TX_OPTIONS = { maxWait: 60_000, timeout: 10 * 60_000 };

export type JobOutcome = { name: string; ran: true; counts: Record<string, number> } | { name: string; ran: false };

export async function runJob(deps: JobDeps, job: Job, log: Logger, now: Date): Promise<JobOutcome> {
  const after: (() => Promise<void>)[] = [];
  const outcome = await deps.store.handle.prisma.$transaction(async (tx): Promise<JobOutcome> => {
    after.length = 0; // a retried transaction starts over
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${job.name})) AS locked`;
    if (!row?.locked) return { name: job.name, ran: false };
    const repo = new PrismaJobRepository(tx, deps.store.cipher);
    const counts = await job.run({ deps, log, now, repo, tx, afterCommit: (fn) => void after.push(fn) });
    await repo.recordRun(job.name, now, counts);
    return { name: job.name, ran: true, counts };
  }, TX_OPTIONS);
  for (const fn of after) await fn().catch((err: unknown) => log.warn({ err, job: job.name }, 'job: work after commit failed'));
  if (outcome.ran) log.info({ job: job.name, ...outcome.counts }, 'job ran');
  else log.debug({ job: job.name }, 'job skipped: running in another process');
  return outcome;
}
