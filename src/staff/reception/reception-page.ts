/**
 * GET /staff/reception: the leaders' reception days from a week back to the booking
 * horizon, each with its leader, place, topics, places taken and its bookings (name
 * and phone masked, the citizen's words escaped); a booking whose day has come is
 * registered as a visit at the desk from here.
 */
import type { SessionView } from '../../app/reception/list-reception-bookings.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';

export interface ReceptionPageRights {
  mayRegister: boolean;
  mayCancel: boolean;
  csrfToken: string;
}

const STATUS: Record<string, string> = { booked: '已预约 Booked', visited: '已到访登记 Visit registered', cancelled: '已取消 Cancelled' };

function cancelForm(id: string, r: ReceptionPageRights): SafeHtml {
  return html`<form method="post" action="/staff/reception/bookings/${id}/cancel" class="cancel-booking">${csrfField(r.csrfToken)}<input name="reason" required maxlength="2000" placeholder="取消原因 Reason"><button type="submit">取消预约 Cancel</button></form>`;
}

function visitCell(b: SessionView['bookings'][number], r: ReceptionPageRights): SafeHtml {
  if (b.caseNumber) return html`<a href="/staff/cases/${b.caseNumber}">${b.caseNumber}</a>`;
  const register = b.registerable && r.mayRegister ? html`<a class="register-visit" href="/staff/desk?booking=${b.id}">登记来访 Register visit</a>` : '';
  return html`${register}${b.status === 'booked' && r.mayCancel ? cancelForm(b.id, r) : ''}`;
}

function bookingRows(s: SessionView, r: ReceptionPageRights): SafeHtml {
  if (s.bookings.length === 0) return html`<p class="muted">暂无预约。No bookings yet.</p>`;
  const rows = s.bookings.map(
    (b) => html`<tr data-booking="${b.id}"><td>${b.position}</td><td>${b.name}</td><td>${b.phone}</td><td class="pre">${b.description}</td><td>${b.channel}</td><td data-status>${STATUS[b.status] ?? b.status}</td>
<td>${visitCell(b, r)}</td></tr>`,
  );
  return html`<table class="bookings"><thead><tr><th>序号 No.</th><th>姓名 Name</th><th>电话 Phone</th><th>反映事项 Matter</th><th>渠道 Channel</th><th>状态 Status</th><th>来访登记 Visit</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function receptionBody(v: { today: string; sessions: SessionView[] }, rights: ReceptionPageRights): SafeHtml {
  const sections = v.sessions.map(
    (s) => html`<section class="reception-day" data-session="${s.sessionId}@${s.day}"><h2>${s.day}${s.day === v.today ? ' （今天 today）' : ''} ${s.entry.from}–${s.entry.to} · ${s.entry.leader.zh}</h2>
<p>${s.entry.place.zh} · 主要接待 Topics: ${s.entry.topics.zh}</p>
<p>已约 Booked <strong data-taken>${s.taken}</strong> / ${s.entry.capacity}${s.bookable ? '' : html` <span class="muted">（已截止预约 booking closed）</span>`}</p>
${bookingRows(s, rights)}</section>`,
  );
  return html`<h1>领导接访 Leaders' reception days</h1>
<p class="muted">安排来自县配置（reception.days）；群众在对话中预约。The schedule comes from the county config; citizens book in the chat.</p>
${sections.length ? sections : html`<p class="muted">近期没有领导接访日。No reception day ahead.</p>`}`;
}
