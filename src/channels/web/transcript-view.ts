/**
 * What a returning citizen sees again: the recent transcript of their own web
 * conversation (found by the keyed hash of their secret id, never by anything they
 * could guess), with pressed buttons shown by their labels and the last message's
 * buttons still live. An empty conversation gets the welcome instead.
 */
import { initialState, menuButtons, say, type Button, type Expecting, type Locale } from '../../app/chat-turn/messages.ts';
import type { TranscriptEntry } from '../../ports/conversation-ports.ts';
import type { ChannelCore } from '../channel.ts';
import type { PushDelivery } from './push-delivery.ts';
import { toQuickReplies, WEB_CHANNEL, type Author, type QuickReply } from './web-messages.ts';

export const TRANSCRIPT_LIMIT = 50;

export interface TranscriptMessage {
  author: Author;
  text: string;
  quick_replies?: QuickReply[];
}

export interface TranscriptView {
  /** Null until the citizen has said something: loading a transcript creates no conversation. */
  conversationId: string | null;
  locale: Locale;
  expecting: Expecting | null;
  messages: TranscriptMessage[];
}

/**
 * The citizen's conversation as they see it again; pending pushes are part of the
 * transcript, so they count as delivered. An id with no conversation gets the welcome
 * and no row: a conversation starts when the citizen says something.
 */
export async function loadTranscript(core: ChannelCore, deliveries: PushDelivery, userId: string, locale: Locale | undefined): Promise<TranscriptView> {
  const conv = await core.store.conversations.find(WEB_CHANNEL, core.hashUserId(userId));
  if (!conv) {
    const l = locale ?? 'zh';
    return { conversationId: null, locale: l, expecting: initialState(l).expecting, messages: [welcome(core, l)] };
  }
  const entries = await deliveries.drain(conv.id, () => core.store.conversations.transcript(conv.id, TRANSCRIPT_LIMIT));
  const l = conv.state.locale;
  const messages = entries.length > 0 ? toMessages(entries) : [welcome(core, locale ?? l)];
  return { conversationId: conv.id, locale: l, expecting: conv.state.expecting, messages };
}

function welcome(core: ChannelCore, l: Locale): TranscriptMessage {
  const reply = say(l, 'welcome', { county: core.county.county.name[l] }, menuButtons(l));
  return { author: 'bot', text: reply.text, quick_replies: toQuickReplies(reply.buttons) ?? [] };
}

function toMessages(entries: readonly TranscriptEntry[]): TranscriptMessage[] {
  let offered: Button[] = [];
  const out: TranscriptMessage[] = [];
  for (const e of entries) {
    if (e.direction === 'out') {
      // A turn's buttons usually ride on one of its replies, not always the last.
      const buttons = parseButtons(e.payload);
      if (buttons.length > 0) offered = buttons;
      out.push({ author: e.author, text: e.text });
    } else {
      const label = e.payload ? offered.find((b) => b.payload === e.payload)?.label : undefined;
      const text = e.text || label || e.payload || '';
      if (text) out.push({ author: 'citizen', text });
      offered = [];
    }
  }
  const last = out.at(-1);
  const quick = toQuickReplies(offered);
  if (last && last.author !== 'citizen' && quick) last.quick_replies = quick;
  return out;
}

function parseButtons(payload: string | null): Button[] {
  if (!payload) return [];
  try {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed.filter((b): b is Button => typeof b?.label === 'string' && typeof b?.payload === 'string') : [];
  } catch {
    return [];
  }
}
