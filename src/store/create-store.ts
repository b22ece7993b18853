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
import type { Store } from './ports.ts';

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
}

export async function createStore(opts: OpenStoreOptions & { secretKey: string }): Promise<AppStore> {
  const handle = await openStore(opts);
  const cipher = new PersonalDataCipher(opts.secretKey);
  const prisma = handle.prisma;
  const cases = new PrismaCaseRepository(prisma, cipher);
  return {
    handle,
    cipher,
    cases,
    conversations: new PrismaConversationStore(prisma, cipher, cases),
    followUps: new PrismaFollowUpRepository(prisma),
    queryAttempts: new PrismaQueryAttemptStore(prisma),
    outbox: new PrismaOutboxStore(prisma, cipher),
    attachments: new PrismaAttachmentRepository(prisma),
    files: new FileStore(path.join(opts.dataDir, 'attachments')),
    inbox: new PrismaInboxRepository(prisma, cipher),
    caseActions: new PrismaCaseActionRepository(prisma),
    alerts: new PrismaAlertRepository(prisma),
    staff: new PrismaStaffRepository(prisma),
    sessions: new PrismaStaffSessionRepository(prisma),
    audit: new PrismaAuditLog(prisma),
    county: new PrismaCountyRepository(prisma),
    ping: () => handle.ping(),
    close: () => handle.close(),
  };
}
