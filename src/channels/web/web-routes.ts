/**
 * The widget's JSON routes beside the contract's chat API: its transcript (for a
 * reload without a websocket) and file uploads. The userId is the same bearer
 * secret as on POST /api/chat, checked by the same rule.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { addAttachment } from '../../app/chat-turn/add-attachment.ts';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachment-type.ts';
import { AppError } from '../../domain/errors.ts';
import type { ChannelCore } from '../channel.ts';
import { parseInput } from '../http/validate.ts';
import { concurrencyLimit, rateLimit } from '../http/rate-limit.ts';
import { webLimiters } from '../http/rate-limit-web.ts';
import type { PushDelivery } from './push-delivery.ts';
import { loadTranscript } from './transcript-view.ts';
import { UPDATES_PATH } from './updates-route.ts';
import { LocaleSchema, UserIdSchema, WEB_CHANNEL, withHeaderFields } from './web-messages.ts';

export const TRANSCRIPT_PATH = '/api/chat/transcript';
export const ATTACHMENTS_PATH = '/api/chat/attachments';

const TranscriptBodySchema = z.object({ userId: UserIdSchema, locale: LocaleSchema });
const AttachmentQuerySchema = z.object({ userId: UserIdSchema, name: z.string().max(255).optional(), locale: LocaleSchema });

export function webRoutes(core: ChannelCore, deliveries: PushDelivery): Router {
  const r = Router();
  const limits = webLimiters();
  // The long poll itself is updates-route.ts's; its limits run here, just before it.
  r.get(UPDATES_PATH, rateLimit(limits.polls, 'polls'), concurrencyLimit(limits.pollsOpen, 'waiting polls'));

  /** `{userId, locale?}` → `{locale, expecting, messages: [{author, text, quick_replies?}]}`. */
  r.post(TRANSCRIPT_PATH, rateLimit(limits.transcripts, 'transcript loads'), async (req, res) => {
    const body = parseInput(TranscriptBodySchema, req.body);
    const view = await loadTranscript(core, deliveries, body.userId, body.locale);
    res.json({ locale: view.locale, expecting: view.expecting, messages: view.messages });
  });

  /**
   * The file's bytes as the body; the id in X-Chat-User-Id and the name in X-File-Name
   * (percent-encoded), `?locale=…` → `{accepted, caseNumber, reply}`. `?userId=…&name=…`
   * still work for older widgets.
   */
  r.post(ATTACHMENTS_PATH, rateLimit(limits.uploads, 'uploads'), express.raw({ type: '*/*', limit: ATTACHMENT_MAX_BYTES }), async (req, res) => {
    const q = parseInput(AttachmentQuerySchema, withHeaderFields(req.query, (h) => req.get(h)), 'query');
    if (!Buffer.isBuffer(req.body)) throw new AppError('bad_request', 'send the file bytes as the request body with a Content-Type');
    const out = await addAttachment(
      { conversations: core.store.conversations, attachments: core.store.attachments, files: core.store.files, clock: core.clock },
      { channel: WEB_CHANNEL, channelUserId: core.hashUserId(q.userId), fileName: q.name ?? null, bytes: req.body, defaultLocale: q.locale ?? 'zh' },
    );
    res.json({ accepted: out.accepted, caseNumber: out.caseNumber, reply: out.reply });
  });

  return r;
}
