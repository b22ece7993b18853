/**
 * The bot side of the web chat: Botkit's controller on botbuilder-adapter-web's
 * websocket. The controller runs without a webserver of its own (the socket is routed
 * from our http server, see web-adapter.ts) and without dialog storage (our dialogue
 * and its state live in the engine and the store, so Botkit's own dialog state would
 * only grow). Two handlers: `hello`/`welcome_back` (sent by the widget when its socket
 * opens) answer with the citizen's transcript; each `message` runs one chat turn
 * (`handleChatTurn`) and is answered with the turn's replies, then any pending pushes.
 * The userId in the message's `user` field is validated exactly like POST /api/chat's.
 * Botkit rethrows a handler's error where nothing catches it, so no handler throws.
 */
import type { BotWorker, BotkitMessage } from 'botkit';
import { z } from 'zod';
import { handleChatTurn } from '../../app/chat-turn/handle-chat-turn.ts';
import { say } from '../../app/chat-turn/messages.ts';
import { AppError } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';
import type { ChannelCore } from '../channel.ts';
import { ChatBodySchema } from '../http/chat-routes.ts';
import { parseInput } from '../http/validate.ts';
import { loadBotkit } from './botkit-loader.ts';
import type { PushDelivery } from './push-delivery.ts';
import type { SocketHub, SocketLike } from './socket-hub.ts';
import { loadTranscript } from './transcript-view.ts';
import { WebSocketAdapter } from './web-adapter.ts';
import { LocaleSchema, replyToSocket, turnToSocket, UserIdSchema, WEB_CHANNEL } from './web-messages.ts';

export interface WebBotDeps {
  core: ChannelCore;
  log: Logger;
  hub: SocketHub;
  deliveries: PushDelivery;
}

export interface WebBot {
  adapter: WebSocketAdapter;
  close(): Promise<void>;
}

type Reply = { type: string; text?: string } & Record<string, unknown>;

/** Botkit's storage port, kept empty: nothing of a conversation stays in the controller between turns. */
const NO_STORAGE = { read: async () => ({}), write: async () => undefined, delete: async () => undefined };

/**
 * A reply as the adapter's wire message: `type` and `text`, every other field in
 * `channelData`, which the adapter spreads beside them (a field such as `locale`, left
 * at the top, would be taken for the activity's own and never reach the widget).
 */
const send = (bot: BotWorker, message: BotkitMessage, { type, text, ...rest }: Reply) => bot.reply(message, { type, text, channelData: rest });

const HelloSchema = z.object({ userId: UserIdSchema, locale: LocaleSchema });

export function createWebBot(deps: WebBotDeps): WebBot {
  const adapter = new WebSocketAdapter();
  const { Botkit } = loadBotkit();
  const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true, storage: NO_STORAGE });
  const socketOf = (user: string): SocketLike | undefined => (adapter.isConnected(user) ? (adapter.getConnection(user) as unknown as SocketLike) : undefined);

  async function hello(bot: BotWorker, message: BotkitMessage): Promise<void> {
    const hello = validated(() => parseInput(HelloSchema, { userId: message.user, locale: message.locale }, 'hello'));
    if ('error' in hello) return refuse(bot, message, hello.error);
    const { userId, locale } = hello.ok;
    try {
      const view = await loadTranscript(deps.core, deps.deliveries, userId, locale);
      const socket = socketOf(userId);
      if (socket && view.conversationId) deps.hub.register(view.conversationId, socket);
      await send(bot, message, { type: 'transcript', locale: view.locale, expecting: view.expecting, messages: view.messages });
    } catch (err) {
      deps.log.error({ err }, 'web transcript failed');
      await send(bot, message, { type: 'error', error: { code: 'unavailable', message: 'the transcript could not be loaded; please retry shortly' } });
    }
  }

  async function turn(bot: BotWorker, message: BotkitMessage): Promise<void> {
    const body = validated(() => parseInput(ChatBodySchema, { userId: message.user, text: message.text ?? undefined, payload: message.payload, locale: message.locale }, 'message'));
    if ('error' in body) return refuse(bot, message, body.error);
    const { userId, payload, locale } = body.ok;
    try {
      const before = socketOf(userId);
      const out = await handleChatTurn(deps.core.chat, {
        channel: WEB_CHANNEL,
        channelUserId: deps.core.hashUserId(userId),
        text: body.ok.text ?? null,
        payload: payload ?? null,
        locale: locale ?? null,
        deliver: 'response',
        clientNetwork: before ? adapter.networkOf(before) : null,
      });
      const socket = socketOf(userId);
      if (socket) deps.hub.register(out.conversationId, socket);
      for (const m of turnToSocket(out.replies, out)) await send(bot, message, { ...m });
      await deps.deliveries.pushTo(out.conversationId);
    } catch (err) {
      deps.log.error({ err }, 'web chat turn failed');
      await send(bot, message, { ...replyToSocket(say(locale ?? 'zh', 'processingError'), { final: true }) });
    }
  }

  const guarded = (name: string, handler: (bot: BotWorker, message: BotkitMessage) => Promise<void>) => async (bot: BotWorker, message: BotkitMessage) => {
    try {
      await handler(bot, message);
    } catch (err) {
      // Only the unexpected gets here (the turn's own failures are answered above); Botkit would rethrow it uncaught.
      deps.log.error({ err }, `web ${name} handler failed`);
    }
  };
  controller.on(['hello', 'welcome_back'], guarded('hello', hello));
  controller.on('message', guarded('turn', turn));

  return {
    adapter,
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
  await send(bot, message, { type: 'error', error: { code: err.code, message: err.message } });
}
