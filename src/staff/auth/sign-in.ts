/**
 * One sign-in from a request, shared by the JSON API and the form: throttled per
 * client network, and the session the browser came with (if any) is ended first, so
 * a planted or old session cookie never survives a sign-in.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { hashToken, loginStaff, type LoginInput, type LoginOutcome } from '../../app/staff-accounts/login-staff.ts';
import { readCookie } from '../../channels/http/validate.ts';
import { SESSION_COOKIE } from '../api-routes.ts';
import type { StaffAuthDeps } from './deps.ts';

export const LoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().max(32).optional(),
});

export async function signIn(deps: StaffAuthDeps, req: Request, input: LoginInput): Promise<LoginOutcome> {
  const outcome = await deps.throttle.run(req.ip, deps.clock.now(), () => loginStaff(deps, input));
  if (outcome.status === 'ok') {
    const previous = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (previous && previous.length <= 200) await deps.sessions.delete(hashToken(previous));
  }
  return outcome;
}
