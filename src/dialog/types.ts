/**
 * The dialogue's data: conversation state (only what must survive a turn), the
 * neutral input and reply model, and the effects a turn asks its caller to carry
 * out. A turn is a pure function; effects that produce an answer (a case number, a
 * looked-up case) come back as events through `handleEvent`.
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { CaseFields, OnTheWire } from '../domain/case/case-record.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { NluResult, Readers } from '../nlu/nlu.ts';
import type { GridWorkerContext, ScreeningEffect, ScreeningEvent } from './forms/screening/types.ts';
import type { ReceptionEffect, ReceptionEvent } from './forms/reception/types.ts';

export type Locale = 'zh' | 'en';

/** The contract's `expecting` values. */
export const EXPECTING = [
  'consent',
  'name',
  'phone',
  'idNumber',
  'township',
  'address',
  'category',
  'respondent',
  'facts',
  'demands',
  'peopleCount',
  'representatives',
  'priorPetition',
  'confirm',
  'caseNumber',
  'queryCode',
  'satisfaction',
  'supplement',
  'staff',
] as const;
export type Expecting = (typeof EXPECTING)[number];

/** Slots of a petition that the intake form collects. */
export type SlotName = Extract<
  Expecting,
  'name' | 'phone' | 'idNumber' | 'township' | 'address' | 'category' | 'respondent' | 'facts' | 'demands' | 'peopleCount' | 'representatives' | 'priorPetition'
>;

/** Where the matter already is; anything but none/earlier_petition has its own lawful channel. */
export type PriorPetition =
  | 'none'
  | 'earlier_petition'
  | 'litigation'
  | 'arbitration'
  | 'reconsideration'
  | 'lower_level'
  | 'recheck_closed';

export interface Representative {
  name: string;
  phone: string | null;
}

export type PeopleUnit = 'people' | 'households';
export type IdType = 'resident' | 'passport';

export type CaseLookupAction = 'status' | 'supplement' | 'review' | 'rate';

/** The forms the one form engine runs (src/dialog/form); their specs live in src/dialog/forms. */
export type FormName = 'intake' | 'screening' | 'lookup' | 'supplement' | 'review' | 'rating' | 'reception';

/**
 * An open form: only its slots, the step being asked and how often in a row, and
 * what the citizen said that could not be read. Everything else (the next question,
 * the summary, `expecting`) is derived from the form's spec.
 */
export interface FormState {
  form: FormName;
  /** Random id: with the conversation id, the submission's idempotency key. */
  id: string;
  slots: Record<string, unknown>;
  /** The step asked now (a slot, a gate such as consent, `confirm` or `cancelCheck`); null before the first question. */
  asking: string | null;
  /** Times `asking` was put to the citizen in a row. */
  asks: number;
  /** Answers to `asking` that could not be read, in a row: the second makes the step give up. */
  fails?: number;
  /** The citizen's own words for a step that could not be read (kept for staff). */
  notes: Record<string, string>;
  /** Facts of the form that are not slots (consent stamp, triage seen, risk flag, …). */
  meta: Record<string, unknown>;
}

/** The case this conversation may act on (verified by code or filed here). */
export interface VerifiedCase {
  caseNumber: string;
  /** End of the review window (ISO) when it was last opened and still open. */
  reviewUntil: string | null;
}

export interface ConversationState {
  v: 2;
  locale: Locale;
  /** Derived from the top form after every turn; stored for the API and the channels. */
  expecting: Expecting | null;
  /** Open forms, the active one last: a case lookup may sit on top of a petition draft. */
  forms: FormState[];
  /** A draft the citizen stopped a moment ago, kept so "还是登记吧" can bring it back. */
  parked: FormState | null;
  verified: VerifiedCase | null;
  /** Misunderstood messages in a row; two offer a person. */
  misunderstood: number;
  handoff: { reason: 'requested' | 'risk' | 'fallback'; at: string } | null;
  /** The last committed petition, so a repeated confirm shows it again instead of filing twice. */
  lastSubmitted: FiledPetition | null;
  /** The last committed screening report, so a repeated confirm shows it again. */
  lastReport?: { reportId: string; caseNumber: string } | null;
  /** Buttons of the last reply: typing one's label is pressing it. */
  offered?: Button[];
}

/** The petition just filed: enough to say which unit handles it and by when it is accepted. */
export interface FiledPetition {
  intakeId: string;
  caseNumber: string;
  queryCode: string;
  /** Kind and township as filed (absent in states saved before they were kept). */
  category?: string | null;
  township?: string | null;
  /** When it was filed (ISO), the start of the acceptance deadline. */
  filedAt?: string;
}

export interface Button {
  label: string;
  payload: string;
}

export interface Reply {
  text: string;
  buttons?: Button[];
}

export interface TurnInput {
  text: string | null;
  /** A button's payload, when the citizen pressed one. */
  payload: string | null;
  /** Explicit locale from the channel (a language switch); the message's language otherwise. */
  locale: Locale | null;
}

/** A petition ready to be committed: every required slot filled and validated. */
export interface PetitionDraft {
  intakeId: string;
  /** null: an anonymous report against officials, or a name the citizen did not give. */
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  idType: IdType | null;
  township: string | null;
  address: string | null;
  category: string;
  respondent: string | null;
  facts: string;
  demands: string;
  peopleCount: number;
  peopleUnit: PeopleUnit;
  representatives: Representative[];
  priorPetition: PriorPetition;
  /** The citizen's own words about earlier handling. */
  priorDetail: string | null;
  /** Words the bot kept for staff where a field could not be read. */
  notes: Record<string, string>;
  anonymous: boolean;
  consent: { at: string; version: string };
  locale: Locale;
  /** A message of the intake screened as a risk (early warning). */
  riskFlag?: boolean;
}

export type Effect =
  | { type: 'submit_petition'; draft: PetitionDraft }
  | { type: 'lookup_case'; caseNumber: string; queryCode: string }
  | { type: 'open_own_case'; caseNumber: string }
  /** Shows again the case this conversation verified earlier (state.followUp.verifiedCase). */
  | { type: 'reopen_case'; caseNumber: string }
  | { type: 'list_my_cases' }
  | { type: 'add_supplement'; caseNumber: string; text: string }
  | { type: 'rate_case'; caseNumber: string; stage: 'acceptance' | 'handling'; rating: Rating }
  | { type: 'request_review'; caseNumber: string; reason: string }
  | { type: 'request_handoff'; reason: 'requested' | 'risk' | 'fallback' }
  | { type: 'withdraw_handoff' }
  | { type: 'record_outcome'; kind: 'redirected' | 'cancelled'; detail: string }
  /** The citizen's answer to the 30-day callback question; caseNumber null: typed right after the question. */
  | { type: 'answer_follow_up'; caseNumber: string | null; answer: 'yes' | 'no' }
  | ScreeningEffect
  | ReceptionEffect;

export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

type PublicFields =
  | 'caseNumber' | 'status' | 'category' | 'unit' | 'coUnit' | 'createdAt' | 'acceptDueAt' | 'acceptedAt' | 'replyDueAt' | 'repliedAt'
  | 'reviewRequestedAt';

/** What a citizen may see of a case (no personal data, no internal events). */
export interface PublicCaseView extends Pick<OnTheWire<CaseFields>, PublicFields>, Partial<Pick<OnTheWire<CaseFields>, 'reviewRepliedAt'>> {
  /** After the review's answer: the end of the window to ask the body above for a re-examination (复核). */
  recheckUntil?: string | null;
  ratings: { acceptance: Rating | null; handling: Rating | null };
  timeline: { at: string; kind: string; note: string | null }[];
}

export type EffectEvent =
  | { type: 'petition_submitted'; intakeId: string; caseNumber: string; queryCode: string }
  | { type: 'case_opened'; view: PublicCaseView }
  | { type: 'case_not_verified'; locked: boolean }
  | { type: 'my_cases'; items: { caseNumber: string; status: CaseStatus; createdAt: string }[] }
  | { type: 'supplement_added'; caseNumber: string }
  | { type: 'case_rated'; caseNumber: string; stage: 'acceptance' | 'handling'; rating: Rating }
  | { type: 'rating_refused'; reason: 'already_rated' | 'not_yet' }
  | { type: 'review_requested'; caseNumber: string }
  | { type: 'review_refused'; reason: 'not_replied' | 'window_closed' | 'already_requested'; dueAt: string | null }
  | CallbackAnswerEvent
  | ScreeningEvent
  | ReceptionEvent;

/** What became of an answer to the callback question (see src/app/callback/answer-callback.ts). */
export type CallbackAnswerEvent =
  | {
      type: 'follow_up_recorded';
      caseNumber: string;
      /** The answer on record (the first one, when this was a repeat). */
      resolved: boolean;
      /** The case had an answer already: nothing was written. */
      already: boolean;
      /** Whether a review can still be requested (open), was requested, or the window passed (closed). */
      review: 'open' | 'requested' | 'closed';
      reviewUntil: string | null;
    }
  /** A button of a case that is not this citizen's, or that was never asked about. */
  | { type: 'follow_up_not_found' }
  /** Typed yes/no, but no callback question was waiting for it. */
  | { type: 'follow_up_not_pending'; answer: 'yes' | 'no' };

export interface TurnContext {
  /** The message's NLU (null for a button press without text). */
  nlu: NluResult | null;
  now: Date;
  county: CountyConfig;
  /** Readers for parts of a message (an answer beside a question). */
  readers: Readers;
  /** The grid worker this chat is bound to (looked up by the app before the turn); absent for citizens. */
  grid?: GridWorkerContext | null;
}

export interface TurnResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}

export function initialState(locale: Locale = 'zh'): ConversationState {
  return { v: 2, locale, expecting: null, forms: [], parked: null, verified: null, misunderstood: 0, handoff: null, lastSubmitted: null };
}
