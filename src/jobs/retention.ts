/**
 * Retention: a case closed more than RETENTION_DAYS ago is anonymised — the
 * petitioner's personal data, address, representatives, query code, attachments, chat
 * transcript and the reception booking its visit came from are erased, the statistics
 * stay (see retention-repository.ts). A booking never registered is erased
 * IDLE_CONVERSATION_DAYS after its reception day. Each
 * case gets an internal timeline event and an audit entry. Idempotent (anonymized_at)
 * and bounded (TAKE cases per run, oldest closing first).
 *
 * Attachment files are deleted during the run: should the transaction then fail, the
 * case is not marked and the next run erases it again (deleting a missing file is fine).
 *
 * The run also seals up to SEAL_TAKE attachment files stored in the clear before files
 * were encrypted at rest: the sealed copy is written, the rows are moved to it in the
 * run's transaction, and the plain file is removed once that committed (a crash in
 * between leaves a plain file no row names).
 */
import type { RetentionRepository } from '../ports/job-ports.ts';
import type { Job, JobContext, JobDeps } from './job.ts';

export const DEFAULT_RETENTION_DAYS = 1825;
/** A conversation that never filed a case is erased this long after its last message. */
export const IDLE_CONVERSATION_DAYS = 90;
/** Failed-attempt counters are kept this long after their window began (the longest window or lock is 15 minutes). */
const ATTEMPTS_KEEP_MS = 24 * 3600_000;
const TAKE = 200;
const SEAL_TAKE = 100;
const DAY_MS = 86_400_000;

/** The configured period (JobDeps.retentionDays, from RETENTION_DAYS), else the default. */
export function retentionDaysOf(deps: JobDeps): number {
  return deps.retentionDays ?? DEFAULT_RETENTION_DAYS;
}

export const retention: Job = {
  name: 'retention',
  everyMs: 24 * 3600_000,
  async run(ctx) {
    const { deps, retention: repo, now, log } = ctx;
    const due = await repo.dueCases(new Date(now.getTime() - retentionDaysOf(deps) * DAY_MS), TAKE);
    const counts = { due: due.length, anonymized: 0, messages: 0, files: 0 };
    for (const c of due) {
      const r = await repo.anonymize(c, now);
      if (!r) continue;
      counts.anonymized++;
      counts.messages += r.messagesDeleted;
      if (c.conversationId) await repo.resetIdleConversation(c.conversationId);
      for (const file of r.orphanFiles) {
        try {
          await deps.store.files.remove(file);
          counts.files++;
        } catch (err) {
          log.warn({ err, caseNumber: c.caseNumber }, 'attachment file not deleted');
        }
      }
    }
    const conversations = await eraseIdleConversations(repo, ctx);
    // A booking never registered is kept as long as a conversation that filed nothing, counted from its reception day.
    const bookingsErased = await repo.eraseOldBookings(new Date(now.getTime() - IDLE_CONVERSATION_DAYS * DAY_MS).toISOString().slice(0, 10), now, TAKE);
    const attemptsPurged = await repo.purgeAttempts(new Date(now.getTime() - ATTEMPTS_KEEP_MS), now);
    return { ...counts, conversationsErased: conversations, bookingsErased, attemptsPurged, sealed: await sealPlainFiles(repo, ctx) };
  },
};

async function eraseIdleConversations(repo: RetentionRepository, { deps, now, log }: JobContext): Promise<number> {
  const ids = await repo.idleConversations(new Date(now.getTime() - IDLE_CONVERSATION_DAYS * DAY_MS), TAKE);
  for (const id of ids) {
    for (const file of await repo.eraseConversation(id)) {
      await deps.store.files.remove(file).catch((err: unknown) => log.warn({ err }, 'file of an erased conversation not deleted'));
    }
  }
  return ids.length;
}

async function sealPlainFiles(repo: RetentionRepository, { deps, log, afterCommit }: JobContext): Promise<number> {
  let sealed = 0;
  for (const plain of await repo.plainFiles(SEAL_TAKE)) {
    let stored: { relativePath: string };
    try {
      stored = await deps.store.files.put(await deps.store.files.read(plain));
    } catch (err) {
      log.warn({ err }, 'attachment file not sealed');
      continue;
    }
    await repo.movePath(plain, stored.relativePath);
    afterCommit(() => deps.store.files.remove(plain));
    sealed++;
  }
  return sealed;
}
