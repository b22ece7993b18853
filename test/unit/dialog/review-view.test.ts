/**
 * What the citizen reads of the review stage in the bot (zh and en): a case closed
 * early keeps its review button inside the window; after the review's answer the status
 * tells the re-examination (复核) window, its date and the body to apply to.
 */
import { describe, expect, it } from 'vitest';
import { actionButtons, caseViewText, formatDate, reviewWindow } from '../../../src/dialog/forms/case-lookup/citizen-case-view.ts';
import { remedyBody } from '../../../src/dialog/guide.ts';
import type { PublicCaseView } from '../../../src/dialog/types.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const county = readCountyConfig();
const NOW = new Date('2026-12-10T02:00:00Z');

const view = (over: Partial<PublicCaseView> = {}): PublicCaseView => ({
  caseNumber: 'XF202611270001',
  status: 'replied',
  category: 'land',
  unit: 'zrzy',
  coUnit: null,
  createdAt: '2026-11-27T02:00:00.000Z',
  acceptDueAt: null,
  acceptedAt: '2026-11-28T02:00:00.000Z',
  replyDueAt: null,
  repliedAt: '2026-12-01T02:00:00.000Z',
  reviewRequestedAt: null,
  ratings: { acceptance: null, handling: 'satisfied' },
  timeline: [],
  ...over,
});

describe('the review stage in the bot', () => {
  it('a case closed after its reply still offers the review inside the window, not after it', () => {
    const closed = view({ status: 'closed' });
    expect(reviewWindow(closed, NOW, county)).toMatchObject({ open: true });
    expect(actionButtons(closed, NOW, county, 'zh').map((b) => b.payload)).toContain('fu:review');
    expect(actionButtons(closed, new Date('2027-01-01T02:00:00Z'), county, 'zh').map((b) => b.payload)).not.toContain('fu:review');
    expect(reviewWindow(view({ status: 'closed', repliedAt: null }), NOW, county)).toBeNull();
  });

  it.each(['zh', 'en'] as const)('after the review answer the status tells the re-examination date and body (%s)', (l) => {
    const answered = view({
      reviewRequestedAt: '2026-12-03T02:00:00.000Z',
      reviewRepliedAt: '2026-12-08T02:00:00.000Z',
      recheckUntil: '2027-01-07T15:59:59.999Z',
      timeline: [{ at: '2026-12-08T02:00:00.000Z', kind: 'review_reply', note: l === 'zh' ? '维持原意见' : 'The reply stands.' }],
    });
    const text = caseViewText(answered, NOW, county, l);
    expect(text).toContain(formatDate('2027-01-07T15:59:59.999Z', county, l));
    expect(text).toContain(remedyBody(county, 'recheckBody', l));
    expect(text).toContain(l === 'zh' ? '申请复核' : 're-examination');
    expect(text).toContain(l === 'zh' ? '作出复查意见' : 'review decision given');
    if (l === 'en') expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    // No second review is offered.
    expect(actionButtons(answered, NOW, county, l).map((b) => b.payload)).not.toContain('fu:review');
    const late = caseViewText(answered, new Date('2027-01-08T02:00:00Z'), county, l);
    expect(late).toContain(l === 'zh' ? '申请复核的期限已于' : 'period for requesting a re-examination ended');
  });
});
