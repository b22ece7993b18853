/**
 * Conversations: state persisted after every turn with optimistic concurrency,
 * the transcript, and the handoff queue. State and message texts are encrypted.
 */
import type { ConversationState } from '../dialog/types.ts';

/** The state the store keeps is the dialog's: its type, its expected-answer names and its initial value. */
export { EXPECTING, initialState, type ConversationState } from '../dialog/types.ts';
import type { CreatedCase, NewCase } from './case-ports.ts';

export interface ConversationRecord {
  id: string;
  channel: string;
  /** For the web channel a keyed hash of the citizen's secret id; Telegram's chat id otherwise. */
  channelUserId: string;
  state: ConversationState;
  version: number;
  handoffReason: string | null;
  waitingSince: Date | null;
  staffId: string | null;
  /** When the holder (staffId) claimed the chat. */
  claimedAt: Date | null;
  /** The case a staff member attached this chat to. */
  caseNumber: string | null;
}

export interface TranscriptEntry {
  direction: 'in' | 'out';
  author: 'citizen' | 'bot' | 'staff' | 'system';
  text: string;
  payload: string | null;
  at: Date;
  /** 'pending': a push channel delivers it from the outbox; null: returned in the response. */
  delivery?: 'pending' | null;
}

/** What a turn writes once its effects have run; committed atomically with any new case. */
export interface TurnWrite {
  state: ConversationState;
  messages: TranscriptEntry[];
  handoff: { reason: string; at: Date } | null;
  /** The citizen no longer wants a person: the chat leaves the inbox unless someone has claimed it. */
  withdrawHandoff?: boolean;
  audit: { action: string; detail: string }[];
  /** Marks an inbound delivery (e.g. a Telegram update_id) as processed, in the same commit. */
  inboundKey: string | null;
}

/** Offered inside the turn's transaction. */
export interface TurnTransaction {
  createCase(input: NewCase): Promise<Omit<CreatedCase, 'id'>>;
}

/**
 * What a staff action writes (claim, reply, attach, hand back). Fields left
 * undefined are kept; messages with `delivery: 'pending'` are the citizen's outbox.
 */
export interface StaffWrite {
  state: ConversationState;
  /** A claim sets the holder; null releases the chat. */
  holder?: { staffId: string; at: Date } | null;
  /** null: the chat no longer waits for a person (handoffReason and waitingSince cleared). */
  waiting?: null;
  /** The case the chat is attached to; null detaches it (hand back). */
  caseNumber?: string | null;
  messages: TranscriptEntry[];
  audit: { actorId: string; action: string; detail: string }[];
}

export class ConversationConflictError extends Error {
  constructor() {
    super('the conversation changed concurrently');
  }
}

/** The inbound delivery was already processed (a redelivery): nothing to do. */
export class DuplicateInboundError extends Error {
  constructor(readonly key: string) {
    super(`inbound ${key} was already processed`);
  }
}

/** The start of a chat turn, read in one statement. */
export interface TurnStart {
  conversation: ConversationRecord;
  /** The inbound delivery was already processed (a redelivery). */
  processed: boolean;
  /** A staff account (a grid worker) is bound to this chat. */
  staffBound: boolean;
}

export interface ConversationStore {
  /**
   * What a chat turn starts from: the conversation (created on first contact), whether
   * `inboundKey` was processed already, and whether a staff account is bound to the chat.
   */
  beginTurn(channel: string, channelUserId: string, initial: ConversationState, inboundKey: string | null): Promise<TurnStart>;
  /**
   * Saves a turn that creates no case, with the same guarantees as commitTurn (version
   * check, inbound key, transcript, all or nothing).
   */
  saveTurn(id: string, expectedVersion: number, write: TurnWrite): Promise<void>;
  /** The conversation of a channel identity, created on first contact. */
  open(channel: string, channelUserId: string, initial: ConversationState): Promise<ConversationRecord>;
  /**
   * The conversation of a channel identity if it has one; never creates it. For reads
   * that are not a citizen saying something (a long poll, a transcript load), which
   * must not leave a row behind for every id someone makes up.
   */
  find(channel: string, channelUserId: string): Promise<ConversationRecord | null>;
  /**
   * Runs `build` in one transaction and saves its result only if the conversation is
   * still at `expectedVersion`; otherwise rolls everything back and throws
   * ConversationConflictError (the caller retries the turn on fresh state).
   */
  commitTurn(id: string, expectedVersion: number, build: (tx: TurnTransaction) => Promise<TurnWrite>): Promise<void>;
  /** One conversation by id (null when there is none). */
  get(id: string): Promise<ConversationRecord | null>;
  /**
   * A staff action's write, in one transaction with its transcript entries and audit,
   * only if the conversation is still at `expectedVersion` (the same check as
   * commitTurn); otherwise throws ConversationConflictError and writes nothing.
   */
  updateState(id: string, expectedVersion: number, write: StaffWrite): Promise<void>;
  transcript(id: string, limit: number): Promise<TranscriptEntry[]>;
  isProcessed(inboundKey: string): Promise<boolean>;
  /**
   * Draws the next case sequence number of a county-local day in its own short
   * statement. A number drawn for a turn that then fails or replays is not reused:
   * the register may have gaps, never duplicates.
   */
  reserveCaseSequence?(localDate: string): Promise<number>;
}
