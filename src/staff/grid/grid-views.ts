/** The grid workers page: bound chats, a link-code form per worker, and a new code shown once. */
import type { GridWorkerView, IssuedLinkCode } from '../../app/grid/issue-link-code.ts';
import { LINK_CODE_MINUTES } from '../../app/grid/issue-link-code.ts';
import { localDate } from '../../domain/deadlines.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';

export interface GridPageView {
  workers: GridWorkerView[];
  csrfToken: string;
  county: CountyConfig;
  issued?: IssuedLinkCode | undefined;
  error?: string | undefined;
}

/** "14:37" in county time. */
function localTime(iso: string, county: CountyConfig): string {
  const shifted = new Date(new Date(iso).getTime() + county.utcOffsetMinutes * 60_000);
  return `${localDate(new Date(iso), county.utcOffsetMinutes)} ${shifted.toISOString().slice(11, 16)}`;
}

export function gridPage(v: GridPageView): SafeHtml {
  const issued = v.issued
    ? html`<div class="notice" role="status"><p>${v.issued.username} 的绑定码 Link code: <strong id="link-code">${v.issued.code}</strong></p>
<p>有效期至 Valid until ${localTime(v.issued.expiresAt, v.county)}（${LINK_CODE_MINUTES} 分钟 minutes，只能使用一次 one use）。
在 Telegram 或网页对话中发送 Send in Telegram or the web chat: <code>/bind ${v.issued.code}</code></p></div>`
    : '';
  const rows = v.workers.map(
    (w) => html`<tr><td>${w.username}</td><td>${w.displayName ?? ''}</td><td>${w.township ?? ''}</td><td>${w.villages.join('、')}</td><td>${w.boundChats}</td>
<td><form method="post" action="/staff/grid/link-codes" class="inline">${csrfField(v.csrfToken)}<input type="hidden" name="username" value="${w.username}"><button type="submit">获取绑定码 Issue code</button></form></td></tr>`,
  );
  return html`<h1>网格员绑定 Grid workers</h1>
${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}${issued}
<p class="muted">网格员用绑定码把 Telegram 或网页对话账号绑定到工作账号，之后可在对话中上报矛盾纠纷（/report）并查看本网格上报事项（/reports）。
A grid worker binds a chat account with a code, then reports disputes (/report) and follows the grid's reports (/reports) in the chat.</p>
<table><thead><tr><th>用户名 Username</th><th>姓名 Name</th><th>乡镇 Township</th><th>网格村 Villages</th><th>已绑定 Bound chats</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
