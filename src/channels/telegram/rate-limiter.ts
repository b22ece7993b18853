/**
 * Telegram's sending limits as a small queue: at most one message per second in a
 * chat, and a token bucket of ~30 messages per second for the bot as a whole.
 * Callers wait for their slot; nothing is dropped.
 */
import type { Sleep } from './telegram-api.ts';

export interface RateLimits {
  /** Minimum gap between two messages to the same chat. */
  perChatIntervalMs: number;
  /** Messages per second over all chats (also the bucket's burst size). */
  globalPerSecond: number;
}

export const TELEGRAM_LIMITS: RateLimits = { perChatIntervalMs: 1000, globalPerSecond: 30 };

export class SendRateLimiter {
  private readonly chatReadyAt = new Map<string, number>();
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly nowMs: () => number,
    private readonly sleep: Sleep,
  ) {
    this.tokens = limits.globalPerSecond;
    this.refilledAt = nowMs();
  }

  /** Waits for this chat's next slot and takes it; false when aborted while waiting. */
  async acquire(chatId: string, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const wait = this.tryTake(chatId);
      if (wait === 0) return true;
      await this.sleep(wait, signal);
    }
  }

  /** 0 when the slot was taken now, else how long to wait before asking again. */
  private tryTake(chatId: string): number {
    const now = this.nowMs();
    const rate = this.limits.globalPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) * rate) / 1000);
    this.refilledAt = now;
    const chatWait = Math.max(0, (this.chatReadyAt.get(chatId) ?? 0) - now);
    const globalWait = this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / rate);
    const wait = Math.max(chatWait, globalWait);
    if (wait > 0) return wait;
    this.tokens -= 1;
    this.chatReadyAt.set(chatId, now + this.limits.perChatIntervalMs);
    if (this.chatReadyAt.size > 5000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [chat, at] of this.chatReadyAt) if (at <= now) this.chatReadyAt.delete(chat);
  }
}
