/**
 * Carries out a dialogue turn's effects on the citizen's own cases (the case lookup
 * and its actions, the answer to the callback question) and returns the event that
 * answers each; null for effects that are not these (the caller runs those).
 * Effects come only from the engine, which emits case-changing ones only for the
 * case the conversation has verified.
 */
import type { Effect, EffectEvent } from '../../dialog/types.ts';
import { addSupplement } from '../case-lookup/add-supplement.ts';
import { listMyCases, lookUpCase, openOwnCase, reopenCase } from '../case-lookup/look-up-case.ts';
import { rateCase } from '../case-lookup/rate-case.ts';
import { requestReview } from '../case-lookup/request-review.ts';
import { answerCallback, type AnswerCallbackDeps } from '../callback/answer-callback.ts';
import type { CaseLookupCaller, CaseLookupDeps } from '../case-lookup/case-lookup-deps.ts';

/** The lookup's dependencies and the callback answer's (the same store, two ports). */
export type CaseEffectDeps = CaseLookupDeps & AnswerCallbackDeps;

export async function runCaseEffect(deps: CaseEffectDeps, effect: Effect, who: CaseLookupCaller, now: Date): Promise<EffectEvent | null> {
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
      return answerCallback(deps, effect.caseNumber, effect.answer, who.conversationId, now);
    default:
      return null;
  }
}
