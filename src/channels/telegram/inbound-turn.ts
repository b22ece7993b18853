/**
 * A citizen's Telegram message or button press as one dialogue turn. The turn, the
 * update's dedupe key and the replies (as pending outbox messages) commit together,
 * so a redelivered update does nothing and a crash never loses a reply.
 */
import { handleChatTurn, type ChatDeps, type ChatTurnOutput } from '../../app/chat-turn/handle-chat-turn.ts';
import type { Locale } from '../../app/chat-turn/messages.ts';

export const TELEGRAM_CHANNEL = 'telegram';
/** Telegram's own limit for a message; the web channel's limit is of the same order. */
const MAX_TEXT = 4096;

export interface InboundTurn {
  updateId: number;
  chatId: number;
  text: string | null;
  payload: string | null;
  languageCode: string | undefined;
}

export const inboundKey = (updateId: number, part?: string): string => `tg:${updateId}${part ? `:${part}` : ''}`;

/** The language a new conversation starts in; after that each message's language decides. */
export function localeOf(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// Control characters other than tab and newline never carry meaning in a chat.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC').slice(0, MAX_TEXT);

export function runInboundTurn(chat: ChatDeps, input: InboundTurn, keyPart?: string): Promise<ChatTurnOutput> {
  return handleChatTurn(chat, {
    channel: TELEGRAM_CHANNEL,
    channelUserId: String(input.chatId),
    text: input.text === null ? null : clean(input.text),
    payload: input.payload,
    locale: null,
    defaultLocale: localeOf(input.languageCode),
    inboundKey: inboundKey(input.updateId, keyPart),
    deliver: 'outbox',
  });
}
