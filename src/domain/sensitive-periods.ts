/**
 * Sensitive periods (敏感时期: national meetings, anniversaries), from the county
 * config: local dates, both ends included. In one, early warning is raised one level
 * (a possible risk alerts staff as a risk does) and the risk and group cases filed in
 * it are marked with the period's name.
 */
import { localDate } from './deadlines.ts';
import type { CountyConfig } from './county/schema.ts';

export type SensitivePeriod = CountyConfig['sensitivePeriods'][number];

/** The period the local day falls in (the first listed when they overlap), or null. */
export function sensitivePeriodOn(periods: readonly SensitivePeriod[], day: string): SensitivePeriod | null {
  return periods.find((p) => p.from <= day && day <= p.to) ?? null;
}

/** The period an instant falls in, in the county's local time. */
export function sensitivePeriodAt(cfg: Pick<CountyConfig, 'sensitivePeriods' | 'utcOffsetMinutes'>, at: Date): SensitivePeriod | null {
  return sensitivePeriodOn(cfg.sensitivePeriods, localDate(at, cfg.utcOffsetMinutes));
}

/** The period a case filed at `at` with these flags is marked with: only risk and group cases are. */
export function sensitiveMarkOf(cfg: Pick<CountyConfig, 'sensitivePeriods' | 'utcOffsetMinutes'>, flags: readonly string[], at: Date): string | null {
  if (!flags.includes('risk') && !flags.includes('group')) return null;
  return sensitivePeriodAt(cfg, at)?.name.zh ?? null;
}

/**
 * The alert a possible risk in a chat raises: `risk_possible`, or in a sensitive period
 * one level up, `risk` — what staff see for a risk.
 */
export function possibleRiskAlertKind(period: SensitivePeriod | null): 'risk' | 'risk_possible' {
  return period ? 'risk' : 'risk_possible';
}

/** The next period that has not ended by `day` (the current one, else the next to come), for the dashboard. */
export function currentOrNextPeriod(periods: readonly SensitivePeriod[], day: string): { period: SensitivePeriod; current: boolean } | null {
  const ahead = periods.filter((p) => p.to >= day).sort((a, b) => a.from.localeCompare(b.from));
  const now = sensitivePeriodOn(ahead, day);
  if (now) return { period: now, current: true };
  return ahead[0] ? { period: ahead[0], current: false } : null;
}
