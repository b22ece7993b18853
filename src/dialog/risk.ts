/**
 * Early warning in the dialogue. A citizen message that screens as a risk
 * (self-harm, violence, threat, blocking, mass gathering, going to the capital)
 * gets calm words first (for self-harm: the emergency numbers 110/120/12356 before
 * anything else) and an immediate offer of a person; the message is otherwise
 * handled as usual, so a petition being filed goes on. The open intake is marked
 * and the draft it commits carries `riskFlag`.
 */
import type { RiskResult } from '../nlu/risk/screen.ts';
import { guideText } from './guide.ts';
import { say } from './replies.ts';
import type { ConversationState, Reply, TurnContext, TurnInput, TurnResult } from './types.ts';

/** The screen's verdict on this turn's text, or null (no text, not screened, no risk, a person holds the chat). */
export function riskOfTurn(state: ConversationState, input: TurnInput, ctx: TurnContext): RiskResult | null {
  if (!input.text?.trim() || state.expecting === 'staff') return null;
  const risk = ctx.nlu?.risk;
  return risk && risk.level === 'risk' ? risk : null;
}

/** The state the turn runs on: an open intake remembers the risk. */
export function markRisk(state: ConversationState): ConversationState {
  return state.intake && !state.intake.riskFlag ? { ...state, intake: { ...state.intake, riskFlag: true } } : state;
}

/** Calm words; for self-harm the emergency text with 110/120/12356 comes first. */
export function riskReplies(state: ConversationState, risk: RiskResult, ctx: TurnContext): Reply[] {
  const l = state.locale;
  if (risk.selfHarm) return [{ text: guideText(ctx.county, 'emergency', l) }, say(l, 'riskSelfHarmCare')];
  return [say(l, 'riskCalm')];
}

/**
 * Puts the risk replies and the handoff before the turn's own answer. Outside a
 * form, a "not understood" answer to the risk message is dropped: the calm words
 * and the person answer it.
 */
export function withRisk(before: ConversationState, r: TurnResult, risk: RiskResult, handoff: TurnResult, ctx: TurnContext): TurnResult {
  const misunderstood = !before.intake && !before.followUp && r.state.misunderstood > before.misunderstood;
  const own = misunderstood ? [] : r.replies;
  const state = misunderstood ? { ...handoff.state, misunderstood: 0 } : handoff.state;
  return { state, replies: [...riskReplies(before, risk, ctx), ...handoff.replies, ...own], effects: [...handoff.effects, ...r.effects] };
}

/** A petition committed from a marked intake carries the flag. */
export function flagRiskDrafts(r: TurnResult, intakeBefore: ConversationState['intake']): TurnResult {
  const flagged = r.state.intake?.riskFlag || intakeBefore?.riskFlag;
  if (!flagged || !r.effects.some((e) => e.type === 'submit_petition')) return r;
  return { ...r, effects: r.effects.map((e) => (e.type === 'submit_petition' ? { ...e, draft: { ...e.draft, riskFlag: true } } : e)) };
}
