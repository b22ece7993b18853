/**
 * A push channel plugged into the server: routes to mount, an optional hook on the
 * HTTP server (websocket upgrades), and a lifecycle (polling loops, senders).
 */
import type http from 'node:http';
import type { Router } from 'express';
import type { AppConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Core } from '../main.ts';

export interface ChannelContext {
  core: Core;
  cfg: AppConfig;
  log: Logger;
}

export interface Channel {
  name: string;
  /** Mounted with the API routes; bodies are parsed as JSON only for application/json. */
  routers?: Router[];
  attach?(server: http.Server): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type ChannelFactory = (ctx: ChannelContext) => Channel | null;
