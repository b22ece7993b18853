/**
 * The opened store as the rest of the program sees it: every repository by its port.
 * src/store/create-store.ts builds them all, once; nothing outside src/store constructs
 * a repository or sees Prisma. The composition root hands each channel, router and job
 * the part of it that it uses.
 */
import type { SuperviseNoticeRepository } from './supervise-notice-ports.ts';
import type { ReportRepository } from './report-ports.ts';
import type { StatsRepository } from './stats-ports.ts';
import type { UnitStatsRepository } from './unit-stats-ports.ts';
import type { BacklogRepository } from './backlog-ports.ts';
import type { ReceptionBookingRepository } from './reception-ports.ts';
import type { AlertRepository, SupervisionAlertRepository } from './alert-ports.ts';
import type { AttachmentFiles, AttachmentRepository } from './attachment-ports.ts';
import type { CaseActionRepository } from './case-action-ports.ts';
import type { CaseLinkRepository } from './case-link-ports.ts';
import type { DeskRegistrationStore } from './desk-ports.ts';
import type { ConversationStore } from './conversation-ports.ts';
import type { CaseLookupRepository } from './case-lookup-ports.ts';
import type { CallbackAnswerStore } from './callback-ports.ts';
import type { QueryAttemptStore } from './query-attempt-ports.ts';
import type { GridBindingStore, ScreeningReportStore } from './grid-ports.ts';
import type { InboxRepository } from './inbox-ports.ts';
import type { JobStore } from './job-ports.ts';
import type { DeadLetterStore, OutboxStore } from './outbox-ports.ts';
import type { HoldingRepository, PlanRepository } from './plan-ports.ts';
import type { WrittenNoticeRepository } from './written-notice-ports.ts';
import type { CaseRepository } from './case-ports.ts';
import type { AuditLog } from './audit-ports.ts';
import type { StaffRepository, StaffSessionRepository } from './staff-ports.ts';

/** What the store's personal-data cipher offers (AES-256-GCM and a keyed HMAC). */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  hash(kind: string, value: string): string;
}

/** outbox: a conversation has new pending messages; inbox: a waiting chat changed; alert: a staff alert was raised. */
export type SignalTopic = 'outbox' | 'inbox' | 'alert';

/** Cross-process "the store changed, look again" hints (src/store/signals.ts); a listener keeps a slow poll besides. */
export interface SignalListener {
  /** Calls `handler` for every signal of `topic` from any process (this one included); returns the unsubscribe. */
  listen(topic: SignalTopic, handler: (payload: Record<string, unknown> | null) => void): () => void;
}

export interface Store {
  cases: CaseRepository;
  staff: StaffRepository;
  sessions: StaffSessionRepository;
  audit: AuditLog;
  conversations: ConversationStore;
  caseLookups: CaseLookupRepository;
  /** The answers to the 30-day callback question (回访). */
  callbacks: CallbackAnswerStore;
  /** Failed query-code look-ups (QUERY_LOCKOUT). */
  queryAttempts: QueryAttemptStore;
  /** Failed staff sign-ins per client network (LOGIN_IP_POLICY). */
  loginAttempts: QueryAttemptStore;
  /** Outbox and dead letters. */
  outbox: OutboxStore & DeadLetterStore;
  attachments: AttachmentRepository;
  files: AttachmentFiles;
  inbox: InboxRepository;
  caseActions: CaseActionRepository;
  caseLinks: CaseLinkRepository;
  plans: PlanRepository;
  holdings: HoldingRepository;
  notices: SuperviseNoticeRepository;
  /** Written notices (书面告知) kept with the cases. */
  writtenNotices: WrittenNoticeRepository;
  /** Staff alerts (new material, chats that start waiting). */
  alerts: AlertRepository;
  supervisionAlerts: SupervisionAlertRepository;
  stats: StatsRepository;
  unitStats: UnitStatsRepository;
  reports: ReportRepository;
  gridBindings: GridBindingStore;
  screeningReports: ScreeningReportStore;
  /** The registration desk (来信、来访、来电登记). */
  desk: DeskRegistrationStore;
  /** The backlog (积案) and the cases leaders hold (包案). */
  backlog: BacklogRepository;
  /** Bookings of leaders' reception days (预约接访). */
  receptionBookings: ReceptionBookingRepository;
  /** The periodic jobs' runs, each in one transaction under its lock. */
  jobs: JobStore;
  cipher: SecretCipher;
  signals: SignalListener;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
