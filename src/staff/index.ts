/**
 * The staff console's and staff API's routers, each from its own module. A factory
 * receives the same context as the channels.
 */
import type { Router } from 'express';
import type { ChannelContext } from '../channels/channel.ts';
import { consoleShell } from './console/shell.ts';

export type StaffRouterFactory = (ctx: ChannelContext) => Router;

export const STAFF_ROUTERS: readonly StaffRouterFactory[] = [consoleShell];
