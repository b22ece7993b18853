/** One console form per lifecycle action, each posting with the session's CSRF token. */
import type { CaseDetail } from '../../app/cases/get-case-detail.ts';
import type { CaseAction } from '../../domain/case/lifecycle.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { MAX_ANSWER, MAX_NOTE, MAX_REASON } from './action-inputs.ts';
import { unitOptions } from './case-list-page.ts';
import { ACTION_LABELS, fmtDate } from './labels.ts';

const textarea = (name: string, label: string, max: number, required: boolean) =>
  html`<label>${label} <textarea name="${name}" maxlength="${max}"${required ? html` required` : ''}></textarea></label>`;
const input = (name: string, label: string, max: number) => html`<label>${label} <input name="${name}" maxlength="${max}" required></label>`;

function fieldsFor(action: CaseAction, d: CaseDetail, cfg: CountyConfig): SafeHtml {
  switch (action) {
    case 'accept':
    case 'start_handling':
      return textarea('note', '说明（可选，会告知信访人）Remark (optional, sent to the citizen)', MAX_NOTE, false);
    case 'close':
      return html`${d.closeHeldUntil ? html`<p class="muted" data-close-held>信访人可在 ${fmtDate(d.closeHeldUntil, cfg)} 前申请复查；期内只有信访人表示满意后才能办结。 The citizen may ask for a review until ${fmtDate(d.closeHeldUntil, cfg)}; until then the case closes only once they say they are satisfied.</p>` : ''}${textarea('note', '说明（可选，会告知信访人）Remark (optional, sent to the citizen)', MAX_NOTE, false)}
${d.plan?.steps.some((s) => !s.doneAt) ? textarea('reason', '应急预案尚有未完成步骤：办结理由（内部记录）Plan steps still open: reason to close anyway (internal)', MAX_REASON, false) : ''}`;
    case 'not_accept':
      return html`${textarea('reason', '不予受理的理由 Reason', MAX_REASON, true)}${textarea('channel', '告知信访人的法定途径 Lawful channel to point to', MAX_REASON, true)}`;
    case 'transfer': {
      const targets = unitOptions(cfg).filter((u) => !d.transferExcluded.includes(u.code));
      return html`<label>转交给 To unit <select name="unit" required><option value="">请选择 Choose</option>${targets.map((u) => html`<option value="${u.code}">${u.name}</option>`)}</select></label>
${textarea('reason', '转交理由（会告知信访人）Reason (sent to the citizen)', MAX_REASON, true)}`;
    }
    case 'note':
      return html`${textarea('note', '办理记录 Note', MAX_NOTE, true)}
<label><input type="checkbox" name="public" value="true"> 公开并告知信访人 Public: tell the citizen</label>`;
    case 'extend':
      return html`<label>延长天数 Days (1–${cfg.deadlines.maxExtensionDays}) <input type="number" name="days" min="1" max="${cfg.deadlines.maxExtensionDays}" required></label>
${input('reason', '延期理由（会告知信访人）Reason (sent to the citizen)', MAX_REASON)}`;
    case 'reply':
      return textarea('answer', '书面答复意见（会发送给信访人）Written answer (sent to the citizen)', MAX_ANSWER, true);
    case 'request_review':
      return textarea('reason', '复查理由 Reasons given by the citizen', MAX_REASON, true);
    case 'review_reply':
      return textarea('answer', '复查意见（会发送给信访人，并告知复核期限和机关）Review answer (sent to the citizen with the re-examination window and body)', MAX_ANSWER, true);
  }
}

export function actionForm(action: CaseAction, d: CaseDetail, csrfToken: string, cfg: CountyConfig): SafeHtml {
  return html`<form method="post" action="/staff/cases/${d.kase.caseNumber}/actions/${action}" class="action" data-action="${action}">
<fieldset><legend>${ACTION_LABELS[action]}</legend>${csrfField(csrfToken)}
${fieldsFor(action, d, cfg)}
<button type="submit">${ACTION_LABELS[action]}</button></fieldset></form>`;
}
