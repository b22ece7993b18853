/**
 * The dashboard's numbers (contract: GET /api/stats), for cases created in a period
 * of county-local days, scoped like the case list (caseScopeOf): admin, supervisors
 * and the bureau's intake see the county; a handler sees the cases of their unit
 * (competent or co-handling, never a conduct case naming the unit); grid workers are
 * refused at the route.
 *
 * Definitions (all over cases created in the period):
 * - overdue / risk / group: cases carrying that flag.
 * - repeatRate: cases flagged `repeat` / total.
 * - satisfactionRate: ratings 满意 (satisfied) + 基本满意 (basically_satisfied) / all
 *   ratings given; a case's acceptance rating and handling rating each count as one.
 * - settlementRate (息诉率): settled / decided replied cases (settlement.ts, shared with
 *   the unit statistics), where
 *   - a replied case is decided once its review window (reviewRequestDays after the
 *     reply; the case's stored reviewDueAt when set) has passed, or as soon as the
 *     citizen answered "no, not resolved" to the 30-day callback question;
 *   - it is settled when its window has passed with no review requested and the
 *     citizen did not answer "no" to the callback (a "yes" or no answer at all
 *     leaves the review-based verdict as it is).
 * Every rate is 0 when its denominator is 0, and is rounded to 4 decimals.
 */
import { CASE_STATUSES } from '../../domain/case/lifecycle.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { StatsRepository } from '../../ports/stats-ports.ts';
import { settlementVerdict } from './settlement.ts';
import type { StatsPeriod } from './stats-period.ts';

export interface StatsDeps {
  stats: StatsRepository;
  county: CountyConfig;
  clock: Clock;
}

export interface DashboardStats {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byTownship: Record<string, number>;
  overdue: number;
  risk: number;
  group: number;
  repeatRate: number;
  satisfactionRate: number;
  settlementRate: number;
}

export const SATISFIED_RATINGS = ['satisfied', 'basically_satisfied'] as const;

const DAY_MS = 86_400_000;

export const rate = (num: number, den: number) => (den === 0 ? 0 : Math.round((num / den) * 10_000) / 10_000);

function withZeros(keys: readonly string[], counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  for (const [k, n] of Object.entries(counts)) out[k] = n;
  return out;
}

export async function getDashboardStats(deps: StatsDeps, who: StaffPrincipal, period: StatsPeriod): Promise<DashboardStats> {
  const now = deps.clock.now();
  const c = await deps.stats.counts(caseScopeOf(who, deps.county), period, now);
  const ctx = { rules: deps.county.deadlines, utcOffsetMinutes: deps.county.utcOffsetMinutes };
  let decided = c.decided.settled + c.decided.unsettled;
  let settled = c.decided.settled;
  for (const r of c.replied) {
    const verdict = settlementVerdict(r, now, ctx);
    if (verdict === 'pending') continue;
    decided++;
    if (verdict === 'settled') settled++;
  }
  const ratingsGiven = Object.values(c.ratings).reduce((a, b) => a + b, 0);
  const satisfied = SATISFIED_RATINGS.reduce((a, k) => a + (c.ratings[k] ?? 0), 0);
  return {
    total: c.total,
    byStatus: withZeros(CASE_STATUSES, c.byStatus),
    byCategory: withZeros(
      deps.county.categories.map((x) => x.code),
      c.byCategory,
    ),
    byTownship: withZeros(
      deps.county.townships.map((x) => x.name),
      c.byTownship,
    ),
    overdue: c.flags.overdue,
    risk: c.flags.risk,
    group: c.flags.group,
    repeatRate: rate(c.flags.repeat, c.total),
    satisfactionRate: rate(satisfied, ratingsGiven),
    settlementRate: rate(settled, decided),
  };
}

/**
 * Cases created per local day, or per 7-day bucket when the period is long. A period
 * that starts before the first case ("since the first case") is charted from that case's day.
 */
export async function volumeSeries(deps: StatsDeps, who: StaffPrincipal, period: StatsPeriod): Promise<{ unit: 'day' | 'week'; buckets: { label: string; count: number }[] }> {
  const days = await deps.stats.dailyCounts(caseScopeOf(who, deps.county), period);
  const first = days[0]?.day;
  const fromDate = first && first > period.fromDate && period.days > 366 ? first : period.fromDate;
  const span = Math.round((Date.parse(period.toDate) - Date.parse(fromDate)) / DAY_MS) + 1;
  const unit = span > 62 ? 'week' : 'day';
  const size = unit === 'week' ? 7 : 1;
  const start = Date.parse(`${fromDate}T00:00:00.000Z`);
  const buckets = Array.from({ length: Math.ceil(span / size) }, (_, i) => ({
    label: new Date(start + i * size * DAY_MS).toISOString().slice(0, 10),
    count: 0,
  }));
  for (const d of days) {
    const i = Math.floor((Date.parse(`${d.day}T00:00:00.000Z`) - start) / (size * DAY_MS));
    if (i >= 0 && i < buckets.length) buckets[i]!.count += d.n;
  }
  return { unit, buckets };
}
