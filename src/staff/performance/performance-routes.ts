/**
 * Unit performance: GET /api/stats/units (contract) and the console page
 * GET /staff/performance. Admin, supervisors and the bureau's intake see every unit
 * and township; a handler sees their own unit; other roles get 403. Bad dates: 400.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { getUnitPerformance, getUnitStats, type UnitStatsDeps } from '../../app/stats/get-unit-stats.ts';
import { parsePeriod } from '../../app/stats/stats-period.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { PERFORMANCE_LABELS as L } from './labels.ts';
import { performanceBody, SORT_KEYS } from './performance-page.ts';
import { listLedCases } from '../../app/backlog/list-led-cases.ts';
import { ledByUnitTable } from '../backlog/led-cases-views.ts';

const SortSchema = z.object({ sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SORT_KEYS).default('overdue')) });

export const performanceRouter: StaffRouterOf<'unitStats' | 'staff' | 'sessions' | 'backlog'> = ({ core }) => {
  const store = core.store;
  const deps: UnitStatsDeps = { unitStats: store.unitStats, county: core.county, clock: core.clock };
  const ledDeps = { backlog: store.backlog, staff: store.staff, county: core.county, clock: core.clock };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const period = (req: Request) => parsePeriod(req.query as Record<string, unknown>, core.clock.now(), core.county.utcOffsetMinutes);

  const send = (req: Request, res: Response, title: string, body: SafeHtml, status = 200) => {
    const a = authOf(req);
    res.status(status).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };

  const r = Router();
  r.get('/api/stats/units', requireStaff(authDeps), async (req, res) => {
    res.json(await getUnitStats(deps, principalOf(req), period(req)));
  });
  r.get('/staff/performance', requireStaff(authDeps, { onMissing: 'redirect' }), async (req, res) => {
    try {
      const p = period(req);
      const { sort } = parseInput(SortSchema, { sort: req.query.sort }, 'query');
      const rows = await getUnitPerformance(deps, principalOf(req), p);
      const led = await listLedCases(ledDeps, { who: principalOf(req) });
      send(req, res, L.title, html`${performanceBody({ period: p, rows, sort }, core.county)}${ledByUnitTable(led, core.county)}`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      send(req, res, L.title, html`<h1>${L.title}</h1><p class="error">${err.message}</p>`, httpStatusOf[err.code]);
    }
  });
  return r;
};
