/** GET /staff/performance: the period form and one table for units, one for townships (escaped). */
import type { UnitPerformance } from '../../app/stats/get-unit-stats.ts';
import { isTownshipCode } from '../../app/stats/get-unit-stats.ts';
import type { StatsPeriod } from '../../app/stats/stats-period.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { METRIC_LABELS, metricText, PERFORMANCE_LABELS as L, TABLE_METRICS, type MetricKey } from './labels.ts';

export const SORT_KEYS = ['overdue', 'received', 'repliedOnTime', 'unit'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PerformanceView {
  period: StatsPeriod;
  rows: UnitPerformance[];
  sort: SortKey;
}

/** Largest first for numbers (ties by the config's order); the config's order for `unit`. */
export function sortRows(rows: readonly UnitPerformance[], sort: SortKey): UnitPerformance[] {
  if (sort === 'unit') return [...rows];
  return rows.map((r, i) => ({ r, i })).sort((a, b) => (b.r[sort] as number) - (a.r[sort] as number) || a.i - b.i).map((x) => x.r);
}

function header(v: PerformanceView, k: MetricKey): SafeHtml {
  if (!(SORT_KEYS as readonly string[]).includes(k)) return html`<th scope="col">${METRIC_LABELS[k]}</th>`;
  const qs = new URLSearchParams({ from: v.period.fromDate, to: v.period.toDate, sort: k }).toString();
  const current = v.sort === k;
  return html`<th scope="col"${current ? html` aria-sort="descending"` : ''}><a href="/staff/performance?${qs}">${METRIC_LABELS[k]}${current ? ' ▼' : ''}</a></th>`;
}

function table(id: string, caption: string, rows: UnitPerformance[], v: PerformanceView, cfg: CountyConfig): SafeHtml {
  const body = rows.map(
    (r) => html`<tr data-unit="${r.unit}"><th scope="row">${unitName(cfg, r.unit, 'zh')}</th>${TABLE_METRICS.map((k) => html`<td data-metric="${k}">${metricText(r, k)}</td>`)}</tr>`,
  );
  const unitQs = new URLSearchParams({ from: v.period.fromDate, to: v.period.toDate, sort: 'unit' }).toString();
  return html`<table class="performance" id="${id}"><caption>${caption}</caption>
<thead><tr><th scope="col"><a href="/staff/performance?${unitQs}">${L.unit}</a></th>${TABLE_METRICS.map((k) => header(v, k))}</tr></thead>
<tbody>${body}</tbody></table>`;
}

export function performanceBody(v: PerformanceView, cfg: CountyConfig): SafeHtml {
  const sorted = sortRows(v.rows, v.sort);
  const units = sorted.filter((r) => !isTownshipCode(r.unit));
  const towns = sorted.filter((r) => isTownshipCode(r.unit));
  const month = v.period.toDate.slice(0, 7);
  return html`<h1>${L.title}</h1>
<form method="get" action="/staff/performance" class="filters">
<label>${L.from} <input type="date" name="from" value="${v.period.fromDate}" required></label>
<label>${L.to} <input type="date" name="to" value="${v.period.toDate}" required></label>
<input type="hidden" name="sort" value="${v.sort}">
<button type="submit">${L.show}</button>
<a href="/staff/reports/monthly?month=${month}">${L.monthly} ${month}</a>
</form>
<p>${L.period}: ${v.period.fromDate} — ${v.period.toDate}</p>
${units.length ? table('performance-units', L.units, units, v, cfg) : ''}
${towns.length ? table('performance-townships', L.townships, towns, v, cfg) : ''}
<p class="muted">${L.definitions}</p>`;
}
