/**
 * The steps every staff action on a case shares, so each use case reads as: load
 * within the caller's scope, guard by the lifecycle table, commit one transition,
 * then tell the citizen. Errors are AppErrors with the documented codes:
 * not_found (missing or out of scope), forbidden (the role may never take the
 * action), conflict (the status does not allow it, or a concurrent action won).
 */
import { checkTransition, relationAllows, TRANSITIONS, type CaseAction, type CaseRelation, type CaseStatus, type Transition } from '../../domain/case/lifecycle.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';
import type { CaseActionRepository, CaseActionState, CaseTransitionWrite } from '../../ports/case-action-ports.ts';
import type { OutboxStore } from '../../ports/outbox-ports.ts';
import type { CaseRepository } from '../../ports/case-ports.ts';
import { toCaseDto, type CaseDto } from './case-dto.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { HoldingRepository, PlanRepository } from '../../ports/plan-ports.ts';
import { holdingChangeOf } from './record-holding-change.ts';
import type { NoticeLinkSigner } from './notice-link.ts';

export interface CaseActionDeps {
  cases: CaseRepository;
  actions: CaseActionRepository;
  outbox: Pick<OutboxStore, 'enqueue'>;
  county: CountyConfig;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
  /** Emergency plans (closing checks open steps) and who has held the case. */
  plans: PlanRepository;
  holdings: HoldingRepository;
  /** Signs the citizen's links to written notices; without it the chat names the notice without a link. */
  noticeLinks?: NoticeLinkSigner;
}

/** The case as the caller may see it; a case outside the scope is a 404 like a missing one. */
export async function loadForAction(deps: CaseActionDeps, who: StaffPrincipal, rawNumber: string): Promise<CaseActionState> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const state = caseNumber ? await deps.actions.findState(caseNumber, caseScopeOf(who, deps.county)) : null;
  if (!state) throw new AppError('not_found', 'no such case');
  return state;
}

/** Whether a role may ever take the action (in any status). */
export const roleMayTake = (action: CaseAction, role: StaffPrincipal['role']) =>
  TRANSITIONS.some((t) => t.action === action && t.actors.includes(role));

/**
 * The caller's standing on a case it can see: the bureau's side (admin, the bureau's
 * intake: a scope over every case), the competent unit, or a co-handler.
 */
export function relationOf(who: StaffPrincipal, state: Pick<CaseActionState, 'unit'>, county: CountyConfig): CaseRelation {
  if (caseScopeOf(who, county).all && who.role !== 'supervisor') return 'bureau';
  return who.unit !== null && who.unit === state.unit ? 'competent' : 'co_handler';
}

/**
 * The lifecycle's verdict. A role that may never take the action is refused (403)
 * before the status is considered, so a read-only role always gets the same answer;
 * so is a co-handler for anything but a note (decisions are the competent unit's
 * and the bureau's).
 */
export function guardAction(
  deps: Pick<CaseActionDeps, 'county'>,
  state: Pick<CaseActionState, 'status' | 'unit'>,
  action: CaseAction,
  who: StaffPrincipal,
): { transition: Transition; to: CaseStatus } {
  const { status } = state;
  if (!roleMayTake(action, who.role)) throw new AppError('forbidden', `a ${who.role} may not ${action.replace('_', ' ')} a case`);
  if (!relationAllows(relationOf(who, state, deps.county), action)) {
    throw new AppError('forbidden', `only the competent unit or the bureau may ${action.replace('_', ' ')} this case; a co-handler may add notes`);
  }
  const check = checkTransition(status, action, who.role);
  if (check.ok) return { transition: check.transition, to: check.to };
  if (check.reason === 'not_allowed') throw new AppError('forbidden', `a ${who.role} may not ${action.replace('_', ' ')} a case`);
  throw new AppError('conflict', `a case that is ${status} cannot be given the action ${action}`, { status });
}

/** The event's public flag: the table's, or the staff member's choice where the table leaves it to each event. */
export const publicFlag = (t: Transition, chosen: boolean): boolean => (t.public === 'per_event' ? chosen : t.public);

export type TransitionInput = Omit<CaseTransitionWrite, 'caseId' | 'caseNumber' | 'from' | 'actorId' | 'holding'>;

/**
 * Commits the transition with its holding change in one transaction; a concurrent
 * action that changed the status first makes this a 409.
 */
export async function commitTransition(deps: CaseActionDeps, who: StaffPrincipal, state: CaseActionState, w: TransitionInput): Promise<void> {
  const holding = holdingChangeOf(state, w);
  const outcome = await deps.actions.applyTransition({ ...w, caseId: state.id, caseNumber: state.caseNumber, from: state.status, actorId: who.id, holding });
  if (outcome === 'conflict') throw new AppError('conflict', 'the case was changed by someone else meanwhile; reload it');
}

/**
 * After commit: pushes a message to the citizen's own channel through the outbox.
 * The action has happened either way, so a failure here is logged, not thrown.
 * A transition's own notice goes in its write instead (`notice`, see noticeFor):
 * queued in the same transaction, a crash cannot lose it.
 */
export async function notifyCitizen(deps: CaseActionDeps, state: CaseActionState, text: string, at: Date): Promise<void> {
  if (!state.conversationId) return;
  try {
    await deps.outbox.enqueue(state.conversationId, [{ author: 'system', text }], at);
  } catch (err) {
    deps.log.warn({ err, caseNumber: state.caseNumber }, 'case notice not queued');
  }
}

/** The case after the action, in the contract's shape (masked). */
export async function caseAfter(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string): Promise<CaseDto> {
  // A transfer may take the case out of a scoped caller's view; the caller just acted on it.
  const kase =
    (await deps.cases.findByNumber(caseNumber, caseScopeOf(who, deps.county))) ?? (await deps.cases.findByNumber(caseNumber, { all: true }));
  if (!kase) throw new AppError('not_found', 'no such case');
  return toCaseDto(kase, { reveal: false });
}

/** Trimmed text without control characters other than tab and newline; empty → null. */
export function cleanText(s: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const t = (s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC').trim();
  return t === '' ? null : t;
}
