/** The registration desk's dependencies, from the store's ports. */
import { afterCaseCreated } from '../../app/cases/open-case-plan.ts';
import type { DeskDeps } from '../../app/desk/register-petition.ts';
import type { Clock } from '../../ports/clock.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../ports/store.ts';

export function deskDeps(store: Pick<Store, 'desk' | 'plans'>, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): DeskDeps {
  const planDeps = { plans: store.plans, county, clock, log };
  return {
    desk: store.desk,
    afterCreated: (id) => afterCaseCreated(planDeps, { id }),
    county,
    clock,
    log,
  };
}
