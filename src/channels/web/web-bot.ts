/**
 * The bot side of the web chat, on botbuilder-adapter-web's websocket (the adapter's
 * own turn-handler mode: its messages reach `onTurn` as activities, replies go back
 * through the turn context). `hello`/`welcome_back` (sent by the widget when its
 * socket opens) answer with the citizen's transcript; each `message` runs one chat
 * turn and is answered with the turn's replies, then any pending pushes. The userId
 * in the message's `user` field is validated exactly like POST /api/chat's. The
 * Botkit controller is not used: our dialogue and its state live in the engine and
 * the store, and the controller's dialog system cost ~47 MB of resident memory.
 */
import { z } from 'zod';
import { handleChatTurn } from '../../app/handle-chat-turn.ts';
import { say } from '../../app/messages.ts';
import { AppError } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';
import type { ChannelCore } from '../channel.ts';
import { ChatBodySchema } from '../http/chat-routes.ts';
import { parseInput } from '../http/validate.ts';
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

/** What a socket message carries (the widget's JSON, as the adapter hands it on). */
interface SocketMessage {
  type?: unknown;
  user?: unknown;
  text?: unknown;
  payload?: unknown;
  locale?: unknown;
}

/** The part of botbuilder's TurnContext a web turn uses. */
export interface WebTurnContext {
  activity: { type: string; channelData?: SocketMessage };
  sendActivity(activity: { type: string; text?: string; channelData: Record<string, unknown> }): Promise<unknown>;
}

type Reply = { type: string; text?: string } & Record<string, unknown>;

/** A reply as the adapter's wire message: `type` and `text`, every other field beside them. */
const send = (context: WebTurnContext, { type, text, ...rest }: Reply) => context.sendActivity({ type, text, channelData: rest });

const HelloSchema = z.object({ userId: UserIdSchema, locale: LocaleSchema });

export function createWebBot(deps: WebBotDeps): WebBot {
  const adapter = new WebSocketAdapter();
  const socketOf = (user: string): SocketLike | undefined => (adapter.isConnected(user) ? (adapter.getConnection(user) as unknown as SocketLike) : undefined);

  async function hello(context: WebTurnContext, message: SocketMessage): Promise<void> {
    const hello = validated(() => parseInput(HelloSchema, { userId: message.user, locale: message.locale }, 'hello'));
    if ('error' in hello) return refuse(context, hello.error);
    const { userId, locale } = hello.ok;
    try {
      const view = await loadTranscript(deps.core, deps.deliveries, userId, locale);
      const socket = socketOf(userId);
      if (socket && view.conversationId) deps.hub.register(view.conversationId, socket);
      await send(context, { type: 'transcript', locale: view.locale, expecting: view.expecting, messages: view.messages });
    } catch (err) {
      deps.log.error({ err }, 'web transcript failed');
      await send(context, { type: 'error', error: { code: 'unavailable', message: 'the transcript could not be loaded; please retry shortly' } });
    }
  }

  async function turn(context: WebTurnContext, message: SocketMessage): Promise<void> {
    const body = validated(() => parseInput(ChatBodySchema, { userId: message.user, text: message.text ?? undefined, payload: message.payload, locale: message.locale }, 'message'));
    if ('error' in body) return refuse(context, body.error);
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
      for (const m of turnToSocket(out.replies, out)) await send(context, { ...m });
      await deps.deliveries.pushTo(out.conversationId);
    } catch (err) {
      deps.log.error({ err }, 'web chat turn failed');
      await send(context, { ...replyToSocket(say(locale ?? 'zh', 'processingError'), { final: true }) });
    }
  }

  adapter.listen(async (context) => {
    const message = context.activity.channelData ?? {};
    if (context.activity.type === 'message') return turn(context, message);
    // Other socket messages arrive as events named by their type; only these two mean anything.
    if (message.type === 'hello' || message.type === 'welcome_back') return hello(context, message);
  });

  return { adapter, close: () => adapter.close() };
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
async function refuse(context: WebTurnContext, err: AppError): Promise<void> {
  await send(context, { type: 'error', error: { code: err.code, message: err.message } });
}
