/**
 * The case page's written notices (书面告知): each with its title, when issued, how it
 * goes to the citizen and when it was delivered (送达); links to the document and its
 * PDF; a printed notice not yet delivered is marked 待打印送达 and, for the bureau and
 * the competent unit, has a form to record its delivery by hand.
 */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { WrittenNoticeSummary } from '../../ports/written-notice-ports.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDateTime } from './labels.ts';

export const NOTICE_KIND_LABELS: Record<string, string> = {
  accept: '受理告知书 Acceptance',
  not_accept: '不予受理告知书 Non-acceptance',
  extend: '延期告知书 Extension',
  reply: '答复意见书 Reply',
  review: '复查意见书 Review decision',
};

export const DELIVERY_CHANNEL_LABELS: Record<string, string> = {
  telegram: 'Telegram',
  web: '网页 Web chat',
  terminal: '终端 Terminal',
  print: '打印 Print',
  in_person: '当面送达 In person',
  post: '邮寄 Post',
  fax: '传真 Fax',
  email: '电子邮件 Email',
  other: '其他 Other',
};

const HAND = ['in_person', 'post', 'fax', 'email', 'other'] as const;

function deliveryCell(n: WrittenNoticeSummary, cfg: CountyConfig): SafeHtml {
  const channel = DELIVERY_CHANNEL_LABELS[n.channel ?? ''] ?? n.channel ?? '—';
  if (n.deliveredAt) return html`<span class="delivered">已送达 Delivered ${fmtDateTime(n.deliveredAt, cfg)} · ${channel}</span>${n.deliveryNote ? html` <span class="muted">${n.deliveryNote}</span>` : ''}`;
  if (n.delivery === 'print') return html`<span class="flag print">待打印送达 To print and deliver</span>`;
  return html`<span class="muted">待送达 Pending · ${channel}</span>`;
}

function deliveryForm(d: CaseDetail, n: WrittenNoticeSummary, csrf: string): SafeHtml | '' {
  if (n.deliveredAt || !d.mayRecordDelivery) return '';
  return html`<form method="post" action="/staff/cases/${d.kase.caseNumber}/notices/${n.id}/delivery" class="notice-delivery">${csrfField(csrf)}
<label>送达方式 How <select name="channel">${HAND.map((c) => html`<option value="${c}">${DELIVERY_CHANNEL_LABELS[c]}</option>`)}</select></label>
<label>送达日期 Date <input type="date" name="deliveredAt"></label>
<label>说明 Note <input name="note" maxlength="500"></label>
<button type="submit">登记送达 Record delivery</button></form>`;
}

export function writtenNoticesSection(d: CaseDetail, csrf: string, cfg: CountyConfig): SafeHtml {
  if (d.writtenNotices.length === 0) return html`<h2 id="notices">书面告知 Written notices</h2><p class="muted empty">尚未出具书面告知。No written notices yet.</p>`;
  const base = `/staff/cases/${d.kase.caseNumber}/notices`;
  const rows = d.writtenNotices.map(
    (n) => html`<tr data-kind="${n.kind}"><td>${NOTICE_KIND_LABELS[n.kind] ?? n.kind}<br><span class="muted">${n.title}</span></td>
<td>${fmtDateTime(n.issuedAt, cfg)}</td><td>${deliveryCell(n, cfg)}${deliveryForm(d, n, csrf)}</td>
<td><a href="${base}/${n.id}" target="_blank" rel="noopener">查看/打印 View / print</a> · <a href="${base}/${n.id}?format=pdf">PDF</a></td></tr>`,
  );
  return html`<h2 id="notices">书面告知 Written notices</h2><table class="written-notices"><thead><tr><th>文书 Notice</th><th>出具 Issued</th><th>送达 Delivery</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}
