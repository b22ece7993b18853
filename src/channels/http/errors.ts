/**
 * The one place errors become HTTP: AppError codes map to statuses, body-parser
 * failures to 400/413/415, everything else to a generic 500 (503 when the store is
 * down). No stack trace ever reaches a client.
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
    if (!(await storeUp().catch(() => false))) {
      log.warn({ path: req.path }, 'store unavailable');
      res.setHeader('Retry-After', '5');
      return sendError(res, 'unavailable', 'the service is temporarily unavailable; please retry shortly');
    }
    log.error({ err, path: req.path, method: req.method }, 'unhandled error');
    sendError(res, 'internal', 'internal error');
  };
}
