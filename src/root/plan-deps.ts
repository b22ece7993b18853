/** The plan and holding repositories on an open store, with what opening a plan needs. */
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { CasePlanDeps } from '../app/cases/open-case-plan.ts';
import type { Clock } from '../app/ports.ts';
import type { AppStore } from '../store/create-store.ts';
import { PrismaPlanRepository } from '../store/prisma/plan-repository.ts';

export function caseFollowThroughDeps(store: Pick<AppStore, 'handle' | 'cipher'>, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): CasePlanDeps {
  return { plans: new PrismaPlanRepository(store.handle.prisma, store.cipher), county, clock, log };
}
