/**
 * The reception days to come, from the county config's schedule: fixed dates and
 * monthly rules expanded into sessions (one entry on one local day). A session is
 * bookable until `closeDaysBefore` days before it (0: up to the day before), while
 * it still has places; the day itself is for the visit.
 */
import { localDate } from '../deadlines.ts';
import type { ReceptionConfig, ReceptionDay } from './reception-schema.ts';

export interface ReceptionSession {
  /** The schedule entry's id: bookings are kept by it and the day. */
  sessionId: string;
  /** Local date, YYYY-MM-DD. */
  day: string;
  entry: ReceptionDay;
  /** Whether a booking may still be made (the day is far enough ahead). */
  bookable: boolean;
}

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number): string => iso(new Date(parseDay(day).getTime() + n * DAY_MS));

/** The nth (1–4, or -1: the last) ISO weekday (1 = Monday … 7 = Sunday) of a month; null when the month has none. */
export function nthWeekday(year: number, month: number, nth: number, weekday: number): string | null {
  const dow = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;
  if (nth === -1) {
    const last = new Date(Date.UTC(year, month, 0));
    return iso(new Date(last.getTime() - ((dow(last) - weekday + 7) % 7) * DAY_MS));
  }
  const first = new Date(Date.UTC(year, month - 1, 1));
  const d = new Date(first.getTime() + (((weekday - dow(first) + 7) % 7) + (nth - 1) * 7) * DAY_MS);
  return d.getUTCMonth() === month - 1 ? iso(d) : null;
}

/** The local days an entry falls on between two days (both included). */
function daysOf(entry: ReceptionDay, from: string, to: string): string[] {
  if (entry.date) return entry.date >= from && entry.date <= to ? [entry.date] : [];
  const rule = entry.monthly!;
  const out: string[] = [];
  const start = parseDay(from);
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1; `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++) {
    const day = nthWeekday(y, m, rule.nth, rule.weekday);
    if (day && day >= from && day <= to) out.push(day);
  }
  return out;
}

/**
 * The sessions from today to the horizon, soonest first (by day, then start time).
 * Today's session is listed (it is where the citizen may go) but not bookable.
 */
export function upcomingSessions(cfg: ReceptionConfig, now: Date, utcOffsetMinutes: number): ReceptionSession[] {
  const today = localDate(now, utcOffsetMinutes);
  const until = addDays(today, cfg.horizonDays);
  const lastBookable = addDays(today, cfg.closeDaysBefore);
  return cfg.days
    .flatMap((entry) => daysOf(entry, today, until).map((day) => ({ sessionId: entry.id, day, entry, bookable: day > lastBookable })))
    .sort((a, b) => a.day.localeCompare(b.day) || a.entry.from.localeCompare(b.entry.from) || a.sessionId.localeCompare(b.sessionId));
}

/** One session by its id and day, if the schedule has it (any date, past ones too). */
export function sessionOn(cfg: ReceptionConfig, sessionId: string, day: string): ReceptionDay | null {
  const entry = cfg.days.find((d) => d.id === sessionId);
  return entry && daysOf(entry, day, day).length === 1 ? entry : null;
}
