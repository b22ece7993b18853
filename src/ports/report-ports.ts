/** What the monthly report reads beyond unit aggregates; no personal data in any of it. */
import type { CaseFields } from '../domain/case/case-record.ts';
import type { InstantRange } from './stats-ports.ts';

/** The cases a report covers: one unit's (as attributed for unit performance), or the county's. */
export type ReportTarget = { county: true } | { county: false; code: string };

export interface FlaggedCase extends Pick<CaseFields, 'caseNumber' | 'createdAt' | 'category' | 'township' | 'flags'> {
  status: string;
}

export interface IssuedNotice {
  caseNumber: string;
  unit: string;
  issuedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
}

export interface ReportRepository {
  /** Cases created in the range by category and by township (no township: not counted). */
  volumes(range: InstantRange, target: ReportTarget): Promise<{ byCategory: Record<string, number>; byTownship: Record<string, number> }>;
  /** Group and risk cases created in the range, oldest first, at most `limit`. */
  flaggedCases(range: InstantRange, target: ReportTarget, limit: number): Promise<FlaggedCase[]>;
  /** Notices issued in the range (to the target unit), oldest first, at most `limit`. */
  noticesIssued(range: InstantRange, target: ReportTarget, limit: number): Promise<IssuedNotice[]>;
}
