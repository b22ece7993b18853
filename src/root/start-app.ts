/**
 * The composition root's server: config → core (store, NLU, use cases) → channels,
 * staff routers, jobs → HTTP. The only module, with core.ts, that knows every part;
 * everything else receives its dependencies. src/main.ts runs it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootstrapStaff, type GeneratedCredential } from '../app/staff-accounts/bootstrap-staff.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { createHttpApp } from '../channels/http/app.ts';
import { chatRouter } from '../channels/http/chat-routes.ts';
import type { Channel } from '../channels/channel.ts';
import { CHANNELS } from '../channels/channel-list.ts';
import { isTelegramChannel } from '../channels/telegram/telegram-channel.ts';
import { STAFF_ROUTERS } from '../staff/staff-routers.ts';
import { nluRouter } from '../channels/http/nlu-routes.ts';
import type { AppConfig } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import type { AppStore } from '../store/create-store.ts';
import { createCore, type Core } from './core.ts';
import { startJobTimer } from '../jobs/timer.ts';
import { staffApiRouter } from '../staff/api-routes.ts';
import { argon2Hasher } from '../staff/password-hasher.ts';
import { startupWarnings } from '../app/startup/startup-warnings.ts';

export interface RunningApp {
  url: string;
  port: number;
  core: Core;
  channels: Channel[];
  server: http.Server;
  store: AppStore;
  log: Logger;
  /** Passwords generated at this start (first start only); printed once by the CLI. */
  generatedCredentials: GeneratedCredential[];
  /** Unsafe settings, logged and printed at every start (startup-warnings.ts). */
  warnings: string[];
  secretKeyGenerated: boolean;
  close(): Promise<void>;
}

export async function startApp(cfg: AppConfig, opts: { clock?: Clock; log?: Logger } = {}): Promise<RunningApp> {
  const log = opts.log ?? createLogger(cfg.logLevel);
  const clock = opts.clock ?? systemClock;
  const core = await createCore(cfg, log, clock);
  const { county, store } = core;
  let ready = false;
  try {
    const generatedCredentials = await bootstrapStaff({ staff: store.staff, hasher: argon2Hasher }, county, cfg.adminPassword);
    const warnings = startupWarnings({ production: cfg.production }, county);
    for (const w of warnings) log.warn(w);
    const channels = CHANNELS.map((make) => make({ core, cfg, log })).filter((c): c is Channel => c !== null);

    const app = createHttpApp({
      log,
      production: cfg.production,
      isReady: () => ready,
      storeUp: () => store.ping(),
      routers: [
        ...channels.flatMap((c) => c.routers ?? []),
        ...STAFF_ROUTERS.map((make) => make({ core, cfg, log })),
        chatRouter({ ...core.chat, hashUserId: core.hashUserId, outbox: store.outbox }),
        nluRouter(core.nlu),
        staffApiRouter({
          staff: store.staff,
          sessions: store.sessions,
          hasher: argon2Hasher,
          clock,
          cases: store.cases,
          caseLinks: store.caseLinks,
          county,
          secureCookies: cfg.production,
        }),
      ],
    });
    const server = http.createServer(app);
    for (const c of channels) c.attach?.(server);
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(cfg.port, cfg.host, resolve);
    });
    for (const c of channels) await c.start?.();
    // Staff alerts raised by any process reach this process's Telegram relay at once.
    for (const relay of channels.filter(isTelegramChannel).flatMap((c) => c.staffAlerts ?? [])) store.signals.listen('alert', () => relay.kick());
    await store.signals.ready();
    const jobTimer = startJobTimer(core, log, clock);
    ready = true;
    const port = (server.address() as AddressInfo).port;
    log.info({ port, store: store.kind }, 'listening');
    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      core,
      channels,
      server,
      store,
      log,
      generatedCredentials,
      warnings,
      secretKeyGenerated: core.secretKeyGenerated,
      close: () =>
        (closing ??= (async () => {
          ready = false;
          for (const c of channels) await c.stop?.().catch(() => undefined);
          server.closeIdleConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await jobTimer.stop();
          await core.close();
        })()),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
