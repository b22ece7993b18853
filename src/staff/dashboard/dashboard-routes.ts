/**
 * Supervision dashboard: GET /api/stats (contract), the page GET /staff/dashboard and
 * the masked, audited CSV export GET /staff/cases.csv.
 *
 * Roles: the API answers admin, intake, supervisor and handler — a handler gets the
 * numbers of their own unit's cases (the case list's scoping); grid workers get 403.
 * The page and the export are for admin, intake and supervisor (scoped the same way).
 */
import { Router, type Request, type Response } from 'express';
import { exportCases, ExportFilterSchema } from '../../app/stats/export-cases.ts';
import { getDashboardStats, volumeSeries, type StatsDeps } from '../../app/stats/get-stats.ts';
import { parsePeriod } from '../../app/stats/stats-period.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { localDate } from '../../domain/deadlines.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireRole, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { dashboardBody } from './dashboard-page.ts';

export const dashboardRouter: StaffRouterOf<'stats' | 'audit' | 'staff' | 'sessions'> = ({ core }) => {
  const store = core.store;
  const deps: StatsDeps = { stats: store.stats, county: core.county, clock: core.clock };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const period = (req: Request) => parsePeriod(req.query as Record<string, unknown>, core.clock.now(), core.county.utcOffsetMinutes);

  const send = (req: Request, res: Response, title: string, body: SafeHtml, status = 200) => {
    const a = authOf(req);
    res.status(status).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };
  const sendError = (req: Request, res: Response, err: unknown) => {
    if (!(err instanceof AppError)) throw err;
    send(req, res, '无法显示 Refused', html`<h1>无法显示 Refused</h1><p class="error">${err.message}</p><p><a href="/staff/dashboard">← 统计 Dashboard</a></p>`, httpStatusOf[err.code]);
  };

  const r = Router();
  r.get('/api/stats', requireStaff(authDeps), requireRole('admin', 'intake', 'supervisor', 'handler'), async (req, res) => {
    res.json(await getDashboardStats(deps, principalOf(req), period(req)));
  });

  const page = [requireStaff(authDeps, { onMissing: 'redirect' }), requireRole('admin', 'intake', 'supervisor')];
  r.get('/staff/dashboard', ...page, async (req, res) => {
    try {
      const p = period(req);
      const who = principalOf(req);
      const [stats, volume] = await Promise.all([getDashboardStats(deps, who, p), volumeSeries(deps, who, p)]);
      send(req, res, '统计 Dashboard', dashboardBody({ period: p, stats, volume, today: localDate(core.clock.now(), core.county.utcOffsetMinutes) }, core.county));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  r.get('/staff/cases.csv', ...page, async (req, res) => {
    const p = period(req);
    const filter = parseInput(ExportFilterSchema, req.query, 'query');
    const out = await exportCases({ ...deps, audit: store.audit }, principalOf(req), p, filter);
    res.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    for await (const chunk of out.chunks) res.write(chunk);
    res.end();
  });
  return r;
};
