/** The review stage's pure rules: boundary tables for the request window, the answer deadline, the close hold and who answers. */
import { describe, expect, it } from 'vitest';
import { checkReviewRequest, closeHeldByReviewWindow, mayAnswerReview, reviewAnswerDue } from '../../../src/domain/case/review.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';
import type { CaseStatus } from '../../../src/domain/case/lifecycle.ts';

const county = readCountyConfig();
const c = { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes };
const REPLIED = new Date('2026-12-01T02:00:00Z'); // local 12-01; the window ends at the end of local 12-31
const END = new Date('2026-12-31T15:59:59.999Z');
const facts = (status: CaseStatus, over: Record<string, unknown> = {}) => ({ status, repliedAt: REPLIED, reviewRequestedAt: null, reviewDueAt: null, ...over });

describe('checkReviewRequest', () => {
  it.each<[string, ReturnType<typeof facts>, Date, string]>([
    ['replied, inside', facts('replied'), new Date('2026-12-10T02:00:00Z'), 'ok'],
    ['replied, last millisecond', facts('replied'), END, 'ok'],
    ['replied, after the window', facts('replied'), new Date(END.getTime() + 1), 'window_closed'],
    ['closed after its reply, inside', facts('closed'), new Date('2026-12-10T02:00:00Z'), 'ok'],
    ['closed without a reply', facts('closed', { repliedAt: null }), new Date('2026-12-10T02:00:00Z'), 'not_replied'],
    ['in progress', facts('in_progress', { repliedAt: null }), new Date('2026-12-10T02:00:00Z'), 'not_replied'],
    ['already asked', facts('review_requested', { reviewRequestedAt: new Date('2026-12-05T02:00:00Z') }), new Date('2026-12-10T02:00:00Z'), 'already_requested'],
    ['answered review', facts('replied', { reviewRequestedAt: new Date('2026-12-05T02:00:00Z') }), new Date('2026-12-10T02:00:00Z'), 'already_requested'],
    ['stored window end wins', facts('replied', { reviewDueAt: new Date('2026-12-05T15:59:59.999Z') }), new Date('2026-12-06T02:00:00Z'), 'window_closed'],
  ])('%s → %s', (_name, f, now, expected) => {
    const r = checkReviewRequest(f, now, c);
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
  });

  it('the answer is due reviewAnswerDays (30) after the request, at the end of the local day', () => {
    expect(county.deadlines.reviewAnswerDays).toBe(30);
    expect(reviewAnswerDue(new Date('2026-12-10T17:00:00Z'), c)).toEqual(new Date('2027-01-10T15:59:59.999Z')); // local 12-11 01:00
    const r = checkReviewRequest(facts('replied'), new Date('2026-12-10T02:00:00Z'), c);
    expect(r.ok && r.answerDueAt).toEqual(new Date('2027-01-09T15:59:59.999Z'));
  });
});

describe('closeHeldByReviewWindow', () => {
  const none = { ratingHandling: null, followUpResolved: null };
  const inside = new Date('2026-12-10T02:00:00Z');
  it.each<[string, Record<string, unknown>, Date, boolean]>([
    ['replied, window open', {}, inside, true],
    ['replied, last millisecond', {}, END, true],
    ['replied, window passed', {}, new Date(END.getTime() + 1), false],
    ['satisfied', { ratingHandling: 'satisfied' }, inside, false],
    ['basically satisfied', { ratingHandling: 'basically_satisfied' }, inside, false],
    ['dissatisfied', { ratingHandling: 'dissatisfied' }, inside, true],
    ['resolved in the follow-up', { followUpResolved: true }, inside, false],
    ['not resolved in the follow-up', { followUpResolved: false }, inside, true],
    ['after the review answer', { reviewRequestedAt: new Date('2026-12-03T02:00:00Z'), reviewRepliedAt: new Date('2026-12-05T02:00:00Z') }, inside, false],
  ])('%s → held %s', (_name, over, now, held) => {
    expect(closeHeldByReviewWindow({ ...facts('replied'), ...none, ...over }, now, c) !== null).toBe(held);
  });

  it('does not hold a case that was not accepted', () => {
    expect(closeHeldByReviewWindow({ ...facts('not_accepted', { repliedAt: null }), ...none }, new Date('2026-12-10T02:00:00Z'), c)).toBeNull();
  });
});

describe('mayAnswerReview', () => {
  it.each<[string, { role: string; unit: string | null }, string, string]>([
    ['the review body', { role: 'handler', unit: 'fcb' }, 'zrzy', 'ok'],
    ['the admin', { role: 'admin', unit: null }, 'zrzy', 'ok'],
    ['the unit that replied', { role: 'handler', unit: 'zrzy' }, 'zrzy', 'reviewed_unit'],
    ['the bureau when it replied itself', { role: 'intake', unit: 'xfj' }, 'xfj', 'reviewed_unit'],
    ['the bureau otherwise', { role: 'intake', unit: 'xfj' }, 'zrzy', 'not_review_body'],
    ['another unit', { role: 'handler', unit: 'zjj' }, 'zrzy', 'not_review_body'],
    ['a supervisor', { role: 'supervisor', unit: null }, 'zrzy', 'not_review_body'],
    ['the review body reviewing its own reply', { role: 'handler', unit: 'fcb' }, 'fcb', 'reviewed_unit'],
  ])('%s → %s', (_name, who, unit, expected) => {
    expect(mayAnswerReview(who, unit, county)).toBe(expected);
  });

  it('the demo county names its review body', () => {
    expect(county.reviewBody).toEqual({ unit: 'fcb', role: 'handler' });
    expect(county.seedStaff.find((s) => s.unit === 'fcb')).toMatchObject({ username: 'fcb01', role: 'handler' });
  });
});
