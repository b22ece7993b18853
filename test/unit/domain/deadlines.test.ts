/**
 * Deadline arithmetic on the county's local calendar (demo county: UTC+8, offset 480).
 * Expected dates are worked out by hand; a deadline is the last millisecond of its
 * local day, i.e. 23:59:59.999 China time = 15:59:59.999Z.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptDue,
  addCountedDays,
  dueAfter,
  dueState,
  endOfLocalDay,
  extendReplyDue,
  localDate,
  replyDue,
  reviewRequestDue,
  withinReviewWindow,
  type DeadlineContext,
} from '../../../src/domain/deadlines.ts';
import type { DeadlineRules } from '../../../src/domain/county/schema.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const cfg = readCountyConfig();
const CN = 480;
const ctx: DeadlineContext = { rules: cfg.deadlines, utcOffsetMinutes: cfg.utcOffsetMinutes };
const withRules = (patch: Partial<DeadlineRules>): DeadlineContext => ({ rules: { ...cfg.deadlines, ...patch }, utcOffsetMinutes: CN });
const calendar: DeadlineRules = { ...cfg.deadlines, counting: 'calendar', holidays: [], workingWeekends: [] };
const workdays: DeadlineRules = { ...calendar, counting: 'workdays' };
/** 2026 Spring Festival: Feb 15 (Sun) – Feb 23 (Mon) off; Sat Feb 14 and Sat Feb 28 worked (调休). */
const springFestival: DeadlineRules = {
  ...workdays,
  holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  workingWeekends: ['2026-02-14', '2026-02-28'],
};

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('demo county deadline config', () => {
  it('is China time with the 条例 numbers, counted in calendar days', () => {
    expect(cfg.utcOffsetMinutes).toBe(480);
    expect(cfg.deadlines).toMatchObject({
      acceptDays: 15,
      handleDays: 60,
      reviewRequestDays: 30,
      maxExtensions: 1,
      maxExtensionDays: 30,
      dueSoonDays: 3,
      counting: 'calendar',
    });
  });
});

describe('localDate and endOfLocalDay (offset 480)', () => {
  it.each([
    ['2026-01-31T15:59:59.999Z', '2026-01-31'],
    ['2026-01-31T16:00:00.000Z', '2026-02-01'],
    ['2026-01-31T20:00:00.000Z', '2026-02-01'],
    ['2026-12-31T15:59:59.999Z', '2026-12-31'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2028-02-28T16:00:00.000Z', '2028-02-29'],
  ])('localDate(%s) = %s', (instant, date) => {
    expect(localDate(at(instant), CN)).toBe(date);
  });

  it.each([
    ['2026-02-16', 480, '2026-02-16T15:59:59.999Z'],
    ['2026-12-31', 480, '2026-12-31T15:59:59.999Z'],
    ['2028-02-29', 480, '2028-02-29T15:59:59.999Z'],
    ['2026-02-16', 0, '2026-02-16T23:59:59.999Z'],
    ['2026-02-16', -300, '2026-02-17T04:59:59.999Z'],
  ])('endOfLocalDay(%s, %i) = %s', (date, offset, expected) => {
    const end = endOfLocalDay(date, offset);
    expect(iso(end)).toBe(expected);
    expect(localDate(end, offset)).toBe(date);
    expect(localDate(new Date(end.getTime() + 1), offset)).not.toBe(date);
  });
});

describe('addCountedDays, calendar', () => {
  it.each([
    ['2026-02-01', 15, '2026-02-16'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2026-02-14', 15, '2026-03-01'],
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2028-02-28', 1, '2028-02-29'], // 2028 is
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-01-31', 30, '2028-03-01'],
    ['2028-02-14', 15, '2028-02-29'],
    ['2100-02-28', 1, '2100-03-01'], // century, not a leap year
    ['2000-02-28', 1, '2000-02-29'], // 400-year rule
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-31', 15, '2027-01-15'],
    ['2026-12-20', 15, '2027-01-04'],
    ['2026-11-27', 60, '2027-01-26'],
    ['2026-03-10', 30, '2026-04-09'],
    ['2026-02-01', 0, '2026-02-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addCountedDays(date, n, calendar)).toBe(expected);
  });

  it('ignores holidays and working weekends when counting calendar days', () => {
    expect(addCountedDays('2026-02-12', 3, { ...springFestival, counting: 'calendar' })).toBe('2026-02-15');
  });
});

describe('addCountedDays, workdays', () => {
  it.each([
    // 2026-01-01 is a Thursday.
    ['2026-01-30', 1, '2026-02-02'], // Fri → Mon
    ['2026-01-31', 1, '2026-02-02'], // Sat → Mon
    ['2026-02-01', 1, '2026-02-02'], // Sun → Mon
    ['2026-02-02', 4, '2026-02-06'], // Mon → Fri
    ['2026-02-02', 5, '2026-02-09'], // over a weekend
    ['2026-02-02', 15, '2026-02-23'],
    ['2026-01-30', 0, '2026-01-30'],
  ])('%s + %i workdays = %s (no holidays)', (date, n, expected) => {
    expect(addCountedDays(date, n, workdays)).toBe(expected);
  });

  it.each([
    ['2026-02-13', 1, '2026-02-14'], // Sat Feb 14 is a working weekend
    ['2026-02-14', 1, '2026-02-24'], // the whole holiday (incl. Mon Feb 23) is skipped
    ['2026-02-12', 3, '2026-02-24'], // Fri 13, Sat 14, Tue 24
    ['2026-02-27', 1, '2026-02-28'], // Sat Feb 28 is a working weekend
    ['2026-02-26', 3, '2026-03-02'], // Fri 27, Sat 28, (Sun 1 off) Mon 2
    ['2026-02-02', 15, '2026-02-28'],
  ])('%s + %i workdays = %s (Spring Festival 2026)', (date, n, expected) => {
    expect(addCountedDays(date, n, springFestival)).toBe(expected);
  });

  it('skips a weekday holiday', () => {
    // 2025-12-31 is a Wednesday; New Year's Day off → Friday Jan 2.
    expect(addCountedDays('2025-12-31', 1, { ...workdays, holidays: ['2026-01-01'] })).toBe('2026-01-02');
    expect(addCountedDays('2025-12-31', 1, workdays)).toBe('2026-01-01');
  });

  it('an ordinary weekend is not worked unless listed', () => {
    expect(addCountedDays('2026-02-06', 1, workdays)).toBe('2026-02-09');
    expect(addCountedDays('2026-02-06', 1, { ...workdays, workingWeekends: ['2026-02-07'] })).toBe('2026-02-07');
  });
});

describe('dueAfter: the receipt instant is read in local time, due at the end of the local day', () => {
  it.each([
    // instant, offset, n, due
    ['2026-01-31T20:00:00.000Z', 480, 15, '2026-02-16T15:59:59.999Z'], // 04:00 Feb 1 local
    ['2026-01-31T15:59:59.999Z', 480, 15, '2026-02-15T15:59:59.999Z'], // last ms of Jan 31 local
    ['2026-01-31T16:00:00.000Z', 480, 15, '2026-02-16T15:59:59.999Z'], // first ms of Feb 1 local
    ['2026-12-31T16:00:00.000Z', 480, 15, '2027-01-16T15:59:59.999Z'],
    ['2028-02-28T16:30:00.000Z', 480, 1, '2028-03-01T15:59:59.999Z'],
    ['2026-01-31T20:00:00.000Z', 0, 15, '2026-02-15T23:59:59.999Z'],
    ['2026-02-01T03:00:00.000Z', -300, 15, '2026-02-16T04:59:59.999Z'], // 22:00 Jan 31 local
  ])('%s (offset %i) + %i days → %s', (from, offset, n, due) => {
    expect(iso(dueAfter(at(from), n, calendar, offset))).toBe(due);
  });

  it.each([
    // Thu Jan 29 local vs Fri Jan 30 local (still Thursday in UTC): the local day decides.
    ['2026-01-29T15:59:59.999Z', '2026-01-30T15:59:59.999Z'],
    ['2026-01-29T16:00:00.000Z', '2026-02-02T15:59:59.999Z'],
  ])('workdays: %s + 1 → %s', (from, due) => {
    expect(iso(dueAfter(at(from), 1, workdays, CN))).toBe(due);
  });
});

describe('acceptDue / replyDue / reviewRequestDue use the config numbers', () => {
  const received = at('2026-01-31T20:00:00.000Z'); // Feb 1, 04:00 local

  it('accept: 15 days after receipt', () => {
    expect(iso(acceptDue(received, ctx))).toBe('2026-02-16T15:59:59.999Z');
  });

  it('reply: 60 days after acceptance', () => {
    // Feb 16 local + 60 = Apr 17
    expect(iso(replyDue(at('2026-02-16T03:00:00.000Z'), ctx))).toBe('2026-04-17T15:59:59.999Z');
    // Nov 27 + 60 crosses the year end
    expect(iso(replyDue(at('2026-11-27T02:00:00.000Z'), ctx))).toBe('2027-01-26T15:59:59.999Z');
  });

  it('review request: 30 days after the reply', () => {
    expect(iso(reviewRequestDue(at('2026-03-10T02:00:00.000Z'), ctx))).toBe('2026-04-09T15:59:59.999Z');
    expect(iso(reviewRequestDue(at('2026-12-15T10:00:00.000Z'), ctx))).toBe('2027-01-14T15:59:59.999Z');
  });

  it('changing the config changes the deadlines (numbers are not hard-coded)', () => {
    const c = withRules({ acceptDays: 7, handleDays: 10, reviewRequestDays: 5 });
    expect(iso(acceptDue(received, c))).toBe('2026-02-08T15:59:59.999Z');
    expect(iso(replyDue(received, c))).toBe('2026-02-11T15:59:59.999Z');
    expect(iso(reviewRequestDue(received, c))).toBe('2026-02-06T15:59:59.999Z');
  });

  it('follows workday counting when the config says so', () => {
    expect(iso(acceptDue(received, withRules({ counting: 'workdays' })))).toBe('2026-02-20T15:59:59.999Z');
    expect(iso(acceptDue(received, { rules: springFestival, utcOffsetMinutes: CN }))).toBe('2026-02-27T15:59:59.999Z');
  });
});

describe('extendReplyDue', () => {
  const due = at('2026-04-17T15:59:59.999Z');

  it.each([
    [1, '2026-04-18T15:59:59.999Z'],
    [14, '2026-05-01T15:59:59.999Z'],
    [30, '2026-05-17T15:59:59.999Z'],
  ])('one extension of %i days → %s', (days, newDue) => {
    const r = extendReplyDue(due, days, 0, ctx);
    expect(r).toEqual({ ok: true, newDue: at(newDue) });
  });

  it.each<[number, number, string]>([
    [31, 0, 'too_long'],
    [45, 0, 'too_long'],
    [30, 1, 'no_extensions_left'],
    [1, 1, 'no_extensions_left'],
    [10, 2, 'no_extensions_left'],
    [0, 0, 'not_positive'],
    [-5, 0, 'not_positive'],
    [1.5, 0, 'not_positive'],
    [Number.NaN, 0, 'not_positive'],
  ])('%i days with %i used → refused (%s)', (days, used, reason) => {
    expect(extendReplyDue(due, days, used, ctx)).toEqual({ ok: false, reason });
  });

  it('limits come from the config', () => {
    expect(extendReplyDue(due, 21, 0, withRules({ maxExtensionDays: 20 }))).toEqual({ ok: false, reason: 'too_long' });
    expect(extendReplyDue(due, 20, 0, withRules({ maxExtensionDays: 20 })).ok).toBe(true);
    expect(extendReplyDue(due, 10, 1, withRules({ maxExtensions: 2 })).ok).toBe(true);
    expect(extendReplyDue(due, 10, 2, withRules({ maxExtensions: 2 }))).toEqual({ ok: false, reason: 'no_extensions_left' });
    expect(extendReplyDue(due, 1, 0, withRules({ maxExtensions: 0 }))).toEqual({ ok: false, reason: 'no_extensions_left' });
  });

  it('counts workdays from the current due date when the config says so', () => {
    // Fri Feb 13 (end of day) + 2 workdays over the Spring Festival → Tue Feb 24.
    const r = extendReplyDue(at('2026-02-13T15:59:59.999Z'), 2, 0, { rules: springFestival, utcOffsetMinutes: CN });
    expect(r).toEqual({ ok: true, newDue: at('2026-02-24T15:59:59.999Z') });
  });
});

describe('dueState (dueSoonDays 3)', () => {
  const due = at('2026-02-16T15:59:59.999Z'); // end of Feb 16 local

  it.each([
    ['2026-02-01T02:00:00.000Z', 'ok'],
    ['2026-02-12T15:59:59.999Z', 'ok'], // last ms of Feb 12 local: 4 days before
    ['2026-02-12T16:00:00.000Z', 'due_soon'], // first ms of Feb 13 local: 3 days before
    ['2026-02-14T08:00:00.000Z', 'due_soon'],
    ['2026-02-16T15:59:59.999Z', 'due_soon'], // the very last ms is still not overdue
    ['2026-02-16T16:00:00.000Z', 'overdue'], // 1 ms past
    ['2026-03-01T00:00:00.000Z', 'overdue'],
  ])('at %s → %s', (now, state) => {
    expect(dueState(due, at(now), ctx)).toBe(state);
  });

  it.each([
    ['2026-02-15T15:59:59.999Z', 'ok'],
    ['2026-02-15T16:00:00.000Z', 'due_soon'],
    ['2026-02-16T16:00:00.000Z', 'overdue'],
  ])('dueSoonDays 0: at %s → %s', (now, state) => {
    expect(dueState(due, at(now), withRules({ dueSoonDays: 0 }))).toBe(state);
  });

  it('a wider dueSoonDays from the config widens the window', () => {
    expect(dueState(due, at('2026-02-09T08:00:00.000Z'), ctx)).toBe('ok');
    expect(dueState(due, at('2026-02-09T08:00:00.000Z'), withRules({ dueSoonDays: 7 }))).toBe('due_soon');
  });
});

describe('withinReviewWindow (30 days after the reply)', () => {
  const repliedAt = at('2026-03-10T02:00:00.000Z'); // Mar 10 local; window ends Apr 9 local

  it.each([
    ['2026-03-10T02:00:00.000Z', true],
    ['2026-04-01T00:00:00.000Z', true],
    ['2026-04-09T15:59:59.999Z', true], // last ms
    ['2026-04-09T16:00:00.000Z', false], // one ms after
    ['2026-05-01T00:00:00.000Z', false],
  ])('request at %s → %s', (now, inside) => {
    expect(withinReviewWindow(repliedAt, at(now), ctx)).toBe(inside);
  });

  it('a reply late in the local evening counts from the next local day', () => {
    const late = at('2026-03-10T17:00:00.000Z'); // 01:00 Mar 11 local
    expect(withinReviewWindow(late, at('2026-04-10T15:59:59.999Z'), ctx)).toBe(true);
    expect(withinReviewWindow(late, at('2026-04-10T16:00:00.000Z'), ctx)).toBe(false);
  });
});
