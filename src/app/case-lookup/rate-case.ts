/**
 * A citizen rates a stage of a case (满意 / 基本满意 / 不满意), once per stage:
 * acceptance once the decision on acceptance is made, handling once replied.
 */
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import type { EffectEvent, PublicCaseView, Rating } from '../../dialog/types.ts';
import type { CaseLookupDeps } from './case-lookup-deps.ts';

type Stage = 'acceptance' | 'handling';

const UNDECIDED: readonly CaseStatus[] = ['submitted', 'transferred'];
const ANSWERED: readonly CaseStatus[] = ['replied', 'review_requested', 'closed'];

/** Whether the case has reached the stage the citizen rates. */
export function stageReached(view: PublicCaseView, stage: Stage): boolean {
  if (stage === 'acceptance') return !UNDECIDED.includes(view.status);
  return ANSWERED.includes(view.status) && view.repliedAt !== null;
}

export async function rateCase(deps: CaseLookupDeps, caseNumber: string, stage: Stage, rating: Rating, now: Date): Promise<EffectEvent> {
  const view = await deps.caseLookups.publicView(caseNumber);
  if (!view || !stageReached(view, stage)) return { type: 'rating_refused', reason: 'not_yet' };
  if (view.ratings[stage]) return { type: 'rating_refused', reason: 'already_rated' };
  const outcome = await deps.caseLookups.rate(caseNumber, stage, rating, now);
  return outcome === 'ok' ? { type: 'case_rated', caseNumber, stage, rating } : { type: 'rating_refused', reason: 'already_rated' };
}
