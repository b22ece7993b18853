/**
 * The backlog (积案) and leaders in charge (包案):
 * - GET /api/backlog?unit=&township=&bucket=&leader= → the backlog view (JSON), scoped like the case list;
 * - GET /staff/backlog: the console page;
 * - POST /api/cases/:caseNumber/leader {"leader": username|null, "reason"} → the Case
 *   (supervisors and the admin; 403 for other roles, 404 outside the scope, 409 on a closed case);
 * - POST /staff/cases/:caseNumber/leader: the case page's form, back to the case page.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { assignLeader, type AssignLeaderDeps } from '../../app/backlog/assign-leader.ts';
import { BacklogQuerySchema, listBacklog, type BacklogDeps } from '../../app/backlog/list-backlog.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { backlogBody } from './backlog-page.ts';

const LeaderSchema = z.object({
  leader: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(64).nullable()),
  reason: z.string().max(2000),
});

export const backlogRouter: StaffRouterOf<'backlog' | 'staff' | 'sessions' | 'cases' | 'caseActions' | 'outbox' | 'plans' | 'holdings'> = ({ core, log }) => {
  const s = core.store;
  const deps: BacklogDeps = { backlog: s.backlog, staff: s.staff, county: core.county, clock: core.clock };
  const leaderDeps: AssignLeaderDeps = { cases: s.cases, actions: s.caseActions, outbox: s.outbox, plans: s.plans, holdings: s.holdings, staff: s.staff, county: core.county, clock: core.clock, log };
  const authDeps = { staff: s.staff, sessions: s.sessions, clock: core.clock };
  const page = requireStaff(authDeps, { onMissing: 'redirect' });

  const send = (req: Request, res: Response, title: string, body: SafeHtml, status = 200) => {
    const a = authOf(req);
    res.status(status).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };
  const refused = (req: Request, res: Response, err: unknown, back: string) => {
    if (!(err instanceof AppError)) throw err;
    send(req, res, '无法办理 Refused', html`<h1>无法办理 Refused</h1><p class="error">${err.message}</p><p><a href="${back}">← 返回 Back</a></p>`, httpStatusOf[err.code]);
  };

  const r = Router();
  r.get('/api/backlog', requireStaff(authDeps), async (req, res) => {
    res.json(await listBacklog(deps, principalOf(req), parseInput(BacklogQuerySchema, req.query, 'query')));
  });
  r.get('/staff/backlog', page, async (req, res) => {
    try {
      const filter = parseInput(BacklogQuerySchema, req.query, 'query');
      send(req, res, '积案 Backlog', backlogBody(await listBacklog(deps, principalOf(req), filter), filter, core.county));
    } catch (err) {
      refused(req, res, err, '/staff/backlog');
    }
  });
  r.post('/api/cases/:caseNumber/leader', requireStaff(authDeps), async (req, res) => {
    res.json(await assignLeader(leaderDeps, principalOf(req), String(req.params.caseNumber), parseInput(LeaderSchema, req.body ?? {})));
  });
  r.post('/staff/cases/:caseNumber/leader', page, async (req, res) => {
    const back = `/staff/cases/${encodeURIComponent(String(req.params.caseNumber))}`;
    try {
      const dto = await assignLeader(leaderDeps, principalOf(req), String(req.params.caseNumber), parseInput(LeaderSchema, req.body ?? {}));
      res.redirect(303, `/staff/cases/${dto.caseNumber}#case-leader`);
    } catch (err) {
      refused(req, res, err, back);
    }
  });
  return r;
};
