/**
 * The inbox's JSON API (session cookie + X-CSRF-Token, or a bearer token):
 *   GET  /api/inbox                 → {items: InboxItem[]}, oldest wait first
 *   GET  /api/inbox/:id             → InboxChat (transcript, canned replies)
 *   POST /api/inbox/:id/claim       → InboxChat; 409 when someone else holds it
 *   POST /api/inbox/:id/reply       {text} | {cannedId} → InboxChat; 409 unless held by the caller (or admin)
 *   POST /api/inbox/:id/attach      {caseNumber} → InboxChat; 404 for a case the caller may not see
 *   POST /api/inbox/:id/handback    → {id, handedBack: true} (the chat is detached from its case)
 *   POST /api/inbox/:id/reveal      {reason} → InboxChat with personal data unmasked (audited; 403 for
 *                                   supervisors and co-handlers; query codes stay masked)
 * Every transcript returned is the part the caller may read, masked (chat-transcript.ts),
 * and every read is audited.
 */
import { Router, type RequestHandler } from 'express';
import { attachChatToCase, AttachSchema } from '../../app/chats/attach-chat-to-case.ts';
import { claimChat } from '../../app/chats/claim-chat.ts';
import { handBackChat } from '../../app/chats/hand-back-chat.ts';
import type { InboxDeps } from '../../app/chats/inbox-access.ts';
import { getInboxChat, listInbox } from '../../app/chats/list-inbox.ts';
import { ChatReplySchema, replyToChat } from '../../app/chats/reply-to-chat.ts';
import { revealChat } from '../../app/chats/reveal-chat.ts';
import { ReasonSchema } from '../cases/action-inputs.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { principalOf } from '../api-routes.ts';

export function inboxApi(deps: InboxDeps, auth: RequestHandler): Router {
  const r = Router();
  const id = (p: unknown) => String(p);
  r.get('/api/inbox', auth, async (req, res) => {
    res.json(await listInbox(deps, principalOf(req)));
  });
  r.get('/api/inbox/:id', auth, async (req, res) => {
    res.json(await getInboxChat(deps, principalOf(req), id(req.params.id)));
  });
  r.post('/api/inbox/:id/claim', auth, async (req, res) => {
    await claimChat(deps, principalOf(req), id(req.params.id));
    res.json(await getInboxChat(deps, principalOf(req), id(req.params.id)));
  });
  r.post('/api/inbox/:id/reply', auth, async (req, res) => {
    await replyToChat(deps, principalOf(req), id(req.params.id), parseInput(ChatReplySchema, req.body ?? {}));
    res.json(await getInboxChat(deps, principalOf(req), id(req.params.id)));
  });
  r.post('/api/inbox/:id/attach', auth, async (req, res) => {
    const body = parseInput(AttachSchema, req.body ?? {});
    await attachChatToCase(deps, principalOf(req), id(req.params.id), body.caseNumber);
    res.json(await getInboxChat(deps, principalOf(req), id(req.params.id)));
  });
  r.post('/api/inbox/:id/reveal', auth, async (req, res) => {
    const { reason } = parseInput(ReasonSchema, req.body ?? {});
    res.json(await revealChat(deps, principalOf(req), id(req.params.id), reason));
  });
  r.post('/api/inbox/:id/handback', auth, async (req, res) => {
    await handBackChat(deps, principalOf(req), id(req.params.id));
    res.json({ id: id(req.params.id), handedBack: true });
  });
  return r;
}
