/**
 * Carries out the follow-up effects of a dialogue turn and returns the event that
 * answers each; null for effects that are not the follow-up's (the caller runs those).
 * Effects come only from the engine, which emits case-changing ones only for the
 * case the conversation has verified.
 */
import type { CountyConfig } from '../domain/county/schema.ts';
import type { Effect, EffectEvent } from '../dialog/types.ts';
import type { FollowUpAnswerStore, FollowUpRepository, QueryAttemptStore } from '../ports/follow-up-ports.ts';
import type { CaseRepository } from '../ports/case-ports.ts';
import { addSupplement } from './add-supplement.ts';
import { listMyCases, lookUpCase, openOwnCase, reopenCase } from './look-up-case.ts';
import { rateCase } from './rate-case.ts';
import { requestReview } from './request-review.ts';
import { answerFollowUp } from './answer-follow-up.ts';

export interface FollowUpDeps {
  followUps: FollowUpRepository & FollowUpAnswerStore;
  attempts: QueryAttemptStore;
  /** Only `verifyQueryCode` is used. */
  cases: Pick<CaseRepository, 'verifyQueryCode'>;
  county: CountyConfig;
}

/** The channel identity of the citizen: one conversation per (channel, channelUserId). */
export interface FollowUpCaller {
  conversationId: string;
  channel: string;
  channelUserId: string;
}

export async function runFollowUpEffect(deps: FollowUpDeps, effect: Effect, who: FollowUpCaller, now: Date): Promise<EffectEvent | null> {
  switch (effect.type) {
    case 'lookup_case':
      return lookUpCase(deps, effect.caseNumber, effect.queryCode, who, now);
    case 'open_own_case':
      return openOwnCase(deps, effect.caseNumber, who);
    case 'reopen_case':
      return reopenCase(deps, effect.caseNumber);
    case 'list_my_cases':
      return listMyCases(deps, who);
    case 'add_supplement':
      return addSupplement(deps, effect.caseNumber, effect.text, now);
    case 'rate_case':
      return rateCase(deps, effect.caseNumber, effect.stage, effect.rating, now);
    case 'request_review':
      return requestReview(deps, effect.caseNumber, effect.reason, now);
    case 'answer_follow_up':
      return answerFollowUp(deps, effect.caseNumber, effect.answer, who.conversationId, now);
    default:
      return null;
  }
}
