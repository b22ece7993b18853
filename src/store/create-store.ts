/** Opens the store and wires its repositories: the one place that knows Prisma. */
import { openStore, type OpenStoreOptions, type StoreHandle } from './open-store.ts';
import { PersonalDataCipher } from './personal-data-cipher.ts';
import { PrismaCaseRepository } from './prisma/case-repository.ts';
import { PrismaAuditLog, PrismaStaffRepository, PrismaStaffSessionRepository } from './prisma/staff-repository.ts';
import { PrismaCountyRepository } from './prisma/county-repository.ts';
import { PrismaConversationStore } from './prisma/conversation-store.ts';
import { PrismaFollowUpRepository } from './prisma/follow-up-repository.ts';
import { PrismaQueryAttemptStore } from './prisma/query-attempts.ts';
import { PrismaOutboxStore } from './prisma/outbox-store.ts';
import { PrismaAttachmentRepository } from './prisma/attachment-repository.ts';
import { FileStore } from './file-store.ts';
import { PrismaInboxRepository } from './prisma/inbox-repository.ts';
import { PrismaCaseActionRepository } from './prisma/case-action-repository.ts';
import { PrismaAlertRepository } from './prisma/alert-repository.ts';
import path from 'node:path';
import type { Store } from '../ports/store-ports.ts';
import type { Logger } from '../log.ts';
import type { Signals } from './signals.ts';
import { PgSignals } from './signals-pg.ts';
import { LocalSignals } from './signals-local.ts';
import { signallingClient } from './signals-prisma.ts';
import { settleStoreKey, type KeySource } from './store-key.ts';

export interface AppStore extends Store {
  handle: StoreHandle;
  cipher: PersonalDataCipher;
  county: PrismaCountyRepository;
  cases: PrismaCaseRepository;
  conversations: PrismaConversationStore;
  followUps: PrismaFollowUpRepository;
  queryAttempts: PrismaQueryAttemptStore;
  /** Outbox and dead letters. */
  outbox: PrismaOutboxStore;
  attachments: PrismaAttachmentRepository;
  files: FileStore;
  inbox: PrismaInboxRepository;
  caseActions: PrismaCaseActionRepository;
  /** Staff alerts (new material, chats that start waiting). */
  alerts: PrismaAlertRepository;
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
  const signals: Signals =
    opened.kind === 'postgres' && opts.databaseUrl ? new PgSignals(opts.databaseUrl, opened.sql, log) : new LocalSignals(() => opened.sql.query('SELECT 1', []), log);
  // Every repository (and the job runner, through handle.prisma) writes through the signalling client.
  const prisma = signallingClient(opened.prisma, signals);
  const handle: StoreHandle = { ...opened, prisma };
  const cases = new PrismaCaseRepository(prisma, cipher);
  return {
    handle,
    cipher,
    keyGenerated: settled.generated,
    cases,
    conversations: new PrismaConversationStore(prisma, opened.sql, cipher, signals),
    followUps: new PrismaFollowUpRepository(prisma),
    queryAttempts: new PrismaQueryAttemptStore(prisma),
    outbox: new PrismaOutboxStore(prisma, opened.sql, cipher, signals),
    attachments: new PrismaAttachmentRepository(prisma),
    files: new FileStore(path.join(opts.dataDir, 'attachments'), cipher),
    inbox: new PrismaInboxRepository(prisma, cipher),
    caseActions: new PrismaCaseActionRepository(prisma, new PrismaOutboxStore(prisma, opened.sql, cipher, signals)),
    alerts: new PrismaAlertRepository(prisma),
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
