/**
 * The Botkit side of the web chat: a Botkit controller on botbuilder-adapter-web's
 * websocket. `hello`/`welcome_back` (sent by the widget when its socket opens)
 * answer with the citizen's transcript; each `message` runs one chat turn and is
 * answered with the turn's replies, then any pending pushes. The userId in the
 * message's `user` field is validated exactly like POST /api/chat's.
 */
import { Botkit, type BotWorker, type BotkitMessage } from 'botkit';
import { z } from 'zod';
import { handleChatTurn } from '../../app/handle-chat-turn.ts';
import { say } from '../../dialog/replies.ts';
import { AppError } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';
import type { Core } from '../../main.ts';
import { ChatBodySchema } from '../http/chat-routes.ts';
import { parseInput } from '../http/validate.ts';
import type { PushDelivery } from './push-delivery.ts';
import type { SocketHub, SocketLike } from './socket-hub.ts';
import { loadTranscript } from './transcript-view.ts';
import { WebSocketAdapter } from './web-adapter.ts';
import { LocaleSchema, replyToSocket, turnToSocket, UserIdSchema, WEB_CHANNEL } from './web-messages.ts';

export interface WebBotDeps {
  core: Core;
  log: Logger;
  hub: SocketHub;
  deliveries: PushDelivery;
}

export interface WebBot {
  adapter: WebSocketAdapter;
  controller: Botkit;
  close(): Promise<void>;
}

type BotkitConfig = NonNullable<ConstructorParameters<typeof Botkit>[0]>;

/** Dialogue state lives in our store; Botkit's own dialog state is never needed, so never kept. */
const NO_STORAGE: NonNullable<BotkitConfig['storage']> = { read: async () => ({}), write: async () => undefined, delete: async () => undefined };

const HelloSchema = z.object({ userId: UserIdSchema, locale: LocaleSchema });

export function createWebBot(deps: WebBotDeps): WebBot {
  const adapter = new WebSocketAdapter();
  const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true, storage: NO_STORAGE });
  const socketOf = (user: string): SocketLike | undefined => (adapter.isConnected(user) ? (adapter.getConnection(user) as unknown as SocketLike) : undefined);

  controller.on(['hello', 'welcome_back'], async (bot, message) => {
    const hello = validated(() => parseInput(HelloSchema, { userId: message.user, locale: message.locale }, 'hello'));
    if ('error' in hello) return refuse(bot, message, hello.error);
    const { userId, locale } = hello.ok;
    try {
      const view = await loadTranscript(deps.core, deps.deliveries, userId, locale);
      const socket = socketOf(userId);
      if (socket) deps.hub.register(view.conversationId, socket);
      await bot.reply(message, { type: 'transcript', locale: view.locale, expecting: view.expecting, messages: view.messages });
    } catch (err) {
      deps.log.error({ err }, 'web transcript failed');
      await bot.reply(message, { type: 'error', error: { code: 'unavailable', message: 'the transcript could not be loaded; please retry shortly' } });
    }
  });

  controller.on('message', async (bot, message) => {
    const body = validated(() => parseInput(ChatBodySchema, { userId: message.user, text: message.text ?? undefined, payload: message.payload, locale: message.locale }, 'message'));
    if ('error' in body) return refuse(bot, message, body.error);
    const { userId, text, payload, locale } = body.ok;
    try {
      const out = await handleChatTurn(deps.core.chat, {
        channel: WEB_CHANNEL,
        channelUserId: deps.core.hashUserId(userId),
        text: text ?? null,
        payload: payload ?? null,
        locale: locale ?? null,
        deliver: 'response',
      });
      const socket = socketOf(userId);
      if (socket) deps.hub.register(out.conversationId, socket);
      for (const m of turnToSocket(out.replies, out)) await bot.reply(message, m);
      await deps.deliveries.pushTo(out.conversationId);
    } catch (err) {
      deps.log.error({ err }, 'web chat turn failed');
      await bot.reply(message, replyToSocket(say(locale ?? 'zh', 'processingError'), { final: true }));
    }
  });

  return {
    adapter,
    controller,
    close: async () => {
      await controller.shutdown();
      await adapter.close();
    },
  };
}

function validated<T>(parse: () => T): { ok: T } | { error: AppError } {
  try {
    return { ok: parse() };
  } catch (err) {
    if (err instanceof AppError) return { error: err };
    throw err;
  }
}

/** An invalid message changes nothing; the socket is told why, in the HTTP API's error shape. */
async function refuse(bot: BotWorker, message: BotkitMessage, err: AppError): Promise<void> {
  await bot.reply(message, { type: 'error', error: { code: err.code, message: err.message } });
}
