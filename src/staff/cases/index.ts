/** The case work router: its JSON API and console pages, wired from the channel context. */
import { Router } from 'express';
import type { StaffRouterFactory } from '../index.ts';
import { caseApiRouter } from './case-api.ts';
import { casePagesRouter } from './case-pages.ts';

export const casesRouter: StaffRouterFactory = ({ core, log }) => {
  const store = core.store;
  const deps = {
    cases: store.cases,
    // Built here until the store exposes it (store/create-store.ts is the natural home).
    actions: store.caseActions,
    outbox: store.outbox,
    files: store.files,
    staff: store.staff,
    sessions: store.sessions,
    county: core.county,
    clock: core.clock,
    log,
  };
  return Router().use(caseApiRouter(deps), casePagesRouter(deps));
};
