/**
 * The answer to the follow-up question says whether a review can still be asked, as
 * the review request itself will judge it: also for a case closed early after its reply.
 */
import { describe, expect, it } from 'vitest';
import { answerCallback } from '../../../src/app/callback/answer-callback.ts';
import type { CallbackQuestion } from '../../../src/ports/callback-ports.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const county = readCountyConfig();
const REPLIED = new Date('2026-12-01T02:00:00Z');
const NOW = new Date('2026-12-20T02:00:00Z');

function store(q: Partial<CallbackQuestion>) {
  const question: CallbackQuestion = {
    caseNumber: 'XF202612010001',
    conversationId: 'conv-1',
    status: 'replied',
    followUpSentAt: new Date('2026-12-19T02:00:00Z'),
    followUpResolved: null,
    followUpAnsweredAt: null,
    repliedAt: REPLIED,
    reviewDueAt: new Date('2026-12-31T15:59:59.999Z'),
    reviewRequestedAt: null,
    ...q,
  };
  return {
    callbackQuestion: async () => question,
    pendingCallbackQuestion: async () => question,
    recordCallbackAnswer: async () => 'ok' as const,
  };
}

describe('the review offered after a "not resolved" answer', () => {
  it.each<[string, Partial<CallbackQuestion>, string]>([
    ['replied, inside the window', {}, 'open'],
    ['closed early after the reply, inside the window', { status: 'closed' }, 'open'],
    ['closed without a reply', { status: 'closed', repliedAt: null }, 'closed'],
    ['review already asked', { status: 'review_requested', reviewRequestedAt: new Date('2026-12-05T02:00:00Z') }, 'requested'],
  ])('%s → %s', async (_name, q, review) => {
    const e = await answerCallback({ callbacks: store(q), county }, 'XF202612010001', 'no', 'conv-1', NOW);
    expect(e).toMatchObject({ type: 'follow_up_recorded', review });
  });
});
