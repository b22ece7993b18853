/**
 * Deadline arithmetic. Days are the county's local calendar days (config
 * utcOffsetMinutes; China has no DST) and a deadline falls at the end of its last
 * day, local time. Counting is calendar days unless the config says workdays.
 */
import type { DeadlineRules } from './county/schema.ts';

const DAY_MS = 86_400_000;

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The last millisecond of a local date, as an instant. */
export function endOfLocalDay(date: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS - 1 - utcOffsetMinutes * 60_000);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWorkday(date: string, rules: DeadlineRules): boolean {
  if (rules.workingWeekends.includes(date)) return true;
  if (rules.holidays.includes(date)) return false;
  const dow = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The local date `n` counted days after `date` (the start day itself is not counted). */
export function addCountedDays(date: string, n: number, rules: DeadlineRules): string {
  if (rules.counting === 'calendar') return shiftDate(date, n);
  let d = date;
  let left = n;
  while (left > 0) {
    d = shiftDate(d, 1);
    if (isWorkday(d, rules)) left--;
  }
  return d;
}

/** Deadline `n` days after the instant `from`, at the end of that local day. */
export function dueAfter(from: Date, n: number, rules: DeadlineRules, utcOffsetMinutes: number): Date {
  return endOfLocalDay(addCountedDays(localDate(from, utcOffsetMinutes), n, rules), utcOffsetMinutes);
}

export interface DeadlineContext {
  rules: DeadlineRules;
  utcOffsetMinutes: number;
}

export const acceptDue = (receivedAt: Date, c: DeadlineContext) =>
  dueAfter(receivedAt, c.rules.acceptDays, c.rules, c.utcOffsetMinutes);

export const replyDue = (acceptedAt: Date, c: DeadlineContext) =>
  dueAfter(acceptedAt, c.rules.handleDays, c.rules, c.utcOffsetMinutes);

export const reviewRequestDue = (repliedAt: Date, c: DeadlineContext) =>
  dueAfter(repliedAt, c.rules.reviewRequestDays, c.rules, c.utcOffsetMinutes);

export type ExtensionCheck =
  | { ok: true; newDue: Date }
  | { ok: false; reason: 'no_extensions_left' | 'too_long' | 'not_positive' };

/** One extension of at most maxExtensionDays, counted from the current reply deadline. */
export function extendReplyDue(currentDue: Date, days: number, extensionsUsed: number, c: DeadlineContext): ExtensionCheck {
  if (!Number.isInteger(days) || days < 1) return { ok: false, reason: 'not_positive' };
  if (extensionsUsed >= c.rules.maxExtensions) return { ok: false, reason: 'no_extensions_left' };
  if (days > c.rules.maxExtensionDays) return { ok: false, reason: 'too_long' };
  const base = localDate(currentDue, c.utcOffsetMinutes);
  return { ok: true, newDue: endOfLocalDay(addCountedDays(base, days, c.rules), c.utcOffsetMinutes) };
}

export type DueState = 'ok' | 'due_soon' | 'overdue';

export function dueState(due: Date, now: Date, c: DeadlineContext): DueState {
  if (now.getTime() > due.getTime()) return 'overdue';
  const soon = dueAfter(now, c.rules.dueSoonDays, { ...c.rules, counting: 'calendar' }, c.utcOffsetMinutes);
  return due.getTime() <= soon.getTime() ? 'due_soon' : 'ok';
}

/** Whether a review request at `now` is inside the window after the reply. */
export function withinReviewWindow(repliedAt: Date, now: Date, c: DeadlineContext): boolean {
  return now.getTime() <= reviewRequestDue(repliedAt, c).getTime();
}
