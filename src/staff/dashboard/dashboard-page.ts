/** GET /staff/dashboard: the period form, the numbers and their bar charts (escaped). */
import type { DashboardStats } from '../../app/stats/get-stats.ts';
import type { StatsPeriod } from '../../app/stats/stats-period.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { STATUS_LABELS } from '../cases/labels.ts';
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import { barChart } from './charts.ts';
import { currentOrNextPeriod } from '../../domain/sensitive-periods.ts';

export interface DashboardView {
  period: StatsPeriod;
  stats: DashboardStats;
  volume: { unit: 'day' | 'week'; buckets: { label: string; count: number }[] };
  /** Today's local date: which sensitive period is on or next. */
  today: string;
}

/** The sensitive period on now (alerts raised one level) or the next to come, and those in the stats period. */
function sensitivePeriods(v: DashboardView, cfg: CountyConfig): SafeHtml | '' {
  const on = currentOrNextPeriod(cfg.sensitivePeriods, v.today);
  const within = cfg.sensitivePeriods.filter((p) => p.from <= v.period.toDate && p.to >= v.period.fromDate);
  if (!on && within.length === 0) return '';
  const banner = on
    ? on.current
      ? html`<p class="sensitive-period current" id="sensitive-period" role="status"><strong>敏感时期 Sensitive period</strong>：${on.period.name.zh} ${on.period.name.en}（${on.period.from} — ${on.period.to}）。预警提升一级：可能的风险按风险提醒；期间登记的风险、集体案件已标注。 Alerts are raised one level; risk and group cases filed now are marked.</p>`
      : html`<p class="sensitive-period next" id="sensitive-period">下一个敏感时期 Next sensitive period：${on.period.name.zh} ${on.period.name.en}（${on.period.from} — ${on.period.to}）</p>`
    : '';
  const list = within.length
    ? html`<p class="muted">统计期间内的敏感时期 Sensitive periods in this period: ${within.map((p, i) => html`${i ? '；' : ''}${p.name.zh}（${p.from} — ${p.to}）`)}</p>`
    : '';
  return html`${banner}${list}`;
}

const OPEN: readonly CaseStatus[] = ['submitted', 'accepted', 'transferred', 'in_progress', 'extended', 'replied', 'review_requested'];
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function numbers(s: DashboardStats): SafeHtml {
  const item = (label: string, value: string | number, id: string) => html`<tr><th scope="row">${label}</th><td id="${id}">${value}</td></tr>`;
  return html`<table class="stats-numbers"><tbody>
${item('登记总量 Cases filed', s.total, 'stat-total')}
${item('超期 Overdue', s.overdue, 'stat-overdue')}
${item('风险 Risk', s.risk, 'stat-risk')}
${item('集体访 Group', s.group, 'stat-group')}
${item('重复访率 Repeat rate', pct(s.repeatRate), 'stat-repeat')}
${item('满意率 Satisfaction rate', pct(s.satisfactionRate), 'stat-satisfaction')}
${item('息诉率 Settlement rate', pct(s.settlementRate), 'stat-settlement')}
</tbody></table>
<p class="muted">满意率 = (满意 + 基本满意) / 全部评价（受理评价与办理评价各计一次）。息诉率 = 已答复且复查申请期已过、未申请复查的案件 / 已答复且复查申请期已过的案件。
Satisfaction = (satisfied + basically satisfied) / all ratings given (acceptance and handling ratings each count). Settlement = replied cases whose review window passed without a review request / replied cases whose review window passed.</p>`;
}

export function dashboardBody(v: DashboardView, cfg: CountyConfig): SafeHtml {
  const s = v.stats;
  const qs = new URLSearchParams({ from: v.period.fromDate, to: v.period.toDate }).toString();
  const cat = (code: string) => cfg.categories.find((c) => c.code === code)?.nameZh ?? code;
  const byValue = (o: Record<string, number>, label: (k: string) => string = (k) => k) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => ({ label: label(k), value: n }));
  return html`<h1>统计 Dashboard</h1>
<form method="get" action="/staff/dashboard" class="filters">
<label>自 From <input type="date" name="from" value="${v.period.fromDate}" required></label>
<label>至 To <input type="date" name="to" value="${v.period.toDate}" required></label>
<button type="submit">查询 Show</button>
<a href="/staff/cases.csv?${qs}" download>导出 CSV Export (masked)</a>
</form>
<p>统计期间 Period: ${v.period.fromDate} — ${v.period.toDate}（${v.period.days} 天 days）</p>
${sensitivePeriods(v, cfg)}
${numbers(s)}
${barChart(v.volume.unit === 'day' ? '每日登记量 Cases per day' : '每周登记量 Cases per week (from the date shown)', v.volume.buckets.map((b) => ({ label: b.label, value: b.count })), { id: 'chart-volume' })}
${barChart('按类别 By category', byValue(s.byCategory, cat), { id: 'chart-category', fill: '#0b6e4f' })}
${barChart('按乡镇 By township', byValue(s.byTownship), { id: 'chart-township', fill: '#8d5b00' })}
${barChart('未办结案件状态 Open cases by status', OPEN.map((st) => ({ label: STATUS_LABELS[st], value: s.byStatus[st] ?? 0 })), { id: 'chart-status', fill: '#a61b1b' })}`;
}
