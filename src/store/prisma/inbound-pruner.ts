/**
 * Deletes old processed_inbound keys, and uploads no case took in time, in bounded
 * batches inside the job's transaction.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InboundPruner } from '../../ports/job-ports.ts';

export class PrismaInboundPruner implements InboundPruner {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** Deletes at most `take` keys recorded before `before`, oldest first; returns how many. */
  deleteBefore(before: Date, take: number): Promise<number> {
    return this.tx.$executeRaw`
      DELETE FROM processed_inbound WHERE key IN (
        SELECT key FROM processed_inbound WHERE at < ${before} ORDER BY at ASC LIMIT ${take})`;
  }

  /**
   * Deletes at most `take` attachment rows with no case that were sent before `before`;
   * returns the stored files no remaining row refers to (delete them from the file store).
   */
  async expireUnattached(before: Date, take: number): Promise<{ expired: number; orphanFiles: string[] }> {
    const rows = await this.tx.$queryRaw<{ storage_path: string }[]>`
      DELETE FROM attachments WHERE id IN (
        SELECT id FROM attachments WHERE case_id IS NULL AND created_at < ${before} ORDER BY created_at ASC LIMIT ${take})
      RETURNING storage_path`;
    const paths = [...new Set(rows.map((r) => r.storage_path))];
    if (paths.length === 0) return { expired: 0, orphanFiles: [] };
    // Files are stored once per content: keep one another row still refers to.
    const still = await this.tx.attachment.findMany({ where: { storagePath: { in: paths } }, select: { storagePath: true } });
    const kept = new Set(still.map((r) => r.storagePath));
    return { expired: rows.length, orphanFiles: paths.filter((p) => !kept.has(p)) };
  }
}
