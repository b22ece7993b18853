/**
 * A neutral Reply as Telegram messages: plain text (no parse mode, so catalog text
 * is never read as markup) cut at Telegram's 4096-character limit on line
 * boundaries, and buttons as an inline keyboard under the last part.
 */
import type { Button } from '../../app/chat-turn/messages.ts';

export const MAX_MESSAGE_LENGTH = 4096;
/** Telegram refuses callback_data over 64 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export interface OutgoingMessage {
  text: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

/** The messages of one reply, in order, buttons on the last one; and the buttons left out. */
export function toMessages(text: string, buttons: readonly Button[] | null | undefined, max = MAX_MESSAGE_LENGTH): { messages: OutgoingMessage[]; dropped: Button[] } {
  const parts = splitText(text, max);
  const { keyboard, dropped } = inlineKeyboard(buttons ?? []);
  const messages = parts.map((p, i): OutgoingMessage => (keyboard && i === parts.length - 1 ? { text: p, reply_markup: keyboard } : { text: p }));
  return { messages, dropped };
}

/** Parts of at most `max` UTF-16 units, cut between lines where possible; blank parts dropped. */
export function splitText(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  if (text.length <= max) return text.trim() === '' ? [] : [text];
  const parts: string[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, max)) {
      if (current === null) current = piece;
      else if (current.length + 1 + piece.length <= max) current += `\n${piece}`;
      else {
        parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== null) parts.push(current);
  return parts.filter((p) => p.trim() !== '');
}

/** A line longer than `max` is cut hard, never inside a surrogate pair. */
function cutLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const high = rest.charCodeAt(max - 1);
    const at = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/** One button per row, so labels are never truncated; payloads over 64 bytes are left out. */
export function inlineKeyboard(buttons: readonly Button[]): { keyboard: OutgoingMessage['reply_markup']; dropped: Button[] } {
  const dropped = buttons.filter((b) => Buffer.byteLength(b.payload, 'utf8') > MAX_CALLBACK_DATA_BYTES || b.label.trim() === '');
  const rows = buttons.filter((b) => !dropped.includes(b)).map((b) => [{ text: b.label, callback_data: b.payload }]);
  return { keyboard: rows.length > 0 ? { inline_keyboard: rows } : undefined, dropped };
}
