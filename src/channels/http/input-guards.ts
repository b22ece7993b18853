/**
 * Text the store cannot keep never gets past the edge. PostgreSQL text refuses NUL
 * and UTF-8 cannot encode an unpaired UTF-16 surrogate; either would otherwise
 * surface as a 500 deep inside a transaction. NUL is refused (400); a lone
 * surrogate in JSON becomes U+FFFD, as any UTF-8 encoder would write it.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- a raw NUL is exactly what is looked for
const NUL_IN_URL = /%00|\u0000/i;

class UnstorableText extends Error {
  /** body-parser reports a failed parse with this type: a 400 "malformed JSON body". */
  readonly type = 'entity.parse.failed';
  constructor() {
    super('a string holds a NUL character');
  }
}

/** Lone surrogates as U+FFFD (String.prototype.toWellFormed, which ES2023 lacks). */
export const toWellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\ufffd');

function wellFormed(s: string): string {
  if (s.includes('\u0000')) throw new UnstorableText();
  return toWellFormed(s);
}

/** The JSON.parse reviver of express.json: keys are checked as well as values. */
export function jsonReviver(this: Record<string, unknown>, key: string, value: unknown): unknown {
  if (key !== '') {
    const clean = wellFormed(key);
    if (clean !== key) {
      // A key with a lone surrogate is renamed rather than dropped, so nothing silently vanishes.
      this[clean] = value;
      return undefined;
    }
  }
  return typeof value === 'string' ? wellFormed(value) : value;
}

function holdsNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 8 || v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || holdsNul(x, depth + 1));
}

/** Refuses a URL (path or query) with an encoded NUL, and a form body holding one. */
export const refuseNul: RequestHandler = (req, _res, next) => {
  if (NUL_IN_URL.test(req.originalUrl)) return next(new AppError('bad_request', 'the URL holds a NUL character'));
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && holdsNul(req.body)) {
    return next(new AppError('bad_request', 'the body holds a NUL character'));
  }
  next();
};
