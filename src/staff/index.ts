/**
 * The staff console's and staff API's routers, each from its own module. A factory
 * receives the same context as the channels.
 */
import type { Router } from 'express';
import type { ChannelContext } from '../channels/channel.ts';
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

export type StaffRouterFactory = (ctx: ChannelContext) => Router;

export const STAFF_ROUTERS: readonly StaffRouterFactory[] = [consoleShell, staffAuth, inboxRouter, casesRouter, alertsRouter, dashboardRouter, supervisionRouter, performanceRouter, reportsRouter, gridRouter, deskRouter];
