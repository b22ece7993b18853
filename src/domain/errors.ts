/**
 * One error taxonomy. Codes are part of the HTTP contract's error shape
 * ({"error": {"code", "message"}}); the status is chosen only at the edge.
 *
 * - bad_request       malformed or invalid input (400)
 * - unauthorized      no valid session or token (401)
 * - forbidden         authenticated but the role may not do this (403)
 * - not_found         missing, or not visible to the caller (404: same answer for both)
 * - conflict          a concurrent change won, or the state does not allow it (409)
 * - payload_too_large body over the limit (413)
 * - unsupported_media_type body is not JSON (415)
 * - rate_limited      too many attempts (429)
 * - unavailable       the store is down (503)
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};
