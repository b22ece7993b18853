/** Calendar arithmetic on plain year/month/day triples (no time zones inside). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DEFAULT_OFFSET_MIN = 480;

/** Today's date in the county's local time. */
export function localToday(now: Date, utcOffsetMinutes = DEFAULT_OFFSET_MIN): Ymd {
  const t = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isValidYmd({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function addDays({ y, m, d }: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** First day of the month `delta` months from the given one. */
export function monthStart({ y, m }: Ymd, delta = 0): Ymd {
  const t = new Date(Date.UTC(y, m - 1 + delta, 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: 1 };
}

export const compareYmd = (a: Ymd, b: Ymd) => a.y - b.y || a.m - b.m || a.d - b.d;

export const formatYmd = ({ y, m, d }: Ymd) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A month/day said without a year is the most recent one: this year's, or last
 * year's when this year's is still ahead (petitions report the past).
 */
export function pastYearFor(m: number, d: number, today: Ymd): Ymd | null {
  const thisYear = { y: today.y, m, d };
  if (isValidYmd(thisYear) && compareYmd(thisYear, today) <= 0) return thisYear;
  const lastYear = { y: today.y - 1, m, d };
  return isValidYmd(lastYear) ? lastYear : null;
}

/** One date pattern: a global regex and how its match becomes a date. */
export interface DateRule {
  re: RegExp;
  resolve: (m: RegExpExecArray, today: Ymd) => Ymd | null;
}
