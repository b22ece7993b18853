/** What opening a case's plan needs, on an open store. */
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { CasePlanDeps } from '../app/cases/open-case-plan.ts';
import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';

export function casePlanDeps(store: Pick<Store, 'plans' | 'caseLinks'>, county: CountyConfig, clock: Clock, log: Pick<Logger, 'warn'>): CasePlanDeps {
  return { plans: store.plans, county, clock, log, caseLinks: store.caseLinks };
}
