/**
 * Early warning in the dialogue. A citizen message that screens as a risk
 * (self-harm, violence, threat, blocking, mass gathering, going to the capital)
 * gets calm words first (for self-harm: the emergency numbers 110/120/12356 before
 * anything else) and an immediate offer of a person; the message is otherwise
 * handled as usual, so a petition being filed goes on. The open draft is marked
 * and the case it commits carries the `risk` flag. A life at stake that is no threat (a medical
 * emergency, a hazard to people now) gets its own words and a person, without the flag (`lifeAtStake`).
 */
import { imminentHazard } from '../nlu/imminent-hazard.ts';
import { medicalEmergency } from '../nlu/medical-emergency.ts';
import type { RiskResult } from '../nlu/risk/screen.ts';
import { t } from './catalog/catalog.ts';
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

/**
 * A life at stake that is no threat of the citizen's, so the screen does not score it: a body in danger now
 * (the county's emergency text, then the ambulance) or a hazard to people now ("房子随时要塌 一家人还住在里面",
 * gas in the stairwell: get away, then the number that sends help — 119 or 110, which the county text does
 * not name). `first` opens the answer; `again` is said once more while a person is on the way. Null: neither.
 */
export function lifeAtStake(text: string, state: ConversationState, ctx: TurnContext): { first: Reply[]; again: Reply } | null {
  const l = state.locale;
  if (medicalEmergency(text)) return { first: [{ text: guideText(ctx.county, 'emergency', l) }, say(l, 'riskMedical')], again: say(l, 'riskMedical') };
  const hazard = imminentHazard(text);
  if (!hazard) return null;
  const words = t(l, 'riskHazard', { call: t(l, hazard.call === '119' ? 'riskCall119' : 'riskCall110') });
  const reply = { text: hazard.kind === 'gas' ? `${words}\n${t(l, 'riskHazardGas')}` : words };
  return { first: [reply], again: reply };
}
