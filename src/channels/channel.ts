/**
 * A push channel plugged into the server: routes to mount, an optional hook on the
 * HTTP server (websocket upgrades), and a lifecycle (polling loops, senders).
 */
import type http from 'node:http';
import type { Router } from 'express';
import type { ChatDeps } from '../app/chat-turn/handle-chat-turn.ts';
import type { Clock } from '../ports/clock.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../ports/store.ts';
import type { PdfRenderPort } from '../ports/written-notice-ports.ts';

/** The part of the store the channels use: conversations, the outbox, attachments, staff alerts. */
export type ChannelStore = Pick<Store, 'conversations' | 'outbox' | 'attachments' | 'files' | 'alerts' | 'writtenNotices' | 'cipher' | 'ping'>;

/** What the composition root gives the channels: the chat use case and what delivering needs. */
export interface ChannelCore {
  county: CountyConfig;
  clock: Clock;
  chat: ChatDeps;
  store: ChannelStore;
  /** Keyed hash of a citizen's secret channel id (web, terminal): the store never keeps the secret. */
  hashUserId(userId: string): string;
  /** Renders written notices as PDF for channels that send them as documents (Telegram); absent: links only. */
  pdf?: PdfRenderPort;
}

/** The channels' settings (TELEGRAM_*). */
export interface ChannelSettings {
  telegram: {
    token: string | undefined;
    apiRoot: string | undefined;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
    /** Where new waiting chats and new material are announced to staff (off when unset). */
    staffChatId: string | undefined;
  };
}

export interface ChannelContext {
  core: ChannelCore;
  cfg: ChannelSettings;
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
