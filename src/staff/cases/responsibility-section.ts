/**
 * The case page's responsibility section (属地管理、分级负责，谁主管、谁负责): the
 * competent unit, the 属地 township and the staff member holding the case now, and
 * where the case has been — each holding with its span and duration.
 */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { unitName } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { MAX_REASON } from './action-inputs.ts';
import { unitOptions } from './case-list-page.ts';
import { fmtDateTime } from './labels.ts';

/** "5.5 小时 h" under two days, else "3.2 天 days". */
export function fmtDuration(hours: number): string {
  return hours < 48 ? `${hours} 小时 h` : `${Math.round((hours / 24) * 10) / 10} 天 days`;
}

export function responsibilitySection(d: CaseDetail, cfg: CountyConfig): SafeHtml {
  const r = d.responsibility;
  const rows = d.holdings.map(
    (h) => html`<tr><td>${h.unitName}</td><td>${h.displayName ?? html`<span class="muted">—</span>`}</td><td>${fmtDateTime(h.since, cfg)}</td>
<td>${h.until ? fmtDateTime(h.until, cfg) : '至今 now'}</td><td>${fmtDuration(h.durationHours)}</td><td>${h.reason ? html`<div class="pre">${h.reason}</div>` : ''}</td></tr>`,
  );
  return html`<section id="responsibility" class="responsibility"><h2>责任 Responsibility</h2>
<table class="fields"><tbody>
<tr><th scope="row">主管单位 Competent unit</th><td>${r.unit.name}</td></tr>
<tr><th scope="row">属地乡镇 Township</th><td>${r.township ? r.township.unitName : html`<span class="muted">—</span>`}</td></tr>
<tr><th scope="row">协办单位 Co-handler</th><td>${d.kase.coUnit ? unitName(cfg, d.kase.coUnit, 'zh') : html`<span class="muted">无 none</span>`}</td></tr>
<tr><th scope="row">当前承办人 Holder</th><td>${r.holder ? (r.holder.displayName ?? r.holder.staffId) : html`<span class="muted">暂无 none yet</span>`}</td></tr>
</tbody></table>
<h3>办理轨迹 Where it has been</h3>
<table class="holdings"><thead><tr><th>单位 Unit</th><th>承办人 Staff</th><th>自 Since</th><th>至 Until</th><th>时长 Duration</th><th>原因 Reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * The bureau's form to name or remove a co-handler by hand (a report against officials
 * never gets one automatically); units the case accuses are not offered.
 */
export function coHandlerForm(d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const excluded = d.coHandlerExcluded;
  if (!excluded) return html``;
  const choices = unitOptions(cfg).filter((u) => !excluded.includes(u.code) && u.code !== d.kase.coUnit);
  return html`<form method="post" action="/staff/cases/${d.kase.caseNumber}/co-handler" class="co-handler">${csrfField(csrfToken)}
<fieldset><legend>指定协办单位 Assign a co-handler</legend>
<label>协办单位 Co-handler <select name="unit"><option value="">${d.kase.coUnit ? '取消协办 Remove the co-handler' : '请选择 Choose'}</option>${choices.map((u) => html`<option value="${u.code}">${u.name}</option>`)}</select></label>
<label>理由（内部记录，写入审计）Reason (internal, audited) <textarea name="reason" maxlength="${MAX_REASON}" required></textarea></label>
<button type="submit">保存 Save</button></fieldset></form>`;
}
