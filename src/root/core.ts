/**
 * The core the composition root builds from the config: county, store, NLU and the
 * chat use case's dependencies, everything but the transports. `npm start` (main.ts),
 * `npm run chat` and `npm run jobs` open it.
 */
import { PdfRenderer } from '../staff/reports/pdf-renderer.ts';
import type { PdfRenderPort } from '../ports/written-notice-ports.ts';
import type { ChatDeps } from '../app/chat-turn/handle-chat-turn.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import { createNlu, type Nlu } from '../nlu/nlu.ts';
import type { AppConfig } from '../config.ts';
import { readCountyConfig } from '../county-config-file.ts';
import type { Logger } from '../log.ts';
import { createStore, type AppStore } from '../store/create-store.ts';
import { casePlanDeps } from './plan-deps.ts';
import { gridChatDeps } from './grid-deps.ts';
import { afterCaseCreated, afterPossibleRisk, afterRiskMessage } from '../app/cases/open-case-plan.ts';
import { AfterReply } from '../app/chat-turn/after-reply.ts';

/** Everything but the transports: county, store, NLU and the chat use case's dependencies. */
export interface Core {
  county: CountyConfig;
  store: AppStore;
  nlu: Nlu;
  chat: ChatDeps;
  clock: Clock;
  secretKeyGenerated: boolean;
  /** Keyed hash of a citizen's secret channel id (web, terminal): the store never keeps the secret. */
  hashUserId(userId: string): string;
  /** Written notices as PDF (Chromium at CHROMIUM_PATH), for Telegram's documents. */
  pdf: PdfRenderPort;
  /** Days after closing before the retention job erases a case's personal data (RETENTION_DAYS). */
  retentionDays?: number;
  /** Waits for the work started after replies (a filed case's plan): see AfterReply. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function createCore(cfg: AppConfig, log: Logger, clock: Clock = systemClock): Promise<Core> {
  const county = readCountyConfig(cfg.countyConfigPath);
  // The key must be the store's own: a wrong or missing one refuses to start (store-key.ts).
  const store = await createStore({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, initdbApart: true, secretKey: { configured: cfg.secretKey, dataDir: cfg.dataDir }, log });
  try {
    await store.county.sync(county);
    const nlu = await createNlu({ cacheDir: cfg.nluCacheDir, county, log });
    const planDeps = casePlanDeps(store, county, clock, log);
    const afterReply = new AfterReply();
    const chat: ChatDeps = {
      conversations: store.conversations,
      nlu,
      county,
      clock,
      caseEffects: { caseLookups: store.caseLookups, callbacks: store.callbacks, attempts: store.queryAttempts, cases: store.cases, county },
      grid: gridChatDeps(store, county, clock, log),
      reception: { bookings: store.receptionBookings, county },
      log,
      // A risk or group case a chat turn files gets its plan, right after the reply.
      planTriggers: {
        caseFiled: (caseNumber) => afterReply.run(() => afterCaseCreated(planDeps, { caseNumber })),
        riskMessage: (conversationId) => afterReply.run(() => afterRiskMessage(planDeps, conversationId)),
        possibleRisk: (conversationId) => afterReply.run(() => afterPossibleRisk(planDeps, conversationId)),
      },
    };
    return {
      county,
      store,
      nlu,
      chat,
      clock,
      secretKeyGenerated: store.keyGenerated,
      hashUserId: (userId) => store.cipher.hash('channel-user', userId),
      pdf: new PdfRenderer(cfg.chromiumPath),
      retentionDays: cfg.retentionDays,
      settle: () => afterReply.settle(),
      close: async () => {
        await afterReply.settle();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
