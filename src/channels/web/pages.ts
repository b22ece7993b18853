/**
 * The county's page with the chat widget (`GET /`), the bare widget for embedding
 * in an iframe (`GET /widget/chat`), and the widget's static files under /widget/.
 * Pages carry no inline script or style and a Content-Security-Policy that allows
 * neither; every text the widget shows is inserted with textContent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler, type Response } from 'express';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { Locale } from '../../app/chat-turn/messages.ts';
import { pageCsp } from '../http/security-headers.ts';

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
export const SOCKET_PATH = '/api/chat/ws';

const BASE_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  objectSrc: ["'none'"],
} as const;
/** The county page may frame only itself; the bare widget may be framed by any site that embeds it. */
const PAGE_POLICY = pageCsp({ ...BASE_POLICY, frameAncestors: ["'self'"] });
const FRAME_POLICY = pageCsp({ ...BASE_POLICY, frameAncestors: ['*'] });

/** The bare widget is meant for other sites' iframes: frame-ancestors rules, not X-Frame-Options. */
const embeddable: RequestHandler = (_req, res, next) => {
  res.removeHeader('X-Frame-Options');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
};

const PAGE_TEXT = {
  zh: { bureau: '信访局', intro: '在这里可以了解信访的程序和规范、登记信访事项、查询办理进度，也可以转接工作人员。', noscript: '网上信访助手需要启用 JavaScript。' },
  en: { bureau: 'Letters and Visits Bureau', intro: 'Here you can learn how petitioning works, file a petition, follow your case, or reach a member of staff.', noscript: 'The online petition assistant needs JavaScript.' },
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const langOf = (q: unknown): Locale => (q === 'en' ? 'en' : 'zh');

function head(l: Locale, title: string): string {
  return `<!doctype html>
<html lang="${l === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/widget/widget.css">
<script src="/widget/widget.js" defer></script>
</head>`;
}

export function countyPage(county: CountyConfig, l: Locale): string {
  const t = PAGE_TEXT[l];
  const name = county.county.name[l];
  const title = l === 'zh' ? `${name}${t.bureau}` : `${name} ${t.bureau}`;
  return `${head(l, title)}
<body class="xf-page">
<header class="xf-site-header"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t.intro)}</p></header>
<main class="xf-site-main">
<section id="xf-chat" class="xf-chat" data-lang="${l}"><noscript>${escapeHtml(t.noscript)}</noscript></section>
</main>
</body>
</html>
`;
}

export function framePage(county: CountyConfig, l: Locale): string {
  return `${head(l, county.county.name[l])}
<body class="xf-frame">
<main id="xf-chat" class="xf-chat" data-lang="${l}"><noscript>${escapeHtml(PAGE_TEXT[l].noscript)}</noscript></main>
</body>
</html>
`;
}

/** Security headers come from helmet (channels/http/security-headers.ts) and the route's policy. */
function sendPage(res: Response, html: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(html);
}

export function pagesRouter(county: CountyConfig): Router {
  const r = Router();
  r.get('/', PAGE_POLICY, (req, res) => sendPage(res, countyPage(county, langOf(req.query.lang))));
  r.get('/widget/chat', FRAME_POLICY, embeddable, (req, res) => sendPage(res, framePage(county, langOf(req.query.lang))));
  r.use(
    '/widget',
    express.static(PUBLIC_DIR, {
      index: false,
      dotfiles: 'ignore',
      setHeaders: (res) => {
        // embed.js is loaded by other sites; the widget files only by our pages.
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    }),
  );
  return r;
}
