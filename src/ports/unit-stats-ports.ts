/**
 * What unit performance needs from the store: aggregates computed in the database,
 * one row per unit code (or per code and value), never a row per case.
 *
 * Attribution: a case counts for its competent unit (`unit`) and for its 属地
 * co-handler (`coUnit`, a township government `town:<name>`), once each; never for a
 * unit that a conduct case names as respondent (the case scope's rule).
 */
import type { InstantRange } from './stats-ports.ts';

export interface UnitCaseCounts {
  code: string;
  received: number;
  /** Accepted at or before the acceptance deadline. */
  acceptedOnTime: number;
  /** Replied at or before the reply deadline (an extension moves that deadline). */
  repliedOnTime: number;
  /** Open and past the deadline of its status at `now`. */
  overdue: number;
  /** Cases whose handling period was extended. */
  extensions: number;
  repeat: number;
  group: number;
  risk: number;
  /** Ratings given (acceptance and handling each count), and how many of them are in `satisfiedRatings`. */
  ratingsGiven: number;
  ratingsSatisfied: number;
}

/**
 * Replied cases that the settlement rule decides alike, counted together: `n` cases
 * whose review deadline is `reviewDueAt` or on the same side of `now` as it (or,
 * with none stored, replied on the local day of `repliedAt`), with the same review
 * request and callback answer.
 */
export interface UnitRepliedGroup {
  code: string;
  n: number;
  repliedAt: Date;
  reviewDueAt: Date | null;
  reviewRequested: boolean;
  followUpResolved: boolean | null;
}

export interface UnitNoticeCount {
  code: string;
  issued: number;
  answered: number;
}

export interface UnitAggregates {
  cases: UnitCaseCounts[];
  replied: UnitRepliedGroup[];
  /** Notices issued in the range, by the unit they were issued to. */
  notices: UnitNoticeCount[];
}

export interface AggregateQuery {
  range: InstantRange;
  now: Date;
  utcOffsetMinutes: number;
  /** Only these unit codes (undefined: every code). */
  codes?: readonly string[] | undefined;
  /** One row with code `county` over every case and every notice instead of one per unit. */
  county?: boolean | undefined;
  /** The rating values that count as satisfied (the dashboard's definition). */
  satisfiedRatings: readonly string[];
}

export interface UnitStatsRepository {
  /** Aggregates over cases created in the range (notices: issued in the range). */
  aggregates(q: AggregateQuery): Promise<UnitAggregates>;
}
