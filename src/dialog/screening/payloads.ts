/** Button presses inside the screening report form (payloads `scr:…`, `category:…`, `cmd:cancel`). */
import { result } from '../replies.ts';
import type { ConversationState, TurnContext, TurnResult } from '../types.ts';
import { placeInGrid } from './answers.ts';
import { askScreening, editButtons, expectingOf, SCREENING_ORDER } from './questions.ts';
import { URGENCIES, type ScreeningSlot, type ScreeningSlots, type Urgency } from './state.ts';

export interface ScreeningSteps {
  proceed(state: ConversationState, ctx: TurnContext, replies: never[]): TurnResult;
  cancel(state: ConversationState): TurnResult;
  submit(state: ConversationState, ctx: TurnContext): TurnResult;
}

export function handleScreeningPayload(state: ConversationState, payload: string, ctx: TurnContext, steps: ScreeningSteps): TurnResult | null {
  const form = state.screening!;
  const set = (slots: ScreeningSlots, categoryInferred = form.categoryInferred) =>
    steps.proceed({ ...state, screening: { ...form, categoryInferred, slots: { ...form.slots, ...slots } } }, ctx, []);
  if (payload === 'cmd:cancel' || payload === 'scr:cancel') return steps.cancel(state);
  if (payload === 'scr:confirm') return form.asking === 'confirm' ? steps.submit(state, ctx) : null;
  if (payload === 'scr:edit') return result(state, [editButtons(state.locale)]);
  const [kind, arg = ''] = split(payload);
  switch (kind) {
    case 'category':
      return ctx.county.categories.some((c) => c.code === arg) ? set({ category: arg }, false) : null;
    case 'scr:urgency':
      return (URGENCIES as readonly string[]).includes(arg) ? set({ urgency: arg as Urgency }) : null;
    case 'scr:place':
      return arg && placeInGrid(arg, ctx.grid!) ? set({ place: arg }) : null;
    case 'scr:skip':
      return arg === 'place' && ctx.grid!.villages.length === 0 ? set({ place: null }) : null;
    case 'scr:edit':
      if (!(SCREENING_ORDER as readonly string[]).includes(arg)) return null;
      return result({ ...state, screening: { ...form, asking: arg as ScreeningSlot }, expecting: expectingOf(arg as ScreeningSlot) }, [askScreening(arg as ScreeningSlot, state.locale, ctx)]);
    default:
      return null;
  }
}

/** "scr:urgency:danger" → ["scr:urgency", "danger"]; "category:land" → ["category", "land"]. */
function split(p: string): [string, string | undefined] {
  const i = p.lastIndexOf(':');
  return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 1)];
}
