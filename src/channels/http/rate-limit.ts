/**
 * Per-address limits for the citizen-facing doors that cost the server most
 * (websocket connections and messages, file uploads, the long poll). Kept in
 * memory, per process: with N processes behind a load balancer an address gets at
 * most N times the limit, which is enough to stop a flood and needs no shared
 * state. Query-code guessing and staff sign-in are limited in the store instead
 * (query_attempts), where the limit must hold across processes.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors.ts';
import { networkOf } from './client-network.ts';

export interface RateRule {
  /** Events allowed per window and key. */
  limit: number;
  windowMs: number;
}

/** Keys kept at most; past this, expired windows are swept and then the oldest dropped. */
const MAX_KEYS = 50_000;

/** A fixed-window counter per key. */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event; null when allowed, else the seconds until the window resets. */
  take(key: string): number | null {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.makeRoom(now);
      w = { count: 0, resetAt: now + this.rule.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.rule.limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : null;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < MAX_KEYS) return;
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    for (const k of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(k);
    }
  }
}

/** How many of something (open sockets, waiting polls) a key holds at once. */
export class ConcurrencyLimit {
  private readonly held = new Map<string, number>();

  constructor(readonly max: number) {}

  /** A release function, or null when the key already holds `max`. Release is idempotent. */
  acquire(key: string): (() => void) | null {
    const n = this.held.get(key) ?? 0;
    if (n >= this.max) return null;
    this.held.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left <= 0) this.held.delete(key);
      else this.held.set(key, left);
    };
  }
}

export const isLoopback = (ip: string): boolean => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');

/**
 * The key of a client: its network (IPv4 address, IPv6 /64). Null for the local
 * machine itself (the terminal chat, the benchmark, a proxy that forwards no
 * address): it is not limited. A proxy in front must send X-Forwarded-For.
 */
export const clientKey = (ip: string | undefined): string | null => (ip && isLoopback(ip) ? null : networkOf(ip ?? 'unknown'));

export const tooMany = (what: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', `too many ${what} from your network; try again later`, { retryAfterSeconds });

/** Express middleware: 429 with Retry-After once the client's network is over the rule. */
export function rateLimit(limiter: RateLimiter, what: string): RequestHandler {
  return (req, _res, next) => {
    const key = clientKey(req.ip);
    const retry = key === null ? null : limiter.take(key);
    next(retry === null ? undefined : tooMany(what, retry));
  };
}

/** Express middleware: 429 while the client's network holds `max` open requests of this kind. */
export function concurrencyLimit(limit: ConcurrencyLimit, what: string): RequestHandler {
  return (req, res, next) => {
    const key = clientKey(req.ip);
    if (key === null) return next();
    const release = limit.acquire(key);
    if (!release) return next(tooMany(what, 5));
    res.once('close', release);
    next();
  };
}
