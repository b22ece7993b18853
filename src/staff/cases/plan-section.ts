/**
 * The case page's "Emergency plan" section (应急预案): each step with who must act,
 * when it is due, whether it is done or late and by whom, a "mark done" form for
 * staff who may complete it, and the after-action review (事后总结) once the case
 * is closed. Labels zh with en.
 */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { PlanStepView } from '../../app/cases/case-plan-view.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import type { PlanStepRole, StepState } from '../../domain/plans.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDateTime } from './labels.ts';
import { MAX_STEP_NOTE, MAX_SUMMARY } from './plan-routes.ts';

const ROLE_LABELS: Record<PlanStepRole, string> = {
  intake: '信访局 Intake',
  unit: '承办单位 Competent unit',
  township: '属地乡镇 Township',
  supervisor: '督查领导 Supervisor',
  admin: '管理员 Admin',
};

const STATE_LABELS: Record<StepState, SafeHtml> = {
  done: html`<span class="tag-public">已完成 Done</span>`,
  late: html`<span class="flag">已超时 Late</span>`,
  open: html`<span>待办 Open</span>`,
};

function who(role: PlanStepRole, d: CaseDetail, cfg: CountyConfig): string {
  if (role === 'unit') return `${ROLE_LABELS.unit}：${unitName(cfg, d.state.unit, 'zh')}`;
  if (role === 'township') return `${ROLE_LABELS.township}：${d.responsibility.township?.unitName ?? '—'}`;
  return ROLE_LABELS[role];
}

function doneForm(n: string, s: PlanStepView, csrfToken: string): SafeHtml {
  return html`<form method="post" action="/staff/cases/${n}/plan/steps/${s.stepId}/done" class="plan-step" data-step="${s.stepId}">${csrfField(csrfToken)}
<label>备注（可选）Note (optional) <input name="note" maxlength="${MAX_STEP_NOTE}"></label>
<button type="submit">标记完成 Mark done</button></form>`;
}

function stepRow(s: PlanStepView, d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const done = s.doneAt ? html`${s.doneBy ?? ''} · ${fmtDateTime(s.doneAt, cfg)}${s.note ? html`<div class="pre">${s.note}</div>` : ''}` : '';
  return html`<tr class="step-${s.state}" data-step="${s.stepId}"><td>${s.position}</td><td>${s.title.zh}<div class="muted">${s.title.en}</div></td>
<td>${who(s.role, d, cfg)}</td><td>${fmtDateTime(s.dueAt, cfg)}</td><td>${STATE_LABELS[s.state]}</td><td>${done}</td>
<td>${s.mayComplete ? doneForm(d.kase.caseNumber, s, csrfToken) : ''}</td></tr>`;
}

function review(d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const p = d.plan!;
  if (p.review) {
    return html`<h3>事后总结 After-action review</h3><div class="pre review-summary">${p.review.text}</div>
<p class="muted">${p.review.by ?? ''} · ${fmtDateTime(p.review.at, cfg)}</p>`;
  }
  if (p.mayReview) {
    return html`<form method="post" action="/staff/cases/${d.kase.caseNumber}/review-summary" class="review-summary">${csrfField(csrfToken)}
<fieldset><legend>事后总结 After-action review</legend>
<label>处置经过、效果和经验教训 What was done, how it worked, lessons learned <textarea name="summary" maxlength="${MAX_SUMMARY}" required></textarea></label>
<button type="submit">保存总结 Save review</button></fieldset></form>`;
  }
  return p.reviewWanted ? html`<p class="muted">案件已办结，待信访局填写事后总结。Closed: the bureau's after-action review is awaited.</p>` : html``;
}

export function planSection(d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  const p = d.plan;
  if (!p) return html`<section id="plan" class="plan"><h2>应急预案 Emergency plan</h2><p class="muted empty">本案未启动应急预案。No emergency plan for this case.</p></section>`;
  const late = p.steps.filter((s) => s.state === 'late').length;
  return html`<section id="plan" class="plan" aria-label="应急预案 Emergency plan"><h2>应急预案 Emergency plan：${p.name.zh} <span class="muted">${p.name.en}</span></h2>
${late ? html`<p class="error">${late} 个步骤已超时 step(s) late</p>` : ''}
<table class="plan-steps"><thead><tr><th>#</th><th>步骤 Step</th><th>责任 Who must act</th><th>期限 Due</th><th>状态 State</th><th>完成 Done by</th><th></th></tr></thead>
<tbody>${p.steps.map((s) => stepRow(s, d, csrfToken, cfg))}</tbody></table>
${review(d, csrfToken, cfg)}</section>`;
}
