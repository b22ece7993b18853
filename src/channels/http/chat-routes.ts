/**
 * The chat channel of the contract: POST /api/chat for a citizen's message. Messages
 * written later (staff replies, status changes) that are still pending come first in
 * the next response; the long poll GET /api/chat/updates is in channels/web. The
 * userId is a bearer secret; only its keyed hash is stored.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ChatDeps } from '../../app/chat-turn/handle-chat-turn.ts';
import { handleChatTurn } from '../../app/chat-turn/handle-chat-turn.ts';
import { toWellFormed } from './input-guards.ts';
import { parseInput } from './validate.ts';
import type { OutboxStore } from '../../ports/outbox-ports.ts';
import { clientKey, rateLimit, RateLimiter } from './rate-limit.ts';
import { WEB_LIMITS } from './rate-limit-web.ts';

export const WEB_CHANNEL = 'web';
export const MAX_CHAT_TEXT = 4000;

// Control characters other than tab and newline never carry meaning in a chat. The
// websocket's messages do not pass express.json's reviver: lone surrogates are mended here too.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const clean = (s: string) => toWellFormed(s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')).normalize('NFC');

export const ChatBodySchema = z
  .object({
    userId: z.string().min(16, 'must be at least 16 characters').max(128).regex(/^[\x21-\x7e]+$/, 'printable ASCII only'),
    text: z.string().max(MAX_CHAT_TEXT).transform(clean).optional(),
    payload: z.string().max(200).transform(clean).optional(),
    locale: z.enum(['zh', 'en']).optional(),
  })
  .refine((b) => (b.text !== undefined && b.text.trim() !== '') || (b.payload !== undefined && b.payload !== ''), {
    message: 'one of text or payload is required',
    path: ['text'],
  });

export interface ChatRouteDeps extends ChatDeps {
  /** Keyed hash of a web userId: what the store keeps instead of the secret. */
  hashUserId(userId: string): string;
  outbox: Pick<OutboxStore, 'pendingFor' | 'markDelivered'>;
}

export function chatRouter(deps: ChatRouteDeps): Router {
  const r = Router();
  r.post('/api/chat', rateLimit(new RateLimiter(WEB_LIMITS.chatTurns), 'chat messages'), async (req, res) => {
    const body = parseInput(ChatBodySchema, req.body);
    const out = await handleChatTurn(deps, {
      channel: WEB_CHANNEL,
      channelUserId: deps.hashUserId(body.userId),
      text: body.text ?? null,
      payload: body.payload ?? null,
      locale: body.locale ?? null,
      clientNetwork: clientKey(req.ip),
    });
    const pending = await deps.outbox.pendingFor(out.conversationId);
    const earlier = pending.map((m) => (m.buttons ? { text: m.text, buttons: m.buttons } : { text: m.text }));
    await deps.outbox.markDelivered(pending.map((m) => m.id), deps.clock.now());
    res.json({ conversationId: out.conversationId, replies: [...earlier, ...out.replies], expecting: out.expecting, caseNumber: out.caseNumber });
  });
  return r;
}
