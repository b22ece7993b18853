/** Wires the registration desk's dependencies from the opened store. */
import { afterCaseCreated } from '../../app/cases/open-case-plan.ts';
import type { DeskDeps } from '../../app/desk/register-petition.ts';
import type { Clock } from '../../app/ports.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { Logger } from '../../log.ts';
import type { AppStore } from '../create-store.ts';
import { PrismaDeskRegistrationRepository } from './desk-registration-repository.ts';
import { caseFollowThroughDeps } from './plan-deps.ts';

export function deskDeps(store: AppStore, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): DeskDeps {
  const planDeps = caseFollowThroughDeps(store, county, clock, log);
  return {
    desk: new PrismaDeskRegistrationRepository(store.handle.prisma, store.cases),
    afterCreated: (id) => afterCaseCreated(planDeps, { id }),
    county,
    clock,
    log,
  };
}
