/** The express app shell shared by every HTTP channel: parsing limits, health, errors. */
import express, { type Router } from 'express';
import type { Logger } from '../../log.ts';
import { errorHandler, notFoundHandler, sendError } from './errors.ts';
import { jsonReviver, refuseNul } from './input-guards.ts';
import { securityHeaders } from './security-headers.ts';

export const JSON_BODY_LIMIT = '64kb';

export interface HttpAppDeps {
  log: Logger;
  /** True once the store is migrated and the NLU model loaded. */
  isReady: () => boolean;
  storeUp: () => Promise<boolean>;
  routers: Router[];
  /** Production (behind https): adds Strict-Transport-Security. */
  production?: boolean;
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(securityHeaders({ production: deps.production ?? false }));
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Path only: query strings may carry personal data.
      deps.log.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'http');
    });
    next();
  });
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'], reviver: jsonReviver }));
  // The staff console's forms (no JavaScript needed to work a case).
  app.use('/staff', express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT, parameterLimit: 100 }));
  app.use(refuseNul);
  app.get('/healthz', async (_req, res) => {
    if (!deps.isReady()) return sendError(res, 'unavailable', 'starting');
    // A load balancer takes an instance whose store does not answer out of rotation.
    if (!(await deps.storeUp().catch(() => false))) return sendError(res, 'unavailable', 'store unavailable');
    res.json({ ok: true });
  });
  for (const r of deps.routers) app.use(r);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log, deps.storeUp));
  return app;
}
