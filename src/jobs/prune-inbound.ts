/**
 * Forgets processed inbound delivery keys (Telegram update ids, relay claims) after
 * PRUNE_INBOUND_AFTER_DAYS: a redelivery comes within a day, so older keys only grow
 * the table. Bounded: at most TAKE rows per run, oldest first; the next run goes on.
 */
import { PrismaInboundPruner } from '../store/prisma/inbound-pruner.ts';
import type { Job } from './job.ts';

export const PRUNE_INBOUND_AFTER_DAYS = 14;
const TAKE = 5000;
const DAY_MS = 86_400_000;

export const pruneInbound: Job = {
  name: 'prune-inbound',
  everyMs: 6 * 3600_000,
  async run({ tx, now }) {
    const before = new Date(now.getTime() - PRUNE_INBOUND_AFTER_DAYS * DAY_MS);
    const deleted = await new PrismaInboundPruner(tx).deleteBefore(before, TAKE);
    return { deleted };
  },
};
