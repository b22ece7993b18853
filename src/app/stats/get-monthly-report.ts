/**
 * The monthly report (月度报告) of one unit or of the county: the month's cases by
 * category and township, timeliness, satisfaction and settlement, repeat, group and
 * risk matters, supervision notices, and the units ranked — every figure with the
 * definitions of unit performance (get-unit-stats.ts), no personal data.
 *
 * Who: admin, supervisors and the bureau's intake for the county or any unit; a
 * handler for their own unit only (and the ranking then shows their unit alone).
 * Downloads are audited (auditReportDownload) by the route once delivered.
 */
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { AuditLog } from '../../ports/audit-ports.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { SATISFIED_RATINGS } from './get-stats.ts';
import { countyUnitCodes, getUnitPerformance, isTownshipCode, itemOf, unitCodesFor, type UnitPerformance, type UnitStatsDeps } from './get-unit-stats.ts';
import type { FlaggedCase, IssuedNotice, ReportRepository, ReportTarget } from '../../ports/report-ports.ts';
import { parsePeriod, type StatsPeriod } from './stats-period.ts';
import { listLedCases, type LedCases, type LedCasesDeps } from '../backlog/list-led-cases.ts';

export const REPORT_LIST_LIMIT = 100;
export const COUNTY = 'county';

export interface MonthlyReportDeps extends UnitStatsDeps {
  reports: ReportRepository;
  audit: AuditLog;
  /** The cases in leaders' charge (包案); without it the report has no such section. */
  led?: LedCasesDeps;
}

export interface MonthlyReportQuery {
  /** YYYY-MM; default the current local month. */
  month?: string | undefined;
  /** A unit code or `county`; default the handler's unit, else the county. */
  unit?: string | undefined;
}

export interface MonthlyReport {
  month: string;
  /** `county` or a unit code. */
  unit: string;
  unitName: string;
  period: StatsPeriod;
  generatedAt: Date;
  summary: UnitPerformance;
  byCategory: Record<string, number>;
  byTownship: Record<string, number>;
  flagged: FlaggedCase[];
  notices: IssuedNotice[];
  ranking: { units: UnitPerformance[]; townships: UnitPerformance[] };
  /** The caller sees their own unit only: the ranking holds that unit alone. */
  rankingRestricted: boolean;
  /** Open cases in leaders' charge when the report was made (the unit's, or the county's). */
  led?: LedCases | undefined;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthPeriod(month: string, now: Date, cfg: CountyConfig): StatsPeriod {
  const m = MONTH.exec(month);
  if (!m) throw new AppError('bad_request', 'invalid query: month must be YYYY-MM');
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return parsePeriod({ from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }, now, cfg.utcOffsetMinutes);
}

function targetFor(who: StaffPrincipal, cfg: CountyConfig, requested: string | undefined): string {
  const allowed = unitCodesFor(who, cfg);
  const unit = requested || (allowed ? allowed[0] : COUNTY);
  if (!unit) throw new AppError('forbidden', 'your account has no unit to report on');
  if (unit !== COUNTY && !countyUnitCodes(cfg).includes(unit)) throw new AppError('bad_request', `unknown unit "${unit}"`);
  if (allowed && !allowed.includes(unit)) throw new AppError('forbidden', "you may see your own unit's report only");
  return unit;
}

/** Fewer cases overdue first, then a larger share replied on time, then more cases received. */
export function rankUnits(rows: readonly UnitPerformance[]): UnitPerformance[] {
  const share = (r: UnitPerformance) => (r.received === 0 ? -1 : r.repliedOnTime / r.received);
  return [...rows].sort((a, b) => a.overdue - b.overdue || share(b) - share(a) || b.received - a.received);
}

export async function getMonthlyReport(deps: MonthlyReportDeps, who: StaffPrincipal, q: MonthlyReportQuery): Promise<MonthlyReport> {
  const now = deps.clock.now();
  const cfg = deps.county;
  const month = q.month || new Date(now.getTime() + cfg.utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
  const period = monthPeriod(month, now, cfg);
  const unit = targetFor(who, cfg, q.unit);
  const target: ReportTarget = unit === COUNTY ? { county: true } : { county: false, code: unit };
  const agg = await deps.unitStats.aggregates({
    range: period,
    now,
    utcOffsetMinutes: cfg.utcOffsetMinutes,
    satisfiedRatings: SATISFIED_RATINGS,
    ...(target.county ? { county: true } : { codes: [unit] }),
  });
  const volumes = await deps.reports.volumes(period, target);
  const flagged = await deps.reports.flaggedCases(period, target, REPORT_LIST_LIMIT);
  const notices = await deps.reports.noticesIssued(period, target, REPORT_LIST_LIMIT);
  const rows = rankUnits(await getUnitPerformance(deps, who, period));
  return {
    month,
    unit,
    unitName: unit === COUNTY ? cfg.county.name.zh : unitName(cfg, unit, 'zh'),
    period,
    generatedAt: now,
    summary: itemOf(unit, agg, cfg, now),
    ...volumes,
    flagged,
    notices,
    ranking: { units: rows.filter((r) => !isTownshipCode(r.unit)), townships: rows.filter((r) => isTownshipCode(r.unit)) },
    rankingRestricted: unitCodesFor(who, cfg) !== undefined,
    led: deps.led ? await listLedCases(deps.led, { unit: unit === COUNTY ? null : unit }) : undefined,
  };
}

export async function auditReportDownload(deps: Pick<MonthlyReportDeps, 'audit'>, who: StaffPrincipal, r: MonthlyReport, format: 'html' | 'pdf'): Promise<void> {
  await deps.audit.write({
    actorId: who.id,
    action: 'report.monthly',
    target: `${r.month}:${r.unit}`,
    reason: null,
    data: { username: who.username, month: r.month, unit: r.unit, format },
  });
}
