/** The case work router: its JSON API and console pages, wired from the staff context. */
import { Router } from 'express';
import type { StaffRouterOf } from '../staff-routers.ts';
import { caseApiRouter } from './case-api.ts';
import { casePagesRouter } from './case-pages.ts';
import { caseLinkPagesRouter } from './case-link-pages.ts';
import { planRouter } from './plan-routes.ts';
import { noticeRouter } from './notice-routes.ts';

export const casesRouter: StaffRouterOf<'cases' | 'caseActions' | 'caseLinks' | 'files' | 'holdings' | 'notices' | 'writtenNotices' | 'cipher' | 'outbox' | 'plans' | 'staff' | 'sessions'> = ({ core, cfg, log }) => {
  const store = core.store;
  const deps = {
    cases: store.cases,
    actions: store.caseActions,
    outbox: store.outbox,
    files: store.files,
    staff: store.staff,
    sessions: store.sessions,
    caseLinks: store.caseLinks,
    notices: store.notices,
    writtenNotices: store.writtenNotices,
    noticeLinks: { sign: (id: string) => store.cipher.hash('notice-link', id) },
    plans: store.plans,
    holdings: store.holdings,
    county: core.county,
    clock: core.clock,
    log,
  };
  return Router().use(planRouter(deps), noticeRouter(deps, cfg.chromiumPath), caseApiRouter(deps), casePagesRouter(deps), caseLinkPagesRouter(deps));
};
