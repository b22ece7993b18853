/**
 * Binding a chat account to a grid worker's staff account with a one-time code from
 * the console (`/bind <code>`), and unbinding it. Wrong, expired and used codes get
 * one answer; failures are throttled per chat identity like query-code look-ups
 * (five within 15 minutes lock binding for 15 minutes).
 */
import type { EffectEvent } from '../../dialog/types.ts';
import type { QueryAttemptStore } from '../../store/follow-up-ports.ts';
import type { ChatIdentity, GridBindingStore } from '../../store/grid-ports.ts';

export interface BindDeps {
  bindings: Pick<GridBindingStore, 'redeemLinkCode' | 'unbind'>;
  attempts: QueryAttemptStore;
}

export const bindAttemptKey = (chat: ChatIdentity) => `bind:${chat.channel}:${chat.channelUserId}`;

/** Codes are 8 digits; anything else cannot be one and is refused without a look-up. */
const CODE = /^\d{8}$/;

export async function bindChatAccount(deps: BindDeps, chat: ChatIdentity, code: string, now: Date): Promise<EffectEvent> {
  const key = bindAttemptKey(chat);
  if (await deps.attempts.isLocked(key, now)) return { type: 'bind_refused', reason: 'locked' };
  const worker = CODE.test(code) ? await deps.bindings.redeemLinkCode(code, chat, now) : null;
  if (!worker) {
    const counted = await deps.attempts.recordFailure(key, now);
    return { type: 'bind_refused', reason: counted.locked ? 'locked' : 'invalid' };
  }
  await deps.attempts.reset(key);
  return { type: 'staff_bound', username: worker.username, township: worker.township };
}

export async function unbindChatAccount(deps: BindDeps, chat: ChatIdentity, now: Date): Promise<EffectEvent> {
  return { type: 'staff_unbound', wasBound: await deps.bindings.unbind(chat, now) };
}
