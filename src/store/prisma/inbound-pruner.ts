/**
 * Deletes old processed_inbound keys, and uploads no case took in time, in bounded
 * batches inside the job's transaction.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InboundPruner } from '../../ports/job-ports.ts';
import { deleteInboundKeysBefore, deleteUnattachedBefore } from '../sql/housekeeping.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

export class PrismaInboundPruner implements InboundPruner {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** Deletes at most `take` keys recorded before `before`, oldest first; returns how many. */
  deleteBefore(before: Date, take: number): Promise<number> {
    return deleteInboundKeysBefore(prismaQuery(this.tx), before, take);
  }

  /**
   * Deletes at most `take` attachment rows with no case that were sent before `before`;
   * returns the stored files no remaining row refers to (delete them from the file store).
   */
  async expireUnattached(before: Date, take: number): Promise<{ expired: number; orphanFiles: string[] }> {
    const deleted = await deleteUnattachedBefore(prismaQuery(this.tx), before, take);
    const paths = [...new Set(deleted)];
    if (paths.length === 0) return { expired: 0, orphanFiles: [] };
    // Files are stored once per content: keep one another row still refers to.
    const still = await this.tx.attachment.findMany({ where: { storagePath: { in: paths } }, select: { storagePath: true } });
    const kept = new Set(still.map((r) => r.storagePath));
    return { expired: deleted.length, orphanFiles: paths.filter((p) => !kept.has(p)) };
  }
}
