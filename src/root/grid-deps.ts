/** Wires the grid workers' chat dependencies from the opened store (composition root). */
import { afterCaseCreated } from '../app/cases/open-case-plan.ts';
import type { GridChatDeps } from '../app/grid/run-grid-effect.ts';
import type { Clock } from '../ports/clock.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../ports/store.ts';
import { casePlanDeps } from './plan-deps.ts';

export function gridChatDeps(store: Store, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): GridChatDeps {
  const planDeps = casePlanDeps(store, county, clock, log);
  return {
    bindings: store.gridBindings,
    reports: store.screeningReports,
    attempts: store.queryAttempts,
    cases: store.cases,
    caseLookups: store.caseLookups,
    caseLinks: store.caseLinks,
    afterCreated: (id) => afterCaseCreated(planDeps, { id }),
    county,
    log,
  };
}
