/**
 * Unit performance (contract: GET /api/stats/units): one item per unit code of the
 * county — every department and every township government (`town:<name>`) — over
 * the cases created in a period of county-local days. A case counts for its
 * competent unit and for its 属地 township (see unit-stats-ports.ts).
 *
 * Per item: received; acceptedOnTime (accepted at or before the acceptance
 * deadline); repliedOnTime (replied at or before the reply deadline, extension
 * included); overdue (open and past due now); extensions (cases extended); repeat
 * (cases flagged repeat); satisfactionRate and settlementRate with the dashboard's
 * definitions (get-stats.ts), null when there is nothing to rate; superviseNotices /
 * superviseAnswered (notices issued to the unit in the period / answered by now).
 *
 * Scope: admin, supervisors and the bureau's intake get every unit; a handler gets
 * their own unit's item only; other roles are refused (403).
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { rate, SATISFIED_RATINGS } from './get-stats.ts';
import { settlementOfGroups } from './unit-settlement.ts';
import type { StatsPeriod } from './stats-period.ts';
import type { UnitAggregates, UnitCaseCounts, UnitStatsRepository } from '../../ports/unit-stats-ports.ts';

export interface UnitStatsDeps {
  unitStats: UnitStatsRepository;
  county: CountyConfig;
  clock: Clock;
}

export interface UnitStatsItem {
  unit: string;
  received: number;
  acceptedOnTime: number;
  repliedOnTime: number;
  overdue: number;
  extensions: number;
  satisfactionRate: number | null;
  settlementRate: number | null;
  repeat: number;
  superviseNotices: number;
  superviseAnswered: number;
}

/** An item with the group and risk counts the monthly report also shows. */
export interface UnitPerformance extends UnitStatsItem {
  group: number;
  risk: number;
}

const ROLES: readonly StaffPrincipal['role'][] = ['admin', 'intake', 'supervisor', 'handler'];

/** Every unit code of the county: departments first (config order), then township governments. */
export const countyUnitCodes = (cfg: CountyConfig): string[] => [...cfg.units.map((u) => u.code), ...cfg.townships.map((t) => `town:${t.name}`)];

export const isTownshipCode = (code: string) => code.startsWith('town:');

const ZERO: Omit<UnitCaseCounts, 'code'> = { received: 0, acceptedOnTime: 0, repliedOnTime: 0, overdue: 0, extensions: 0, repeat: 0, group: 0, risk: 0, ratingsGiven: 0, ratingsSatisfied: 0 };

/** The unit codes a caller may see: undefined for all of them. */
export function unitCodesFor(who: StaffPrincipal, cfg: CountyConfig): string[] | undefined {
  if (!ROLES.includes(who.role)) throw new AppError('forbidden', 'your role may not see unit performance');
  const scope = caseScopeOf(who, cfg);
  return scope.all ? undefined : [...scope.units];
}

export async function getUnitPerformance(deps: UnitStatsDeps, who: StaffPrincipal, period: StatsPeriod): Promise<UnitPerformance[]> {
  const codes = unitCodesFor(who, deps.county);
  const now = deps.clock.now();
  const agg = await deps.unitStats.aggregates({ range: period, now, utcOffsetMinutes: deps.county.utcOffsetMinutes, codes, satisfiedRatings: SATISFIED_RATINGS });
  const known = codes ?? countyUnitCodes(deps.county);
  const extra = codes ? [] : agg.cases.map((c) => c.code).filter((c) => !known.includes(c));
  return [...known, ...new Set(extra)].map((code) => itemOf(code, agg, deps.county, now));
}

export async function getUnitStats(deps: UnitStatsDeps, who: StaffPrincipal, period: StatsPeriod): Promise<{ items: UnitStatsItem[] }> {
  const rows = await getUnitPerformance(deps, who, period);
  return { items: rows.map(({ group: _g, risk: _r, ...item }) => item) };
}

export function itemOf(code: string, agg: UnitAggregates, cfg: CountyConfig, now: Date): UnitPerformance {
  const c = agg.cases.find((x) => x.code === code) ?? { code, ...ZERO };
  const settlement = settlementOfGroups(
    agg.replied.filter((r) => r.code === code),
    now,
    cfg,
  );
  const notices = agg.notices.find((n) => n.code === code);
  return {
    unit: code,
    received: c.received,
    acceptedOnTime: c.acceptedOnTime,
    repliedOnTime: c.repliedOnTime,
    overdue: c.overdue,
    extensions: c.extensions,
    satisfactionRate: c.ratingsGiven === 0 ? null : rate(c.ratingsSatisfied, c.ratingsGiven),
    settlementRate: settlement.decided === 0 ? null : rate(settlement.settled, settlement.decided),
    repeat: c.repeat,
    superviseNotices: notices?.issued ?? 0,
    superviseAnswered: notices?.answered ?? 0,
    group: c.group,
    risk: c.risk,
  };
}
