/**
 * The case ports: a case as the use cases read and file it, who may see which cases,
 * and the case repository. Implementations live in src/store/prisma (PGlite or PostgreSQL).
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { CaseFields } from '../domain/case/case-record.ts';

/** The fields a filing sets; the rest of the case is the lifecycle's. */
type FiledFields =
  | 'origin' | 'channel' | 'conversationId' | 'locale' | 'petitioner' | 'category' | 'township' | 'unit' | 'coUnit' | 'respondent'
  | 'respondentUnits' | 'facts' | 'demands' | 'address' | 'peopleCount' | 'priorPetition' | 'representatives' | 'flags';
/** Fields a filing may leave out (not every channel asks them). */
type OptionalFiledFields = 'peopleUnit' | 'priorDetail' | 'intakeNotes' | 'idType' | 'consentMethod' | 'receivedOn' | 'sensitivePeriod';

/** What filing a case takes: the case's own fields, and how to file it. */
export interface NewCase extends Pick<CaseFields, FiledFields>, Partial<Pick<CaseFields, OptionalFiledFields>> {
  /** Idempotency key: a second create with the same key returns the first case. */
  submissionKey: string | null;
  /**
   * The day's sequence number, reserved before the transaction (reserveCaseSequence) so
   * that concurrent filings do not queue on the day's counter row for a whole turn; when
   * absent, the number is drawn inside the transaction.
   */
  sequence?: number;
  consent: { at: Date; version: string } | null;
  /** The instant of filing: the case's creation time, its first event and holding. */
  receivedAt: Date;
  /** The staff member who registered a letter, visit or call (the first event's actor). */
  registeredBy?: string | null;
  /** The county-local date of receipt, for the case number. */
  localDate: string;
  acceptDueAt: Date;
  /** Plain query code; only its keyed hash is stored. null for screening reports. */
  queryCode: string | null;
}

export interface TimelineEvent {
  at: Date;
  actorType: 'citizen' | 'staff' | 'system';
  actorId: string | null;
  kind: string;
  public: boolean;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

/** The fields staff read of a case (its record; the lifecycle's own state is CaseActionState). */
type RecordFields =
  | 'id' | 'caseNumber' | 'status' | 'origin' | 'category' | 'township' | 'unit' | 'coUnit' | 'flags' | 'sensitivePeriod' | 'petitioner'
  | 'facts' | 'demands' | 'respondent' | 'respondentUnits' | 'address' | 'peopleCount' | 'peopleUnit' | 'priorPetition' | 'priorDetail'
  | 'intakeNotes' | 'idType' | 'representatives' | 'channel' | 'locale' | 'createdAt' | 'acceptDueAt' | 'replyDueAt' | 'repliedAt'
  | 'reviewDueAt' | 'reviewRequestedAt' | 'reviewAnswerDueAt' | 'consentAt' | 'consentVersion' | 'consentMethod' | 'receivedOn';

/** The leader in charge of a case (包案): the supervisor's account as staff know it, and since when. */
export interface CaseLeader {
  username: string;
  displayName: string | null;
  since: Date | null;
}

/** A case as staff read it: its fields, its timeline and its written notices. */
export interface CaseRecord extends Pick<CaseFields, RecordFields> {
  /** The leader in charge (包案), or null. */
  leader: CaseLeader | null;
  timeline: TimelineEvent[];
  /** Written notices issued on the case, oldest first (the contract's Case.notices). */
  notices: CaseNoticeEntry[];
}

/** What a filing returns: the case, and whether this call created it (false: its idempotency key filed it before). */
export interface CreatedCase extends Pick<CaseFields, 'id' | 'caseNumber'> {
  created: boolean;
}

export interface CaseNoticeEntry {
  kind: string;
  issuedAt: Date;
  deliveredAt: Date | null;
  channel: string | null;
}

/**
 * Which cases a caller may see. `all` for the bureau, admin and supervisors; else
 * the units the caller works for: cases where one is the competent unit or the 属地
 * co-handler, never a conduct case that names one of them as respondent. `reviews`:
 * the county's review body also sees every case a review was asked for.
 */
export type CaseScope = { all: true } | { all: false; units: readonly string[]; screeningOf?: GridArea; reviews?: boolean };

/** A grid worker's area: screening reports of one township, optionally only some villages (matched in the address). */
export interface GridArea {
  township: string;
  villages: readonly string[];
  /**
   * The grid worker: a report against officials that accuses the township is shown only
   * to the grid worker who filed it (grid workers work for the township).
   */
  staffId?: string;
}

export interface CaseFilter {
  status?: CaseStatus | undefined;
  unit?: string | undefined;
  township?: string | undefined;
  category?: string | undefined;
  flag?: string | undefined;
  q?: string | undefined;
  /** Open cases whose current deadline (acceptance, reply once accepted, the review's answer) falls before this instant. */
  dueBefore?: Date | undefined;
  page: number;
  pageSize: number;
}

export interface CaseRepository {
  create(input: NewCase): Promise<CreatedCase>;
  /** null when missing or outside the scope (the caller cannot tell which). */
  findByNumber(caseNumber: string, scope: CaseScope): Promise<CaseRecord | null>;
  list(filter: CaseFilter, scope: CaseScope): Promise<{ items: CaseRecord[]; total: number }>;
  /** Constant answer shape: false for an unknown case and for a wrong code alike. */
  verifyQueryCode(caseNumber: string, code: string): Promise<boolean>;
}
