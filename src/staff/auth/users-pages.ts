/**
 * The admin's staff accounts page: GET /staff/users (list and form) and
 * POST /staff/users (form fields of POST /api/staff/users, plus displayName).
 */
import { Router, type Request, type Response } from 'express';
import { createStaffAccount } from '../../app/staff-accounts/create-staff-account.ts';
import { listStaffAccounts } from '../../app/staff-accounts/list-staff-accounts.ts';
import { AppError } from '../../domain/errors.ts';
import { authOf, requireRole, requireStaff } from '../api-routes.ts';
import type { StaffAuthDeps } from './deps.ts';
import { usersPage, type UsersView } from './users-views.ts';

const FIELDS = ['username', 'displayName', 'role', 'unit', 'township', 'villages'] as const;

function formOf(req: Request): Record<(typeof FIELDS)[number], string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const get = (k: string) => (typeof body[k] === 'string' ? body[k].slice(0, k === 'villages' ? 800 : 80) : '');
  return Object.fromEntries(FIELDS.map((k) => [k, get(k)])) as Record<(typeof FIELDS)[number], string>;
}

export function usersPagesRouter(deps: StaffAuthDeps): Router {
  const r = Router();
  const admin = [requireStaff(deps, { onMissing: 'redirect' }), requireRole('admin')];

  async function render(req: Request, res: Response, extra: Pick<UsersView, 'error' | 'notice' | 'form'>, status = 200) {
    const auth = authOf(req);
    const accounts = await listStaffAccounts(deps, auth.principal, deps.clock.now());
    const page = usersPage({ staff: auth.principal, csrfToken: auth.csrfToken ?? '', county: deps.county, accounts, ...extra });
    res.status(status).type('html').send(page);
  }

  r.get('/staff/users', ...admin, (req, res) => {
    const created = typeof req.query.created === 'string' ? req.query.created.slice(0, 64) : undefined;
    return render(req, res, { notice: created ? `已添加 Added: ${created}` : undefined });
  });

  r.post('/staff/users', ...admin, async (req, res) => {
    const form = formOf(req);
    const password = typeof req.body?.password === 'string' ? (req.body.password as string).slice(0, 256) : '';
    try {
      const created = await createStaffAccount(deps, authOf(req).principal, { ...form, password });
      res.redirect(303, `/staff/users?created=${encodeURIComponent(created.username)}`);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'bad_request' && err.code !== 'conflict')) throw err;
      await render(req, res, { error: err.message, form }, err.code === 'conflict' ? 409 : 400);
    }
  });
  return r;
}
