/**
 * What the backlog (积案) and the leaders in charge (包案) need from the store: open
 * cases received before a cutoff within the caller's scope, the cases leaders hold,
 * and the leader written on a case with its timeline event and audit entry.
 */
import type { CaseScope } from './case-ports.ts';

export interface BacklogQuery {
  scope: CaseScope;
  /** Open cases received at or before this instant (a letter, visit or call: on or before its local day) … */
  receivedBy: Date;
  /** … and after this one (an age bucket's upper bound). */
  receivedAfter?: Date | undefined;
  utcOffsetMinutes: number;
  unit?: string | undefined;
  township?: string | undefined;
  /** Only the cases of this leader (包案). */
  leaderStaffId?: string | undefined;
}

/** A case as the backlog shows it: no personal data. */
export interface BacklogCase {
  caseNumber: string;
  status: string;
  category: string;
  township: string | null;
  unit: string;
  coUnit: string | null;
  flags: string[];
  createdAt: Date;
  /** A letter, visit or call: the local day received (the case's age counts from it). */
  receivedOn: string | null;
  leaderStaffId: string | null;
  leaderSince: Date | null;
}

export interface BacklogRepository {
  /** Every backlog case (a county's backlog is hundreds, not millions; bounded at 5,000), in no order. */
  backlog(q: BacklogQuery): Promise<BacklogCase[]>;
  /** Open cases that have a leader in charge, within the scope (optionally one unit's, as attributed for unit performance), oldest first. */
  ledCases(scope: CaseScope, opts: { unit?: string | undefined; limit: number }): Promise<BacklogCase[]>;
  /** Open cases in leaders' charge within the scope, counted per competent unit and leader (all of them, not a page). */
  ledCounts(scope: CaseScope): Promise<{ unit: string; leaderStaffId: string; count: number }[]>;
}
