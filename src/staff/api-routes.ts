/**
 * Staff JSON API: sign-in and the case read API of the contract. Authentication by
 * session cookie or `Authorization: Bearer <token>`; scoping happens in src/app.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { authenticateStaff, type AuthDeps } from '../app/authenticate-staff.ts';
import { CaseQuerySchema, getCase, listCases, type CaseQueryDeps } from '../app/list-cases.ts';
import { loginStaff, type LoginDeps } from '../app/login-staff.ts';
import type { StaffPrincipal } from '../app/staff-principal.ts';
import { AppError } from '../domain/errors.ts';
import { parseInput, readCookie } from '../channels/http/validate.ts';

export const SESSION_COOKIE = 'xf_session';

const LoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().max(16).optional(),
});

export interface StaffApiDeps extends LoginDeps, AuthDeps, CaseQueryDeps {
  secureCookies: boolean;
}

const principals = new WeakMap<Request, StaffPrincipal>();

export function principalOf(req: Request): StaffPrincipal {
  const p = principals.get(req);
  if (!p) throw new AppError('unauthorized', 'sign in first');
  return p;
}

function bearerOrCookie(req: Request): string | undefined {
  const auth = req.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(req.get('cookie'), SESSION_COOKIE);
}

export function requireStaff(deps: AuthDeps): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerOrCookie(req);
    const who = token ? await authenticateStaff(deps, token) : null;
    if (!who) throw new AppError('unauthorized', 'sign in first');
    principals.set(req, who);
    next();
  };
}

export function staffApiRouter(deps: StaffApiDeps): Router {
  const r = Router();
  r.post('/api/staff/login', async (req, res) => {
    const body = parseInput(LoginSchema, req.body);
    const result = await loginStaff(deps, body.username, body.password);
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies || req.secure,
      expires: result.expiresAt,
      path: '/',
    });
    res.json({
      token: result.token,
      csrfToken: result.csrfToken,
      expiresAt: result.expiresAt.toISOString(),
      staff: { username: result.principal.username, role: result.principal.role, unit: result.principal.unit },
    });
  });

  const auth = requireStaff(deps);
  r.get('/api/cases', auth, async (req, res) => {
    res.json(await listCases(deps, principalOf(req), parseInput(CaseQuerySchema, req.query, 'query')));
  });
  r.get('/api/cases/:caseNumber', auth, async (req, res) => {
    res.json(await getCase(deps, principalOf(req), String(req.params.caseNumber)));
  });
  return r;
}
