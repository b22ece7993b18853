/**
 * The inbox's HTML: the list, one chat, and the fragments inbox.js swaps in when
 * the list changes. Every value goes through html``, so citizen text stays text.
 */
import type { InboxChat, InboxItem } from '../../app/chats/list-inbox.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';

const REASON: Record<InboxItem['reason'], string> = { requested: '市民要求 Requested', risk: '风险信号 Risk', fallback: '多次未理解 Not understood' };
const CHANNEL: Record<string, string> = { web: '网页 Web', telegram: 'Telegram', terminal: '终端 Terminal' };
const AUTHOR: Record<InboxChat['transcript'][number]['author'], [string, string]> = {
  citizen: ['市民 Citizen', 'in'],
  bot: ['助手 Bot', 'out'],
  staff: ['工作人员 Staff', 'staff'],
  system: ['系统 System', 'out muted'],
};

/** Flash messages after a form post (?error=code / ?done=action). */
export const FLASH: Record<string, string> = {
  conflict: '操作未完成：对话已由其他工作人员接入，或尚未接入。 Not done: someone else holds this chat, or it is not claimed yet.',
  not_found: '找不到该对话或案件，或您无权查看。 No such chat or case, or you may not see it.',
  bad_request: '输入有误，请检查后重试。 Please check your input and try again.',
  forbidden: '您的角色不能执行此操作。 Your role may not do this.',
  claimed: '已接入，市民已收到通知。 Claimed; the citizen has been told.',
  replied: '回复已发送。 Reply sent.',
  attached: '已关联案件。 Attached to the case.',
  handback: '已交回智能助手。 Handed back to the assistant.',
};

export interface ViewContext {
  csrfToken: string;
  utcOffsetMinutes: number;
}

export function localTime(iso: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function waited(seconds: number): string {
  const m = Math.floor(seconds / 60);
  if (m < 1) return '不到 1 分钟 <1 min';
  if (m < 60) return `${m} 分钟 min`;
  return `${Math.floor(m / 60)} 小时 h ${m % 60} 分钟 min`;
}

const DONE = new Set(['claimed', 'replied', 'attached', 'handback']);
const flash = (key: string | undefined) => (key && FLASH[key] ? html`<p class="${DONE.has(key) ? 'muted' : 'error'}" role="status">${FLASH[key]}</p>` : '');

const reason = (i: InboxItem) => (i.reason === 'risk' ? html`<span class="flag">${REASON[i.reason]}</span>` : REASON[i.reason]);
const holder = (i: InboxItem) => (i.holder ? (i.mine ? html`<strong>我 Me</strong>` : (i.holder.username ?? '?')) : html`<span class="muted">待接入 Waiting</span>`);

export function inboxRows(items: readonly InboxItem[], v: ViewContext): SafeHtml {
  if (items.length === 0) return html`<tr class="empty"><td colspan="7" class="muted">现在没有等待人工的对话。 No chats are waiting.</td></tr>`;
  return html`${items.map(
    (i) => html`<tr data-id="${i.id}" data-claimed="${i.holder ? 'true' : 'false'}" data-reason="${REASON[i.reason]}">
<td>${waited(i.waitingSeconds)}<br><span class="muted">${localTime(i.waitingSince, v.utcOffsetMinutes)}</span></td>
<td>${reason(i)}</td>
<td>${CHANNEL[i.channel] ?? i.channel} · ${i.locale}</td>
<td class="pre">${i.preview ?? ''}</td>
<td>${holder(i)}</td>
<td>${i.caseNumber ?? ''}</td>
<td><a href="/staff/inbox/${i.id}">打开 Open</a></td></tr>`,
  )}`;
}

export function inboxPage(items: readonly InboxItem[], v: ViewContext, note?: string): SafeHtml {
  return html`<section id="inbox-list" data-rows-url="/staff/inbox/rows" data-events-url="/staff/inbox/events">
<h1>待接入对话 Chats waiting for staff <span id="inbox-new" class="flag" hidden></span></h1>
${flash(note)}
<p><button type="button" id="inbox-notify" hidden>启用桌面通知 Enable notifications</button>
<span id="inbox-live" class="muted" role="status"></span></p>
<table><thead><tr><th>等待 Waiting</th><th>原因 Reason</th><th>渠道 Channel</th><th>市民最近的话 Last message</th><th>接入人 Held by</th><th>案件 Case</th><th></th></tr></thead>
<tbody id="inbox-rows">${inboxRows(items, v)}</tbody></table></section>`;
}

/** The part of a chat that changes while it is open: who holds it, and the transcript. */
export function chatLive(c: InboxChat, v: ViewContext): SafeHtml {
  return html`<table id="chat-status"><thead><tr><th>原因 Reason</th><th>等待 Waiting since</th><th>渠道 Channel</th><th>接入人 Held by</th><th>案件 Case</th></tr></thead>
<tbody><tr><td>${reason(c)}</td>
<td>${localTime(c.waitingSince, v.utcOffsetMinutes)} (${waited(c.waitingSeconds)})</td>
<td>${CHANNEL[c.channel] ?? c.channel} · ${c.locale}</td>
<td id="chat-holder">${holder(c)}</td>
<td id="chat-case">${c.caseNumber ?? '—'}</td></tr></tbody></table>
<div class="transcript" id="chat-transcript" aria-live="polite">${c.transcript.map((m) => {
    if (m.hidden) return html`<p class="out muted hidden-part">${m.text}</p>`;
    const [label, cls] = AUTHOR[m.author];
    return html`<p class="${cls}"><span class="muted">${localTime(m.at, v.utcOffsetMinutes)} ${label}</span><br><span class="pre">${m.text}</span></p>`;
  })}</div>`;
}

const short = (s: string) => ([...s].length > 40 ? `${[...s].slice(0, 40).join('')}…` : s);

function chatForms(c: InboxChat, v: ViewContext): SafeHtml {
  if (!c.canWork) return html`<p class="muted">只读：${c.holder ? '该对话由其他工作人员处理。' : '您的角色不能接入对话。'} Read only.</p>`;
  const action = (name: string) => `/staff/inbox/${c.id}/${name}`;
  const csrf = csrfField(v.csrfToken);
  if (!c.holder) {
    return html`<form method="post" action="${action('claim')}" id="claim-form">${csrf}<button type="submit">接入对话 Claim</button></form>
<form method="post" action="${action('handback')}" id="handback-form">${csrf}<button type="submit">不需要人工，交回智能助手 Hand back without claiming</button></form>`;
  }
  return html`<form method="post" action="${action('reply')}" id="reply-form">${csrf}
<label for="reply-text">回复市民 Reply to the citizen</label>
<textarea id="reply-text" name="text" maxlength="4000" required></textarea>
<button type="submit">发送 Send</button></form>
<form method="post" action="${action('reply')}" id="canned-form">${csrf}
<label for="canned-id">常用回复（${c.locale === 'en' ? 'English' : '中文'}） Canned reply</label>
<select id="canned-id" name="cannedId" required><option value="">—</option>${c.cannedReplies.map((r) => html`<option value="${r.id}" title="${r.text}">${short(r.text)}</option>`)}</select>
<button type="submit">发送常用回复 Send</button></form>
<form method="post" action="${action('attach')}" id="attach-form">${csrf}
<label for="case-number">关联案件 Attach to case</label>
<input id="case-number" name="caseNumber" maxlength="64" placeholder="XF…" required value="${c.caseNumber ?? ''}">
<button type="submit">关联 Attach</button></form>
<form method="post" action="${action('handback')}" id="handback-form">${csrf}<button type="submit">交回智能助手 Hand back to the assistant</button></form>`;
}

/** Personal data is masked; the bureau and the case's competent unit may reveal it with a reason (audited). */
function revealForm(c: InboxChat, v: ViewContext): SafeHtml {
  if (c.revealed) return html`<p class="muted" role="status">个人信息已显示（已记录查看；查询码始终隐藏）。 Personal data shown: this view is audited; query codes stay hidden. <a href="/staff/inbox/${c.id}">隐藏 Mask again</a></p>`;
  if (!c.canReveal) return html``;
  return html`<form method="post" action="/staff/inbox/${c.id}/reveal" class="reveal">${csrfField(v.csrfToken)}
<label>查看完整个人信息的理由 Reason to see personal data <input name="reason" required maxlength="2000"></label>
<button type="submit">查看 Reveal</button> <span class="muted">每次查看都会记录在审计日志中。Every reveal is audited.</span></form>`;
}

export function chatPage(c: InboxChat, v: ViewContext, note?: string): SafeHtml {
  // A revealed page is not made live: a refresh would fetch the masked transcript again.
  const live = c.revealed ? html`` : html` data-live-url="/staff/inbox/${c.id}/live" data-events-url="/staff/inbox/events"`;
  return html`<p><a href="/staff/inbox">← 待接入对话 Inbox</a></p>
<section id="inbox-chat"${live}>
<h1>对话 Chat ${c.id.slice(0, 8)}</h1>
${flash(note)}
${revealForm(c, v)}
<div id="chat-live">${chatLive(c, v)}</div>
${chatForms(c, v)}</section>`;
}
