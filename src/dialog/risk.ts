/**
 * Early warning in the dialogue. A citizen message that screens as a risk
 * (self-harm, violence, threat, blocking, mass gathering, going to the capital)
 * gets calm words first (for self-harm: the emergency numbers 110/120/12356 before
 * anything else) and an immediate offer of a person; the message is otherwise
 * handled as usual, so a petition being filed goes on. The open draft is marked
 * and the case it commits carries the `risk` flag.
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

/** Open drafts (a petition, a grid report) remember the risk. */
export function markRisk(state: ConversationState): ConversationState {
  if (!state.forms.some((f) => (f.form === 'intake' || f.form === 'screening') && !f.meta['riskFlag'])) return state;
  return { ...state, forms: state.forms.map((f) => (f.form === 'intake' || f.form === 'screening' ? { ...f, meta: { ...f.meta, riskFlag: true } } : f)) };
}

/** Self-harm or violence against someone: a person's life may be at stake. */
export const inDanger = (risk: RiskResult) => risk.selfHarm || risk.categories.some((c) => c === 'self_harm' || c === 'violence');

/** Calm words; for self-harm the emergency text with 110/120/12356 comes first. */
export function riskReplies(state: ConversationState, risk: RiskResult, ctx: TurnContext): Reply[] {
  const l = state.locale;
  if (risk.selfHarm) return [{ text: guideText(ctx.county, 'emergency', l) }, say(l, 'riskSelfHarmCare')];
  if (inDanger(risk)) return [{ text: guideText(ctx.county, 'emergency', l) }, say(l, 'riskCalm')];
  return [say(l, 'riskCalm')];
}

/**
 * Puts the risk replies and the handoff before the turn's own answer. Outside a
 * form, a "not understood" answer to the risk message is dropped: the calm words
 * and the person answer it.
 */
export function withRisk(before: ConversationState, r: TurnResult, risk: RiskResult, handoff: TurnResult, ctx: TurnContext): TurnResult {
  const misunderstood = before.forms.length === 0 && r.state.misunderstood > before.misunderstood;
  const own = misunderstood ? [] : r.replies;
  const state = markRisk(misunderstood ? { ...handoff.state, misunderstood: 0 } : handoff.state);
  return { state, replies: [...riskReplies(before, risk, ctx), ...handoff.replies, ...own], effects: [...handoff.effects, ...r.effects] };
}
