/**
 * Keyword rules that override the classifier, for phrases that mean one intent
 * whatever else the message says; kept few, and each measured by
 * scripts/nlu-eval.ts (they must not cost a single correct answer there).
 * They run on normalised text (intent-features.ts): lower case, simplified.
 *
 * - 转人工 / 人工客服 / "talk to a human": an explicit request for a person wins over
 *   the grievance that often comes with it ("我的事没人管 转人工"), unless negated.
 */
import type { IntentName } from './intents.ts';

const RULES: ReadonlyArray<[RegExp, IntentName]> = [
  [/(?<![不别])(转|转接|要|找)(个)?人工|人工(客服|服务|坐席)|zhuan ?ren ?gong/u, 'handoff_human'],
  [/(?<!(dont|do not|no need to) )(talk|speak|chat) (to|with) (a )?(human|real person|live agent)|transfer (me )?to (a )?(human|live agent|operator)/, 'handoff_human'],
];

export function ruleIntent(normalized: string): IntentName | null {
  return RULES.find(([re]) => re.test(normalized))?.[1] ?? null;
}
