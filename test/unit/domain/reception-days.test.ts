/**
 * Leaders' reception days and the backlog's buckets: monthly rules expanded to dates
 * (boundary table), fixed dates, what is bookable, the config's validation naming the
 * bad field, and age buckets at their edges.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_PATH } from '../../../src/county-config-file.ts';
import { ageBuckets, ageDays, bucketOf, receivedAtOf } from '../../../src/domain/backlog/backlog.ts';
import { CountyConfigError, parseCountyConfig } from '../../../src/domain/county/schema.ts';
import { nthWeekday, sessionOn, upcomingSessions } from '../../../src/domain/reception/reception-days.ts';
import { ReceptionSchema } from '../../../src/domain/reception/reception-schema.ts';

const place = { zh: '接访室', en: 'reception room' };
const day = (over: Record<string, unknown>) => ({ id: 'd', leader: { zh: '县长', en: 'County Head' }, place, topics: { zh: '征地', en: 'land' }, ...over });

describe('nthWeekday', () => {
  it.each([
    [2026, 12, 2, 2, '2026-12-08'], // 2nd Tuesday; the 1st is a Tuesday
    [2026, 12, 1, 3, '2026-12-02'],
    [2026, 12, -1, 4, '2026-12-31'], // last Thursday is the last day
    [2026, 11, -1, 4, '2026-11-26'],
    [2027, 2, 4, 7, '2027-02-28'],
    [2027, 2, 1, 1, '2027-02-01'],
  ])('%i-%i nth %i weekday %i → %s', (y, m, nth, wd, want) => {
    expect(nthWeekday(y, m, nth, wd)).toBe(want);
  });
});

describe('upcomingSessions', () => {
  const cfg = ReceptionSchema.parse({
    days: [day({ id: 'head', monthly: { nth: 2, weekday: 2 } }), day({ id: 'once', date: '2026-12-09' }), day({ id: 'past', date: '2026-11-01' })],
    horizonDays: 40,
  });
  const at = (iso: string) => new Date(iso);

  it('expands rules and dates up to the horizon, soonest first; past dates are not listed', () => {
    const s = upcomingSessions(cfg, at('2026-11-27T02:00:00Z'), 480);
    expect(s.map((x) => `${x.sessionId}@${x.day}`)).toEqual(['head@2026-12-08', 'once@2026-12-09']);
    expect(s.every((x) => x.bookable)).toBe(true);
  });

  it("today's session is listed but not bookable; the next day's is (closeDaysBefore 0), in the county's local time", () => {
    // 2026-12-07T17:00Z is already 12-08 01:00 in the county.
    const s = upcomingSessions(cfg, at('2026-12-07T17:00:00Z'), 480);
    expect(s[0]).toMatchObject({ sessionId: 'head', day: '2026-12-08', bookable: false });
    expect(s[1]).toMatchObject({ sessionId: 'once', day: '2026-12-09', bookable: true });
    const closing = ReceptionSchema.parse({ ...cfg, closeDaysBefore: 1 });
    expect(upcomingSessions(closing, at('2026-12-07T17:00:00Z'), 480)[1]!.bookable).toBe(false);
  });

  it('sessionOn finds a past day of a rule, not a day the rule does not fall on', () => {
    expect(sessionOn(cfg, 'head', '2026-11-10')?.id).toBe('head');
    expect(sessionOn(cfg, 'head', '2026-11-11')).toBeNull();
    expect(sessionOn(cfg, 'nope', '2026-11-10')).toBeNull();
  });

  it('the demo county always has days ahead (monthly rules)', () => {
    const demo = parseCountyConfig(JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8')));
    for (const now of ['2026-12-07T03:00:00Z', '2030-06-15T03:00:00Z']) {
      const s = upcomingSessions(demo.reception, new Date(now), 480);
      expect(new Set(s.map((x) => x.sessionId))).toEqual(new Set(['county-head', 'deputy-head', 'bureau-director']));
    }
  });
});

describe('the config names a bad reception day or backlog setting', () => {
  const demo = () => JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8'));
  const issues = (doc: unknown) => {
    try {
      parseCountyConfig(doc);
    } catch (err) {
      return (err as CountyConfigError).issues;
    }
    return [];
  };
  it.each([
    ['both a date and a rule', { date: '2027-01-05', monthly: { nth: 1, weekday: 2 } }, 'reception.days.0.date'],
    ['neither', {}, 'reception.days.0.date'],
    ['a 5th weekday', { monthly: { nth: 5, weekday: 2 } }, 'reception.days.0.monthly.nth'],
    ['an end before the start', { date: '2027-01-05', from: '11:00', to: '09:00' }, 'reception.days.0.to'],
    ['a bad time', { date: '2027-01-05', from: '9:00' }, 'reception.days.0.from'],
    ['a handler as the leader', { date: '2027-01-05', leaderUsername: 'zrzy01' }, 'reception.days.0.leaderUsername'],
  ])('%s', (_label, over, at) => {
    const doc = demo();
    doc.reception.days = [day(over)];
    expect(issues(doc).some((i) => i.startsWith(`${at}: `)), JSON.stringify(issues(doc))).toBe(true);
  });

  it('two days with one id', () => {
    const doc = demo();
    doc.reception.days = [day({ date: '2027-01-05' }), day({ date: '2027-01-06' })];
    expect(issues(doc).some((i) => i.startsWith('reception.days.1.id: '))).toBe(true);
  });

  it('buckets that do not ascend above the threshold', () => {
    const doc = demo();
    doc.backlog = { thresholdDays: 90, bucketDays: [60, 180] };
    expect(issues(doc).some((i) => i.startsWith('backlog.bucketDays: '))).toBe(true);
  });
});

describe('backlog buckets', () => {
  const buckets = ageBuckets({ thresholdDays: 60, bucketDays: [90, 180, 365] });
  it.each([
    [59, null],
    [60, '60-89'],
    [89, '60-89'],
    [90, '90-179'],
    [364, '180-364'],
    [365, '365+'],
    [4000, '365+'],
  ])('%i days → %s', (days, key) => {
    expect(bucketOf(buckets, days)?.key ?? null).toBe(key);
  });

  it('a registered case ages from the start of its local day received; another from its filing', () => {
    const now = new Date('2026-12-07T03:00:00Z'); // 11:00 local
    expect(ageDays(receivedAtOf({ createdAt: now, receivedOn: '2026-10-08' }, 480), now)).toBe(60);
    expect(ageDays(receivedAtOf({ createdAt: new Date('2026-10-08T04:00:00Z'), receivedOn: null }, 480), now)).toBe(59);
  });
});
