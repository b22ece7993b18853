/**
 * Ports of emergency plans (应急预案) and of responsibility (who has held a case).
 * Every write that changes a case's plan is one transaction with its timeline event
 * and audit entry; a step is done once, a plan opens once per case.
 */
import type { DueStep, PlanStepRole } from '../domain/plans.ts';

/** A case by its id or its number. */
export type CaseRef = { id: string } | { caseNumber: string };

/** What opening a plan looks at (no personal data). */
export interface PlanFacts {
  id: string;
  caseNumber: string;
  status: string;
  unit: string;
  flags: string[];
  peopleCount: number | null;
  facts: string;
  demands: string | null;
  conversationId: string | null;
  planCode: string | null;
  createdAt: Date;
  /** The sensitive period it was filed in as a risk or group case, or null. */
  sensitivePeriod: string | null;
}

export interface PlanStepRecord {
  stepId: string;
  planCode: string;
  position: number;
  role: PlanStepRole;
  dueAt: Date;
  doneAt: Date | null;
  /** Staff id of who marked it done. */
  doneBy: string | null;
  note: string | null;
}

export interface CasePlanRecord {
  planCode: string | null;
  steps: PlanStepRecord[];
  closureReview: string | null;
  closureReviewAt: Date | null;
  /** Staff id of who wrote the after-action review. */
  closureReviewBy: string | null;
}

export interface OpenPlanWrite {
  caseId: string;
  caseNumber: string;
  unit: string;
  planCode: string;
  /** "zh / en", for the timeline and the alert. */
  label: string;
  steps: DueStep[];
  riskKinds: string[];
  at: Date;
}

export interface StepDoneWrite {
  caseId: string;
  caseNumber: string;
  stepId: string;
  actorId: string;
  note: string | null;
  /** The step's title, for the timeline. */
  title: string;
  late: boolean;
  at: Date;
}

export interface StaffEntryWrite {
  caseId: string;
  caseNumber: string;
  actorId: string;
  text: string;
  at: Date;
}

export interface PlanRepository {
  /** By id or case number; null when missing. */
  facts(ref: CaseRef): Promise<PlanFacts | null>;
  /** The citizen's latest messages in a conversation (decrypted), newest last. */
  citizenTexts(conversationId: string, limit: number): Promise<string[]>;
  /**
   * One transaction: sets the case's plan only while it has none, the step rows, an
   * internal timeline event, an audit entry and an alert. false: it had a plan already,
   * or its group incident has one (one plan per incident).
   */
  open(w: OpenPlanWrite): Promise<boolean>;
  planOf(caseId: string): Promise<CasePlanRecord>;
  /** One transaction (step, timeline event, audit); false when it was done already. */
  completeStep(w: StepDoneWrite): Promise<boolean>;
  /** One internal timeline event per step closed while still open, with the stated reason, and an audit entry. */
  recordWaived(w: StaffEntryWrite & { steps: { stepId: string; title: string }[] }): Promise<void>;
  /** Stores the after-action review of a closed case once (with event and audit); false if not closed or already written. */
  recordReview(w: StaffEntryWrite): Promise<boolean>;
  /** Display names (or usernames) of staff ids. */
  staffNames(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * The conversation's latest open case gets the `risk` flag (once, with an internal
   * timeline event and an audit entry); its id, or null when it has no open case.
   */
  flagConversationRisk(conversationId: string, at: Date): Promise<string | null>;
  /**
   * A possible risk in a chat (the screen's middle tier): one quiet alert for the bureau per
   * conversation and day, no hand-over. False when it was raised already. `kind`:
   * `risk_possible`, or `risk` in a sensitive period (raised one level).
   */
  /** Marks a case that became a risk case as filed in a sensitive period (once: a mark stays). */
  markSensitivePeriod(caseId: string, period: string): Promise<void>;
  notePossibleRisk(conversationId: string, message: string, at: Date, day: string, kind?: 'risk' | 'risk_possible'): Promise<boolean>;
}

export interface HoldingRecord {
  id: string;
  unit: string;
  staffId: string | null;
  staffName: string | null;
  since: Date;
  until: Date | null;
  reason: string | null;
}

export interface HoldingChange {
  caseId: string;
  /** Who held it until now: the first holding is backfilled from this when missing. */
  before: { unit: string; staffId: string | null };
  next: { unit: string; staffId: string | null };
  reason: string | null;
  at: Date;
}

export interface HoldingRepository {
  /** Closes the open holding and opens the next, in one transaction. */
  change(c: HoldingChange): Promise<void>;
  /** Oldest first. */
  list(caseId: string): Promise<HoldingRecord[]>;
}
