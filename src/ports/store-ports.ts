/**
 * Store ports: what the use cases need from persistence, in domain terms.
 * Implementations live in src/store/prisma (PGlite or PostgreSQL).
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { StaffRole } from '../domain/county/schema.ts';
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

export interface StaffAccountRecord {
  id: string;
  username: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  /** Grid workers: villages of their grid inside the township (empty or absent: all). */
  villages?: string[];
  displayName: string | null;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
  /** The TOTP secret sealed with the store's cipher; set while enrolling and once enabled. */
  totpSecretEnc: string | null;
  /** TOTP is enforced at sign-in once enrolment is confirmed. */
  totpEnabled: boolean;
  /** Keyed hashes of the unused recovery codes. */
  recoveryCodeHashes: string[];
  createdAt: Date;
}

export interface NewStaffAccount {
  username: string;
  passwordHash: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  displayName: string | null;
  villages?: string[];
}

export interface StaffRepository {
  findByUsername(username: string): Promise<StaffAccountRecord | null>;
  findById(id: string): Promise<StaffAccountRecord | null>;
  create(input: NewStaffAccount): Promise<StaffAccountRecord>;
  /** Like create, but null when the username is taken (also under a concurrent create). */
  createIfAbsent(input: NewStaffAccount): Promise<StaffAccountRecord | null>;
  /** Every account by username (a county has tens to hundreds; bounded at 1,000). */
  list(): Promise<StaffAccountRecord[]>;
  count(): Promise<number>;
  recordLoginFailure(id: string, lockUntil: Date | null): Promise<void>;
  /**
   * Reserves one proof-of-identity attempt before it is checked, in one statement: it
   * counts as a failure now (and locks the account when it reaches the limit), so N
   * concurrent attempts are checked at most as often as the limit allows. False, and
   * nothing counted, while the account is locked. A success resets the count
   * (recordLoginSuccess); an attempt that turned out not to be a failure gives its
   * count back (releaseLoginAttempt).
   */
  reserveLoginAttempt(id: string, now: Date, policy: LoginLockPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, policy: LoginLockPolicy): Promise<void>;
  /**
   * The same reservation for a username no account has, kept by `key` (query_attempts),
   * so an unknown name and an existing one answer alike — also once "locked".
   */
  reserveUnknownLogin(key: string, now: Date, policy: LoginLockPolicy): Promise<boolean>;
  recordLoginSuccess(id: string): Promise<void>;
  /** Also clears the failure count and any lock. */
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Stores a not yet confirmed TOTP secret; false when TOTP is already enabled. */
  setPendingTotp(id: string, secretEnc: string): Promise<boolean>;
  /**
   * Enables TOTP with its recovery code hashes, only if the pending secret is still
   * `secretEnc` and TOTP is not enabled yet (of two confirmations one wins).
   */
  enableTotp(id: string, secretEnc: string, recoveryCodeHashes: string[]): Promise<boolean>;
  /** Removes the secret and every recovery code. */
  disableTotp(id: string): Promise<void>;
  /** Removes one recovery code hash atomically; true only for the caller that removed it. */
  consumeRecoveryCode(id: string, codeHash: string): Promise<boolean>;
  /**
   * Records that a TOTP time step was used; true only when it is later than every
   * step used before by this account (a code works once, RFC 6238 §5.2).
   */
  claimTotpStep(id: string, step: number): Promise<boolean>;
}

/** Account lockout: `maxFailures` failed attempts lock the account for `lockMs`. */
export interface LoginLockPolicy {
  maxFailures: number;
  lockMs: number;
}

export interface StaffSessionRecord {
  staffId: string;
  kind: 'cookie' | 'bearer';
  csrfToken: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface StaffSessionRepository {
  create(tokenHash: string, s: StaffSessionRecord): Promise<void>;
  find(tokenHash: string): Promise<StaffSessionRecord | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of one account (password reset); returns how many. */
  deleteForStaff(staffId: string): Promise<number>;
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  target: string | null;
  reason: string | null;
  data?: Record<string, unknown>;
}

export interface AuditLog {
  write(entry: AuditEntry): Promise<void>;
}
