/**
 * The one place errors become HTTP: AppError codes map to statuses, body-parser
 * failures to 400/413/415, everything else to a generic 500 (503 when the store is
 * down: a connection error, or any error while the store does not answer a ping).
 * No stack trace ever reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, httpStatusOf, type ErrorCode } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';

export function sendError(res: Response, code: ErrorCode | 'internal', message: string, extra?: Record<string, unknown>) {
  const status = code === 'internal' ? 500 : httpStatusOf[code];
  if (code === 'rate_limited' && typeof extra?.retryAfterSeconds === 'number') {
    res.setHeader('Retry-After', String(extra.retryAfterSeconds));
  }
  res.status(status).json({ error: { code, message, ...(extra ? { details: extra } : {}) } });
}

const BODY_PARSER_ERRORS: Record<string, [ErrorCode, string]> = {
  'entity.parse.failed': ['bad_request', 'malformed JSON body'],
  'entity.too.large': ['payload_too_large', 'request body too large'],
  'encoding.unsupported': ['unsupported_media_type', 'unsupported content encoding'],
  'charset.unsupported': ['unsupported_media_type', 'unsupported charset; send UTF-8 JSON'],
  'request.aborted': ['bad_request', 'request aborted'],
  'request.size.invalid': ['bad_request', 'request size did not match content length'],
  'parameters.too.many': ['payload_too_large', 'too many parameters'],
};

/**
 * Errors that mean "the database cannot be reached" or cannot keep up (P2028: no
 * transaction could start, or one ran out of time, under overload), from pg, the Prisma
 * adapter or Prisma itself: the client is told to retry (503), not that we failed (500).
 */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Raw queries (P2010) carry the server's SQLSTATE only in their message ("Code: `57P03`").
const UNAVAILABLE_TEXT =
  /connection terminated|connection (is )?closed|timeout exceeded when trying to connect|database system is (starting up|shutting down|in recovery|not yet accepting connections)|PGlite is closed|Code: `(57P0[1-3]|08[0-9A-Z]{3})`/i;

export function isStoreUnavailableError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { code, kind, message } = e as { code?: unknown; kind?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === 'string' && UNAVAILABLE_TEXT.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const notFoundHandler: RequestHandler = (_req, res) => sendError(res, 'not_found', 'no such route');

export function errorHandler(log: Logger, storeUp: () => Promise<boolean>): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof AppError) return sendError(res, err.code, err.message, err.details);
    const type = (err as { type?: string })?.type;
    const mapped = type ? BODY_PARSER_ERRORS[type] : undefined;
    if (mapped) return sendError(res, mapped[0], mapped[1]);
    const status = (err as { status?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status === 413 ? 'payload_too_large' : 'bad_request', 'bad request');
    }
    // A connection error is a 503 even if the store came back before the ping.
    if (isStoreUnavailableError(err) || !(await storeUp().catch(() => false))) {
      log.warn({ path: req.path }, 'store unavailable');
      res.setHeader('Retry-After', '5');
      return sendError(res, 'unavailable', 'the service is temporarily unavailable; please retry shortly');
    }
    log.error({ err, path: req.path, method: req.method }, 'unhandled error');
    sendError(res, 'internal', 'internal error');
  };
}
