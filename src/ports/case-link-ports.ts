/** Case links (repeat and related petitions) as staff see and decide them. */
import type { PlannedLink } from '../domain/case-links.ts';
import type { CaseScope } from './case-ports.ts';

/** Reads a case's linked case numbers (both directions, not unlinked), scoped to the caller. */
export interface CaseLinkReader {
  relatedCaseNumbers(caseId: string, scope: CaseScope): Promise<string[]>;
}

export type LinkStatus = 'suggested' | 'confirmed' | 'unlinked';

/** One link of a case as staff see it, from that case's side. */
export interface CaseLinkEntry {
  otherCaseId: string;
  otherCaseNumber: string;
  kind: 'repeat' | 'related';
  score: number;
  createdAt: Date;
  status: LinkStatus;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** A staff decision on the link between two cases (either direction). */
export interface LinkDecisionWrite {
  caseId: string;
  caseNumber: string;
  otherCaseId: string;
  otherCaseNumber: string;
  decision: 'confirm' | 'unlink';
  at: Date;
  actorId: string;
  /** Username, kept on the link as who decided. */
  actorName: string;
}

/** The group incident (群体性事件) a case belongs to, as staff see it. */
export interface IncidentSummary {
  caseCount: number;
  openedAt: Date;
  /** The first case, null when the caller may not see it. */
  hubCaseNumber: string | null;
  /** The member case whose emergency plan is the incident's, null when none (or not visible). */
  planCaseNumber: string | null;
}

export interface CaseLinkRepository extends CaseLinkReader {
  /** The case's group incident, or null when it belongs to none. */
  incidentOf(caseId: string, scope: CaseScope): Promise<IncidentSummary | null>;
  /** Every link of the case (also unlinked ones) whose other case is in the scope; newest first. */
  linksOf(caseId: string, scope: CaseScope): Promise<CaseLinkEntry[]>;
  /**
   * One transaction: the link's decision (conditional on it changing), the `repeat`
   * flag of the newer case kept in step, an internal timeline event on `caseId` and
   * the audit entry. 'unchanged' writes nothing (the same decision again).
   */
  decide(w: LinkDecisionWrite): Promise<'ok' | 'unchanged' | 'missing'>;
  /** Links an existing case in its own transaction; pairs linked before (also unlinked ones) are skipped. */
  linkNewCase(caseId: string): Promise<PlannedLink[]>;
  /**
   * A committed case in no incident looks again for its group incident (a similar filing
   * committed at the same moment was invisible at its filing); true when it joined or
   * formed one. Its own transaction.
   */
  regroupCase(caseId: string): Promise<boolean>;
}
