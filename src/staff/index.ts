/**
 * The staff console's and staff API's routers, each from its own module. A factory
 * receives the staff context from the composition root and takes what it uses.
 */
import type { Router } from 'express';
import type { Clock } from '../app/ports.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../ports/store.ts';
import { staffAuth } from './auth/index.ts';
import { consoleShell } from './console/shell.ts';
import { casesRouter } from './cases/index.ts';
import { inboxRouter } from './inbox/index.ts';
import { alertsRouter } from './alerts/index.ts';
import { dashboardRouter } from './dashboard/index.ts';
import { supervisionRouter } from './supervision/index.ts';
import { performanceRouter } from './performance/index.ts';
import { reportsRouter } from './reports/index.ts';
import { gridRouter } from './grid/index.ts';
import { deskRouter } from './desk/index.ts';
import { backlogRouter } from './backlog/index.ts';
import { receptionRouter } from './reception/index.ts';

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
