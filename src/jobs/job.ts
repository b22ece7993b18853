/**
 * A periodic job: idempotent, bounded, and given the clock. The runner takes a
 * database lock per job so that with several server processes one runs it at a time,
 * and hands the job a repository bound to the transaction that holds the lock.
 */
import type { Core } from '../root/core.ts';
import type { Logger } from '../log.ts';
import type { PrismaJobRepository } from '../store/prisma/job-repository.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** The part of the core a job needs (a test passes a store without the NLU). */
export type JobDeps = Pick<Core, 'county' | 'store'>;

export interface JobContext {
  deps: JobDeps;
  log: Logger;
  now: Date;
  /** Every read and write of the run goes through this (one transaction). */
  repo: PrismaJobRepository;
  /** The same transaction, for a job's own repository (e.g. PrismaPlanRepository.lateStepsIn). */
  tx: Prisma.TransactionClient;
  /** Work that may only happen once the run committed (e.g. removing a file its rows no longer name); failures are logged. */
  afterCommit(fn: () => Promise<void>): void;
}

export interface Job {
  name: string;
  /** How often the in-process timer runs it. */
  everyMs: number;
  run(ctx: JobContext): Promise<Record<string, number>>;
}
