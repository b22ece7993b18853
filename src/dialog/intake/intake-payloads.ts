/** Button presses inside the intake form. */
import type { IntentName } from '../../nlu/intents.ts';
import { result, say } from '../replies.ts';
import type { ConversationState, PetitionSlots, PriorPetition, SlotName, TurnContext, TurnResult } from '../types.ts';
import { channelText } from '../guide.ts';
import { askSlot } from './questions.ts';
import { OPTIONAL_SLOTS, SLOT_ORDER } from './slots.ts';
import { channelFor } from './triage.ts';
import { editButtons } from './summary.ts';

export interface FormSteps {
  proceed(state: ConversationState, ctx: TurnContext, replies: never[]): TurnResult;
  cancel(state: ConversationState): TurnResult;
  submit(state: ConversationState, ctx: TurnContext): TurnResult;
}

const PRIORS: readonly PriorPetition[] = ['none', 'earlier_petition', 'litigation', 'arbitration', 'reconsideration', 'lower_level', 'recheck_closed'];

/** The NLU intent when confident enough, else null. */
export function intentOf(ctx: TurnContext, min: number): IntentName | null {
  return ctx.nlu && ctx.nlu.intent.confidence >= min ? ctx.nlu.intent.name : null;
}

export function handleIntakePayload(state: ConversationState, payload: string, ctx: TurnContext, steps: FormSteps): TurnResult | null {
  const intake = state.intake!;
  const [kind, arg = ''] = splitPayload(payload);
  const set = (slots: PetitionSlots, extra: Partial<typeof intake> = {}) =>
    steps.proceed({ ...state, intake: { ...intake, ...extra, slots: { ...intake.slots, ...slots } } }, ctx, []);
  switch (kind) {
    case 'cmd':
      return arg === 'cancel' ? steps.cancel(state) : null;
    case 'consent':
      return arg === 'yes' ? steps.proceed({ ...state, intake: { ...intake, consent: { at: ctx.now.toISOString(), version: ctx.county.guide.version } } }, ctx, []) : null;
    case 'skip':
      return OPTIONAL_SLOTS.has(arg as SlotName) ? set({ [arg]: arg === 'representatives' ? [] : null }) : null;
    case 'category':
      return ctx.county.categories.some((c) => c.code === arg) ? set({ category: arg }, { categoryInferred: false }) : null;
    case 'township':
      return ctx.county.townships.some((t) => t.name === arg) ? set({ township: arg }) : null;
    case 'count':
      return /^\d{1,6}$/.test(arg) && Number(arg) > 0 ? set({ peopleCount: Number(arg) }) : null;
    case 'prior':
      return (PRIORS as readonly string[]).includes(arg) ? set({ priorPetition: arg as PriorPetition }, { triageAcknowledged: false }) : null;
    case 'triage':
      return triage(state, arg, ctx, steps);
    case 'confirm':
      if (arg === 'yes') return state.expecting === 'confirm' ? steps.submit(state, ctx) : null;
      return arg === 'edit' ? result(state, [editButtons(state.locale, SLOT_ORDER.filter((s) => intake.slots[s] !== undefined))]) : null;
    case 'edit':
      return (SLOT_ORDER as readonly string[]).includes(arg)
        ? result({ ...state, expecting: arg as SlotName }, [askSlot(arg as SlotName, state.locale, ctx.county, intake.slots.peopleCount)])
        : null;
    default:
      return null;
  }
}

function triage(state: ConversationState, arg: string, ctx: TurnContext, steps: FormSteps): TurnResult | null {
  const intake = state.intake!;
  const prior = intake.slots.priorPetition;
  const channel = prior ? channelFor(prior) : null;
  if (!channel) return null;
  if (arg === 'continue') return steps.proceed({ ...state, intake: { ...intake, triageAcknowledged: true } }, ctx, []);
  if (arg !== 'stop') return null;
  const l = state.locale;
  return result({ ...state, intake: null, expecting: null }, [say(l, 'triageStopped', { channel: channelText(ctx.county, channel, l) })], [
    { type: 'record_outcome', kind: 'redirected', detail: prior! },
  ]);
}

function splitPayload(p: string): [string, string | undefined] {
  const i = p.indexOf(':');
  return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 1)];
}

