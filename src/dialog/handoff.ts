/** Handing the chat to staff: honest about whether anyone is on duty now. */
import { isOfficeHours } from '../domain/office-hours.ts';
import { guideText } from './guide.ts';
import { result, say } from './replies.ts';
import type { ConversationState, TurnContext, TurnResult } from './types.ts';

export function requestHandoff(state: ConversationState, reason: 'requested' | 'risk' | 'fallback', ctx: TurnContext): TurnResult {
  const l = state.locale;
  if (state.handoff) return result(state, [say(l, 'handoffAlready')]);
  const availability = isOfficeHours(ctx.now, ctx.county)
    ? say(l, 'handoffOnDuty').text
    : say(l, 'handoffOffDuty', { hours: guideText(ctx.county, 'officeHours', l) }).text;
  const next = { ...state, misunderstood: 0, handoff: { reason, at: ctx.now.toISOString() } };
  return result(next, [say(l, 'handoffRequested', { availability })], [{ type: 'request_handoff', reason }]);
}
