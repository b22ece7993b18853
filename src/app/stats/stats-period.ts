/**
 * The period of the dashboard: county-local calendar days, both ends inclusive.
 * Default: the last 30 days ending today (local). Bad dates are a 400. Any span is
 * accepted (the counts are kept per day, so "since the first case" costs no more).
 */
import { endOfLocalDay, localDate } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import type { InstantRange } from '../../ports/stats-ports.ts';

export const DEFAULT_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

export interface StatsPeriod extends InstantRange {
  fromDate: string;
  toDate: string;
  days: number;
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function parsePeriod(q: { from?: unknown; to?: unknown }, now: Date, utcOffsetMinutes: number): StatsPeriod {
  const raw = (v: unknown, name: string): string | undefined => {
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !validDate(v)) throw new AppError('bad_request', `invalid query: ${name} must be a date YYYY-MM-DD`);
    return v;
  };
  const from0 = raw(q.from, 'from');
  const to0 = raw(q.to, 'to');
  const toDate = to0 ?? (from0 ? shiftDate(from0, DEFAULT_PERIOD_DAYS - 1) : localDate(now, utcOffsetMinutes));
  const fromDate = from0 ?? shiftDate(toDate, -(DEFAULT_PERIOD_DAYS - 1));
  const days = Math.round((Date.parse(toDate) - Date.parse(fromDate)) / DAY_MS) + 1;
  if (days < 1) throw new AppError('bad_request', 'invalid query: from must not be after to');
  return {
    fromDate,
    toDate,
    days,
    from: new Date(endOfLocalDay(shiftDate(fromDate, -1), utcOffsetMinutes).getTime() + 1),
    to: endOfLocalDay(toDate, utcOffsetMinutes),
  };
}
