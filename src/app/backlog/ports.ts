/**
 * What the backlog (积案) and the leaders in charge (包案) need from the store: open
 * cases received before a cutoff within the caller's scope, the cases leaders hold,
 * and the leader written on a case with its timeline event and audit entry.
 */
import type { CaseScope } from '../../ports/store-ports.ts';

export interface BacklogQuery {
  scope: CaseScope;
  /** Open cases created (received) before this instant. */
  receivedBefore: Date;
  /** … and at or after this one (an age bucket's upper bound). */
  receivedAfter?: Date | undefined;
  unit?: string | undefined;
  township?: string | undefined;
  /** Only the cases of this leader (包案). */
  leaderStaffId?: string | undefined;
  /** The oldest first, at most this many (the counts cover them all). */
  limit: number;
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
  leaderStaffId: string | null;
  leaderSince: Date | null;
}

/** Every backlog case, lightly: what the counts by bucket, unit and township are made of. */
export interface BacklogTally {
  createdAt: Date;
  unit: string;
  township: string | null;
}

export interface BacklogRepository {
  /** The backlog's cases (oldest first, at most `limit`) and a tally of all of them (a county's backlog is hundreds, not millions). */
  backlog(q: BacklogQuery): Promise<{ items: BacklogCase[]; tally: BacklogTally[] }>;
  /** Open cases that have a leader in charge, within the scope (optionally one unit's, as attributed for unit performance), oldest first. */
  ledCases(scope: CaseScope, opts: { unit?: string | undefined; limit: number }): Promise<BacklogCase[]>;
}
