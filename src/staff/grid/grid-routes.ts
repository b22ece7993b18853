/**
 * Grid workers in the console: the link codes that bind a chat account (Telegram,
 * web chat) to a grid worker's staff account.
 * - POST /api/staff/grid/link-codes {username} → 201 {username, code, expiresAt}
 *   (admin for any grid worker; a grid worker for themself);
 * - GET /staff/grid: the grid workers with their bound chats and a form per worker;
 *   POST /staff/grid/link-codes shows a new code once.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { issueLinkCode, listGridWorkers, type IssuedLinkCode, type LinkCodeDeps } from '../../app/grid/issue-link-code.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { authOf, principalOf, requireRole, requireStaff } from '../api-routes.ts';
import { layout } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { gridPage } from './grid-views.ts';

const LinkCodeSchema = z.object({ username: z.string().min(1).max(64) });

export const gridRouter: StaffRouterOf<'gridBindings' | 'staff' | 'sessions'> = ({ core }) => {
  const store = core.store;
  const deps: LinkCodeDeps = { staff: store.staff, bindings: store.gridBindings, clock: core.clock };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const api = [requireStaff(authDeps), requireRole('admin', 'grid')];
  const page = [requireStaff(authDeps, { onMissing: 'redirect' }), requireRole('admin', 'grid')];

  const render = async (req: Request, res: Response, extra: { issued?: IssuedLinkCode; error?: string }, status = 200) => {
    const a = authOf(req);
    const workers = await listGridWorkers(deps, a.principal);
    const body = gridPage({ workers, csrfToken: a.csrfToken ?? '', issued: extra.issued, error: extra.error, county: core.county });
    res.status(status).type('html').send(layout({ title: '网格员绑定 Grid workers', staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };

  const r = Router();
  r.post('/api/staff/grid/link-codes', ...api, async (req, res) => {
    const { username } = parseInput(LinkCodeSchema, req.body);
    res.status(201).json(await issueLinkCode(deps, principalOf(req), username));
  });
  r.get('/staff/grid', ...page, (req, res) => render(req, res, {}));
  r.post('/staff/grid/link-codes', ...page, async (req, res) => {
    const username = typeof req.body?.username === 'string' ? (req.body.username as string).slice(0, 64) : '';
    try {
      await render(req, res, { issued: await issueLinkCode(deps, principalOf(req), username) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await render(req, res, { error: err.message }, httpStatusOf[err.code]);
    }
  });
  return r;
};
