/**
 * The limits of the anonymous doors per client network (in memory, per process: see
 * rate-limit.ts): the chat API, the NLU API and the web chat's socket, uploads and
 * polls. Generous for a family or a village office behind one address, far below
 * what would tire the server. Past a limit: 429 `rate_limited` with Retry-After.
 */
import type http from 'node:http';
import { isIP } from 'node:net';
import { ConcurrencyLimit, isLoopback, RateLimiter, type RateRule } from './rate-limit.ts';

export const WEB_LIMITS = {
  /** Citizen messages on POST /api/chat (each may start a conversation); the same again over all sockets of a network. */
  chatTurns: { limit: 120, windowMs: 60_000 },
  /** POST /api/nlu/parse. */
  nluParses: { limit: 60, windowMs: 60_000 },
  /** New websocket connections. */
  socketConnects: { limit: 60, windowMs: 60_000 },
  /** Sockets open at once. */
  socketsOpen: 100,
  /** Messages on one socket (a person types far slower). */
  socketMessages: { limit: 60, windowMs: 60_000 },
  /** File uploads. */
  uploads: { limit: 30, windowMs: 10 * 60_000 },
  /** Long-poll requests, and polls waiting at once. */
  polls: { limit: 240, windowMs: 60_000 },
  pollsOpen: 40,
  /** Transcript loads (the widget's reload without a socket). */
  transcripts: { limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, RateRule | number>;

export function webLimiters(now?: () => number) {
  return {
    chatTurns: new RateLimiter(WEB_LIMITS.chatTurns, now),
    socketConnects: new RateLimiter(WEB_LIMITS.socketConnects, now),
    socketsOpen: new ConcurrencyLimit(WEB_LIMITS.socketsOpen),
    uploads: new RateLimiter(WEB_LIMITS.uploads, now),
    polls: new RateLimiter(WEB_LIMITS.polls, now),
    pollsOpen: new ConcurrencyLimit(WEB_LIMITS.pollsOpen),
    transcripts: new RateLimiter(WEB_LIMITS.transcripts, now),
  };
}

/**
 * The client address of a raw upgrade request, read as express reads `req.ip` with
 * `trust proxy: loopback`: X-Forwarded-For counts only when a local proxy sent it.
 */
export function upgradeClientIp(req: http.IncomingMessage): string {
  let ip = req.socket.remoteAddress ?? 'unknown';
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter((s) => isIP(s) !== 0);
  while (isLoopback(ip) && forwarded.length > 0) ip = forwarded.pop()!;
  return ip;
}
