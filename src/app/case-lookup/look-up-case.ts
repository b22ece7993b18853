/**
 * Opening a case for a citizen: by case number and query code (rate-limited per case
 * and per channel identity), as one of the caller's own cases, or again after an
 * earlier verification in the same conversation.
 */
import type { EffectEvent, PublicCaseView } from '../../dialog/types.ts';
import { isConduct } from '../../domain/routing.ts';
import type { CaseLookupCaller, CaseLookupDeps } from './case-lookup-deps.ts';

/** The same answer for an unknown case, a wrong code and a case that is not the caller's. */
export const notVerified = (locked: boolean): EffectEvent => ({ type: 'case_not_verified', locked });

/**
 * What a citizen (or a grid worker in the bot) may see of a case: without the owner's
 * conversation id, which is for checks only, and without any co-handler of a report
 * against officials — the citizen was promised the report is never shown to the
 * office reported, so the chat never names a township beside it.
 */
export function citizenView(view: PublicCaseView & { conversationId: string | null }): PublicCaseView {
  const { conversationId: _owner, ...shown } = view;
  return isConduct(shown.category) ? { ...shown, coUnit: null } : shown;
}

const opened = (view: PublicCaseView & { conversationId: string | null }): EffectEvent => ({ type: 'case_opened', view: citizenView(view) });

export const caseKey = (caseNumber: string) => `case:${caseNumber}`;
export const userKey = (who: CaseLookupCaller) => `user:${who.channel}:${who.channelUserId}`;

/**
 * A locked key refuses before the code is checked, even a right one. A wrong code
 * and an unknown case count a failure on both keys and get the same answer.
 */
export async function lookUpCase(deps: CaseLookupDeps, caseNumber: string, queryCode: string, who: CaseLookupCaller, now: Date): Promise<EffectEvent> {
  const keys = [caseKey(caseNumber), userKey(who)];
  for (const key of keys) {
    if (await deps.attempts.isLocked(key, now)) return notVerified(true);
  }
  const view = (await deps.cases.verifyQueryCode(caseNumber, queryCode)) ? await deps.caseLookups.publicView(caseNumber) : null;
  if (!view) {
    const counted = await Promise.all(keys.map((k) => deps.attempts.recordFailure(k, now)));
    return notVerified(counted.some((c) => c.locked));
  }
  await deps.attempts.reset(userKey(who));
  return opened(view);
}

/** A case filed from the caller's own conversation; anyone else's is "not verified". */
export async function openOwnCase(deps: CaseLookupDeps, caseNumber: string, who: CaseLookupCaller): Promise<EffectEvent> {
  const view = await deps.caseLookups.publicView(caseNumber);
  if (!view || view.conversationId !== who.conversationId) return notVerified(false);
  return opened(view);
}

/**
 * A case the conversation verified before (the engine emits this only for
 * state.followUp.verifiedCase, which it sets only from a `case_opened` event).
 */
export async function reopenCase(deps: CaseLookupDeps, caseNumber: string): Promise<EffectEvent> {
  const view = await deps.caseLookups.publicView(caseNumber);
  return view ? opened(view) : notVerified(false);
}

export async function listMyCases(deps: CaseLookupDeps, who: CaseLookupCaller): Promise<EffectEvent> {
  const items = await deps.caseLookups.listByConversation(who.conversationId);
  return { type: 'my_cases', items: items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
}
