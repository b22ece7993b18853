/**
 * Staff JSON API: the case read API of the contract, and the authentication guards
 * every staff route uses. Authentication by session cookie or
 * `Authorization: Bearer <token>`; scoping happens in src/app. Sign-in, sign-out and
 * staff accounts live in src/staff/auth (registered in STAFF_ROUTERS).
 */
import { Router, type Request, type RequestHandler } from 'express';
import { authenticateSession, type AuthDeps, type StaffAuth } from '../app/staff-accounts/authenticate-staff.ts';
import { CaseQuerySchema, listCases, type CaseQueryDeps } from '../app/cases/list-cases.ts';
import type { PasswordHasher } from '../ports/staff-ports.ts';
import type { StaffPrincipal } from '../app/staff-accounts/staff-principal.ts';
import { AppError } from '../domain/errors.ts';
import { parseInput, readCookie } from '../channels/http/validate.ts';

export const SESSION_COOKIE = 'xf_session';

export interface StaffApiDeps extends AuthDeps, CaseQueryDeps {
  /** Unused since sign-in moved to src/staff/auth; main.ts may stop passing these two. */
  hasher?: PasswordHasher;
  secureCookies?: boolean;
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
 * A browser says where a request comes from: Sec-Fetch-Site (anything but this
 * origin or the user's own action is refused), else an Origin that is not this
 * server's. "null" says nothing: Chromium sends it for every form post under
 * `Referrer-Policy: no-referrer`. Absent both, the CSRF token alone decides.
 */
function crossSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') return false;
  try {
    // Host names only: a proxy's Host header often drops a non-default port the Origin keeps.
    return new URL(origin).hostname !== req.hostname;
  } catch {
    return true;
  }
}

/**
 * Authenticates by bearer token or session cookie. A state-changing request that
 * rides on the cookie must come from this site and carry the session's CSRF token
 * (form field `_csrf` or header `X-CSRF-Token`); bearer tokens are not sent by
 * browsers on their own.
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
      if (crossSite(req)) throw new AppError('forbidden', 'cross-site request refused');
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
  const auth = requireStaff(deps);
  r.get('/api/cases', auth, async (req, res) => {
    res.json(await listCases(deps, principalOf(req), parseInput(CaseQuerySchema, req.query, 'query')));
  });
  // GET /api/cases/:caseNumber is served by the cases router (plan-routes.ts), which adds
  // the plan, responsibility and holdings to the contract's Case.
  return r;
}
