/**
 * Server-rendered HTML that is safe by default: every interpolated value is escaped
 * unless it is already SafeHtml (built by this same template). Citizen text can only
 * reach a page as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** html`<p>${citizenText}</p>` escapes; nested html`` fragments pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return new SafeHtml(out);
}

/** The hidden CSRF field every console form carries. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export interface LayoutOptions {
  title: string;
  staff?: { username: string; role: string } | null;
  csrfToken?: string | null;
  /** Extra script files under /staff/assets (no inline scripts: the CSP forbids them). */
  scripts?: string[];
  /** Open alerts of the signed-in staff member, when the page knows it (alerts.js keeps it current). */
  alertCount?: number;
}

/** Loaded on every signed-in console page: the alerts count in the header and browser notifications. */
export const ALERTS_SCRIPT = 'alerts.js';

export function layout(o: LayoutOptions, body: SafeHtml): string {
  const nav = o.staff
    ? html`<nav class="top"><a href="/staff">案件 Cases</a>${['admin', 'intake'].includes(o.staff.role) ? html` <a href="/staff/desk">登记 Register</a>` : ''} <a href="/staff/inbox">待接入对话 Inbox</a>
        <a href="/staff/alerts" id="alerts-link">提醒 Alerts<span id="alerts-count">${o.alertCount ? ` (${o.alertCount})` : ''}</span></a>
        ${['admin', 'intake', 'supervisor'].includes(o.staff.role) ? html`<a href="/staff/dashboard">统计 Dashboard</a> ` : ''}${['admin', 'intake', 'supervisor', 'handler'].includes(o.staff.role) ? html`<a href="/staff/performance">绩效 Performance</a> <a href="/staff/reports/monthly">月报 Monthly report</a> ` : ''}${o.staff.role !== 'grid' ? html`<a href="/staff/backlog">积案 Backlog</a> ` : ''}${['admin', 'intake', 'supervisor'].includes(o.staff.role) ? html`<a href="/staff/reception">接访 Reception</a> ` : ''}<a href="/staff/account">账户 Account</a>${o.staff.role === 'admin' ? html` <a href="/staff/users">人员 Staff</a>` : ''}
        <span class="who">${o.staff.username} (${o.staff.role})</span>
        <form method="post" action="/staff/logout" class="inline">${csrfField(o.csrfToken ?? '')}<button type="submit">退出 Sign out</button></form></nav>`
    : html``;
  const scripts = [...(o.staff ? [ALERTS_SCRIPT] : []), ...(o.scripts ?? [])].map((s) => html`<script src="/staff/assets/${s}" defer></script>`);
  return html`<!doctype html><html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.csrfToken ? html`<meta name="csrf-token" content="${o.csrfToken}">` : ''}
<title>${o.title} · 信访工作台</title><link rel="stylesheet" href="/staff/assets/console.css">${scripts}</head>
<body>${nav}<main>${body}</main></body></html>`.value;
}

/** The console's Content-Security-Policy: no inline script or style, nothing from elsewhere. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
