/**
 * The web channel's wire shapes: the userId rule (the contract's, taken from the
 * chat API's schema), our replies as botbuilder-adapter-web messages (`text` +
 * `quick_replies` of `{title, payload}`), and outbox messages as replies.
 */
import type { Button, Expecting, Reply } from '../../app/chat-turn/messages.ts';
import type { OutboxMessage } from '../../ports/outbox-ports.ts';
import { ChatBodySchema } from '../http/chat-routes.ts';

export const WEB_CHANNEL = 'web';

/** A web citizen's secret id: exactly the rule of POST /api/chat. */
export const UserIdSchema = ChatBodySchema.shape.userId;

/**
 * The header that carries the citizen's id on GET requests and uploads, so it stays out
 * of URLs (and so out of proxy access logs). `?userId=` is still read when the header is
 * absent: the contract's long poll names it, and older widgets send it.
 */
export const USER_ID_HEADER = 'x-chat-user-id';
/** An upload's file name (percent-encoded UTF-8): a name may say whose ID card it is. */
export const FILE_NAME_HEADER = 'x-file-name';

/** The query with the id (and file name) from the headers when they are sent. */
export function withHeaderFields(query: unknown, header: (name: string) => string | undefined): Record<string, unknown> {
  const q = { ...(typeof query === 'object' && query ? (query as Record<string, unknown>) : {}) };
  const userId = header(USER_ID_HEADER);
  if (userId !== undefined) q.userId = userId;
  const name = header(FILE_NAME_HEADER);
  if (name !== undefined) {
    try {
      q.name = decodeURIComponent(name);
    } catch {
      q.name = name;
    }
  }
  return q;
}
export const LocaleSchema = ChatBodySchema.shape.locale;

export type Author = 'citizen' | 'bot' | 'staff' | 'system';

export interface QuickReply {
  title: string;
  payload: string;
}

/** What the widget receives over the socket for one reply (the adapter's message format). */
export interface SocketReply {
  type: 'message';
  text: string;
  quick_replies?: QuickReply[];
  author: Author;
  /** Outbox id of a pushed message: the widget ignores an id it has already shown. */
  id?: string;
  /** On a turn's last reply: the turn is over (the widget stops its typing indicator). */
  final?: true;
  expecting?: Expecting | null;
  caseNumber?: string | null;
}

/** A reply as the JSON routes return it (the chat API's reply shape, plus who wrote it). */
export interface JsonReply {
  text: string;
  buttons?: Button[];
  author: Author;
  id?: string;
}

export const toQuickReplies = (buttons: readonly Button[] | null | undefined): QuickReply[] | undefined =>
  buttons && buttons.length > 0 ? buttons.map((b) => ({ title: b.label, payload: b.payload })) : undefined;

export function replyToSocket(reply: Reply, extra: Pick<SocketReply, 'final' | 'expecting' | 'caseNumber'> = {}): SocketReply {
  const quick = toQuickReplies(reply.buttons);
  return { type: 'message', text: reply.text, ...(quick ? { quick_replies: quick } : {}), author: 'bot', ...extra };
}

export function outboxToSocket(m: OutboxMessage): SocketReply {
  const quick = toQuickReplies(m.buttons);
  return { type: 'message', id: m.id, text: m.text, ...(quick ? { quick_replies: quick } : {}), author: m.author };
}

export function outboxToJson(m: OutboxMessage): JsonReply {
  return { id: m.id, text: m.text, ...(m.buttons && m.buttons.length > 0 ? { buttons: m.buttons } : {}), author: m.author };
}

/** A turn's replies for the socket; the last one carries the turn's outcome (a turn without replies still ends). */
export function turnToSocket(replies: readonly Reply[], outcome: { expecting: Expecting | null; caseNumber: string | null }): SocketReply[] {
  const list = replies.length > 0 ? replies : [{ text: '' }];
  return list.map((r, i) => replyToSocket(r, i === list.length - 1 ? { final: true, ...outcome } : {}));
}
