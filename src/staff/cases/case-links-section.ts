/**
 * The case page's "Related and repeat petitions" section: each linked case the
 * viewer may see, with kind, similarity, when it was linked, the staff decision,
 * and confirm/unlink forms for the roles that work cases.
 */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { CaseLinkEntry, LinkStatus } from '../../ports/case-link-ports.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDateTime } from './labels.ts';

export const LINK_LABELS = {
  title: '关联与重复信访 Related and repeat petitions',
  empty: '暂无关联案件。No related cases.',
  case: '案件 Case',
  kind: '类型 Kind',
  score: '相似度 Similarity',
  created: '关联时间 Linked',
  status: '状态 Status',
  confirm: '确认关联 Confirm',
  unlink: '解除关联 Unlink',
  by: '经办 by',
  incident: '群体性事件 Group incident',
  incidentCases: '件同一地方、同一事项的信访 petitions of one place and matter',
  hub: '首件 first case',
  plan: '应急预案 plan on',
  since: '自 since',
} as const;

export const LINK_KIND_LABELS: Record<CaseLinkEntry['kind'], string> = {
  repeat: '重复信访 Repeat',
  related: '相关案件 Related',
};

export const LINK_STATUS_LABELS: Record<LinkStatus, string> = {
  suggested: '系统建议 Suggested',
  confirmed: '已确认 Confirmed',
  unlinked: '已解除 Unlinked',
};

function linkForm(caseNumber: string, l: CaseLinkEntry, decision: 'confirm' | 'unlink', csrfToken: string): SafeHtml {
  return html`<form method="post" action="/staff/cases/${caseNumber}/links/${l.otherCaseNumber}/${decision}" class="inline" data-link-action="${decision}">${csrfField(csrfToken)}<button type="submit">${LINK_LABELS[decision]}</button></form>`;
}

function row(d: CaseDetail, l: CaseLinkEntry, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const n = d.kase.caseNumber;
  const forms = d.mayDecideLinks
    ? html`${l.status !== 'confirmed' ? linkForm(n, l, 'confirm', csrfToken) : ''} ${l.status !== 'unlinked' ? linkForm(n, l, 'unlink', csrfToken) : ''}`
    : '';
  const decided = l.decidedBy ? html` <span class="muted">${LINK_LABELS.by} ${l.decidedBy} ${fmtDateTime(l.decidedAt, cfg)}</span>` : '';
  return html`<tr class="link-${l.status}" data-other="${l.otherCaseNumber}">
<td><a href="/staff/cases/${l.otherCaseNumber}">${l.otherCaseNumber}</a></td><td>${LINK_KIND_LABELS[l.kind]}</td>
<td>${l.score.toFixed(2)}</td><td>${fmtDateTime(l.createdAt, cfg)}</td>
<td>${LINK_STATUS_LABELS[l.status]}${decided}</td><td>${forms}</td></tr>`;
}

/** One line for a member of a group incident: how many cases, the hub, and the case carrying the incident's plan. */
function incidentLine(d: CaseDetail, cfg: CountyConfig): SafeHtml | '' {
  const i = d.incident;
  if (!i) return '';
  const L = LINK_LABELS;
  const link = (n: string | null) => (n ? html`<a href="/staff/cases/${n}">${n}</a>` : '—');
  const plan = i.planCaseNumber ? html`; ${L.plan} ${link(i.planCaseNumber)}` : '';
  return html`<p class="incident"><strong>${L.incident}</strong>: ${i.caseCount} ${L.incidentCases}; ${L.hub} ${link(i.hubCaseNumber)}${plan}; ${L.since} ${fmtDateTime(i.openedAt, cfg)}</p>`;
}

export function caseLinksSection(d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  if (d.links.length === 0) return html`<section id="case-links"><h2>${LINK_LABELS.title}</h2>${incidentLine(d, cfg)}<p class="muted empty">${LINK_LABELS.empty}</p></section>`;
  const L = LINK_LABELS;
  return html`<section id="case-links"><h2>${L.title}</h2>${incidentLine(d, cfg)}
<table class="links"><thead><tr><th>${L.case}</th><th>${L.kind}</th><th>${L.score}</th><th>${L.created}</th><th>${L.status}</th><th></th></tr></thead>
<tbody>${d.links.map((l) => row(d, l, csrfToken, cfg))}</tbody></table></section>`;
}
