/**
 * Webhook mode: Telegram POSTs each update to the path of TELEGRAM_WEBHOOK_URL with
 * the secret token in a header. The answer is 200 only once the update is committed
 * or dead-lettered; 503 while the store is down, so Telegram delivers it again.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Update } from 'telegraf/types';
import { sendError } from '../http/errors.ts';
import type { UpdateOutcome } from './update-processor.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookDeps {
  path: string;
  secret: string;
  storeUp(): Promise<boolean>;
  process(update: Update): Promise<UpdateOutcome>;
}

export function webhookRouter(deps: WebhookDeps): Router {
  const r = Router();
  // Compared literally: the path often holds the bot token, whose ':' express would read as a parameter.
  r.use(async (req, res, next) => {
    if (req.method !== 'POST' || req.path !== deps.path) return next();
    if (!sameSecret(req.get(SECRET_HEADER), deps.secret)) return sendError(res, 'unauthorized', 'missing or wrong secret token');
    const update: unknown = req.body;
    if (!isUpdate(update)) return sendError(res, 'bad_request', 'not a Telegram update');
    const outcome = (await deps.storeUp().catch(() => false)) ? await deps.process(update) : 'retry';
    if (outcome === 'retry') {
      res.setHeader('Retry-After', '5');
      return sendError(res, 'unavailable', 'the service is temporarily unavailable; please retry shortly');
    }
    res.status(200).end();
  });
  return r;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}
