/** The case work router: its JSON API and console pages, wired from the channel context. */
import { Router } from 'express';
import type { StaffRouterFactory } from '../index.ts';
import { caseApiRouter } from './case-api.ts';
import { casePagesRouter } from './case-pages.ts';
import { PrismaSuperviseNoticeRepository } from '../../store/prisma/supervise-notice-repository.ts';
import { caseLinkPagesRouter } from './case-link-pages.ts';
import { PrismaCaseLinkRepository } from '../../store/prisma/case-link-repository.ts';
import { PrismaPlanRepository } from '../../store/prisma/plan-repository.ts';
import { PrismaHoldingRepository } from '../../store/prisma/holding-repository.ts';
import { planRouter } from './plan-routes.ts';

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
    caseLinks: new PrismaCaseLinkRepository(store.handle.prisma),
    notices: new PrismaSuperviseNoticeRepository(store.handle.prisma),
    plans: new PrismaPlanRepository(store.handle.prisma, store.cipher),
    holdings: new PrismaHoldingRepository(store.handle.prisma),
    county: core.county,
    clock: core.clock,
    log,
  };
  return Router().use(planRouter(deps), caseApiRouter(deps), casePagesRouter(deps), caseLinkPagesRouter(deps));
};
