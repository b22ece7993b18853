/**
 * The open cases in leaders' charge (包案) for the unit report and the monthly report:
 * each with its leader, how long it has been open and since when the leader holds it,
 * and counted per unit. No personal data.
 */
import { ageDays, receivedAtOf } from '../../domain/backlog/backlog.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { StaffRepository } from '../../ports/staff-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { BacklogRepository } from '../../ports/backlog-ports.ts';
import type { LeaderRef } from './list-backlog.ts';

export interface LedCasesDeps {
  backlog: Pick<BacklogRepository, 'ledCases' | 'ledCounts'>;
  staff: Pick<StaffRepository, 'list'>;
  county: CountyConfig;
  clock: Clock;
}

export interface LedCase {
  caseNumber: string;
  status: string;
  unit: string;
  township: string | null;
  receivedAt: Date;
  ageDays: number;
  leader: LeaderRef;
  leaderSince: Date | null;
}

export interface LedCases {
  items: LedCase[];
  /** Per unit (the competent unit) of the caller's scope: all open cases in leaders' charge, and the leaders. */
  byUnit: { unit: string; count: number; leaders: string[] }[];
}

const LIMIT = 200;

/** The caller's own scope (the unit report), or a report's target unit or the county (its access checked by the report). */
export async function listLedCases(deps: LedCasesDeps, target: { who: StaffPrincipal } | { unit: string | null }): Promise<LedCases> {
  const scope: CaseScope = 'who' in target ? caseScopeOf(target.who, deps.county) : { all: true };
  const unit = 'unit' in target ? (target.unit ?? undefined) : undefined;
  const [rows, counts, staff] = await Promise.all([deps.backlog.ledCases(scope, { unit, limit: LIMIT }), deps.backlog.ledCounts(scope), deps.staff.list()]);
  const names = new Map(staff.map((s) => [s.id, { username: s.username, displayName: s.displayName }]));
  const now = deps.clock.now();
  const items = rows.map((c) => ({
    caseNumber: c.caseNumber,
    status: c.status,
    unit: c.unit,
    township: c.township,
    receivedAt: receivedAtOf(c, deps.county.utcOffsetMinutes),
    ageDays: ageDays(receivedAtOf(c, deps.county.utcOffsetMinutes), now),
    leader: names.get(c.leaderStaffId!) ?? { username: '?', displayName: null },
    leaderSince: c.leaderSince,
  }));
  // Counted in the store, not from the listed items (at most LIMIT of them).
  const byUnit = new Map<string, { count: number; leaders: Set<string> }>();
  for (const c of counts) {
    const u = byUnit.get(c.unit) ?? { count: 0, leaders: new Set<string>() };
    const leader = names.get(c.leaderStaffId);
    u.count += c.count;
    u.leaders.add(leader ? (leader.displayName ?? leader.username) : '?');
    byUnit.set(c.unit, u);
  }
  return { items, byUnit: [...byUnit.entries()].map(([u, v]) => ({ unit: u, count: v.count, leaders: [...v.leaders] })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit)) };
}
