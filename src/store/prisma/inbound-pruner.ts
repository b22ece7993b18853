/** Deletes old processed_inbound keys in bounded batches, inside the job's transaction. */
import type { Prisma } from '../../generated/prisma/client.ts';

export class PrismaInboundPruner {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** Deletes at most `take` keys recorded before `before`, oldest first; returns how many. */
  deleteBefore(before: Date, take: number): Promise<number> {
    return this.tx.$executeRaw`
      DELETE FROM processed_inbound WHERE key IN (
        SELECT key FROM processed_inbound WHERE at < ${before} ORDER BY at ASC LIMIT ${take})`;
  }
}
