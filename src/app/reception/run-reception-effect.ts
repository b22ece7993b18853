/**
 * Carries out the reception effects of a dialogue turn (booking a slot) and returns
 * the event that answers each; null for effects that are not the reception's.
 */
import type { Effect, EffectEvent } from '../../dialog/types.ts';
import { bookReception, type BookingCaller, type ReceptionChatDeps } from './book-reception.ts';

export type { ReceptionChatDeps };

export async function runReceptionEffect(deps: ReceptionChatDeps, effect: Effect, who: BookingCaller, now: Date): Promise<EffectEvent | null> {
  return effect.type === 'book_reception' ? bookReception(deps, effect.draft, who, now) : null;
}
