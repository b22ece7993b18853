/**
 * Job runs under a PostgreSQL advisory lock taken inside a transaction
 * (`pg_try_advisory_xact_lock`): of two processes starting the same job at once, one
 * runs it and the other skips. The lock ends with the transaction, so a crashed run
 * never leaves it held. The run is recorded in `job_runs` in the same transaction.
 * On PGlite (one process, one connection) concurrent runs queue instead of skipping;
 * the jobs are idempotent, so the second finds nothing left to do.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { tryXactLock } from '../sql/jobs.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { JobRun, JobStore } from '../../ports/job-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { PrismaInboundPruner } from './inbound-pruner.ts';
import { PrismaJobRepository } from './job-repository.ts';
import { PrismaPlanRepository } from './plan-repository.ts';
import { PrismaRetentionRepository } from './retention-repository.ts';

/** First key of the two-key advisory lock: keeps job locks apart from any other use. */
const LOCK_NAMESPACE = 0x58464a42; // "XFJB"

const TX_OPTIONS = { maxWait: 60_000, timeout: 10 * 60_000 };

export class PrismaJobStore implements JobStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async lastRuns(): Promise<Map<string, Date>> {
    const rows = await this.prisma.jobRun.findMany({ select: { name: true, lastRunAt: true } });
    return new Map(rows.map((r) => [r.name, r.lastRunAt]));
  }

  runLocked(name: string, now: Date, work: (run: JobRun) => Promise<Record<string, number>>): Promise<Record<string, number> | null> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await tryXactLock(prismaQuery(tx), LOCK_NAMESPACE, name))) return null;
      const repo = new PrismaJobRepository(tx, this.cipher);
      const counts = await work({
        repo,
        plans: new PrismaPlanRepository(tx, this.cipher),
        retention: new PrismaRetentionRepository(tx, this.cipher),
        inbound: new PrismaInboundPruner(tx),
        statistics: { refresh: async () => void (await tx.$executeRawUnsafe('ANALYZE')) },
      });
      await repo.recordRun(name, now, counts);
      return counts;
    }, TX_OPTIONS);
  }
}
