/** The monthly report's sections, server-rendered and escaped (no script, no inline style). */
import type { MonthlyReport } from '../../app/stats/get-monthly-report.ts';
import type { UnitPerformance } from '../../app/stats/get-unit-stats.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { FLAG_LABELS, fmtDate, statusLabel } from '../cases/labels.ts';
import { barChart } from '../dashboard/charts.ts';
import { METRIC_LABELS, metricText, pct, type MetricKey } from '../performance/labels.ts';
import { REPORT_LABELS as L } from './labels.ts';

const share = (n: number, of: number) => (of === 0 ? '—' : pct(n / of));

const section = (id: string, title: string, body: SafeHtml) => html`<section id="${id}" class="report-section"><h2>${title}</h2>${body}</section>`;

function figures(s: UnitPerformance, keys: readonly MetricKey[]): SafeHtml {
  return html`<table class="figures"><tbody>${keys.map((k) => html`<tr><th scope="row">${METRIC_LABELS[k]}</th><td data-metric="${k}">${metricText(s, k)}</td></tr>`)}</tbody></table>`;
}

export function summarySection(r: MonthlyReport): SafeHtml {
  const keys: MetricKey[] = ['received', 'acceptedOnTime', 'repliedOnTime', 'overdue', 'extensions', 'satisfactionRate', 'settlementRate', 'repeat', 'group', 'risk', 'superviseNotices', 'superviseAnswered'];
  return section('summary', L.summary, figures(r.summary, keys));
}

function countTable(caption: string, column: string, rows: { label: string; n: number }[], total: number): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${caption}: ${L.none}</p>`;
  return html`<table class="breakdown"><caption>${caption}</caption><thead><tr><th scope="col">${column}</th><th scope="col">${L.count}</th><th scope="col">${L.share}</th></tr></thead>
<tbody>${rows.map((x) => html`<tr><th scope="row">${x.label}</th><td>${x.n}</td><td>${share(x.n, total)}</td></tr>`)}</tbody></table>`;
}

export function volumeSection(r: MonthlyReport, cfg: CountyConfig): SafeHtml {
  const cat = (code: string) => cfg.categories.find((c) => c.code === code)?.nameZh ?? code;
  const sorted = (o: Record<string, number>, label: (k: string) => string) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => ({ label: label(k), n }));
  const cats = sorted(r.byCategory, cat);
  const towns = sorted(r.byTownship, (k) => k);
  const total = r.summary.received;
  return section(
    'volume',
    L.volume,
    html`${countTable(L.byCategory, L.category, cats, total)}${cats.length ? barChart(L.byCategory, cats.map((x) => ({ label: x.label, value: x.n })), { id: 'report-chart-category' }) : ''}
${countTable(L.byTownship, L.township, towns, total)}`,
  );
}

export function timelinessSection(r: MonthlyReport): SafeHtml {
  const s = r.summary;
  const row = (k: MetricKey, n: number) => html`<tr><th scope="row">${METRIC_LABELS[k]}</th><td data-metric="${k}">${n}</td><td>${share(n, s.received)}</td></tr>`;
  return section(
    'timeliness',
    L.timeliness,
    html`<table class="figures"><thead><tr><th></th><th scope="col">${L.count}</th><th scope="col">${L.share}</th></tr></thead><tbody>
${row('acceptedOnTime', s.acceptedOnTime)}${row('repliedOnTime', s.repliedOnTime)}${row('overdue', s.overdue)}${row('extensions', s.extensions)}</tbody></table>`,
  );
}

export const satisfactionSection = (r: MonthlyReport) => section('satisfaction', L.satisfaction, figures(r.summary, ['satisfactionRate', 'settlementRate']));

export function repeatRiskSection(r: MonthlyReport, cfg: CountyConfig): SafeHtml {
  const rows = r.flagged.map(
    (c) => html`<tr><td>${c.caseNumber}</td><td>${fmtDate(c.createdAt, cfg)}</td><td>${cfg.categories.find((x) => x.code === c.category)?.nameZh ?? c.category}</td>
<td>${c.township ?? '—'}</td><td>${statusLabel(c.status)}</td><td>${c.flags.map((f) => FLAG_LABELS[f] ?? f).join('、')}</td></tr>`,
  );
  const list = rows.length
    ? html`<table class="cases"><thead><tr><th>${L.caseNumber}</th><th>${L.filed}</th><th>${L.category}</th><th>${L.township}</th><th>${L.status}</th><th>${L.flags}</th></tr></thead><tbody>${rows}</tbody></table>${rows.length >= 100 ? html`<p class="muted">${L.truncated}</p>` : ''}`
    : html`<p class="muted">${L.none}</p>`;
  return section('repeat-risk', L.repeatRisk, html`${figures(r.summary, ['repeat', 'group', 'risk'])}${list}`);
}

export function supervisionSection(r: MonthlyReport, cfg: CountyConfig): SafeHtml {
  const now = r.generatedAt.getTime();
  const open = r.notices.filter((n) => !n.answeredAt);
  const counts = html`<table class="figures"><tbody>
<tr><th scope="row">${L.issuedCount}</th><td data-metric="superviseNotices">${r.summary.superviseNotices}</td></tr>
<tr><th scope="row">${L.answeredCount}</th><td data-metric="superviseAnswered">${r.summary.superviseAnswered}</td></tr>
<tr><th scope="row">${L.openCount}</th><td>${r.summary.superviseNotices - r.summary.superviseAnswered}</td></tr>
<tr><th scope="row">${L.overdueOpen}</th><td>${open.filter((n) => n.dueAt.getTime() < now).length}</td></tr></tbody></table>`;
  const rows = r.notices.map(
    (n) => html`<tr><td>${n.caseNumber}</td><td>${unitName(cfg, n.unit, 'zh')}</td><td>${fmtDate(n.issuedAt, cfg)}</td><td>${fmtDate(n.dueAt, cfg)}</td>
<td>${n.answeredAt ? fmtDate(n.answeredAt, cfg) : L.notAnswered}</td></tr>`,
  );
  const list = rows.length
    ? html`<table class="notices"><thead><tr><th>${L.caseNumber}</th><th>${L.unit}</th><th>${L.issued}</th><th>${L.due}</th><th>${L.answered}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">${L.none}</p>`;
  return section('supervision', L.supervision, html`${counts}${list}`);
}

function rankTable(caption: string, rows: UnitPerformance[], highlight: string, cfg: CountyConfig): SafeHtml {
  const keys: MetricKey[] = ['received', 'repliedOnTime', 'overdue', 'satisfactionRate', 'settlementRate', 'superviseNotices'];
  const body = rows.map(
    (u, i) => html`<tr data-unit="${u.unit}"${u.unit === highlight ? html` class="current"` : ''}><td>${i + 1}</td><th scope="row">${unitName(cfg, u.unit, 'zh')}</th>
${keys.map((k) => html`<td>${metricText(u, k)}</td>`)}</tr>`,
  );
  return html`<table class="ranking"><caption>${caption}</caption><thead><tr><th scope="col">${L.rank}</th><th scope="col">${L.unit}</th>${keys.map((k) => html`<th scope="col">${METRIC_LABELS[k]}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

export function rankingSection(r: MonthlyReport, cfg: CountyConfig): SafeHtml {
  return section(
    'ranking',
    L.ranking,
    html`${r.rankingRestricted ? html`<p class="muted">${L.rankingRestricted}</p>` : ''}
${r.ranking.units.length ? rankTable('职能部门 Units', r.ranking.units, r.unit, cfg) : ''}
${r.ranking.townships.length ? rankTable('乡镇 Townships', r.ranking.townships, r.unit, cfg) : ''}`,
  );
}

export const notesSection = () => section('notes', L.notes, html`<p>${L.definitions}</p><p>${L.rankingRule}</p>`);
