/** Wires the grid workers' chat dependencies from the opened store (composition root). */
import { afterCaseCreated } from '../app/cases/open-case-plan.ts';
import type { GridChatDeps } from '../app/grid/run-grid-effect.ts';
import type { Clock } from '../app/ports.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { AppStore } from '../store/create-store.ts';
import { PrismaCaseLinkRepository } from '../store/prisma/case-link-repository.ts';
import { PrismaGridBindingRepository } from '../store/prisma/grid-binding-repository.ts';
import { caseFollowThroughDeps } from './plan-deps.ts';
import { PrismaScreeningReportRepository } from '../store/prisma/screening-report-repository.ts';

export function gridChatDeps(store: AppStore, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): GridChatDeps {
  const prisma = store.handle.prisma;
  const planDeps = caseFollowThroughDeps(store, county, clock, log);
  return {
    bindings: new PrismaGridBindingRepository(prisma, store.cipher),
    reports: new PrismaScreeningReportRepository(prisma, store.cases),
    attempts: store.queryAttempts,
    cases: store.cases,
    followUps: store.followUps,
    caseLinks: new PrismaCaseLinkRepository(prisma),
    afterCreated: (id) => afterCaseCreated(planDeps, { id }),
    county,
    log,
  };
}
