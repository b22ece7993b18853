/**
 * What supervision notices (督办通知) need from the store. A notice is issued by a
 * supervisor (or the bureau) to one unit about one case and answered once by that
 * unit. Reads are scoped like the case list: a notice whose case the reader may not
 * see (a conduct case naming the reader's unit) is never returned.
 */
import type { CaseScope } from './case-ports.ts';

export interface NoticeRecord {
  id: string;
  caseId: string;
  caseNumber: string;
  unit: string;
  /** Username of the issuer (the audit log keeps the staff id). */
  issuedBy: string;
  issuedAt: Date;
  dueAt: Date;
  message: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
}

export interface NoticeFilter {
  unit?: string | undefined;
  caseId?: string | undefined;
  /** Only notices not answered yet. */
  open?: boolean | undefined;
  limit: number;
}

export interface NewNotice {
  caseId: string;
  caseNumber: string;
  unit: string;
  issuerId: string;
  issuerName: string;
  at: Date;
  dueAt: Date;
  message: string;
  /** The alert for the unit (no personal data). */
  alertMessage: string;
  /** The internal timeline event's text. */
  eventNote: string;
}

export interface NoticeAnswer {
  noticeId: string;
  caseId: string;
  caseNumber: string;
  answer: string;
  staffId: string;
  staffName: string;
  at: Date;
  /** The internal timeline event's text. */
  eventNote: string;
}

export interface SuperviseNoticeRepository {
  /** One transaction: the notice, an internal 督办 timeline event, the audit entry and the unit's alert. */
  issue(n: NewNotice): Promise<NoticeRecord>;
  /**
   * One transaction: the answer (only while the notice is unanswered), an internal
   * timeline event and the audit entry. 'conflict' when it was answered already.
   */
  answer(a: NoticeAnswer): Promise<'ok' | 'conflict'>;
  /** null when missing or its case is outside the scope. */
  find(id: string, scope: CaseScope): Promise<NoticeRecord | null>;
  /** Notices whose case is in the scope, soonest due first, at most `limit`. */
  list(filter: NoticeFilter, scope: CaseScope): Promise<NoticeRecord[]>;
}
