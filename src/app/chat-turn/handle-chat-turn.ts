/**
 * One citizen message, any channel: understand it, run the dialogue turn, carry out
 * its effects, and commit state, transcript and any new case in one transaction.
 * A concurrent turn of the same conversation (a double click, a second process)
 * loses the version race and is re-run on the fresh state, so nothing is done twice.
 */
import { failedTurn, handleEvent, handleMessage } from '../../dialog/engine.ts';
import { localDate } from '../../domain/deadlines.ts';
import { mayOpenPlan } from '../../domain/plans.ts';
import { initialState, type Effect, type EffectEvent, type Expecting, type Locale, type Reply, type TurnContext, type TurnResult } from '../../dialog/types.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { Nlu } from '../../nlu/nlu.ts';
import { ConversationConflictError, DuplicateInboundError, type ConversationStore, type TranscriptEntry, type TurnTransaction, type TurnWrite } from '../../ports/conversation-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { runCaseEffect, type CaseEffectDeps } from './run-case-effect.ts';
import { buildNewCase } from '../petition/submit-petition.ts';
import { gridWorkerOf, runGridEffect, type GridChatDeps } from '../grid/run-grid-effect.ts';
import type { Logger } from '../../log.ts';
import { runReceptionEffect, type ReceptionChatDeps } from '../reception/run-reception-effect.ts';

export interface ChatDeps {
  conversations: ConversationStore;
  nlu: Nlu;
  county: CountyConfig;
  clock: Clock;
  caseEffects: CaseEffectDeps;
  /** Grid workers' bindings and screening reports; without it the chat serves citizens only. */
  grid?: GridChatDeps;
  /** Bookings of leaders' reception days; without it the bot tells the days but books none. */
  reception?: ReceptionChatDeps;
  /** What follows a committed turn: a filed risk or group case's plan, a risk message's plan. */
  planTriggers?: PlanTriggers;
  /** Where a turn the dialogue could not finish is reported. */
  log?: Pick<Logger, 'error'>;
}

/**
 * Started after the turn's commit (a turn that lost its version race starts neither)
 * and not waited for: the reply does not depend on it (see AfterReply).
 */
export interface PlanTriggers {
  /** A risk or group case was filed: its plan. */
  caseFiled(caseNumber: string): void;
  /** A risk message that filed nothing: the citizen's open case, if any, is flagged and planned. */
  riskMessage(conversationId: string): void;
  /** A message the screen found possibly risky: a quiet alert for staff, nothing changes for the citizen. */
  possibleRisk?(conversationId: string): void;
}

export interface ChatTurnInput {
  channel: string;
  channelUserId: string;
  text: string | null;
  payload: string | null;
  /** An explicit language choice (a switch in the widget); otherwise each message's language. */
  locale: Locale | null;
  /** The language a new conversation starts in (e.g. from Telegram's language_code). */
  defaultLocale?: Locale;
  /** Idempotency key of the inbound delivery (e.g. `tg:<update_id>`): a redelivery does nothing. */
  inboundKey?: string;
  /** 'outbox': replies are committed as pending pushes for the channel's sender (crash-safe). */
  deliver?: 'response' | 'outbox';
  /** The client's network (web requests; clientKey): limits that must hold across made-up identities. */
  clientNetwork?: string | null;
}

export interface ChatTurnOutput {
  conversationId: string;
  replies: Reply[];
  expecting: Expecting | null;
  caseNumber: string | null;
  /** True when the inbound key was already processed: nothing was done. */
  duplicate: boolean;
  /** Set when this turn bound or unbound a staff account (a channel may adjust its command menu). */
  staffBinding?: 'bound' | 'unbound';
}

const MAX_ATTEMPTS = 5;

export async function handleChatTurn(deps: ChatDeps, input: ChatTurnInput): Promise<ChatTurnOutput> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptTurn(deps, input);
    } catch (err) {
      if (err instanceof DuplicateInboundError) return duplicateOutput();
      if (!(err instanceof ConversationConflictError) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

const duplicateOutput = (): ChatTurnOutput => ({ conversationId: '', replies: [], expecting: null, caseNumber: null, duplicate: true });

async function attemptTurn(deps: ChatDeps, input: ChatTurnInput): Promise<ChatTurnOutput> {
  const now = deps.clock.now();
  const initial = initialState(input.locale ?? input.defaultLocale ?? 'zh');
  const start = await deps.conversations.beginTurn(input.channel, input.channelUserId, initial, input.inboundKey ?? null);
  if (start.processed) return duplicateOutput();
  const conv = start.conversation;
  // (Read in simplified characters — the forms' words are — while the transcript keeps what was typed.)
  const text = input.text?.trim() ? deps.nlu.simplify(input.text.trim()) : null;
  const nlu = text ? await deps.nlu.parse(text, { locale: input.locale ?? conv.state.locale, now }) : null;
  const chat = { channel: input.channel, channelUserId: input.channelUserId };
  const grid = deps.grid && start.staffBound ? await gridWorkerOf(deps.grid, chat) : null;
  const ctx: TurnContext = { nlu, now, county: deps.county, readers: deps.nlu.readers(now), grid };
  let turn: TurnResult;
  try {
    turn = handleMessage(conv.state, { text, payload: input.payload, locale: input.locale }, ctx);
  } catch (err) {
    // A fault in reading one message never costs the citizen the draft nor answers with a 500.
    deps.log?.error({ err, conversationId: conv.id }, 'dialogue turn failed; state kept as it was');
    turn = failedTurn(conv.state);
  }

  // Effects that read or write other records run first; their events extend the turn.
  const pending: Effect[] = [];
  let staffBinding: ChatTurnOutput['staffBinding'];
  let caseNumber: string | null = null;
  const who = { conversationId: conv.id, channel: input.channel, channelUserId: input.channelUserId, network: input.clientNetwork ?? null };
  for (let i = 0; i < turn.effects.length; i++) {
    const effect = turn.effects[i]!;
    const event =
      (await runCaseEffect(deps.caseEffects, effect, who, now)) ??
      (deps.grid ? await runGridEffect(deps.grid, effect, who, grid, now) : null) ??
      (deps.reception ? await runReceptionEffect(deps.reception, effect, who, now) : null);
    if (event?.type === 'staff_bound' || (event?.type === 'staff_unbound' && event.wasBound)) staffBinding = event.type === 'staff_bound' ? 'bound' : 'unbound';
    if (event?.type === 'screening_submitted') caseNumber = event.caseNumber;
    if (event) turn = extend(turn, handleEvent(turn.state, event, ctx));
    else pending.push(effect);
  }

  // The case number is drawn before the transaction: drawn inside, the day's counter row
  // would stay locked for the whole turn and concurrent filings would queue on it.
  const submits = pending.some((e) => e.type === 'submit_petition');
  let filed: string | null = null;
  let riskMessage = false;
  let sequence = submits && deps.conversations.reserveCaseSequence ? await deps.conversations.reserveCaseSequence(localDate(now, deps.county.utcOffsetMinutes)) : undefined;
  // What the turn writes; a filing creates its case inside the turn's transaction.
  const compose = async (tx: TurnTransaction | null): Promise<TurnWrite> => {
    let final = { ...turn, effects: pending };
    const audit: { action: string; detail: string }[] = [];
    let handoff: { reason: string; at: Date } | null = null;
    let withdrawHandoff = false;
    for (const effect of pending) {
      if (effect.type === 'submit_petition') {
        const newCase = buildNewCase(effect.draft, { conversationId: conv.id, channel: input.channel }, now, deps.county);
        if (!tx) throw new Error('a filing is committed inside the turn transaction');
        const created = await tx.createCase({ ...newCase, sequence });
        sequence = undefined; // one number per case
        // The first holding is filed with the case; only a risk or group case has more to follow.
        if (created.created && mayOpenPlan(newCase.flags)) filed = created.caseNumber;
        // Same transaction as the state, so an existing case means a replay of this very turn.
        const queryCode = created.created ? newCase.queryCode! : (conv.state.lastSubmitted?.queryCode ?? '');
        const event: EffectEvent = { type: 'petition_submitted', intakeId: effect.draft.intakeId, caseNumber: created.caseNumber, queryCode };
        final = extend(final, handleEvent(final.state, event, ctx));
        caseNumber = created.caseNumber;
      } else if (effect.type === 'request_handoff') {
        handoff = { reason: effect.reason, at: now };
      } else if (effect.type === 'withdraw_handoff') {
        withdrawHandoff = true;
        audit.push({ action: 'conversation.handoff_withdrawn', detail: '' });
      } else if (effect.type === 'record_outcome') {
        audit.push({ action: `conversation.${effect.kind}`, detail: effect.detail });
      }
    }
    turn = final;
    // A risk said while filing goes with the new petition instead (its draft carries it).
    riskMessage = handoff?.reason === 'risk' && !final.state.forms.some((f) => f.form === 'intake');
    return { state: final.state, messages: transcript(input, final.replies, now), handoff, withdrawHandoff, audit, inboundKey: input.inboundKey ?? null };
  };
  if (submits) await deps.conversations.commitTurn(conv.id, conv.version, compose);
  else await deps.conversations.saveTurn(conv.id, conv.version, await compose(null));
  if (filed) deps.planTriggers?.caseFiled(filed);
  else if (riskMessage) deps.planTriggers?.riskMessage(conv.id);
  // A possible risk, or any risk while a person holds the chat (the bot is silent then): staff are alerted.
  else if (!grid && (nlu?.risk?.level === 'possible' || (nlu?.risk?.level === 'risk' && conv.state.expecting === 'staff'))) deps.planTriggers?.possibleRisk?.(conv.id);
  return { conversationId: conv.id, replies: turn.replies, expecting: turn.state.expecting, caseNumber, duplicate: false, ...(staffBinding ? { staffBinding } : {}) };
}

function extend(a: TurnResult, b: TurnResult): TurnResult {
  return { state: b.state, replies: [...a.replies, ...b.replies], effects: [...a.effects, ...b.effects] };
}

function transcript(input: ChatTurnInput, replies: Reply[], at: Date): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  if (input.text || input.payload) {
    entries.push({ direction: 'in', author: 'citizen', text: input.text ?? '', payload: input.payload, at });
  }
  const out = new Date(at.getTime() + 1);
  const delivery = input.deliver === 'outbox' ? 'pending' : null;
  for (const r of replies) {
    entries.push({ direction: 'out', author: 'bot', text: r.text, payload: r.buttons ? JSON.stringify(r.buttons) : null, at: out, delivery });
  }
  return entries;
}
