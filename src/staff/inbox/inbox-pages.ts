/**
 * The inbox's console pages (work without JavaScript; inbox.js makes them live):
 *   GET  /staff/inbox              the list          GET /staff/inbox/rows     its rows (fragment)
 *   GET  /staff/inbox/events       SSE: the list changed
 *   GET  /staff/inbox/:id          one chat          GET /staff/inbox/:id/live its status and transcript (fragment)
 *   POST /staff/inbox/:id/claim | reply | attach | handback   forms with `_csrf`; redirect back with a note
 *   POST /staff/inbox/:id/reveal   form with `_csrf` and `reason`: the chat with personal data unmasked (audited)
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { attachChatToCase, AttachSchema } from '../../app/chats/attach-chat-to-case.ts';
import { claimChat } from '../../app/chats/claim-chat.ts';
import { handBackChat } from '../../app/chats/hand-back-chat.ts';
import { inboxScopeOf, isChatId, type InboxDeps } from '../../app/chats/inbox-access.ts';
import { getInboxChat, listInbox } from '../../app/chats/list-inbox.ts';
import { ChatReplySchema, replyToChat } from '../../app/chats/reply-to-chat.ts';
import { revealChat } from '../../app/chats/reveal-chat.ts';
import { ReasonSchema } from '../cases/action-inputs.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { AppError } from '../../domain/errors.ts';
import { authOf, principalOf } from '../api-routes.ts';
import { layout } from '../html.ts';
import type { InboxWatch } from './inbox-events.ts';
import { chatLive, chatPage, inboxPage, inboxRows, type ViewContext } from './inbox-views.ts';

const INBOX_SCRIPT = 'inbox.js';

export function inboxPages(deps: InboxDeps, auth: RequestHandler, watch: InboxWatch): Router {
  const r = Router();
  const view = (req: Request): ViewContext => ({ csrfToken: authOf(req).csrfToken ?? '', utcOffsetMinutes: deps.county.utcOffsetMinutes });
  const page = (req: Request, res: Response, title: string, body: Parameters<typeof layout>[1]) => {
    const { principal, csrfToken } = authOf(req);
    res.type('html').send(layout({ title, staff: { username: principal.username, role: principal.role }, csrfToken, scripts: [INBOX_SCRIPT] }, body));
  };
  const note = (req: Request) => (typeof req.query.note === 'string' ? req.query.note : undefined);

  r.get('/staff/inbox', auth, async (req, res) => {
    const { items } = await listInbox(deps, principalOf(req));
    page(req, res, '待接入对话 Inbox', inboxPage(items, view(req), note(req)));
  });
  r.get('/staff/inbox/rows', auth, async (req, res) => {
    const { items } = await listInbox(deps, principalOf(req));
    res.type('html').send(inboxRows(items, view(req)).value);
  });
  r.get('/staff/inbox/events', auth, async (req, res) => {
    inboxScopeOf(principalOf(req), deps.county);
    await watch.stream(req, res);
  });
  r.get('/staff/inbox/:id', auth, async (req, res) => {
    // A link to a chat that has left the inbox (handed back meanwhile) leads back to the list.
    const chat = await getInboxChat(deps, principalOf(req), String(req.params.id)).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
    if (!chat) return res.redirect(303, '/staff/inbox?note=not_found');
    page(req, res, '对话 Chat', chatPage(chat, view(req), note(req)));
  });
  r.post('/staff/inbox/:id/reveal', auth, async (req, res) => {
    const id = String(req.params.id);
    try {
      const chat = await revealChat(deps, principalOf(req), id, parseInput(ReasonSchema, req.body ?? {}).reason);
      page(req, res, '对话 Chat', chatPage(chat, view(req)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      res.redirect(303, isChatId(id) && err.code !== 'not_found' ? `/staff/inbox/${id}?note=${err.code}` : '/staff/inbox?note=not_found');
    }
  });
  r.get('/staff/inbox/:id/live', auth, async (req, res) => {
    const chat = await getInboxChat(deps, principalOf(req), String(req.params.id));
    res.type('html').send(chatLive(chat, view(req)).value);
  });

  const form = (name: string, done: string, act: (req: Request, id: string) => Promise<unknown>) =>
    r.post(`/staff/inbox/:id/${name}`, auth, async (req, res) => {
      const id = String(req.params.id);
      // Back to the chat with a note (its page sends a chat that has gone on to the list).
      const back = (key: string) => (isChatId(id) ? `/staff/inbox/${id}?note=${key}` : `/staff/inbox?note=${key}`);
      try {
        await act(req, id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return res.redirect(303, back(err.code));
      }
      res.redirect(303, name === 'handback' ? `/staff/inbox?note=${done}` : back(done));
    });
  const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  form('claim', 'claimed', (req, id) => claimChat(deps, principalOf(req), id));
  form('reply', 'replied', (req, id) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const reply = parseInput(ChatReplySchema, { text: emptyToUndefined(b.text), cannedId: emptyToUndefined(b.cannedId) });
    return replyToChat(deps, principalOf(req), id, reply);
  });
  form('attach', 'attached', (req, id) => attachChatToCase(deps, principalOf(req), id, parseInput(AttachSchema, req.body ?? {}).caseNumber));
  form('handback', 'handback', (req, id) => handBackChat(deps, principalOf(req), id));
  return r;
}
