/**
 * What the periodic jobs read and write, bound to the one transaction the job runner
 * holds its advisory lock in: on PGlite every query must go through that transaction
 * (a second connection would wait on it), and on PostgreSQL the lock lasts exactly as
 * long as the work. Every write is idempotent: a flag is added once, an alert once
 * per dedupeKey, a follow-up once per case.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import { callbackCandidates, dueCaseIds } from '../sql/jobs.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { Button } from '../../ports/outbox-ports.ts';
import type { DeadlineKind, DueCase, CallbackCandidate, JobAlert, JobRepository } from '../../ports/job-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';

type Tx = Prisma.TransactionClient;

export class PrismaJobRepository implements JobRepository {
  constructor(
    private readonly tx: Tx,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * Cases in `statuses` whose `kind` deadline falls on or before `until` and whose
   * current state (overdue after `now`, else due soon) has no alert yet, earliest
   * due first. Handled cases drop out, so a bounded run always makes progress.
   */
  async dueCases(kind: DeadlineKind, statuses: readonly string[], now: Date, until: Date, take: number): Promise<DueCase[]> {
    const ids = await dueCaseIds(prismaQuery(this.tx), kind, statuses, now, until, take);
    if (ids.length === 0) return [];
    const cases = await this.tx.case.findMany({
      where: { id: { in: ids } },
      select: { id: true, caseNumber: true, status: true, unit: true, flags: true, acceptDueAt: true, replyDueAt: true, reviewAnswerDueAt: true },
    });
    const dueOf = (c: (typeof cases)[number]) => (kind === 'accept' ? c.acceptDueAt : kind === 'reply' ? c.replyDueAt : c.reviewAnswerDueAt)!;
    return cases
      .map((c) => ({ id: c.id, caseNumber: c.caseNumber, status: c.status, unit: c.unit, flags: c.flags, dueAt: dueOf(c) }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Adds a flag unless the case has it; true when it was added. */
  async addFlag(caseId: string, flag: string): Promise<boolean> {
    const r = await this.tx.case.updateMany({ where: { id: caseId, NOT: { flags: { has: flag } } }, data: { flags: { push: flag } } });
    return r.count === 1;
  }

  /** Raises an alert; true only when this call created it (false: the dedupeKey exists). */
  async raiseAlert(a: JobAlert): Promise<boolean> {
    const r = await this.tx.alert.createMany({
      data: [{ kind: a.kind, dedupeKey: a.dedupeKey, caseId: a.caseId, unit: a.unit, message: a.message, at: a.at }],
      skipDuplicates: true,
    });
    return r.count === 1;
  }

  /** An internal (non-public) timeline event written by the system. */
  async addSystemEvent(caseId: string, e: { at: Date; kind: string; note: string; data: Prisma.InputJsonValue }): Promise<void> {
    await this.tx.caseEvent.create({ data: { caseId, at: e.at, actorType: 'system', kind: e.kind, public: false, note: e.note, data: e.data } });
  }

  /**
   * Replied cases (still replied or closed since) whose reply is at or before
   * `repliedBefore`, never asked yet, with a conversation to ask in; oldest reply first.
   */
  callbackCandidates(repliedBefore: Date, take: number): Promise<CallbackCandidate[]> {
    return callbackCandidates(prismaQuery(this.tx), repliedBefore, take);
  }

  /** Marks the follow-up sent; false when another run marked it first. */
  async markCallbackSent(caseId: string, at: Date): Promise<boolean> {
    const r = await this.tx.case.updateMany({ where: { id: caseId, followUpSentAt: null }, data: { followUpSentAt: at } });
    return r.count === 1;
  }

  /** Queues a pushed message like the outbox store does (text encrypted), inside the job's transaction. */
  async enqueue(conversationId: string, message: { author: 'system'; text: string; buttons: Button[] }, at: Date): Promise<void> {
    await this.tx.message.create({
      data: { conversationId, at, direction: 'out', author: message.author, text: this.cipher.encrypt(message.text), payload: JSON.stringify(message.buttons), delivery: 'pending' },
    });
  }

  async recordRun(name: string, at: Date, result: Record<string, number>): Promise<void> {
    await this.tx.jobRun.upsert({ where: { name }, create: { name, lastRunAt: at, lastResult: result }, update: { lastRunAt: at, lastResult: result } });
  }
}
