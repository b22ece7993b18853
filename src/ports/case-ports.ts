/**
 * The case ports: a case as the use cases read and file it, who may see which cases,
 * and the case repository. Implementations live in src/store/prisma (PGlite or PostgreSQL).
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { CaseOrigin } from '../domain/case/registration.ts';

export interface PersonalData {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

export interface Representative {
  name: string;
  phone: string | null;
}

export interface NewCase {
  /** Idempotency key: a second create with the same key returns the first case. */
  submissionKey: string | null;
  /**
   * The day's sequence number, reserved before the transaction (reserveCaseSequence) so
   * that concurrent filings do not queue on the day's counter row for a whole turn; when
   * absent, the number is drawn inside the transaction.
   */
  sequence?: number;
  origin: CaseOrigin;
  channel: string;
  conversationId: string | null;
  locale: 'zh' | 'en';
  petitioner: PersonalData;
  category: string;
  township: string | null;
  unit: string;
  coUnit: string | null;
  respondent: string | null;
  respondentUnits: string[];
  facts: string;
  demands: string | null;
  address: string | null;
  peopleCount: number | null;
  peopleUnit?: 'people' | 'households' | null;
  priorPetition: string | null;
  priorDetail?: string | null;
  /** The citizen's own words for fields the bot could not read, for staff. */
  intakeNotes?: Record<string, string> | null;
  /** resident | passport, of petitioner.idNumber. */
  idType?: string | null;
  representatives: Representative[];
  flags: string[];
  consent: { at: Date; version: string } | null;
  /** How the three understandings were told when not in chat (registration.ts ConsentMethod). */
  consentMethod?: string | null;
  /** The instant of filing: the case's creation time, its first event and holding. */
  receivedAt: Date;
  /** A letter, visit or call: the local date it was received (deadlines count from it). */
  receivedOn?: string | null;
  /** The staff member who registered a letter, visit or call (the first event's actor). */
  registeredBy?: string | null;
  /** A risk or group case filed during a sensitive period: the period's name (sensitive-periods.ts). */
  sensitivePeriod?: string | null;
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

export interface CaseRecord {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  origin: CaseOrigin;
  category: string;
  township: string | null;
  unit: string;
  coUnit: string | null;
  flags: string[];
  /** Filed during a sensitive period as a risk or group case: the period's name. */
  sensitivePeriod: string | null;
  petitioner: PersonalData;
  facts: string;
  demands: string | null;
  respondent: string | null;
  respondentUnits: string[];
  address: string | null;
  peopleCount: number | null;
  peopleUnit: 'people' | 'households' | null;
  priorPetition: string | null;
  priorDetail: string | null;
  intakeNotes: Record<string, string> | null;
  idType: string | null;
  representatives: Representative[];
  channel: string;
  locale: 'zh' | 'en';
  createdAt: Date;
  acceptDueAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  reviewDueAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewAnswerDueAt: Date | null;
  consentAt: Date | null;
  consentVersion: string | null;
  consentMethod: string | null;
  receivedOn: string | null;
  timeline: TimelineEvent[];
  /** Written notices issued on the case, oldest first (the contract's Case.notices). */
  notices: CaseNoticeEntry[];
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
  create(input: NewCase): Promise<{ id: string; caseNumber: string; created: boolean }>;
  /** null when missing or outside the scope (the caller cannot tell which). */
  findByNumber(caseNumber: string, scope: CaseScope): Promise<CaseRecord | null>;
  list(filter: CaseFilter, scope: CaseScope): Promise<{ items: CaseRecord[]; total: number }>;
  /** Constant answer shape: false for an unknown case and for a wrong code alike. */
  verifyQueryCode(caseNumber: string, code: string): Promise<boolean>;
}
