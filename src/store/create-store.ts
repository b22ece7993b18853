/** Opens the store and wires its repositories: the one place that knows Prisma. */
import { openStore, type OpenStoreOptions, type StoreHandle } from './open-store.ts';
import { PersonalDataCipher } from './personal-data-cipher.ts';
import { PrismaCaseRepository } from './prisma/case-repository.ts';
import { PrismaAuditLog, PrismaStaffRepository, PrismaStaffSessionRepository } from './prisma/staff-repository.ts';
import { PrismaCountyRepository } from './prisma/county-repository.ts';
import type { Store } from './ports.ts';

export interface AppStore extends Store {
  handle: StoreHandle;
  cipher: PersonalDataCipher;
  county: PrismaCountyRepository;
  cases: PrismaCaseRepository;
}

export async function createStore(opts: OpenStoreOptions & { secretKey: string }): Promise<AppStore> {
  const handle = await openStore(opts);
  const cipher = new PersonalDataCipher(opts.secretKey);
  const prisma = handle.prisma;
  return {
    handle,
    cipher,
    cases: new PrismaCaseRepository(prisma, cipher),
    staff: new PrismaStaffRepository(prisma),
    sessions: new PrismaStaffSessionRepository(prisma),
    audit: new PrismaAuditLog(prisma),
    county: new PrismaCountyRepository(prisma),
    ping: () => handle.ping(),
    close: () => handle.close(),
  };
}
