/**
 * Staff sign-in and accounts: the JSON API (login, logout, users), the sign-in form,
 * the account page (TOTP enrolment) and the admin's users page, as one router factory
 * registered in STAFF_ROUTERS after the console shell (whose headers cover /staff).
 */
import { Router } from 'express';
import type { StaffRouterOf } from '../staff-routers.ts';
import { accountPagesRouter } from './account-pages.ts';
import { authApiRouter } from './auth-api.ts';
import { staffAuthDeps } from './deps.ts';
import { loginPagesRouter } from './login-pages.ts';
import { usersPagesRouter } from './users-pages.ts';

export const staffAuth: StaffRouterOf<'staff' | 'sessions' | 'audit' | 'cipher' | 'loginAttempts'> = (ctx) => {
  const deps = staffAuthDeps(ctx);
  const r = Router();
  r.use(authApiRouter(deps), loginPagesRouter(deps), accountPagesRouter(deps), usersPagesRouter(deps));
  return r;
};
