/** The express app shell shared by every HTTP channel: parsing limits, health, errors. */
import express, { type Router } from 'express';
import type { Logger } from '../../log.ts';
import { errorHandler, notFoundHandler, sendError } from './errors.ts';

export const JSON_BODY_LIMIT = '64kb';

export interface HttpAppDeps {
  log: Logger;
  /** True once the store is migrated and the NLU model loaded. */
  isReady: () => boolean;
  storeUp: () => Promise<boolean>;
  routers: Router[];
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Path only: query strings may carry personal data.
      deps.log.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'http');
    });
    next();
  });
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
  // The staff console's forms (no JavaScript needed to work a case).
  app.use('/staff', express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT, parameterLimit: 100 }));
  app.get('/healthz', (_req, res) => {
    if (deps.isReady()) res.json({ ok: true });
    else sendError(res, 'unavailable', 'starting');
  });
  for (const r of deps.routers) app.use(r);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log, deps.storeUp));
  return app;
}
