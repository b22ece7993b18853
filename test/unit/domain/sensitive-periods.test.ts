/** Sensitive periods: which day is in one (both ends, local time), what is marked, how alerts are raised. */
import { describe, expect, it } from 'vitest';
import { CountyConfigSchema } from '../../../src/domain/county/schema.ts';
import { currentOrNextPeriod, possibleRiskAlertKind, sensitiveMarkOf, sensitivePeriodAt, sensitivePeriodOn } from '../../../src/domain/sensitive-periods.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const TWO_SESSIONS = { name: { zh: '全国两会', en: 'National People’s Congress' }, from: '2027-03-03', to: '2027-03-15' };
const ANNIVERSARY = { name: { zh: '周年纪念日', en: 'Anniversary' }, from: '2027-06-01', to: '2027-06-05' };
const cfg = { sensitivePeriods: [TWO_SESSIONS, ANNIVERSARY], utcOffsetMinutes: 480 };

describe('sensitive periods', () => {
  it.each([
    ['2027-03-02', null],
    ['2027-03-03', '全国两会'],
    ['2027-03-10', '全国两会'],
    ['2027-03-15', '全国两会'],
    ['2027-03-16', null],
    ['2027-06-05', '周年纪念日'],
  ])('%s is in %s', (day, name) => {
    expect(sensitivePeriodOn(cfg.sensitivePeriods, day)?.name.zh ?? null).toBe(name);
  });

  it('counts the county’s local day, not UTC', () => {
    // 2027-03-02T16:30Z is 2027-03-03 00:30 in China; 2027-03-15T16:00Z is already the 16th.
    expect(sensitivePeriodAt(cfg, new Date('2027-03-02T16:30:00Z'))?.name.zh).toBe('全国两会');
    expect(sensitivePeriodAt(cfg, new Date('2027-03-02T15:59:00Z'))).toBeNull();
    expect(sensitivePeriodAt(cfg, new Date('2027-03-15T16:00:00Z'))).toBeNull();
  });

  it('marks only risk and group cases filed in a period', () => {
    const inside = new Date('2027-03-05T02:00:00Z');
    const outside = new Date('2027-04-05T02:00:00Z');
    expect(sensitiveMarkOf(cfg, ['risk'], inside)).toBe('全国两会');
    expect(sensitiveMarkOf(cfg, ['group'], inside)).toBe('全国两会');
    expect(sensitiveMarkOf(cfg, ['repeat'], inside)).toBeNull();
    expect(sensitiveMarkOf(cfg, [], inside)).toBeNull();
    expect(sensitiveMarkOf(cfg, ['risk', 'group'], outside)).toBeNull();
  });

  it('raises a possible risk one level in a period', () => {
    expect(possibleRiskAlertKind(TWO_SESSIONS)).toBe('risk');
    expect(possibleRiskAlertKind(null)).toBe('risk_possible');
  });

  it('the dashboard shows the period on, else the next one', () => {
    expect(currentOrNextPeriod(cfg.sensitivePeriods, '2027-03-04')).toEqual({ period: TWO_SESSIONS, current: true });
    expect(currentOrNextPeriod(cfg.sensitivePeriods, '2027-01-01')).toEqual({ period: TWO_SESSIONS, current: false });
    expect(currentOrNextPeriod(cfg.sensitivePeriods, '2027-03-16')).toEqual({ period: ANNIVERSARY, current: false });
    expect(currentOrNextPeriod(cfg.sensitivePeriods, '2027-07-01')).toBeNull();
  });

  it('the county config takes periods (none by default) and refuses one that ends before it starts', () => {
    const demo = readCountyConfig();
    expect(demo.sensitivePeriods).toEqual([]);
    const raw = { ...demo, sensitivePeriods: [TWO_SESSIONS] };
    expect(CountyConfigSchema.parse(raw).sensitivePeriods).toEqual([TWO_SESSIONS]);
    const bad = CountyConfigSchema.safeParse({ ...demo, sensitivePeriods: [{ ...TWO_SESSIONS, to: '2027-03-01' }] });
    expect(bad.success).toBe(false);
    expect(CountyConfigSchema.safeParse({ ...demo, sensitivePeriods: [{ ...TWO_SESSIONS, from: '3 March' }] }).success).toBe(false);
  });
});
