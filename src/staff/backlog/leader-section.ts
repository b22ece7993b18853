/**
 * The case page's 包案 section: the leader in charge and since when; for supervisors
 * and the admin, while the case is open, the form that names (or removes) the leader.
 */
import { mayAssignLeader } from '../../app/backlog/assign-leader.ts';
import type { StaffPrincipal } from '../../app/staff-accounts/staff-principal.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { isOpenStatus } from '../../domain/case/lifecycle.ts';
import type { CaseActionState } from '../../ports/case-action-ports.ts';
import type { StaffAccountRecord } from '../../ports/staff-ports.ts';
import { csrfField, html, type SafeHtml } from '../html.ts';
import { fmtDateTime } from '../cases/labels.ts';
import { leaderText } from './backlog-page.ts';

export function leaderSection(who: StaffPrincipal, state: CaseActionState, staff: readonly StaffAccountRecord[], csrfToken: string, cfg: CountyConfig): SafeHtml {
  const leader = state.leaderStaffId ? staff.find((s) => s.id === state.leaderStaffId) : undefined;
  const shown = leader
    ? html`<p id="case-leader">包案领导 Leader in charge: <strong>${leaderText(leader)}</strong> <span class="muted">${state.leaderSince ? `自 since ${fmtDateTime(state.leaderSince, cfg)}` : ''}</span></p>`
    : html`<p id="case-leader" class="muted">未包案 No leader in charge.</p>`;
  if (!mayAssignLeader(who) || !isOpenStatus(state.status)) return html`<section class="leader"><h2>包案 Leader in charge</h2>${shown}</section>`;
  const leaders = staff.filter((s) => s.role === 'supervisor' && !s.disabled);
  const options = leaders.map((s) => html`<option value="${s.username}"${s.id === state.leaderStaffId ? html` selected` : ''}>${leaderText(s)}</option>`);
  return html`<section class="leader"><h2>包案 Leader in charge</h2>${shown}
<form method="post" action="/staff/cases/${state.caseNumber}/leader" class="leader-form">${csrfField(csrfToken)}
<label>包案领导 Leader <select name="leader"><option value="">（取消包案 remove）</option>${options}</select></label>
<label>理由 Reason <input name="reason" required maxlength="2000"></label>
<button type="submit">确定 Assign</button></form></section>`;
}
