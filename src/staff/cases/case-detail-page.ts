/**
 * GET /staff/cases/:n: every field (masked), deadlines, the timeline with public and
 * internal events marked, attachments, related cases, and one form per action the
 * caller's role may take now. Everything citizen-written is escaped by `html`.
 */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { RevealedData } from '../../app/cases/reveal-personal-data.ts';
import type { CaseDto } from '../../app/cases/case-dto.ts';
import { dueState } from '../../domain/deadlines.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { actionForm } from './case-action-forms.ts';
import { caseNoticeSection } from '../supervision/notice-views.ts';
import type { CaseSupervision } from '../../app/supervision/list-supervise-notices.ts';
import { caseLinksSection } from './case-links-section.ts';
import { planSection } from './plan-section.ts';
import { writtenNoticesSection } from './written-notices-section.ts';
import { coHandlerForm, responsibilitySection } from './responsibility-section.ts';
import { CONSENT_LABELS, DUE_LABELS, eventLabel, FLAG_LABELS, fmtDateTime, ORIGIN_LABELS, STATUS_LABELS, statusLabel } from './labels.ts';

export interface CaseDetailView {
  detail: CaseDetail;
  csrfToken: string;
  now: Date;
  /** A message after an action (done) or the reason it was refused (error). */
  notice?: { kind: 'done' | 'error'; text: string } | undefined;
  revealed?: RevealedData | undefined;
  /** Supervision notices of the case (督办), when loaded. */
  supervision?: CaseSupervision | undefined;
  /** The 包案 section (src/staff/backlog/leader-section.ts). */
  leader?: SafeHtml | undefined;
}

const field = (label: string, value: SafeHtml | string | number | null | undefined) =>
  html`<tr><th scope="row">${label}</th><td>${value === null || value === undefined || value === '' ? html`<span class="muted">—</span>` : value}</td></tr>`;
const text = (s: string | null) => (s ? html`<div class="pre">${s}</div>` : null);

function fields(k: CaseDto, cfg: CountyConfig): SafeHtml {
  const reps = k.representatives.map((r) => html`<div>${r.name}${r.phone ? html` · ${r.phone}` : ''}</div>`);
  return html`<table class="fields"><tbody>
${field('类别 Category', cfg.categories.find((c) => c.code === k.category)?.nameZh ?? k.category)}
${field('乡镇 Township', k.township)}
${field('地址 Address', k.address)}
${field('承办单位 Unit', unitName(cfg, k.unit, 'zh'))}
${field('属地协办 Co-handler', k.coUnit ? unitName(cfg, k.coUnit, 'zh') : null)}
${field('信访人 Name', k.petitioner.name)}
${field('电话 Phone', k.petitioner.phone)}
${field('身份证号 ID number', k.petitioner.idNumber)}
${field('代表 Representatives', reps.length ? html`${reps}` : null)}
${field('人数 People', k.peopleCount === null ? null : `${k.peopleCount} ${k.peopleUnit === 'households' ? '户 households' : '人 people'}`)}
${field('被反映人 Respondent', k.respondent)}
${field('事实与理由 Facts', text(k.facts))}
${field('诉求 Demands', text(k.demands))}
${field('此前信访 Prior petition', k.priorPetition)}
${field('此前处理（原话） Earlier handling in their words', text(k.priorDetail))}
${field('未能识别的原话 Words the bot kept', notes(k.intakeNotes))}
${field('渠道 Channel', k.channel)}
${field('来源 Origin', ORIGIN_LABELS[k.origin] ?? k.origin)}
${field('收到日期 Received', k.receivedOn)}
${field('三个明白 Three understandings', k.consentMethod ? (CONSENT_LABELS[k.consentMethod] ?? k.consentMethod) : null)}
${field('登记时间 Filed', fmtDateTime(k.createdAt, cfg))}
</tbody></table>`;
}

/** The citizen's own words for fields the bot could not read, for staff to classify. */
function notes(n: Record<string, string> | null): SafeHtml | null {
  const entries = Object.entries(n ?? {});
  return entries.length === 0 ? null : html`${entries.map(([k, v]) => html`<div>${k}: ${v}</div>`)}`;
}

function deadlines(d: CaseDetail, cfg: CountyConfig, now: Date): SafeHtml {
  const s = d.state;
  const ctx = { rules: cfg.deadlines, utcOffsetMinutes: cfg.utcOffsetMinutes };
  const due = (at: Date | null, open: boolean) => {
    if (!at) return null;
    const mark = open ? DUE_LABELS[dueState(at, now, ctx)] : '';
    return html`${fmtDateTime(at, cfg)}${mark ? html` <span class="flag">${mark}</span>` : ''}`;
  };
  const awaitingAcceptance = s.status === 'submitted' || s.status === 'transferred';
  const handling = s.status === 'accepted' || s.status === 'in_progress' || s.status === 'extended';
  return html`<h2>期限 Deadlines</h2><table class="fields"><tbody>
${field('受理期限 Decide by', due(s.acceptDueAt, awaitingAcceptance))}
${field('受理时间 Accepted', s.acceptedAt ? fmtDateTime(s.acceptedAt, cfg) : null)}
${field('答复期限 Reply by', due(s.replyDueAt, handling))}
${field('延期 Extension', s.extensionDays ? `${s.extensionDays} 天 days` : null)}
${field('答复时间 Replied', s.repliedAt ? fmtDateTime(s.repliedAt, cfg) : null)}
${field('复查/复核申请期限 Review request by', s.reviewDueAt ? fmtDateTime(s.reviewDueAt, cfg) : null)}
${field('申请复查 Review requested', s.reviewRequestedAt ? fmtDateTime(s.reviewRequestedAt, cfg) : null)}
${field('复查答复期限 Review answer by', due(s.reviewAnswerDueAt, s.status === 'review_requested'))}
${field('复查意见 Review answered', s.reviewRepliedAt ? fmtDateTime(s.reviewRepliedAt, cfg) : null)}
${field('办结 Closed', s.closedAt ? fmtDateTime(s.closedAt, cfg) : null)}
</tbody></table>`;
}

function timeline(d: CaseDetail, cfg: CountyConfig): SafeHtml {
  const rows = d.timeline.map((e) => {
    const who = e.actor === 'staff' ? `工作人员 Staff ${e.staffName ?? ''}` : e.actor === 'citizen' ? '信访人 Citizen' : '系统 System';
    const change = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? `${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}` : '';
    return html`<tr class="${e.public ? 'public' : 'internal'}">
<td>${fmtDateTime(e.at, cfg)}</td><td>${who}</td><td>${eventLabel(e.kind)}</td>
<td>${e.public ? html`<span class="tag-public">公开 Public</span>` : html`<span class="flag tag-internal">内部 Internal</span>`}</td>
<td>${change}</td><td>${text(e.note)}</td></tr>`;
  });
  return html`<h2>办理记录 Timeline</h2><table class="timeline"><thead><tr><th>时间 When</th><th>谁 Who</th><th>事项 What</th><th>可见 Visibility</th><th>状态 Status</th><th>内容 Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function attachments(d: CaseDetail, cfg: CountyConfig): SafeHtml {
  if (d.attachments.length === 0) return html`<h2>附件 Attachments</h2><p class="muted empty">没有附件。No attachments.</p>`;
  const items = d.attachments.map(
    (a) =>
      html`<li><a href="/staff/cases/${d.kase.caseNumber}/attachments/${a.id}" download>${a.fileName}</a> <span class="muted">${a.mime} · ${Math.ceil(a.size / 1024)} KB · ${fmtDateTime(a.createdAt, cfg)}</span></li>`,
  );
  return html`<h2>附件 Attachments</h2><ul class="attachments">${items}</ul>`;
}

function reveal(v: CaseDetailView): SafeHtml {
  const n = v.detail.kase.caseNumber;
  if (v.revealed) {
    const p = v.revealed.petitioner;
    const reps = v.revealed.representatives.map((r) => html`<div>${r.name}${r.phone ? html` · ${r.phone}` : ''}</div>`);
    return html`<section class="revealed" aria-label="个人信息 Personal data"><h2>个人信息（已记录查看）Personal data (this view is audited)</h2>
<table class="fields"><tbody>${field('姓名 Name', p.name)}${field('电话 Phone', p.phone)}${field('身份证号 ID number', p.idNumber)}${field('代表 Representatives', reps.length ? html`${reps}` : null)}</tbody></table></section>`;
  }
  if (!v.detail.canReveal) return html``;
  return html`<form method="post" action="/staff/cases/${n}/reveal" class="reveal">${csrfField(v.csrfToken)}
<label>查看完整个人信息的理由 Reason to see personal data <input name="reason" required maxlength="2000"></label>
<button type="submit">查看 Reveal</button> <span class="muted">每次查看都会记录在审计日志中。Every reveal is audited.</span></form>`;
}

function actions(v: CaseDetailView, cfg: CountyConfig): SafeHtml {
  const list = v.detail.actions;
  if (list.length === 0) {
    return html`<h2>办理 Actions</h2><p class="muted read-only">当前状态下您没有可办理的事项（只读）。Nothing you can do on this case now (read only).</p>`;
  }
  return html`<h2>办理 Actions</h2>${list.map((a) => actionForm(a, v.detail, v.csrfToken, cfg))}`;
}

export function caseDetailBody(v: CaseDetailView, cfg: CountyConfig): SafeHtml {
  const k = v.detail.kase;
  const notice = v.notice ? html`<p class="${v.notice.kind === 'error' ? 'error' : 'done'}" role="status">${v.notice.text}</p>` : '';
  return html`<p><a href="/staff">← 案件列表 Cases</a></p>
<h1>案件 ${k.caseNumber}</h1>
<p class="status">状态 Status: <strong>${STATUS_LABELS[v.detail.state.status]}</strong> ${k.flags.map((f) => html`<span class="flag">${FLAG_LABELS[f] ?? f}</span>`)}${k.sensitivePeriod ? html` <span class="flag sensitive" data-sensitive-period>敏感时期 Sensitive period: ${k.sensitivePeriod}</span>` : ''}</p>
${notice}
${fields(k, cfg)}
${reveal(v)}
${deadlines(v.detail, cfg, v.now)}
${responsibilitySection(v.detail, cfg)}
${coHandlerForm(v.detail, v.csrfToken, cfg)}
${v.leader ?? ''}
${planSection(v.detail, v.csrfToken, cfg)}
${timeline(v.detail, cfg)}
${attachments(v.detail, cfg)}
${writtenNoticesSection(v.detail, v.csrfToken, cfg)}
${caseNoticeSection(v.supervision, k.caseNumber, v.csrfToken, cfg, v.now)}
${caseLinksSection(v.detail, v.csrfToken, cfg)}
${actions(v, cfg)}`;
}
