/**
 * Staff JSON API: sign-in and the case read API of the contract. Authentication by
 * session cookie or `Authorization: Bearer <token>`; scoping happens in src/app.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { authenticateSession, type AuthDeps, type StaffAuth } from '../app/authenticate-staff.ts';
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

const sessions = new WeakMap<Request, StaffAuth>();

export function principalOf(req: Request): StaffPrincipal {
  return authOf(req).principal;
}

export function authOf(req: Request): StaffAuth {
  const a = sessions.get(req);
  if (!a) throw new AppError('unauthorized', 'sign in first');
  return a;
}

function bearerOrCookie(req: Request): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const auth = req.get('authorization');
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const cookie = readCookie(req.get('cookie'), SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authenticates by bearer token or session cookie. A state-changing request that
 * rides on the cookie must also carry the session's CSRF token (form field `_csrf`
 * or header `X-CSRF-Token`); bearer tokens are not sent by browsers on their own.
 */
export function requireStaff(deps: AuthDeps, opts: { onMissing?: 'json' | 'redirect' } = {}): RequestHandler {
  return async (req, res, next) => {
    const cred = bearerOrCookie(req);
    const auth = cred ? await authenticateSession(deps, cred.token) : null;
    if (!auth) {
      if (opts.onMissing === 'redirect' && req.method === 'GET') return res.redirect(303, '/staff/login');
      throw new AppError('unauthorized', 'sign in first');
    }
    if (cred!.via === 'cookie' && UNSAFE.has(req.method)) {
      const sent = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');
      if (!auth.csrfToken || typeof sent !== 'string' || sent !== auth.csrfToken) {
        throw new AppError('forbidden', 'missing or wrong CSRF token');
      }
    }
    sessions.set(req, auth);
    next();
  };
}

/** Only these roles may pass; others get 403 (scoping of cases is separate: a 404). */
export function requireRole(...roles: StaffPrincipal['role'][]): RequestHandler {
  return (req, _res, next) => {
    if (!roles.includes(principalOf(req).role)) throw new AppError('forbidden', 'your role may not do this');
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
