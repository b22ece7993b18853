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
   * Replied cases: when, the stored review deadline (if any), whether review was asked,
   * and the citizen's answer to the callback question (null: not answered).
   */
  replied: { repliedAt: Date; reviewDueAt: Date | null; reviewRequested: boolean; followUpResolved?: boolean | null }[];
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
  counts(scope: CaseScope, range: InstantRange): Promise<StatsCounts>;
  /** createdAt of every case in the range (for the volume chart). */
  createdTimes(scope: CaseScope, range: InstantRange): Promise<Date[]>;
  exportCount(scope: CaseScope, range: InstantRange, filter: ExportFilter): Promise<number>;
  /** Pages of cases in the range, oldest first, personal data decrypted (callers mask it). */
  exportRows(scope: CaseScope, range: InstantRange, filter: ExportFilter, batchSize: number): AsyncIterable<ExportRow[]>;
}
