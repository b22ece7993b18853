/**
 * Staff alerts (new material; 督办 deadline and risk alerts) in the console and the staff API:
 *   GET  /api/staff/alerts            → {items: StaffAlert[]}, newest first (the caller's unacknowledged alerts)
 *   POST /api/staff/alerts/:id/ack    → {id, acknowledged: true}; 404 for an alert the caller may not see
 *   GET  /staff/alerts                the list, each with a link to its case
 *   POST /staff/alerts/:id/ack        form with `_csrf`; redirects back to the list
 * Cookie sessions need the CSRF token on POST (requireStaff). alerts.js (on every
 * console page) keeps the header count current and raises a browser notification.
 */
import { Router } from 'express';
import { acknowledgeStaffAlert, listStaffAlerts, type StaffAlert, type StaffAlertDeps } from '../../app/alerts/staff-alerts.ts';
import { AppError } from '../../domain/errors.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { csrfField, html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';

export const alertsRouter: StaffRouterOf<'alerts' | 'supervisionAlerts' | 'staff' | 'sessions'> = ({ core }) => {
  const { store } = core;
  const supervision = store.supervisionAlerts;
  const deps: StaffAlertDeps = { alerts: store.alerts, supervision, county: core.county, clock: core.clock };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const api = requireStaff(authDeps);
  const pages = requireStaff(authDeps, { onMissing: 'redirect' });
  const offset = core.county.utcOffsetMinutes;
  const r = Router();

  r.get('/api/staff/alerts', api, async (req, res) => {
    res.json(await listStaffAlerts(deps, principalOf(req)));
  });
  r.post('/api/staff/alerts/:id/ack', api, async (req, res) => {
    const id = String(req.params.id);
    await acknowledgeStaffAlert(deps, principalOf(req), id);
    res.json({ id, acknowledged: true });
  });

  r.get('/staff/alerts', pages, async (req, res) => {
    const { principal, csrfToken } = authOf(req);
    const { items } = await listStaffAlerts(deps, principal);
    const note = typeof req.query.note === 'string' ? req.query.note : undefined;
    const staff = { username: principal.username, role: principal.role };
    res.type('html').send(layout({ title: '提醒 Alerts', staff, csrfToken, alertCount: items.length }, alertsPage(items, csrfToken ?? '', offset, note)));
  });
  r.post('/staff/alerts/:id/ack', pages, async (req, res) => {
    try {
      await acknowledgeStaffAlert(deps, principalOf(req), String(req.params.id));
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return res.redirect(303, '/staff/alerts?note=not_found');
      throw err;
    }
    res.redirect(303, '/staff/alerts?note=acknowledged');
  });
  return r;
};

const localTime = (iso: string, offsetMinutes: number) => new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');

/** What kind of alert, as staff read it (zh with en). */
export const ALERT_KIND_LABELS: Record<string, string> = {
  material: '新材料 New material',
  deadline_due_soon: '督办：即将到期 Due soon',
  deadline_overdue: '督办：已超期 Overdue',
  risk: '风险预警 Risk',
  supervise_notice: '督办通知 Supervision notice',
  plan_opened: '启动应急预案 Emergency plan opened',
  plan_step_late: '预案步骤超时 Plan step late',
  leader_assigned: '领导包案 Leader in charge',
  incident: '群体性事件 Group incident',
};

const NOTES: Record<string, [string, string]> = {
  acknowledged: ['muted', '已确认。 Acknowledged.'],
  not_found: ['error', '找不到该提醒，或您无权查看。 No such alert, or you may not see it.'],
};

export function alertsPage(items: readonly StaffAlert[], csrfToken: string, offsetMinutes: number, note?: string): SafeHtml {
  const flash = note && NOTES[note] ? html`<p class="${NOTES[note][0]}" role="status">${NOTES[note][1]}</p>` : '';
  const rows =
    items.length === 0
      ? html`<tr class="empty"><td colspan="4" class="muted">没有未确认的提醒。 No open alerts.</td></tr>`
      : items.map(
          (a) => html`<tr data-id="${a.id}"><td>${localTime(a.at, offsetMinutes)}</td>
<td>${a.caseNumber ? html`<a href="/staff/cases/${encodeURIComponent(a.caseNumber)}">${a.caseNumber}</a>` : '—'}</td>
<td><span class="flag alert-${a.kind}">${ALERT_KIND_LABELS[a.kind] ?? a.kind}</span> ${a.message}</td>
<td><form method="post" action="/staff/alerts/${a.id}/ack" class="inline">${csrfField(csrfToken)}<button type="submit">确认 Acknowledge</button></form></td></tr>`,
        );
  return html`<section id="alerts-list">
<h1>提醒 Alerts</h1>
${flash}
<p><button type="button" id="alerts-notify" hidden>启用桌面通知 Enable notifications</button></p>
<table><thead><tr><th>时间 At</th><th>案件 Case</th><th>内容 What</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}
