/**
 * The console's shell: its static assets and the security headers of every /staff
 * page (a CSP without inline scripts, no framing, no caching of personal data).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { CONSOLE_CSP } from '../html.ts';
import type { StaffRouterFactory } from '../staff-routers.ts';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export const consoleShell: StaffRouterFactory = () => {
  const r = Router();
  r.use('/staff', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  r.use('/staff/assets', express.static(ASSETS, { index: false, fallthrough: false }));
  return r;
};
