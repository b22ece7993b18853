/**
 * Binding a chat account to a grid worker's staff account with a one-time code from
 * the console (`/bind <code>`), and unbinding it. Wrong, expired and used codes get
 * one answer. Guessing is stopped three ways, since a web identity costs nothing:
 * - per chat identity and per client network (when the channel knows it: the web
 *   chat), like query-code look-ups: five failures within 15 minutes lock binding
 *   for 15 minutes;
 * - per code: every failure counts against every code still valid, and a code with
 *   LINK_CODE_MAX_FAILURES failures is dead (the admin issues a new one), so a guesser
 *   has at most that many tries at each live code wherever they come from.
 */
import type { EffectEvent } from '../../dialog/types.ts';
import type { QueryAttemptStore } from '../../ports/query-attempt-ports.ts';
import type { ChatIdentity, GridBindingStore } from '../../ports/grid-ports.ts';

export interface BindDeps {
  bindings: Pick<GridBindingStore, 'redeemLinkCode' | 'unbind' | 'countFailedBind'>;
  attempts: QueryAttemptStore;
}

export const bindAttemptKey = (chat: ChatIdentity) => `bind:${chat.channel}:${chat.channelUserId}`;
export const bindNetworkKey = (network: string) => `bind-net:${network}`;

/** Failed binds a live code survives (counted over every caller while it is valid). */
export const LINK_CODE_MAX_FAILURES = 10;

/** Who binds: the chat identity, and the client network when the channel knows it (null: Telegram, local). */
export type BindCaller = ChatIdentity & { network?: string | null };

/** Codes are 8 digits; anything else cannot be one and is refused without a look-up. */
const CODE = /^\d{8}$/;

export async function bindChatAccount(deps: BindDeps, chat: BindCaller, code: string, now: Date): Promise<EffectEvent> {
  const keys = [bindAttemptKey(chat), ...(chat.network ? [bindNetworkKey(chat.network)] : [])];
  for (const key of keys) {
    if (await deps.attempts.isLocked(key, now)) return { type: 'bind_refused', reason: 'locked' };
  }
  const identity = { channel: chat.channel, channelUserId: chat.channelUserId };
  const worker = CODE.test(code) ? await deps.bindings.redeemLinkCode(code, identity, now, LINK_CODE_MAX_FAILURES) : null;
  if (!worker) {
    await deps.bindings.countFailedBind(now, LINK_CODE_MAX_FAILURES);
    const counted = await Promise.all(keys.map((k) => deps.attempts.recordFailure(k, now)));
    return { type: 'bind_refused', reason: counted.some((c) => c.locked) ? 'locked' : 'invalid' };
  }
  await deps.attempts.reset(keys[0]!);
  return { type: 'staff_bound', username: worker.username, township: worker.township };
}

export async function unbindChatAccount(deps: BindDeps, chat: ChatIdentity, now: Date): Promise<EffectEvent> {
  return { type: 'staff_unbound', wasBound: await deps.bindings.unbind(chat, now) };
}
