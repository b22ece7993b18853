/**
 * helmet, set once for every response of the app. The default policy fits JSON and
 * errors (nothing may load, nothing may frame); HTML pages replace the CSP with
 * their own through `pageCsp` (the web chat in channels/web/pages.ts; the console
 * keeps its stricter CONSOLE_CSP in src/staff). HSTS only in production, where the
 * server sits behind https.
 */
import type { RequestHandler } from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';

const HSTS_SECONDS = 365 * 24 * 3600;

/** What a response that is not a page may do: nothing. */
export const API_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
} as const;

export function securityHeaders(o: { production: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    strictTransportSecurity: o.production ? { maxAge: HSTS_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** A page's own Content-Security-Policy, replacing the default one (directives in helmet's form). */
export function pageCsp(directives: Record<string, readonly string[]>): RequestHandler {
  return contentSecurityPolicy({ useDefaults: false, directives: directives as Record<string, string[]> });
}
