/**
 * The browser's sign-in: GET/POST /staff/login (form → cookie session → 303 /staff)
 * and POST /staff/logout. The form carries a pre-session CSRF token (double submit
 * with a SameSite=Strict cookie), so another site cannot sign a browser in to an
 * account of its choosing. Failures re-render the form with one generic message.
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { authenticateSession } from '../../app/staff-accounts/authenticate-staff.ts';
import { readCookie } from '../../channels/http/validate.ts';
import { AppError } from '../../domain/errors.ts';
import { SESSION_COOKIE } from '../api-routes.ts';
import type { StaffAuthDeps } from './deps.ts';
import { enrolAtLoginPage, loginPage, recoveryCodesPage } from './login-views.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { LoginSchema, signIn } from './sign-in.ts';

const LOGIN_CSRF_COOKIE = 'xf_login';
const GENERIC_ERROR = '用户名、密码或验证码不正确。Wrong username, password or code.';

function loginCsrf(req: Request, res: Response, secure: boolean, fresh = false): string {
  const current = readCookie(req.get('cookie'), LOGIN_CSRF_COOKIE);
  if (!fresh && current && /^[\w-]{32}$/.test(current)) return current;
  const token = randomBytes(24).toString('base64url');
  res.cookie(LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure || req.secure, path: '/staff/login' });
  return token;
}

const field = (body: unknown, name: string): string | undefined => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
};

export function loginPagesRouter(deps: StaffAuthDeps): Router {
  const r = Router();
  const send = (res: Response, status: number, page: string) => res.status(status).type('html').send(page);

  r.get('/staff/login', (req, res) => {
    send(res, 200, loginPage({ csrf: loginCsrf(req, res, deps.secureCookies) }));
  });

  r.post('/staff/login', async (req, res) => {
    const username = field(req.body, 'username')?.slice(0, 64);
    const expected = readCookie(req.get('cookie'), LOGIN_CSRF_COOKIE);
    if (!expected || field(req.body, '_csrf') !== expected) {
      const csrf = loginCsrf(req, res, deps.secureCookies, true);
      return send(res, 403, loginPage({ csrf, username, error: '页面已过期，请重新登录。The form expired; please sign in again.' }));
    }
    const form = LoginSchema.safeParse({ username, password: field(req.body, 'password'), totp: field(req.body, 'totp') || undefined });
    if (!form.success) return send(res, 400, loginPage({ csrf: expected, username, error: GENERIC_ERROR }));
    try {
      const outcome = await signIn(deps, req, form.data);
      if (outcome.status === 'totp_required') {
        return send(res, 401, loginPage({ csrf: expected, username, askCode: true, error: '请输入身份验证器上的验证码。Enter the code from your authenticator app.' }));
      }
      if (outcome.status === 'totp_enrolment_required') {
        return send(res, 200, enrolAtLoginPage({ csrf: expected, username: form.data.username, secret: outcome.secret, otpauthUri: outcome.otpauthUri }));
      }
      setSessionCookie(req, res, deps.secureCookies, outcome.token, outcome.expiresAt);
      res.clearCookie(LOGIN_CSRF_COOKIE, { path: '/staff/login' });
      if (!outcome.recoveryCodes) return res.redirect(303, '/staff');
      send(res, 200, recoveryCodesPage({ staff: outcome.principal, csrfToken: outcome.csrfToken, codes: outcome.recoveryCodes }));
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'unauthorized' && err.code !== 'rate_limited')) throw err;
      if (err.code === 'unauthorized') return send(res, 401, loginPage({ csrf: expected, username, error: GENERIC_ERROR }));
      const retry = err.details?.retryAfterSeconds;
      if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
      send(res, 429, loginPage({ csrf: expected, username, error: '尝试次数过多，请稍后再试。Too many attempts; try again later.' }));
    }
  });

  r.post('/staff/logout', async (req, res) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    const auth = token ? await authenticateSession(deps, token) : null;
    if (auth) {
      if (!auth.csrfToken || field(req.body, '_csrf') !== auth.csrfToken) throw new AppError('forbidden', 'missing or wrong CSRF token');
      await deps.sessions.delete(auth.tokenHash);
    }
    clearSessionCookie(req, res, deps.secureCookies);
    res.redirect(303, '/staff/login');
  });
  return r;
}
