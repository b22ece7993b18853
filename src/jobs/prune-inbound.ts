/**
 * Forgets what came in and is no longer needed:
 * - processed inbound delivery keys (Telegram update ids, relay claims) after
 *   PRUNE_INBOUND_AFTER_DAYS: a redelivery comes within a day, so older keys only grow
 *   the table;
 * - uploads no case took within UNATTACHED_UPLOAD_TTL_MS (24 hours; a filing after that
 *   no longer takes them): the row and, when no other row shares it, the stored file.
 * Bounded: at most TAKE rows of each per run, oldest first; the next run goes on. A file
 * is deleted during the run: should the transaction then fail, its row is deleted again
 * by the next run (deleting a missing file is fine).
 */
import { UNATTACHED_UPLOAD_TTL_MS } from '../domain/attachment-type.ts';
import type { Job } from './job.ts';

export const PRUNE_INBOUND_AFTER_DAYS = 14;
const TAKE = 5000;
const DAY_MS = 86_400_000;

export const pruneInbound: Job = {
  name: 'prune-inbound',
  everyMs: 6 * 3600_000,
  async run({ deps, inbound: pruner, now, log }) {
    const deleted = await pruner.deleteBefore(new Date(now.getTime() - PRUNE_INBOUND_AFTER_DAYS * DAY_MS), TAKE);
    const uploads = await pruner.expireUnattached(new Date(now.getTime() - UNATTACHED_UPLOAD_TTL_MS), TAKE);
    let files = 0;
    for (const file of uploads.orphanFiles) {
      try {
        await deps.store.files.remove(file);
        files++;
      } catch (err) {
        log.warn({ err }, 'expired upload not deleted');
      }
    }
    return { deleted, uploadsExpired: uploads.expired, files };
  },
};
