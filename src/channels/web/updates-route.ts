/**
 * GET /api/chat/updates?timeout=… with the citizen's id in the X-Chat-User-Id header
 * (or, as the contract writes it, ?userId=…) — the contract's long poll: answers as
 * soon as the citizen's web conversation has pending messages (staff replies,
 * status changes), or after `timeout` seconds (≤ 25, default 25) with none.
 * Returned messages are marked delivered. A bad userId is a JSON 400. The wait ends
 * on the outbox signal, which any server process sends, so a poll on one process
 * hears a staff reply written through another; a slow re-check covers lost signals.
 * A poll never creates a conversation: for an id that has none yet (nothing said) it
 * waits, looking again every few seconds, and answers with no replies.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ChannelCore } from '../channel.ts';
import { parseInput } from '../http/validate.ts';
import type { PushDelivery } from './push-delivery.ts';
import { outboxToJson, UserIdSchema, WEB_CHANNEL, withHeaderFields } from './web-messages.ts';

export const UPDATES_PATH = '/api/chat/updates';
export const MAX_POLL_SECONDS = 25;
const RECHECK_MS = 5000;

const UpdatesQuerySchema = z.object({
  userId: UserIdSchema,
  timeout: z.coerce.number().finite().min(0).default(MAX_POLL_SECONDS).transform((s) => Math.min(s, MAX_POLL_SECONDS)),
});

/** `shutdown` ends every waiting poll at once (with no replies) so the server can close. */
export function updatesRouter(core: ChannelCore, deliveries: PushDelivery, shutdown: AbortSignal): Router {
  const r = Router();
  r.get(UPDATES_PATH, async (req, res) => {
    const q = parseInput(UpdatesQuerySchema, withHeaderFields(req.query, (h) => req.get(h)), 'query');
    const channelUserId = core.hashUserId(q.userId);
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const signal = AbortSignal.any([gone.signal, shutdown]);
    const deadline = Date.now() + q.timeout * 1000;
    let conv = await core.store.conversations.find(WEB_CHANNEL, channelUserId);
    while (!conv && !signal.aborted && Date.now() < deadline) {
      await pause(Math.min(RECHECK_MS, deadline - Date.now()), signal);
      conv = await core.store.conversations.find(WEB_CHANNEL, channelUserId);
    }
    for (;;) {
      if (!conv || signal.aborted) break;
      // Listen before looking, so a signal that comes while we look is not missed.
      const round = new AbortController();
      const woken = deliveries.waitForPending(conv.id, Math.max(0, Math.min(RECHECK_MS, deadline - Date.now())), AbortSignal.any([signal, round.signal]));
      const pending = await deliveries.take(conv.id);
      const over = pending.length > 0 || Date.now() >= deadline;
      if (over) round.abort();
      if (pending.length > 0) return void res.json({ replies: pending.map(outboxToJson) });
      if (over) break;
      await woken;
    }
    if (!res.writableEnded && !res.destroyed) res.json({ replies: [] });
  });
  return r;
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
