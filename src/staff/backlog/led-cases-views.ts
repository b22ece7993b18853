/** 包案 in the unit report and the monthly report: cases in leaders' charge, escaped. */
import type { LedCases } from '../../app/backlog/list-led-cases.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import { fmtDate, statusLabel } from '../cases/labels.ts';
import { leaderText } from './backlog-page.ts';

/** The unit report's table: per unit, how many open cases leaders hold and which leaders. */
export function ledByUnitTable(led: LedCases, cfg: CountyConfig): SafeHtml {
  if (led.byUnit.length === 0) return html`<h2>包案 Cases in leaders' charge</h2><p class="muted" id="led-by-unit">没有在办的包案案件。No open case in a leader's charge.</p>`;
  const rows = led.byUnit.map((u) => html`<tr data-unit="${u.unit}"><th scope="row">${unitName(cfg, u.unit, 'zh')}</th><td data-led>${u.count}</td><td>${u.leaders.join('、')}</td></tr>`);
  return html`<h2>包案 Cases in leaders' charge</h2><table id="led-by-unit"><thead><tr><th scope="col">责任单位 Unit</th><th scope="col">在办包案 Open cases</th><th scope="col">包案领导 Leaders</th></tr></thead><tbody>${rows}</tbody></table>
<p><a href="/staff/backlog">积案 Backlog →</a></p>`;
}

/** The monthly report's section: every open case in a leader's charge when the report was made. */
export function ledCasesSection(led: LedCases, cfg: CountyConfig): SafeHtml {
  const body = led.items.length
    ? html`<table class="breakdown"><thead><tr><th scope="col">案件编号 Case</th><th scope="col">责任单位 Unit</th><th scope="col">状态 Status</th><th scope="col">收到 Received</th><th scope="col">天数 Days open</th><th scope="col">包案领导 Leader</th><th scope="col">包案起 Since</th></tr></thead>
<tbody>${led.items.map((c) => html`<tr data-case="${c.caseNumber}"><td>${c.caseNumber}</td><td>${unitName(cfg, c.unit, 'zh')}</td><td>${statusLabel(c.status)}</td><td>${fmtDate(c.receivedAt, cfg)}</td><td>${c.ageDays}</td><td>${leaderText(c.leader)}</td><td>${c.leaderSince ? fmtDate(c.leaderSince, cfg) : ''}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">无 None.</p>`;
  return html`<section id="led-cases" class="report-section"><h2>领导包案（报告生成时在办）Cases in leaders' charge (open when the report was made)</h2>${body}</section>`;
}
