/** `POST /api/nlu/parse` (contract, NLU): the NLU as a JSON service. */
import { Router } from 'express';
import { z } from 'zod';
import type { ChatDeps } from '../../app/chat-turn/handle-chat-turn.ts';
import { parseInput } from './validate.ts';
import { rateLimit, RateLimiter } from './rate-limit.ts';
import { WEB_LIMITS } from './rate-limit-web.ts';

const ParseSchema = z.object({
  text: z.string().min(1).max(4000),
  locale: z.enum(['zh', 'en']).optional(),
});

export function nluRouter(nlu: Pick<ChatDeps['nlu'], 'parse'>): Router {
  const r = Router();
  r.post('/api/nlu/parse', rateLimit(new RateLimiter(WEB_LIMITS.nluParses), 'parse requests'), async (req, res) => {
    const body = parseInput(ParseSchema, req.body);
    const result = await nlu.parse(body.text, { locale: body.locale });
    res.json({
      intent: { name: result.intent.name, confidence: result.intent.confidence },
      // Contract shape only: defective values (valid: false) and their reasons stay internal.
      entities: result.entities
        .filter((e) => e.valid !== false)
        .map((e) => ({ type: e.type, value: e.value, start: e.start, end: e.end })),
      locale: result.locale,
    });
  });
  return r;
}
