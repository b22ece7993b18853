/**
 * The staff console's and staff API's routers, each from its own module. A factory
 * receives the staff context from the composition root and takes what it uses.
 */
import type { Router } from 'express';
import type { Clock } from '../ports/clock.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../ports/store.ts';
import { staffAuth } from './auth/auth-router.ts';
import { consoleShell } from './console/shell.ts';
import { casesRouter } from './cases/case-router.ts';
import { inboxRouter } from './inbox/inbox-router.ts';
import { alertsRouter } from './alerts/alert-routes.ts';
import { dashboardRouter } from './dashboard/dashboard-routes.ts';
import { supervisionRouter } from './supervision/supervision-routes.ts';
import { performanceRouter } from './performance/performance-routes.ts';
import { reportsRouter } from './reports/report-routes.ts';
import { gridRouter } from './grid/grid-routes.ts';
import { deskRouter } from './desk/desk-routes.ts';
import { backlogRouter } from './backlog/backlog-routes.ts';
import { receptionRouter } from './reception/reception-routes.ts';

/** What the composition root gives the staff routers: the store by its ports, the county, the clock. */
export interface StaffCore {
  county: CountyConfig;
  clock: Clock;
  store: Store;
}

/** The staff console's settings. */
export interface StaffSettings {
  /** Production: session cookies are Secure. */
  production: boolean;
  /** The Chromium that prints PDF reports (CHROMIUM_PATH). */
  chromiumPath: string;
}

export interface StaffContext {
  core: StaffCore;
  cfg: StaffSettings;
  log: Logger;
}

export type StaffRouterFactory = (ctx: StaffContext) => Router;

/** The staff context with only the store ports `K`: what one router uses. */
export interface StaffContextOf<K extends keyof Store> {
  core: Omit<StaffCore, 'store'> & { store: Pick<Store, K> };
  cfg: StaffSettings;
  log: Logger;
}

/** A router factory that takes only the store ports it uses; it is a StaffRouterFactory. */
export type StaffRouterOf<K extends keyof Store> = (ctx: StaffContextOf<K>) => Router;

export const STAFF_ROUTERS: readonly StaffRouterFactory[] = [consoleShell, staffAuth, inboxRouter, casesRouter, alertsRouter, dashboardRouter, supervisionRouter, performanceRouter, reportsRouter, gridRouter, deskRouter, backlogRouter, receptionRouter];
