/** Opens the store and wires its repositories: the one place that knows Prisma. */
import { openStore, type OpenStoreOptions, type StoreHandle, type StoreKind } from './open-store.ts';
import { PersonalDataCipher } from './personal-data-cipher.ts';
import { PrismaWrittenNoticeRepository } from './prisma/written-notice-repository.ts';
import { PrismaCaseRepository } from './prisma/case-repository.ts';
import { PrismaAuditLog, PrismaStaffRepository, PrismaStaffSessionRepository } from './prisma/staff-repository.ts';
import { PrismaCountyRepository } from './prisma/county-repository.ts';
import { PrismaConversationStore } from './prisma/conversation-store.ts';
import { PrismaCaseLookupRepository } from './prisma/case-lookup-repository.ts';
import { PrismaQueryAttemptStore } from './prisma/query-attempts.ts';
import { PrismaOutboxStore } from './prisma/outbox-store.ts';
import { PrismaAttachmentRepository } from './prisma/attachment-repository.ts';
import { FileStore } from './file-store.ts';
import { PrismaInboxRepository } from './prisma/inbox-repository.ts';
import { PrismaCaseActionRepository } from './prisma/case-action-repository.ts';
import { PrismaAlertRepository } from './prisma/alert-repository.ts';
import { PrismaSupervisionAlertRepository } from './prisma/supervision-alert-repository.ts';
import { PrismaCaseLinkRepository } from './prisma/case-link-repository.ts';
import { PrismaPlanRepository } from './prisma/plan-repository.ts';
import { PrismaHoldingRepository } from './prisma/holding-repository.ts';
import { PrismaSuperviseNoticeRepository } from './prisma/supervise-notice-repository.ts';
import { PrismaStatsRepository } from './prisma/stats-repository.ts';
import { PrismaUnitStatsRepository } from './prisma/unit-stats-repository.ts';
import { PrismaReportRepository } from './prisma/report-repository.ts';
import { PrismaGridBindingRepository } from './prisma/grid-binding-repository.ts';
import { PrismaScreeningReportRepository } from './prisma/screening-report-repository.ts';
import { PrismaJobStore } from './prisma/job-store.ts';
import { PrismaDeskRegistrationRepository } from './prisma/desk-registration-repository.ts';
import { PrismaBacklogRepository } from './prisma/backlog-repository.ts';
import { PrismaReceptionBookingRepository } from './prisma/reception-booking-repository.ts';
import path from 'node:path';
import type { Store } from '../ports/store.ts';
import { LOGIN_IP_POLICY } from '../ports/query-attempt-ports.ts';
import type { Logger } from '../log.ts';
import type { Signals } from './signals.ts';
import { PgSignals } from './signals-pg.ts';
import { PgliteSignals } from './signals-pglite.ts';
import { settleStoreKey, type KeySource } from './store-key.ts';

/**
 * The store with its implementations' own types, for the composition root, the
 * scripts and the store's tests; everything else takes `Store` (src/ports/store.ts)
 * or the part of it it uses.
 */
export interface AppStore extends Store {
  /** PGlite or PostgreSQL. */
  kind: StoreKind;
  handle: StoreHandle;
  cipher: PersonalDataCipher;
  county: PrismaCountyRepository;
  cases: PrismaCaseRepository;
  conversations: PrismaConversationStore;
  caseLookups: PrismaCaseLookupRepository;
  /** The answers to the callback question: the case lookup's repository keeps them too. */
  callbacks: PrismaCaseLookupRepository;
  queryAttempts: PrismaQueryAttemptStore;
  /** Outbox and dead letters. */
  outbox: PrismaOutboxStore;
  attachments: PrismaAttachmentRepository;
  files: FileStore;
  inbox: PrismaInboxRepository;
  caseActions: PrismaCaseActionRepository;
  /** Staff alerts (new material, chats that start waiting). */
  alerts: PrismaAlertRepository;
  supervisionAlerts: PrismaSupervisionAlertRepository;
  caseLinks: PrismaCaseLinkRepository;
  plans: PrismaPlanRepository;
  holdings: PrismaHoldingRepository;
  notices: PrismaSuperviseNoticeRepository;
  writtenNotices: PrismaWrittenNoticeRepository;
  stats: PrismaStatsRepository;
  unitStats: PrismaUnitStatsRepository;
  reports: PrismaReportRepository;
  gridBindings: PrismaGridBindingRepository;
  screeningReports: PrismaScreeningReportRepository;
  jobs: PrismaJobStore;
  desk: PrismaDeskRegistrationRepository;
  backlog: PrismaBacklogRepository;
  receptionBookings: PrismaReceptionBookingRepository;
  /** Cross-process signals (outbox, inbox, alert): LISTEN/NOTIFY on PostgreSQL, in-process on PGlite. */
  signals: Signals;
  /** This start generated the key into DATA_DIR (a new store without SECRET_KEY): back it up. */
  keyGenerated: boolean;
}

/**
 * Opens the store with its personal-data key: `secretKey` is SECRET_KEY (a string), or
 * where to find or make one (KeySource). Either way the key must be the store's own
 * (store-key.ts): a StoreKeyError refuses anything else, and the store is closed again.
 */
export async function createStore(opts: OpenStoreOptions & { secretKey: string | KeySource; log?: Pick<Logger, 'warn' | 'info'> }): Promise<AppStore> {
  const opened = await openStore(opts);
  let settled: { key: string; generated: boolean };
  try {
    const source = typeof opts.secretKey === 'string' ? { configured: opts.secretKey, dataDir: opts.dataDir } : opts.secretKey;
    settled = await settleStoreKey(opened.sql, source);
  } catch (err) {
    await opened.close();
    throw err;
  }
  const cipher = new PersonalDataCipher(settled.key);
  const log = opts.log ?? { warn: () => undefined, info: () => undefined };
  // The database's triggers send the signals (signals.ts); here they are only heard.
  const signals: Signals = opened.listen ? new PgliteSignals(opened.listen, log) : new PgSignals(opts.databaseUrl!, log);
  const handle: StoreHandle = opened;
  const prisma = opened.prisma;
  const cases = new PrismaCaseRepository(prisma, opened.sql, cipher);
  const caseLookups = new PrismaCaseLookupRepository(prisma);
  return {
    kind: opened.kind,
    handle,
    cipher,
    keyGenerated: settled.generated,
    cases,
    conversations: new PrismaConversationStore(prisma, opened.sql, cipher),
    caseLookups,
    callbacks: caseLookups,
    queryAttempts: new PrismaQueryAttemptStore(prisma),
    loginAttempts: new PrismaQueryAttemptStore(prisma, LOGIN_IP_POLICY),
    outbox: new PrismaOutboxStore(prisma, opened.sql, cipher, signals),
    attachments: new PrismaAttachmentRepository(prisma),
    files: new FileStore(path.join(opts.dataDir, 'attachments'), cipher),
    inbox: new PrismaInboxRepository(prisma, cipher),
    caseActions: new PrismaCaseActionRepository(prisma, new PrismaOutboxStore(prisma, opened.sql, cipher, signals), cipher, opened.sql),
    writtenNotices: new PrismaWrittenNoticeRepository(prisma, cipher),
    alerts: new PrismaAlertRepository(prisma),
    supervisionAlerts: new PrismaSupervisionAlertRepository(prisma),
    caseLinks: new PrismaCaseLinkRepository(prisma),
    plans: new PrismaPlanRepository(prisma, cipher),
    holdings: new PrismaHoldingRepository(prisma),
    notices: new PrismaSuperviseNoticeRepository(prisma),
    stats: new PrismaStatsRepository(prisma, opened.sql, cipher),
    unitStats: new PrismaUnitStatsRepository(prisma),
    reports: new PrismaReportRepository(prisma),
    gridBindings: new PrismaGridBindingRepository(prisma, cipher),
    screeningReports: new PrismaScreeningReportRepository(prisma, cases),
    jobs: new PrismaJobStore(prisma, cipher),
    desk: new PrismaDeskRegistrationRepository(prisma, cases),
    backlog: new PrismaBacklogRepository(prisma),
    receptionBookings: new PrismaReceptionBookingRepository(prisma, cipher),
    staff: new PrismaStaffRepository(prisma),
    sessions: new PrismaStaffSessionRepository(prisma),
    audit: new PrismaAuditLog(prisma),
    county: new PrismaCountyRepository(prisma),
    signals,
    ping: () => handle.ping(),
    close: async () => {
      await signals.close();
      await handle.close();
    },
  };
}
