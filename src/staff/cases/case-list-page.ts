/** GET /staff: the case list with filters, search and pages (server-rendered, escaped). */
import type { CaseDto } from '../../app/cases/case-dto.ts';
import type { ConsoleQuery } from '../../app/cases/list-console-cases.ts';
import { CASE_FLAGS, CASE_STATUSES, type CaseStatus } from '../../domain/case/lifecycle.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { FLAG_LABELS, fmtDate, fmtDateTime, STATUS_LABELS, statusLabel } from './labels.ts';
import { noticeBanner, type NoticeBannerView } from '../supervision/notice-views.ts';

export interface CaseListView {
  items: CaseDto[];
  total: number;
  page: number;
  pageSize: number;
  query: ConsoleQuery;
  /** The unit's open supervision notices, shown on top. */
  supervision?: NoticeBannerView | undefined;
}

const FACTS_PREVIEW = 60;

export function unitOptions(cfg: CountyConfig): { code: string; name: string }[] {
  return [
    ...cfg.units.map((u) => ({ code: u.code, name: u.nameZh })),
    ...cfg.townships.map((t) => ({ code: `town:${t.name}`, name: unitName(cfg, `town:${t.name}`, 'zh') })),
  ];
}

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;

function filters(q: ConsoleQuery, cfg: CountyConfig): SafeHtml {
  return html`<form method="get" action="/staff" class="filters" role="search">
<label>状态 Status <select name="status"><option value="">全部 All</option>${CASE_STATUSES.map((s) => option(s, STATUS_LABELS[s], q.status))}</select></label>
<label>单位 Unit <select name="unit"><option value="">全部 All</option>${unitOptions(cfg).map((u) => option(u.code, u.name, q.unit))}</select></label>
<label>乡镇 Township <select name="township"><option value="">全部 All</option>${cfg.townships.map((t) => option(t.name, t.name, q.township))}</select></label>
<label>类别 Category <select name="category"><option value="">全部 All</option>${cfg.categories.map((c) => option(c.code, c.nameZh, q.category))}</select></label>
<label>标记 Flag <select name="flag"><option value="">全部 All</option>${CASE_FLAGS.map((f) => option(f, FLAG_LABELS[f] ?? f, q.flag))}</select></label>
<label>到期日不晚于 Due by <input type="date" name="dueBefore" value="${q.dueBefore ?? ''}"></label>
<label>搜索 Search <input type="search" name="q" value="${q.q ?? ''}" maxlength="200" placeholder="编号、事由、被反映人、地址"></label>
<button type="submit">筛选 Filter</button> <a href="/staff">清除 Clear</a>
</form>`;
}

/** The deadline that matters in the case's status. */
function dueCell(c: CaseDto, cfg: CountyConfig): SafeHtml {
  const s = c.status as CaseStatus;
  if ((s === 'submitted' || s === 'transferred') && c.acceptDueAt) return html`受理 ${fmtDate(c.acceptDueAt, cfg)}`;
  if ((s === 'accepted' || s === 'in_progress' || s === 'extended') && c.replyDueAt) return html`答复 ${fmtDate(c.replyDueAt, cfg)}`;
  if (s === 'review_requested' && c.reviewDueAt) return html`复查 ${fmtDate(c.reviewDueAt, cfg)}`;
  return html`<span class="muted">—</span>`;
}

const flagsOf = (flags: string[]) => flags.map((f) => html`<span class="flag">${FLAG_LABELS[f] ?? f}</span>`);

function row(c: CaseDto, cfg: CountyConfig): SafeHtml {
  const facts = c.facts.length > FACTS_PREVIEW ? `${c.facts.slice(0, FACTS_PREVIEW)}…` : c.facts;
  return html`<tr data-case="${c.caseNumber}">
<td><a href="/staff/cases/${c.caseNumber}">${c.caseNumber}</a></td>
<td>${statusLabel(c.status)}</td>
<td>${cfg.categories.find((x) => x.code === c.category)?.nameZh ?? c.category}</td>
<td>${c.township ?? '—'}</td>
<td>${unitName(cfg, c.unit, 'zh')}</td>
<td>${c.petitioner.name ?? '—'}</td>
<td class="facts">${facts}</td>
<td>${flagsOf(c.flags)}${c.sensitivePeriod ? html`<span class="flag sensitive" title="${c.sensitivePeriod}">敏感 Sensitive</span>` : ''}</td>
<td>${dueCell(c, cfg)}</td>
<td>${fmtDateTime(c.createdAt, cfg)}</td>
</tr>`;
}

function pager(v: CaseListView): SafeHtml {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const link = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, x] of Object.entries(v.query)) if (x !== undefined && k !== 'page') p.set(k, String(x));
    p.set('page', String(page));
    return `/staff?${p.toString()}`;
  };
  return html`<nav class="pager" aria-label="分页 Pages">
${v.page > 1 ? html`<a href="${link(v.page - 1)}" rel="prev">上一页 Previous</a>` : ''}
<span>第 ${v.page} / ${pages} 页，共 ${v.total} 件 (page ${v.page} of ${pages}, ${v.total} cases)</span>
${v.page < pages ? html`<a href="${link(v.page + 1)}" rel="next">下一页 Next</a>` : ''}
</nav>`;
}

export function caseListBody(v: CaseListView, cfg: CountyConfig): SafeHtml {
  const table =
    v.items.length === 0
      ? html`<p class="muted empty">没有符合条件的案件。No cases match.</p>`
      : html`<table class="cases"><thead><tr><th>案件编号 Case</th><th>状态 Status</th><th>类别 Category</th><th>乡镇 Township</th><th>承办单位 Unit</th><th>信访人 Petitioner</th><th>事由 Facts</th><th>标记 Flags</th><th>期限 Due</th><th>登记 Filed</th></tr></thead>
<tbody>${v.items.map((c) => row(c, cfg))}</tbody></table>`;
  return html`<h1>案件 Cases</h1>${noticeBanner(v.supervision, cfg)}${filters(v.query, cfg)}${table}${pager(v)}`;
}
