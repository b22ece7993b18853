/** What the dashboard numbers need from the store; every query is scoped like the case list. */
import type { CaseFields } from '../domain/case/case-record.ts';
import type { CaseScope } from './case-ports.ts';

/** An instant range [from, to] (both inclusive) on a case's createdAt. */
export interface InstantRange {
  from: Date;
  to: Date;
}

export interface StatsCounts {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  /** Cases without a township are not counted here. */
  byTownship: Record<string, number>;
  flags: { overdue: number; risk: number; group: number; repeat: number };
  /** Ratings given (acceptance and handling alike), by value. */
  ratings: Record<string, number>;
  /**
   * Replied cases whose settlement (settlement.ts) the stored facts decide at `now`:
   * the review window stored and passed, or the citizen answered "not resolved".
   */
  decided: { settled: number; unsettled: number };
  /**
   * Replied cases the caller decides (no "not resolved" answer, review window not
   * stored): when replied, whether review was asked, the citizen's answer to the callback
   * question (null: not answered). Those whose stored window is still open at `now` are
   * pending and in neither list.
   */
  replied: { repliedAt: Date; reviewDueAt: Date | null; reviewRequested: boolean; followUpResolved?: boolean | null }[];
}

/** Cases created on one county-local day (YYYY-MM-DD). */
export interface DayCount {
  day: string;
  n: number;
}

export interface ExportFilter {
  status?: string | undefined;
  unit?: string | undefined;
  township?: string | undefined;
  category?: string | undefined;
  flag?: string | undefined;
}

export interface ExportRow
  extends Pick<
    CaseFields,
    | 'caseNumber' | 'createdAt' | 'category' | 'township' | 'unit' | 'coUnit' | 'flags' | 'channel' | 'petitioner' | 'acceptDueAt'
    | 'replyDueAt' | 'repliedAt' | 'ratingAcceptance' | 'ratingHandling'
  > {
  status: string;
}

export interface StatsRepository {
  /** The dashboard's counts over cases created in the range, settlement as of `now`. */
  counts(scope: CaseScope, range: InstantRange, now: Date): Promise<StatsCounts>;
  /** Cases created per local day in the range, days without cases left out, oldest first (the volume chart). */
  dailyCounts(scope: CaseScope, range: InstantRange): Promise<DayCount[]>;
  exportCount(scope: CaseScope, range: InstantRange, filter: ExportFilter): Promise<number>;
  /** Pages of cases in the range, oldest first, personal data decrypted (callers mask it). */
  exportRows(scope: CaseScope, range: InstantRange, filter: ExportFilter, batchSize: number): AsyncIterable<ExportRow[]>;
}
