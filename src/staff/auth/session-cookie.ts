/** The session cookie: httpOnly, SameSite=Strict, Secure in production or over https. */
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../api-routes.ts';

const options = (req: Request, secure: boolean) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: secure || req.secure,
  path: '/',
});

export function setSessionCookie(req: Request, res: Response, secure: boolean, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, { ...options(req, secure), expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, options(req, secure));
}
