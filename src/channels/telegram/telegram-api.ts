/**
 * The narrow port to the Bot API the loops use (getUpdates, sendMessage), and how
 * its failures are told apart: Telegram's own answers (TelegramError, with a code)
 * from transport failures (no answer at all).
 */
import { TelegramError } from 'telegraf';
import type { Telegram } from 'telegraf';

/** One Bot API call; rejects with TelegramError when Telegram answers `ok: false`. */
export type CallApi = (method: string, payload: Record<string, unknown>, signal?: AbortSignal) => Promise<unknown>;

export function callApiOf(telegram: Telegram): CallApi {
  // telegraf types its signal with the abort-controller shim; Node's own AbortSignal works at runtime.
  return (method, payload, signal) => telegram.callApi(method as 'getMe', payload as never, { signal: signal as never });
}

export type ApiFailure =
  /** 429: wait this many milliseconds, then the same call may succeed. */
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** 4xx: the call itself is refused (blocked by the user, chat not found, bad request). */
  | { kind: 'permanent'; code: number; description: string }
  /** 5xx or no answer: try again later. */
  | { kind: 'transient'; description: string };

export function classifyApiError(err: unknown): ApiFailure {
  if (err instanceof TelegramError) {
    if (err.code === 429) return { kind: 'rate_limited', retryAfterMs: Math.max(1, err.parameters?.retry_after ?? 1) * 1000 };
    if (err.code >= 400 && err.code < 500) return { kind: 'permanent', code: err.code, description: err.description };
    return { kind: 'transient', description: err.description };
  }
  return { kind: 'transient', description: err instanceof Error ? err.message : String(err) };
}

/** Resolves after `ms`, or early (without error) when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Waits for `p` at most `ms`; the work itself goes on (used on shutdown). */
export async function within(ms: number, p: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
