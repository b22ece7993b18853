/**
 * What the periodic jobs read and write. Each run happens in one transaction under a
 * database lock per job (JobStore.runLocked): every repository of a run is bound to
 * that transaction, so on PGlite every query goes through it and on PostgreSQL the
 * lock lasts exactly as long as the work. Every write is idempotent: a flag is added
 * once, an alert once per dedupeKey, a callback question once per case.
 */
import type { CaseFields } from '../domain/case/case-record.ts';
import type { Button } from './outbox-ports.ts';
import type { PlanRepository } from './plan-ports.ts';

export type DeadlineKind = 'accept' | 'reply' | 'review';

export interface DueCase extends Pick<CaseFields, 'id' | 'caseNumber' | 'unit' | 'flags'> {
  status: string;
  dueAt: Date;
}

/** A replied case to ask the callback question of, in the conversation that filed it. */
export interface CallbackCandidate extends Pick<CaseFields, 'id' | 'caseNumber'> {
  conversationId: string;
  locale: string;
  repliedAt: Date;
}

export interface JobAlert {
  kind: string;
  dedupeKey: string;
  caseId: string;
  unit: string;
  message: string;
  at: Date;
}

/** The deadline, callback and plan-step sweeps' reads and writes. */
export interface JobRepository {
  /**
   * Cases in `statuses` whose `kind` deadline falls on or before `until` and whose
   * current state (overdue after `now`, else due soon) has no alert yet, earliest
   * due first. Handled cases drop out, so a bounded run always makes progress.
   */
  dueCases(kind: DeadlineKind, statuses: readonly string[], now: Date, until: Date, take: number): Promise<DueCase[]>;
  /** Adds a flag unless the case has it; true when it was added. */
  addFlag(caseId: string, flag: string): Promise<boolean>;
  /** Raises an alert; true only when this call created it (false: the dedupeKey exists). */
  raiseAlert(a: JobAlert): Promise<boolean>;
  /** An internal (non-public) timeline event written by the system. */
  addSystemEvent(caseId: string, e: { at: Date; kind: string; note: string; data: Record<string, string | number | boolean | null> }): Promise<void>;
  /**
   * Replied cases (still replied or closed since) whose reply is at or before
   * `repliedBefore`, never asked yet, with a conversation to ask in; oldest reply first.
   */
  callbackCandidates(repliedBefore: Date, take: number): Promise<CallbackCandidate[]>;
  /** Marks the callback question sent; false when another run marked it first. */
  markCallbackSent(caseId: string, at: Date): Promise<boolean>;
  /** Queues a pushed message like the outbox store does (text encrypted), inside the run's transaction. */
  enqueue(conversationId: string, message: { author: 'system'; text: string; buttons: Button[] }, at: Date): Promise<void>;
}

export interface LateStep {
  caseId: string;
  caseNumber: string;
  unit: string;
  stepId: string;
  planCode: string;
  dueAt: Date;
}

/** A late step's alert key: one alert per case and step, ever. */
export const lateStepKey = (caseId: string, stepId: string) => `plan_step_late:${caseId}:${stepId}`;

/** Plans inside the run: the plan repository, and what the plan-step sweep looks for. */
export interface PlanSweepRepository extends PlanRepository {
  /** Open steps past due on cases not closed whose alert was not raised yet, earliest first. */
  lateSteps(now: Date, take: number): Promise<LateStep[]>;
  /** Risk or group cases created since `since`, still open and without a plan (the sweep's safety net). */
  unplanned(since: Date, take: number): Promise<string[]>;
}

export interface RetentionCase extends Pick<CaseFields, 'id' | 'caseNumber' | 'conversationId'> {
  closedAt: Date;
  petitionerId: string | null;
}

export interface AnonymizeResult {
  /** Attachment files no remaining row refers to: delete them from the file store. */
  orphanFiles: string[];
  messagesDeleted: number;
}

/** What the retention job erases (src/store/prisma/retention-repository.ts says what goes and what stays). */
export interface RetentionRepository {
  /** Closed cases closed before `closedBefore` and not anonymised yet, oldest first. */
  dueCases(closedBefore: Date, take: number): Promise<RetentionCase[]>;
  /** Erases one case's personal data; null when another run did it first. */
  anonymize(c: RetentionCase, now: Date): Promise<AnonymizeResult | null>;
  /** Conversations idle since before `before` that never filed a case and wait for no one, at most `take`. */
  idleConversations(before: Date, take: number): Promise<string[]>;
  /** Erases a conversation: its state, transcript and outbox and the files it sent; the files to delete. */
  eraseConversation(id: string): Promise<string[]>;
  /**
   * Erases the name, phone and description of reception bookings with no case whose day
   * is before `beforeDay` (YYYY-MM-DD), at most `take`; how many. (A booking with a case
   * is erased by `anonymize` of that case.)
   */
  eraseOldBookings(beforeDay: string, now: Date, take: number): Promise<number>;
  /** Forgets failed-attempt counters whose window began before `before` and whose lock is over. */
  purgeAttempts(before: Date, now: Date): Promise<number>;
  /** Stored files written before files were sealed, at most `take`, in no order. */
  plainFiles(take: number): Promise<string[]>;
  /** Points every row of a stored file at its sealed copy. */
  movePath(from: string, to: string): Promise<void>;
  /** A conversation whose transcript is now empty forgets its dialogue state too. */
  resetIdleConversation(conversationId: string): Promise<void>;
}

/** Old delivery keys and uploads no case took in time. */
export interface InboundPruner {
  /** Deletes at most `take` keys recorded before `before`, oldest first; returns how many. */
  deleteBefore(before: Date, take: number): Promise<number>;
  /**
   * Deletes at most `take` attachment rows with no case that were sent before `before`;
   * returns the stored files no remaining row refers to (delete them from the file store).
   */
  expireUnattached(before: Date, take: number): Promise<{ expired: number; orphanFiles: string[] }>;
}

/** The repositories of one job run, bound to its transaction. */
/** The query planner's statistics of the store's tables. */
export interface StoreStatistics {
  /** Samples every table again (ANALYZE): row counts and how values spread. */
  refresh(): Promise<void>;
}

export interface JobRun {
  repo: JobRepository;
  plans: PlanSweepRepository;
  retention: RetentionRepository;
  inbound: InboundPruner;
  statistics: StoreStatistics;
}

export interface JobStore {
  /** When each job last ran (any process), for the timer's first delay. */
  lastRuns(): Promise<Map<string, Date>>;
  /**
   * Runs `work` in one transaction under the job's lock and records the run with the
   * counts it returns; null, without running it, when another process holds the lock
   * (on PGlite, one process, concurrent runs queue instead).
   */
  runLocked(name: string, now: Date, work: (run: JobRun) => Promise<Record<string, number>>): Promise<Record<string, number> | null>;
}
