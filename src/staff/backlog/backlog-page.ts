/**
 * GET /staff/backlog: the backlog (积案) — counts by age bucket, unit and township
 * (each a link that filters), then the oldest cases with the leader in charge (包案).
 * Every value is escaped (html``); no personal data is shown.
 */
import type { BacklogFilter, BacklogView } from '../../app/backlog/list-backlog.ts';
import { townshipName, unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { fmtDate, FLAG_LABELS, statusLabel } from '../cases/labels.ts';

const link = (f: BacklogFilter, change: Partial<BacklogFilter>) => {
  const q = Object.entries({ ...f, ...change }).filter(([, v]) => v) as [string, string][];
  return `/staff/backlog${q.length ? `?${new URLSearchParams(q).toString()}` : ''}`;
};

export const leaderText = (l: { username: string; displayName: string | null } | null) => (l ? (l.displayName ? `${l.displayName} (${l.username})` : l.username) : '');

function counts(v: BacklogView, f: BacklogFilter, cfg: CountyConfig): SafeHtml {
  const bucket = v.buckets.map((b) => html`<tr data-bucket="${b.key}"><th scope="row"><a href="${link(f, { bucket: b.key })}">${b.key} 天 days</a></th><td>${b.count}</td></tr>`);
  const unit = v.byUnit.map((u) => html`<tr data-unit="${u.unit}"><th scope="row"><a href="${link(f, { unit: u.unit })}">${unitName(cfg, u.unit, 'zh')}</a></th><td>${u.count}</td></tr>`);
  const town = v.byTownship.map((t) => html`<tr data-township="${t.township}"><th scope="row"><a href="${link(f, { township: t.township })}">${townshipName(cfg, t.township, 'zh')}</a></th><td>${t.count}</td></tr>`);
  return html`<div class="backlog-counts">
<table id="backlog-buckets"><caption>按积压时长 By age</caption><tbody>${bucket}</tbody></table>
<table id="backlog-units"><caption>按责任单位 By unit</caption><tbody>${unit}</tbody></table>
<table id="backlog-townships"><caption>按乡镇 By township</caption><tbody>${town}</tbody></table></div>`;
}

function filters(v: BacklogView, f: BacklogFilter, cfg: CountyConfig): SafeHtml {
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/staff/backlog" class="filters">
<label>时长 Age <select name="bucket">${option('', '全部 All', f.bucket)}${v.buckets.map((b) => option(b.key, `${b.key} 天 days`, f.bucket))}</select></label>
<label>单位 Unit <select name="unit">${option('', '全部 All', f.unit)}${cfg.units.map((u) => option(u.code, u.nameZh, f.unit))}${cfg.townships.map((t) => option(`town:${t.name}`, unitName(cfg, `town:${t.name}`, 'zh'), f.unit))}</select></label>
<label>乡镇 Township <select name="township">${option('', '全部 All', f.township)}${cfg.townships.map((t) => option(t.name, t.name, f.township))}</select></label>
<label>包案领导 Leader <select name="leader">${option('', '全部 All', f.leader)}${v.leaders.map((l) => option(l.username, leaderText(l), f.leader))}</select></label>
<button type="submit">筛选 Filter</button> <a href="/staff/backlog">清除 Clear</a></form>`;
}

function rows(v: BacklogView, cfg: CountyConfig): SafeHtml {
  if (v.items.length === 0) return html`<p class="muted" id="backlog-empty">没有积案。No case in the backlog.</p>`;
  const body = v.items.map(
    (c) => html`<tr data-case="${c.caseNumber}"><td><a href="/staff/cases/${c.caseNumber}">${c.caseNumber}</a></td><td>${statusLabel(c.status)}</td>
<td>${unitName(cfg, c.unit, 'zh')}</td><td>${c.township ?? ''}</td><td>${fmtDate(c.receivedAt, cfg)}</td><td data-age>${c.ageDays}</td>
<td data-leader>${c.leader ? leaderText(c.leader) : html`<span class="muted">未包案 none</span>`}</td><td>${c.flags.map((x) => html`<span class="flag">${FLAG_LABELS[x] ?? x}</span>`)}</td></tr>`,
  );
  return html`<table id="backlog-cases"><thead><tr><th>案件编号 Case</th><th>状态 Status</th><th>责任单位 Unit</th><th>乡镇 Township</th><th>收到 Received</th><th>天数 Days open</th><th>包案领导 Leader in charge</th><th>标记 Flags</th></tr></thead>
<tbody>${body}</tbody></table>${v.items.length < v.total ? html`<p class="muted">列出最早的 ${v.items.length} 件，共 ${v.total} 件。The oldest ${v.items.length} of ${v.total}.</p>` : ''}`;
}

export function backlogBody(v: BacklogView, f: BacklogFilter, cfg: CountyConfig): SafeHtml {
  return html`<h1>积案 Backlog</h1>
<p>办理超过 ${v.thresholdDays} 天仍未办结的案件（从收到之日起算）。Cases open more than ${v.thresholdDays} days since received. <strong id="backlog-total">共 ${v.total} 件 ${v.total} cases</strong></p>
${filters(v, f, cfg)}
${counts(v, f, cfg)}
${rows(v, cfg)}
<p><a href="/api/backlog${link(f, {}).slice('/staff/backlog'.length)}">JSON</a></p>`;
}
