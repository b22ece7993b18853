/**
 * The console's supervision notice modules: the banner on top of a unit's case list
 * (one line per open notice, with its answer form) and the section of a case page
 * (every notice of the case, answer forms, and the issue form for supervisors).
 * Everything staff wrote is escaped by `html`.
 */
import type { NoticeView } from '../../app/supervision/notice-view.ts';
import type { CaseSupervision } from '../../app/supervision/list-supervise-notices.ts';
import { localDate } from '../../domain/deadlines.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDate, fmtDateTime } from '../cases/labels.ts';
import { MAX_NOTICE_ANSWER, MAX_NOTICE_MESSAGE } from './inputs.ts';
import { SUPERVISION_LABELS as L } from './labels.ts';

export interface NoticeBannerView {
  notices: NoticeView[];
  csrfToken: string;
}

const overdueMark = (n: NoticeView) => (n.overdue ? html` <span class="flag notice-overdue">${L.overdue}</span>` : '');

function answerForm(n: NoticeView, csrfToken: string, back: string): SafeHtml {
  return html`<form method="post" action="/staff/supervise-notices/${n.id}/answer" class="inline notice-answer">${csrfField(csrfToken)}
<input type="hidden" name="back" value="${back}">
<input name="answer" required maxlength="${MAX_NOTICE_ANSWER}" placeholder="${L.answerPlaceholder}" aria-label="${L.answer}">
<button type="submit">${L.answerButton}</button></form>`;
}

/** On top of the case list: the unit's open notices, soonest due first. */
export function noticeBanner(v: NoticeBannerView | undefined, cfg: CountyConfig): SafeHtml {
  if (!v || v.notices.length === 0) return html``;
  const items = v.notices.map(
    (n) => html`<li data-notice="${n.id}"><a href="/staff/cases/${n.caseNumber}">${n.caseNumber}</a> · ${n.message} ·
${L.due} ${fmtDate(n.dueAt, cfg)}${overdueMark(n)} ${answerForm(n, v.csrfToken, 'list')}</li>`,
  );
  return html`<section class="supervise-notices" id="supervise-notices" aria-label="${L.bannerTitle}">
<h2>${L.bannerTitle} (${v.notices.length})</h2><ul>${items}</ul></section>`;
}

function noticeRow(n: CaseSupervision['notices'][number], caseNumber: string, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const status = n.answeredAt ? html`${L.answered} ${fmtDateTime(n.answeredAt, cfg)} · ${n.answeredBy ?? ''}` : html`${L.open}${overdueMark(n)}`;
  const answer = n.answer ? html`<div class="pre">${n.answer}</div>` : n.mayAnswer ? answerForm(n, csrfToken, caseNumber) : html`<span class="muted">—</span>`;
  return html`<tr data-notice="${n.id}"><td>${fmtDateTime(n.issuedAt, cfg)}</td><td>${n.issuedBy}</td><td>${unitName(cfg, n.unit, 'zh')}</td>
<td>${fmtDate(n.dueAt, cfg)}</td><td class="pre">${n.message}</td><td>${status}</td><td>${answer}</td></tr>`;
}

function issueForm(s: CaseSupervision, caseNumber: string, csrfToken: string, cfg: CountyConfig, now: Date): SafeHtml {
  const options = s.units.map((u) => html`<option value="${u}">${unitName(cfg, u, 'zh')}</option>`);
  return html`<form method="post" action="/staff/cases/${caseNumber}/supervise-notices" class="notice-issue">${csrfField(csrfToken)}
<h3>${L.issueTitle}</h3>
<label>${L.unit} <select name="unit">${options}</select></label>
<label>${L.due} <input type="date" name="dueAt" required min="${localDate(now, cfg.utcOffsetMinutes)}"></label>
<label>${L.issueMessage} <textarea name="message" required maxlength="${MAX_NOTICE_MESSAGE}"></textarea></label>
<button type="submit">${L.issueButton}</button></form>`;
}

/** The case page's section; nothing when the page was rendered without notices. */
export function caseNoticeSection(s: CaseSupervision | undefined, caseNumber: string, csrfToken: string, cfg: CountyConfig, now: Date): SafeHtml {
  if (!s) return html``;
  const table =
    s.notices.length === 0
      ? html`<p class="muted empty">${L.none}</p>`
      : html`<table class="notices"><thead><tr><th>${L.issued}</th><th>${L.issuedBy}</th><th>${L.unit}</th><th>${L.due}</th><th>${L.message}</th><th>${L.status}</th><th>${L.answer}</th></tr></thead>
<tbody>${s.notices.map((n) => noticeRow(n, caseNumber, csrfToken, cfg))}</tbody></table>`;
  return html`<section id="supervision" aria-label="${L.title}"><h2>${L.title}</h2>${table}${s.mayIssue ? issueForm(s, caseNumber, csrfToken, cfg, now) : ''}</section>`;
}
