/**
 * The registration form and the printable receipt (登记回执). Everything typed by
 * staff or citizens is escaped by `html`; the receipt carries the query code, which
 * exists in plain text only in this one response.
 */
import { DESK_ORIGINS } from '../../domain/case/registration.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import type { PriorPetition } from '../../app/desk/registration-input.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDate } from '../cases/labels.ts';
import { DESK, ORIGIN_LABELS, PRIOR_LABELS, RECEIPT } from './labels.ts';

/** The form's values as posted (strings), to show them again after a refusal. */
export type FormValues = Record<string, string | undefined>;

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;

const input = (name: string, label: string, v: FormValues, attrs: { type?: string; max?: number; required?: boolean } = {}) =>
  html`<label>${label} <input type="${attrs.type ?? 'text'}" name="${name}" value="${v[name] ?? ''}"${attrs.max ? html` maxlength="${attrs.max}"` : ''}${attrs.required ? html` required` : ''}></label>`;

const area = (name: string, label: string, v: FormValues, max: number) =>
  html`<label>${label} <textarea name="${name}" maxlength="${max}" required>${v[name] ?? ''}</textarea></label>`;

export function registrationForm(o: { csrfToken: string; submissionId: string; today: string; values?: FormValues; error?: string }, cfg: CountyConfig): SafeHtml {
  const v = o.values ?? {};
  const told = o.values ? v.understandingsTold !== undefined : true;
  return html`<h1>${DESK.title}</h1>
${o.error ? html`<p class="error" role="alert">${DESK.refused}: ${o.error}</p>` : ''}
<form method="post" action="/staff/desk" class="desk" id="desk-form">${csrfField(o.csrfToken)}
<input type="hidden" name="submissionId" value="${o.submissionId}">
${v.bookingId ? html`<input type="hidden" name="bookingId" value="${v.bookingId}"><p class="muted" id="desk-booking">${DESK.fromBooking}</p>` : ''}
<label>${DESK.origin} <select name="origin" required>${DESK_ORIGINS.map((x) => option(x, ORIGIN_LABELS[x], v.origin))}</select></label>
<label>${DESK.receivedAt} <input type="date" name="receivedAt" value="${v.receivedAt ?? o.today}" max="${o.today}"></label>
<p class="muted">${DESK.receivedHint}</p>
${input('name', DESK.name, v, { max: 50 })}
${input('phone', DESK.phone, v, { type: 'tel', max: 40 })}
${v.bookingPhoneMasked ? html`<p class="muted" id="desk-booking-phone">${DESK.bookingPhone} <span data-masked>${v.bookingPhoneMasked}</span><input type="hidden" name="bookingPhoneMasked" value="${v.bookingPhoneMasked}"></p>` : ''}
${input('idNumber', DESK.idNumber, v, { max: 40 })}
<p class="muted">${DESK.anonymousHint}</p>
<label>${DESK.township} <select name="township" required>${cfg.townships.map((t) => option(t.name, t.name, v.township))}</select></label>
${input('address', DESK.address, v, { max: 200 })}
<label>${DESK.category} <select name="category" required>${cfg.categories.map((c) => option(c.code, `${c.nameZh} ${c.nameEn}`, v.category))}</select></label>
${input('respondent', DESK.respondent, v, { max: 200 })}
${area('facts', DESK.facts, v, 4000)}
${area('demands', DESK.demands, v, 2000)}
<label>${DESK.peopleCount} <input type="number" name="peopleCount" min="1" max="100000" value="${v.peopleCount ?? '1'}" required></label>
<label>${DESK.priorPetition} <select name="priorPetition">${(Object.keys(PRIOR_LABELS) as PriorPetition[]).map((p) => option(p, PRIOR_LABELS[p], v.priorPetition))}</select></label>
<label>${DESK.locale} <select name="locale">${option('zh', '中文', v.locale)}${option('en', 'English', v.locale)}</select></label>
<label class="check"><input type="checkbox" name="understandingsTold" value="on"${told ? html` checked` : ''}> ${DESK.understandingsTold}</label>
<p class="muted">${DESK.understandingsHow}</p>
<button type="submit">${DESK.submit}</button>
</form>`;
}

export interface ReceiptView {
  caseNumber: string;
  queryCode: string | null;
  receivedOn: string;
  origin: keyof typeof ORIGIN_LABELS;
  category: string;
  township: string | null;
  unit: string;
  acceptDueAt: string | null;
  /** The three understandings in short form, zh and en, from the county config. */
  understandings: { zh: string; en: string };
}

export function receiptPage(r: ReceiptView, cfg: CountyConfig): SafeHtml {
  const cat = cfg.categories.find((c) => c.code === r.category);
  return html`<article class="receipt" id="receipt">
<h1>${cfg.county.name.zh} ${RECEIPT.title}</h1>
<p>${RECEIPT.intro}</p>
<table class="fields"><tbody>
<tr><th scope="row">${RECEIPT.caseNumber}</th><td class="big" id="receipt-case-number">${r.caseNumber}</td></tr>
<tr><th scope="row">${RECEIPT.queryCode}</th><td class="big" id="receipt-query-code">${r.queryCode ?? '—'}</td></tr>
<tr><th scope="row">${RECEIPT.origin}</th><td>${ORIGIN_LABELS[r.origin]}</td></tr>
<tr><th scope="row">${RECEIPT.received}</th><td>${r.receivedOn}</td></tr>
<tr><th scope="row">${RECEIPT.category}</th><td>${cat ? `${cat.nameZh} ${cat.nameEn}` : r.category}</td></tr>
<tr><th scope="row">${RECEIPT.township}</th><td>${r.township ?? '—'}</td></tr>
<tr><th scope="row">${RECEIPT.unit}</th><td>${unitName(cfg, r.unit, 'zh')} ${unitName(cfg, r.unit, 'en')}</td></tr>
<tr><th scope="row">${RECEIPT.acceptDue}</th><td>${r.acceptDueAt ? fmtDate(r.acceptDueAt, cfg) : '—'}</td></tr>
</tbody></table>
<p class="${r.queryCode ? 'muted' : 'error'}">${r.queryCode ? RECEIPT.queryCodeOnce : RECEIPT.queryCodeGone}</p>
<h2>${RECEIPT.followTitle}</h2>
<p>${RECEIPT.followZh}</p>
<p lang="en">${RECEIPT.followEn}</p>
<h2>${RECEIPT.understandings}</h2>
<div class="pre">${r.understandings.zh}</div>
<div class="pre" lang="en">${r.understandings.en}</div>
</article>
<p class="no-print"><button type="button" data-print>${RECEIPT.print}</button>
<a href="/staff/cases/${r.caseNumber}">${RECEIPT.open}</a> <a href="/staff/desk">${RECEIPT.another}</a></p>`;
}
