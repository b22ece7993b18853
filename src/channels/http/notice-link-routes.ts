/**
 * GET /notices/:id?s=<signature>: the citizen opens a written notice (书面告知) from the
 * link in the chat message that carried it — the document as issued, printable (the
 * browser prints or saves it as PDF). A wrong signature or an unknown notice is a 404
 * like any missing page; nothing else about the case is reachable from here.
 */
import { Router } from 'express';
import { openNoticeByLink } from '../../app/cases/notice-link.ts';
import type { Channel, ChannelFactory } from '../channel.ts';
import { rateLimit, RateLimiter } from './rate-limit.ts';

/** Views of notices per client network: a citizen opens a few; past it 429 like every anonymous route. */
export const NOTICE_VIEWS = { limit: 60, windowMs: 60_000 };

/** The document is self-contained: no scripts, no requests. */
const DOCUMENT_HEADERS = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' };

export const noticeLinks: ChannelFactory = ({ core }): Channel => {
  const deps = { writtenNotices: core.store.writtenNotices, noticeLinks: { sign: (id: string) => core.store.cipher.hash('notice-link', id) } };
  const r = Router();
  r.get('/notices/:id', rateLimit(new RateLimiter(NOTICE_VIEWS), 'notice views'), async (req, res) => {
    const notice = await openNoticeByLink(deps, String(req.params.id), typeof req.query.s === 'string' ? req.query.s : '');
    res.status(200).set(DOCUMENT_HEADERS).type('html').send(notice.html);
  });
  return { name: 'notice-links', routers: [r] };
};
