/**
 * 包案: a supervisor (or the admin) puts a hard case in the charge of a named leader —
 * a staff account of role supervisor — or takes it off them (`leader: null`). Only
 * while the case is open, with a reason; the change is an internal timeline event
 * and an audit entry (who, from, to, why) in one transaction, like every case action,
 * and the competent unit is alerted that a leader now holds its case.
 */
import { isOpenStatus } from '../../domain/case/lifecycle.ts';
import { AppError } from '../../domain/errors.ts';
import type { StaffRepository } from '../../ports/staff-ports.ts';
import type { CaseDto } from '../cases/case-dto.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { caseAfter, cleanText, commitTransition, loadForAction, type CaseActionDeps } from '../cases/case-action-kit.ts';

export interface LeaderInput {
  /** The leader's username, or null to take the case off its leader. */
  leader: string | null;
  reason: string;
}

export interface AssignLeaderDeps extends CaseActionDeps {
  staff: Pick<StaffRepository, 'findByUsername' | 'findById'>;
}

/** Who puts cases in a leader's charge: the supervisors (leaders) themselves and the admin. */
export const mayAssignLeader = (who: Pick<StaffPrincipal, 'role'>) => who.role === 'supervisor' || who.role === 'admin';

export async function assignLeader(deps: AssignLeaderDeps, who: StaffPrincipal, caseNumber: string, input: LeaderInput): Promise<CaseDto> {
  if (!mayAssignLeader(who)) throw new AppError('forbidden', `a ${who.role} may not put a case in a leader's charge`);
  const state = await loadForAction(deps, who, caseNumber);
  if (!isOpenStatus(state.status)) throw new AppError('conflict', `a case that is ${state.status} gets no leader in charge`, { status: state.status });
  const reason = cleanText(input.reason);
  if (!reason) throw new AppError('bad_request', 'putting a case in a leader\'s charge needs a reason');
  const leader = input.leader === null ? null : await deps.staff.findByUsername(input.leader.trim());
  if (input.leader !== null && (!leader || leader.disabled || leader.role !== 'supervisor')) {
    throw new AppError('bad_request', `"${input.leader}" is not a leader (an active staff account of role supervisor)`);
  }
  const to = leader?.id ?? null;
  if (to === state.leaderStaffId) throw new AppError('bad_request', to ? 'that leader is already in charge of the case' : 'the case has no leader in charge');
  const before = state.leaderStaffId ? await deps.staff.findById(state.leaderStaffId) : null;
  const now = deps.clock.now();
  await commitTransition(deps, who, state, {
    to: state.status,
    set: { leaderStaffId: to, leaderSince: to ? now : null },
    at: now,
    kind: 'assign_leader',
    public: false,
    note: leader ? `包案领导 Leader in charge: ${leader.username} · ${reason}` : `取消包案 Leader removed · ${reason}`,
    data: { fromLeader: before?.username ?? null, toLeader: leader?.username ?? null },
    reason,
    notice: null,
    alert: leader
      ? { kind: 'leader_assigned', dedupeKey: `leader:${state.id}:${leader.id}:${now.getTime()}`, unit: state.unit, message: `${leader.displayName ?? leader.username} 包案 Leader in charge: ${reason}` }
      : null,
  });
  return caseAfter(deps, who, state.caseNumber);
}
