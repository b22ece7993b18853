/**
 * JSON sign-in, sign-out and staff accounts of the contract:
 * POST /api/staff/login {username, password, totp?} → cookie + {token, …};
 *   401 `totp_required` (send the code), 401 `unauthorized` (wrong password or code),
 *   403 `totp_enrolment_required` (role needs TOTP: details carry the pending secret;
 *   sign in again with a code from it to enrol), 429 `rate_limited` with Retry-After.
 * POST /api/staff/logout → 204, the session is deleted and the cookie cleared.
 * POST /api/staff/users (admin) → 201 {username, role, unit, township}; GET lists them.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { createStaffAccount } from '../../app/staff-accounts/create-staff-account.ts';
import { listStaffAccounts } from '../../app/staff-accounts/list-staff-accounts.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { STAFF_ROLES } from '../../domain/county/schema.ts';
import { authOf, principalOf, requireRole, requireStaff } from '../api-routes.ts';
import type { StaffAuthDeps } from './deps.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { LoginSchema, signIn } from './sign-in.ts';

const NewStaffSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  role: z.enum(STAFF_ROLES),
  unit: z.string().max(80).nullish(),
  township: z.string().max(80).nullish(),
  displayName: z.string().max(64).nullish(),
  /** Grid workers: villages of the grid (a list, or one comma-separated text). */
  villages: z.union([z.array(z.string().max(40)).max(30), z.string().max(800)]).nullish(),
});

/** The contract's error shape for the two sign-in codes the shared taxonomy lacks. */
function sendSignInError(res: Response, status: number, code: string, message: string, details?: Record<string, unknown>) {
  res.status(status).json({ error: { code, message, ...(details ? { details } : {}) } });
}

export function authApiRouter(deps: StaffAuthDeps): Router {
  const r = Router();
  r.post('/api/staff/login', async (req, res) => {
    const outcome = await signIn(deps, req, parseInput(LoginSchema, req.body));
    if (outcome.status === 'totp_required') {
      return sendSignInError(res, 401, 'totp_required', 'enter the one-time code of your authenticator app, or a recovery code');
    }
    if (outcome.status === 'totp_enrolment_required') {
      const { secret, otpauthUri } = outcome;
      return sendSignInError(res, 403, 'totp_enrolment_required', 'your role requires two-step verification: add this key to an authenticator app and sign in again with its code', { secret, otpauthUri });
    }
    setSessionCookie(req, res, deps.secureCookies, outcome.token, outcome.expiresAt);
    const { username, role, unit, township } = outcome.principal;
    res.json({
      token: outcome.token,
      csrfToken: outcome.csrfToken,
      expiresAt: outcome.expiresAt.toISOString(),
      staff: { username, role, unit, township },
      ...(outcome.recoveryCodes ? { recoveryCodes: outcome.recoveryCodes } : {}),
    });
  });

  const auth = requireStaff(deps);
  r.post('/api/staff/logout', auth, async (req, res) => {
    await deps.sessions.delete(authOf(req).tokenHash);
    clearSessionCookie(req, res, deps.secureCookies);
    res.status(204).end();
  });
  r.post('/api/staff/users', auth, requireRole('admin'), async (req, res) => {
    res.status(201).json(await createStaffAccount(deps, principalOf(req), parseInput(NewStaffSchema, req.body)));
  });
  r.get('/api/staff/users', auth, requireRole('admin'), async (req, res) => {
    res.json({ items: await listStaffAccounts(deps, principalOf(req), deps.clock.now()) });
  });
  return r;
}
