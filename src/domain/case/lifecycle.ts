/**
 * The case lifecycle as an explicit state machine over the contract's statuses:
 * which action moves a case from which status to which, who may take it, and the
 * timeline event it writes (public events are shown and pushed to the citizen).
 */
import type { StaffRole } from '../county/schema.ts';

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'not_accepted',
  'transferred',
  'in_progress',
  'extended',
  'replied',
  'review_requested',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Actor = StaffRole | 'citizen' | 'system';

export type CaseAction =
  | 'accept'
  | 'not_accept'
  | 'transfer'
  | 'start_handling'
  | 'note'
  | 'extend'
  | 'reply'
  | 'request_review'
  | 'review_reply'
  | 'close';

export interface Transition {
  action: CaseAction;
  from: readonly CaseStatus[];
  /** undefined: the status does not change (a progress note). */
  to: CaseStatus | undefined;
  actors: readonly Actor[];
  /** Public events reach the citizen; `note` decides per note. */
  public: boolean | 'per_event';
}

const WORKERS: readonly Actor[] = ['admin', 'intake', 'handler'];
const OPEN: readonly CaseStatus[] = ['submitted', 'transferred', 'accepted', 'in_progress', 'extended', 'review_requested'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['submitted', 'transferred'], to: 'accepted', actors: WORKERS, public: true },
  { action: 'not_accept', from: ['submitted', 'transferred'], to: 'not_accepted', actors: WORKERS, public: true },
  { action: 'transfer', from: ['submitted', 'transferred', 'accepted'], to: 'transferred', actors: ['admin', 'intake'], public: true },
  { action: 'start_handling', from: ['accepted'], to: 'in_progress', actors: WORKERS, public: true },
  { action: 'note', from: OPEN, to: undefined, actors: WORKERS, public: 'per_event' },
  { action: 'extend', from: ['accepted', 'in_progress'], to: 'extended', actors: WORKERS, public: true },
  { action: 'reply', from: ['accepted', 'in_progress', 'extended'], to: 'replied', actors: WORKERS, public: true },
  // Also after a close: a review asked inside the window reopens the case (review.ts checks the window).
  { action: 'request_review', from: ['replied', 'closed'], to: 'review_requested', actors: ['citizen', 'intake', 'admin'], public: true },
  // The review body's answer (复查意见): its staff act as handlers of its unit (review.ts mayAnswerReview).
  { action: 'review_reply', from: ['review_requested'], to: 'replied', actors: ['admin', 'handler'], public: true },
  { action: 'close', from: ['replied', 'not_accepted'], to: 'closed', actors: ['admin', 'intake'], public: true },
];

export type TransitionCheck =
  | { ok: true; transition: Transition; to: CaseStatus }
  | { ok: false; reason: 'invalid_transition' | 'not_allowed' };

/** Whether `actor` may take `action` on a case in `status`, and where it leads. */
export function checkTransition(status: CaseStatus, action: CaseAction, actor: Actor): TransitionCheck {
  const t = TRANSITIONS.find((x) => x.action === action && x.from.includes(status));
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.actors.includes(actor)) return { ok: false, reason: 'not_allowed' };
  return { ok: true, transition: t, to: t.to ?? status };
}

/** The actions open to an actor on a case in a status (for buttons in the console). */
export function availableActions(status: CaseStatus, actor: Actor): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.actors.includes(actor)).map((t) => t.action);
}

export const isOpenStatus = (s: CaseStatus) => OPEN.includes(s);

export function isCaseStatus(s: string): s is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(s);
}

export const CASE_FLAGS = ['group', 'risk', 'repeat', 'overdue'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

/**
 * How a staff member stands to a case: the bureau's side (every case), its competent
 * unit (谁主管、谁负责), or a co-handler (the 属地 township, or a unit the bureau added).
 */
export type CaseRelation = 'bureau' | 'competent' | 'co_handler';

/** A co-handler sees the case and writes notes; every decision is the competent unit's or the bureau's. */
export const CO_HANDLER_ACTIONS: readonly CaseAction[] = ['note'];

export const relationAllows = (relation: CaseRelation, action: CaseAction): boolean =>
  relation !== 'co_handler' || CO_HANDLER_ACTIONS.includes(action);
