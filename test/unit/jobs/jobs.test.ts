/** Pure parts of the jobs: the due-soon horizon, alert keys, follow-up payloads. */
import { describe, expect, it } from 'vitest';
import { readCountyConfig } from '../../../src/county-config-file.ts';
import { deadlineAlertKey, dueSoonHorizon } from '../../../src/jobs/deadline-sweep.ts';
import { CALLBACK_AFTER_DAYS, callbackPayload } from '../../../src/jobs/callback-sweep.ts';
import { JOBS } from '../../../src/jobs/job-list.ts';
import { dueState } from '../../../src/domain/deadlines.ts';

const county = readCountyConfig();
const c = { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes };

describe('dueSoonHorizon', () => {
  it.each([
    ['2026-12-08T15:59:59.999Z', '2026-12-11T15:59:59.999Z'],
    ['2026-12-08T16:00:00.000Z', '2026-12-12T15:59:59.999Z'],
  ])('at %s reaches %s (end of the local day dueSoonDays later)', (now, horizon) => {
    expect(dueSoonHorizon(new Date(now), c).toISOString()).toBe(horizon);
  });

  it('agrees with dueState at its edge', () => {
    const now = new Date('2026-12-08T16:00:00.000Z');
    const h = dueSoonHorizon(now, c);
    expect(dueState(h, now, c)).toBe('due_soon');
    expect(dueState(new Date(h.getTime() + 1), now, c)).toBe('ok');
  });
});

describe('job contracts', () => {
  it('names alert keys by state, deadline and case', () => {
    expect(deadlineAlertKey('overdue', 'accept', 'c1')).toBe('overdue:accept:c1');
    expect(deadlineAlertKey('due_soon', 'reply', 'c1')).toBe('due_soon:reply:c1');
  });

  it('uses the follow-up payloads the dialogue will answer', () => {
    expect(callbackPayload('XF202611270001', 'yes')).toBe('followup:XF202611270001:yes');
    expect(callbackPayload('XF202611270001', 'no')).toBe('followup:XF202611270001:no');
    expect(CALLBACK_AFTER_DAYS).toBe(30);
  });

  it('registers each job once with a period', () => {
    expect(JOBS.map((j) => [j.name, j.everyMs])).toEqual([
      ['deadline-sweep', 600_000],
      ['follow-up-sweep', 3_600_000],
      ['plan-step-sweep', 300_000],
      ['prune-inbound', 21_600_000],
      ['retention', 86_400_000],
      ['refresh-statistics', 86_400_000],
    ]);
  });
});
