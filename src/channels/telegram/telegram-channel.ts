/**
 * The Telegram channel: a telegraf bot for parsing and routing updates, our own
 * long-polling loop or a webhook route for receiving them, and the outbox sender for
 * everything that goes out. Off (null) without TELEGRAM_BOT_TOKEN.
 */
import { noticeDocumentFor } from '../../app/cases/notice-document.ts';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Channel, ChannelContext, ChannelFactory } from '../channel.ts';
import type { Logger } from '../../log.ts';
import { registerHandlers } from './bot-handlers.ts';
import { registerCommands } from './commands.ts';
import { botApiDownloader, type FileDownloader } from './file-download.ts';
import { TELEGRAM_CHANNEL } from './inbound-turn.ts';
import { OutboxSender } from './outbox-sender.ts';
import { ALLOWED_UPDATES, PollingLoop } from './polling-loop.ts';
import { SendRateLimiter, TELEGRAM_LIMITS, type RateLimits } from './rate-limiter.ts';
import { StaffAlertRelay } from './staff-alerts.ts';
import { callApiOf, sleep } from './telegram-api.ts';
import { UpdateProcessor, type UpdateOutcome } from './update-processor.ts';
import { webhookRouter } from './webhook-router.ts';

export interface TelegramChannel extends Channel {
  name: typeof TELEGRAM_CHANNEL;
  bot: Telegraf;
  sender: OutboxSender;
  /** Relays staff alerts to TELEGRAM_STAFF_CHAT_ID; null when that is unset. */
  staffAlerts: StaffAlertRelay | null;
  /** One update through the whole pipeline and its error boundary, as polling and the webhook run it. */
  processUpdate(update: Update): Promise<UpdateOutcome>;
}

export interface TelegramOptions {
  limits?: RateLimits;
  download?: FileDownloader;
}

export const telegramChannel: ChannelFactory = (ctx) => createTelegramChannel(ctx);

export function isTelegramChannel(c: Channel | undefined): c is TelegramChannel {
  return c?.name === TELEGRAM_CHANNEL && 'processUpdate' in c;
}

export function createTelegramChannel(ctx: ChannelContext, opts: TelegramOptions = {}): TelegramChannel | null {
  const { core, cfg } = ctx;
  const { token, apiRoot, webhookUrl, webhookSecret, staffChatId } = cfg.telegram;
  if (!token) return null;
  const log = ctx.log.child({ channel: TELEGRAM_CHANNEL });
  const bot = new Telegraf(token, { telegram: apiRoot ? { apiRoot } : {} });
  // Errors leave handleUpdate: the update processor is the one boundary.
  bot.catch((err) => {
    throw err;
  });
  const callApi = callApiOf(bot.telegram);
  const sender = new OutboxSender({
    channel: TELEGRAM_CHANNEL,
    callApi,
    outbox: core.store.outbox,
    limiter: new SendRateLimiter(opts.limits ?? TELEGRAM_LIMITS, Date.now, sleep),
    log,
    now: () => core.clock.now(),
    nowMs: Date.now,
    sleep,
    // A written notice goes as a PDF document after the message that carries it.
    ...(core.pdf ? { documentFor: (id: string) => noticeDocumentFor({ writtenNotices: core.store.writtenNotices, pdf: core.pdf!, log }, id) } : {}),
  });
  const { conversations, attachments, files } = core.store;
  const download = opts.download ?? botApiDownloader(bot.telegram);
  registerHandlers(bot, { chat: core.chat, attachments: { conversations, attachments, files, clock: core.clock, download, stored: new Map() }, log });
  const storeUp = () => core.store.ping();
  const processor = new UpdateProcessor({
    handle: (u) => bot.handleUpdate(u),
    ready: () => ensureBotInfo(bot, log),
    storeUp,
    deadLetters: core.store.outbox,
    sendNow: (chatId, text) => sender.sendNow(chatId, text),
    afterUpdate: () => sender.kick(),
    redact: (s) => s.split(token).join('<token>'),
    log,
  });
  const processUpdate = (u: Update) => processor.process(u);
  const polling = webhookUrl ? null : new PollingLoop({ callApi, process: processUpdate, log, sleep });
  const setup = new AbortController();
  const staffAlerts = staffChatId
    ? new StaffAlertRelay({
        chatId: staffChatId,
        alerts: core.store.alerts,
        send: (chatId, text) => sender.sendNow(chatId, text),
        now: () => core.clock.now(),
        utcOffsetMinutes: core.county.utcOffsetMinutes,
        log,
      })
    : null;

  return {
    name: TELEGRAM_CHANNEL,
    bot,
    sender,
    staffAlerts,
    processUpdate,
    routers: webhookUrl ? [webhookRouter({ path: new URL(webhookUrl).pathname, secret: webhookSecret ?? '', storeUp, process: processUpdate })] : [],
    async start() {
      sender.start();
      polling?.start();
      staffAlerts?.start();
      // In the background: an unreachable Telegram must not keep the other channels from starting.
      void prepare(bot, log, webhookUrl ? { url: webhookUrl, secret: webhookSecret ?? '' } : null, setup.signal);
    },
    async stop() {
      setup.abort();
      await polling?.stop();
      await staffAlerts?.stop();
      await sender.stop();
    },
  };
}

async function ensureBotInfo(bot: Telegraf, log: Logger): Promise<boolean> {
  if (bot.botInfo) return true;
  try {
    bot.botInfo = await bot.telegram.getMe();
    return true;
  } catch (err) {
    log.warn({ err }, 'telegram getMe failed');
    return false;
  }
}

/** The command menu once; the webhook registration until Telegram accepts it. */
async function prepare(bot: Telegraf, log: Logger, webhook: { url: string; secret: string } | null, signal: AbortSignal): Promise<void> {
  await ensureBotInfo(bot, log);
  await registerCommands(bot.telegram, log);
  for (let attempt = 0; webhook && !signal.aborted; attempt++) {
    try {
      await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
      log.info('telegram webhook registered');
      return;
    } catch (err) {
      log.warn({ err }, 'telegram setWebhook failed; will retry');
      await sleep(Math.min(60_000, 1000 * 2 ** attempt), signal);
    }
  }
}
