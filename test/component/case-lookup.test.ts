/** The follow-up use cases against real stores: embedded PGlite and a fresh PostgreSQL database. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaseEffect, type CaseEffectDeps } from '../../src/app/chat-turn/run-case-effect.ts';
import type { CaseLookupCaller } from '../../src/app/case-lookup/case-lookup-deps.ts';
import { readCountyConfig } from '../../src/county-config-file.ts';
import type { Effect, EffectEvent } from '../../src/dialog/types.ts';
import { PrismaCaseLookupRepository } from '../../src/store/prisma/case-lookup-repository.ts';
import { PrismaQueryAttemptStore } from '../../src/store/prisma/query-attempts.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

const county = readCountyConfig();
const CODE = '01234567';
const INSIDE = new Date('2026-12-10T02:00:00Z');
const REPLIED_AT = new Date('2026-12-01T02:00:00Z'); // the review window ends 2026-12-31 local
const MINUTE = 60_000;
const REVIEW = { answerDueAt: new Date('2027-01-09T15:59:59.999Z'), alertUnit: 'fcb' };

describe.each(STORE_KINDS)('follow-up use cases on %s', (kind) => {
  let t: TestStore;
  let deps: CaseEffectDeps;
  beforeAll(async () => {
    t = await openTestStore(kind);
    const prisma = t.store.handle.prisma;
    const lookups = new PrismaCaseLookupRepository(prisma);
    deps = { caseLookups: lookups, callbacks: lookups, attempts: new PrismaQueryAttemptStore(prisma), cases: t.store.cases, county };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const caller = (over: Partial<CaseLookupCaller> = {}): CaseLookupCaller => ({
    conversationId: randomUUID(),
    channel: 'web',
    channelUserId: `user-${randomUUID()}`,
    ...over,
  });
  const run = (effect: Effect, who: CaseLookupCaller = caller(), now = INSIDE) => runCaseEffect(deps, effect, who, now);
  const prisma = () => t.store.handle.prisma;

  async function aCase(over: Parameters<typeof newCase>[0] = {}) {
    return (await t.store.cases.create(newCase({ queryCode: CODE, ...over }))).caseNumber;
  }
  async function aRepliedCase(over: Parameters<typeof newCase>[0] = {}) {
    const caseNumber = await aCase(over);
    await prisma().case.update({
      where: { caseNumber },
      data: { status: 'replied', acceptedAt: new Date('2026-11-28T02:00:00Z'), repliedAt: REPLIED_AT },
    });
    return caseNumber;
  }
  const opened = (e: EffectEvent | null) => {
    if (e?.type !== 'case_opened') throw new Error(`expected case_opened, got ${JSON.stringify(e)}`);
    return e.view;
  };

  it('looks a case up by number and code and shows only public facts', async () => {
    const caseNumber = await aCase();
    await prisma().caseEvent.create({
      data: { case: { connect: { caseNumber } }, at: new Date('2026-11-28T02:00:00Z'), actorType: 'staff', kind: 'note', public: false, note: '内部：当事人情绪激动' },
    });
    const view = opened(await run({ type: 'lookup_case', caseNumber, queryCode: CODE }));
    expect(view).toMatchObject({ caseNumber, status: 'submitted', unit: 'zrzy', coUnit: 'town:东湖镇', ratings: { acceptance: null, handling: null } });
    expect(view.timeline.map((e) => e.kind)).toEqual(['submitted']);
    const raw = JSON.stringify(view);
    for (const secret of ['张桂兰', '13812345678', '11010519491231002X', '内部', 'conversationId']) expect(raw).not.toContain(secret);
  });

  it('answers a wrong code and an unknown case identically, counting both', async () => {
    const caseNumber = await aCase();
    const who = caller();
    const wrong = await run({ type: 'lookup_case', caseNumber, queryCode: '99999999' }, who);
    const unknown = await run({ type: 'lookup_case', caseNumber: 'XF209901010001', queryCode: CODE }, who);
    expect(wrong).toEqual({ type: 'case_not_verified', locked: false });
    expect(unknown).toEqual(wrong);
    const rows = await prisma().queryAttempt.findMany({ where: { key: { in: [`case:${caseNumber}`, `user:web:${who.channelUserId}`] } } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.failures]))).toEqual({ [`case:${caseNumber}`]: 1, [`user:web:${who.channelUserId}`]: 2 });
  });

  it('locks after 5 wrong codes: the right code is refused for 15 minutes, then works', async () => {
    const caseNumber = await aCase();
    const who = caller();
    const at = (min: number) => new Date(INSIDE.getTime() + min * MINUTE);
    const answers: EffectEvent[] = [];
    for (let i = 0; i < 5; i++) answers.push((await run({ type: 'lookup_case', caseNumber, queryCode: `0000000${i}` }, who, at(i)))!);
    expect(answers.map((a) => a.type === 'case_not_verified' && a.locked)).toEqual([false, false, false, false, true]);
    expect(await run({ type: 'lookup_case', caseNumber, queryCode: CODE }, who, at(5))).toEqual({ type: 'case_not_verified', locked: true });
    // Another citizen is held back by the case's lock, and this citizen by their own lock on any case.
    expect(await run({ type: 'lookup_case', caseNumber, queryCode: CODE }, caller(), at(6))).toEqual({ type: 'case_not_verified', locked: true });
    const other = await aCase();
    expect(await run({ type: 'lookup_case', caseNumber: other, queryCode: CODE }, who, at(6))).toEqual({ type: 'case_not_verified', locked: true });
    // The lock was set at minute 4 and lasts 15 minutes.
    expect(await run({ type: 'lookup_case', caseNumber, queryCode: CODE }, who, at(18.9))).toEqual({ type: 'case_not_verified', locked: true });
    expect(opened(await run({ type: 'lookup_case', caseNumber, queryCode: CODE }, who, at(19.1))).caseNumber).toBe(caseNumber);
    expect(await prisma().queryAttempt.findUnique({ where: { key: `user:web:${who.channelUserId}` } })).toBeNull();
  });

  it('counts failures atomically and opens a new window after 15 minutes without a lock', async () => {
    const key = `case:concurrent-${kind}`;
    const results = await Promise.all(Array.from({ length: 12 }, () => deps.attempts.recordFailure(key, INSIDE)));
    expect(results.map((r) => r.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await deps.attempts.isLocked(key, INSIDE)).toBe(true);

    const slow = `user:web:slow-${kind}`;
    for (let i = 0; i < 4; i++) await deps.attempts.recordFailure(slow, new Date(INSIDE.getTime() + i * MINUTE));
    const later = await deps.attempts.recordFailure(slow, new Date(INSIDE.getTime() + 16 * MINUTE));
    expect(later).toEqual({ failures: 1, locked: false });
    await deps.attempts.reset(slow);
    expect(await prisma().queryAttempt.findUnique({ where: { key: slow } })).toBeNull();
  });

  it("opens the caller's own case without a code, and nobody else's", async () => {
    const mine = caller();
    const caseNumber = await aCase({ conversationId: mine.conversationId });
    expect(opened(await run({ type: 'open_own_case', caseNumber }, mine)).caseNumber).toBe(caseNumber);
    expect(await run({ type: 'open_own_case', caseNumber }, caller())).toEqual({ type: 'case_not_verified', locked: false });
    expect(await run({ type: 'open_own_case', caseNumber: 'XF209901010001' }, mine)).toEqual({ type: 'case_not_verified', locked: false });
    expect(opened(await run({ type: 'reopen_case', caseNumber }, caller())).caseNumber).toBe(caseNumber);
  });

  it("lists the caller's cases newest first, at most 10", async () => {
    const mine = caller();
    const numbers: string[] = [];
    for (let i = 0; i < 12; i++) {
      numbers.push(await aCase({ conversationId: mine.conversationId, receivedAt: new Date(Date.UTC(2026, 10, 1 + i, 2)), localDate: '2026-11-15' }));
    }
    await aCase({ conversationId: caller().conversationId });
    const listed = await run({ type: 'list_my_cases' }, mine);
    if (listed?.type !== 'my_cases') throw new Error('expected my_cases');
    expect(listed.items.map((c) => c.caseNumber)).toEqual(numbers.slice(2).reverse());
    expect(listed.items[0]).toEqual({ caseNumber: numbers[11], status: 'submitted', createdAt: '2026-11-12T02:00:00.000Z' });
    expect(await run({ type: 'list_my_cases' }, caller())).toEqual({ type: 'my_cases', items: [] });
  });

  it('adds material as a public citizen event without changing the status', async () => {
    const caseNumber = await aCase();
    expect(await run({ type: 'add_supplement', caseNumber, text: '我还有一份2019年的协议复印件' })).toEqual({ type: 'supplement_added', caseNumber });
    // The same words again (a re-run turn) are one supplement.
    await run({ type: 'add_supplement', caseNumber, text: '我还有一份2019年的协议复印件' });
    const events = await prisma().caseEvent.findMany({ where: { case: { caseNumber }, kind: 'supplement' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'citizen', public: true, note: '我还有一份2019年的协议复印件', fromStatus: null, toStatus: null });
    const view = opened(await run({ type: 'reopen_case', caseNumber }));
    expect(view.status).toBe('submitted');
    expect(view.timeline.map((e) => [e.kind, e.note])).toEqual([['submitted', null], ['supplement', null]]);
    expect(await run({ type: 'add_supplement', caseNumber: 'XF209901010001', text: 'x' })).toEqual({ type: 'case_not_verified', locked: false });
  });

  it('rates each stage once, only when it is reached', async () => {
    const caseNumber = await aCase();
    expect(await run({ type: 'rate_case', caseNumber, stage: 'acceptance', rating: 'satisfied' })).toEqual({ type: 'rating_refused', reason: 'not_yet' });
    await prisma().case.update({ where: { caseNumber }, data: { status: 'accepted', acceptedAt: new Date('2026-11-28T02:00:00Z') } });
    expect(await run({ type: 'rate_case', caseNumber, stage: 'handling', rating: 'satisfied' })).toEqual({ type: 'rating_refused', reason: 'not_yet' });
    expect(await run({ type: 'rate_case', caseNumber, stage: 'acceptance', rating: 'dissatisfied' })).toEqual({
      type: 'case_rated',
      caseNumber,
      stage: 'acceptance',
      rating: 'dissatisfied',
    });
    expect(await run({ type: 'rate_case', caseNumber, stage: 'acceptance', rating: 'satisfied' })).toEqual({ type: 'rating_refused', reason: 'already_rated' });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber }, include: { events: { where: { kind: 'rated' } } } });
    expect(row.ratingAcceptance).toBe('dissatisfied');
    expect(row.events.map((e) => [e.public, e.data])).toEqual([[false, { stage: 'acceptance', rating: 'dissatisfied' }]]);
  });

  it('gives one ok of many concurrent ratings', async () => {
    const caseNumber = await aRepliedCase();
    const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => deps.caseLookups.rate(caseNumber, 'handling', ratings[i % 3]!, INSIDE)),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    const events = await prisma().caseEvent.findMany({ where: { case: { caseNumber }, kind: 'rated' } });
    expect(events).toHaveLength(1);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber } });
    expect(row.ratingHandling).toBe((events[0]!.data as { rating: string }).rating);
  });

  it('requests a review inside the window: status and public event together, once', async () => {
    const caseNumber = await aRepliedCase();
    expect(await run({ type: 'request_review', caseNumber, reason: '面积少算了两亩' })).toEqual({ type: 'review_requested', caseNumber });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber }, include: { events: { where: { kind: 'request_review' } } } });
    expect(row.status).toBe('review_requested');
    expect(row.reviewRequestedAt).toEqual(INSIDE);
    expect(row.events).toHaveLength(1);
    expect(row.events[0]).toMatchObject({
      actorType: 'citizen',
      public: true,
      fromStatus: 'replied',
      toStatus: 'review_requested',
      note: '面积少算了两亩',
      at: INSIDE,
    });
    expect(await run({ type: 'request_review', caseNumber, reason: 'again' })).toEqual({ type: 'review_refused', reason: 'already_requested', dueAt: null });
  });

  it('a review asked through the bot sets the answer deadline (30 days) and alerts the review body', async () => {
    const caseNumber = await aRepliedCase();
    expect(await run({ type: 'request_review', caseNumber, reason: '补偿标准算错了' })).toEqual({ type: 'review_requested', caseNumber });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber } });
    // Asked 2026-12-10 local: answered by the end of 2027-01-09, county time.
    expect(row.reviewAnswerDueAt).toEqual(new Date('2027-01-09T15:59:59.999Z'));
    const alerts = await prisma().alert.findMany({ where: { caseId: row.id, kind: 'review_requested' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.unit).toBe('fcb');
  });

  it('a review asked after an early close is recorded: the case reopens, staff are alerted, the citizen is answered', async () => {
    const caseNumber = await aRepliedCase();
    await prisma().case.update({ where: { caseNumber }, data: { status: 'closed', closedAt: new Date('2026-12-02T02:00:00Z') } });
    expect(await run({ type: 'request_review', caseNumber, reason: '办结太快了，问题没解决' })).toEqual({ type: 'review_requested', caseNumber });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber }, include: { events: { where: { kind: 'request_review' } } } });
    expect(row).toMatchObject({ status: 'review_requested', closedAt: null, reviewRequestedAt: INSIDE });
    expect(row.events[0]).toMatchObject({ fromStatus: 'closed', toStatus: 'review_requested', public: true });
    expect(await prisma().alert.count({ where: { caseId: row.id, kind: 'review_requested' } })).toBe(1);
    // Outside the window a closed case stays closed, and the citizen is told the date.
    const late = await aRepliedCase();
    await prisma().case.update({ where: { caseNumber: late }, data: { status: 'closed' } });
    expect(await run({ type: 'request_review', caseNumber: late, reason: 'x' }, caller(), new Date('2027-01-05T02:00:00Z'))).toMatchObject({ type: 'review_refused', reason: 'window_closed' });
    // A case closed without a reply (not accepted) has nothing to review.
    const never = await aCase();
    await prisma().case.update({ where: { caseNumber: never }, data: { status: 'closed' } });
    expect(await run({ type: 'request_review', caseNumber: never, reason: 'x' })).toMatchObject({ type: 'review_refused', reason: 'not_replied' });
  });

  it('refuses a review outside the window with the date it closed, and before a reply', async () => {
    const late = await aRepliedCase();
    expect(await run({ type: 'request_review', caseNumber: late, reason: 'x' }, caller(), new Date('2026-12-31T15:59:59.000Z'))).toMatchObject({
      type: 'review_requested',
    });
    const closed = await aRepliedCase();
    expect(await run({ type: 'request_review', caseNumber: closed, reason: 'x' }, caller(), new Date('2026-12-31T16:00:00.000Z'))).toEqual({
      type: 'review_refused',
      reason: 'window_closed',
      dueAt: '2026-12-31T15:59:59.999Z',
    });
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNumber: closed } })).status).toBe('replied');
    const early = await aCase();
    expect(await run({ type: 'request_review', caseNumber: early, reason: 'x' })).toEqual({ type: 'review_refused', reason: 'not_replied', dueAt: null });
  });

  it('lets one of concurrent review requests through', async () => {
    const caseNumber = await aRepliedCase();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => deps.caseLookups.requestReview(caseNumber, `理由${i}`, INSIDE, REVIEW)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_requested')).toHaveLength(5);
    expect(await prisma().caseEvent.count({ where: { case: { caseNumber }, kind: 'request_review' } })).toBe(1);
  });

  it('rolls the status back when the review event cannot be written', async () => {
    const caseNumber = await aRepliedCase();
    await prisma().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_review_event() RETURNS trigger AS $$
      BEGIN
        IF NEW.kind = 'request_review' THEN RAISE EXCEPTION 'event store down'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma().$executeRawUnsafe(
      'CREATE TRIGGER refuse_review_event BEFORE INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION refuse_review_event()',
    );
    try {
      await expect(deps.caseLookups.requestReview(caseNumber, 'x', INSIDE, REVIEW)).rejects.toThrow();
    } finally {
      await prisma().$executeRawUnsafe('DROP TRIGGER refuse_review_event ON case_events');
    }
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber } });
    expect(row.status).toBe('replied');
    expect(row.reviewRequestedAt).toBeNull();
    expect(await deps.caseLookups.requestReview(caseNumber, 'x', INSIDE, REVIEW)).toBe('ok');
  });

  describe('the answer to the follow-up question', () => {
    /** A replied case asked about at ASKED, filed from `who`'s conversation. */
    async function askedCase(who: CaseLookupCaller) {
      const caseNumber = await aRepliedCase({ conversationId: who.conversationId });
      await prisma().case.update({ where: { caseNumber }, data: { followUpSentAt: INSIDE } });
      return caseNumber;
    }
    const LATER = new Date(INSIDE.getTime() + MINUTE);

    it('records the first answer once, even when two presses race', async () => {
      const who = caller();
      const caseNumber = await askedCase(who);
      const both = await Promise.all([
        run({ type: 'answer_follow_up', caseNumber, answer: 'no' }, who, LATER),
        run({ type: 'answer_follow_up', caseNumber, answer: 'no' }, who, LATER),
      ]);
      expect(both.map((e) => (e as { already: boolean }).already).sort()).toEqual([false, true]);
      expect(both[0]).toMatchObject({ type: 'follow_up_recorded', caseNumber, resolved: false, review: 'open' });
      const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber } });
      expect([row.followUpResolved, row.followUpAnsweredAt]).toEqual([false, LATER]);
      expect(await prisma().caseEvent.count({ where: { case: { caseNumber }, kind: 'follow_up_unresolved', public: true } })).toBe(1);
      // A later "yes" does not overwrite it.
      expect(await run({ type: 'answer_follow_up', caseNumber, answer: 'yes' }, who, LATER)).toMatchObject({ resolved: false, already: true });
    });

    it('answers a typed yes/no to the question only while the citizen has written nothing since', async () => {
      const who = caller();
      const caseNumber = await askedCase(who);
      await prisma().conversation.create({ data: { id: who.conversationId, channel: 'web', channelUserId: who.channelUserId, locale: 'zh', state: {} } });
      await prisma().message.create({ data: { conversationId: who.conversationId, at: new Date(INSIDE.getTime() - MINUTE), direction: 'in', author: 'citizen', text: 'x' } });
      expect(await run({ type: 'answer_follow_up', caseNumber: null, answer: 'yes' }, who, LATER)).toMatchObject({ type: 'follow_up_recorded', caseNumber, resolved: true });

      const other = caller();
      await askedCase(other);
      await prisma().conversation.create({ data: { id: other.conversationId, channel: 'web', channelUserId: other.channelUserId, locale: 'zh', state: {} } });
      await prisma().message.create({ data: { conversationId: other.conversationId, at: LATER, direction: 'in', author: 'citizen', text: 'x' } });
      expect(await run({ type: 'answer_follow_up', caseNumber: null, answer: 'yes' }, other, LATER)).toEqual({ type: 'follow_up_not_pending', answer: 'yes' });
    });

    it('is "not found" for another conversation\'s case and for a case never asked about', async () => {
      const who = caller();
      const caseNumber = await askedCase(who);
      expect(await run({ type: 'answer_follow_up', caseNumber, answer: 'yes' }, caller(), LATER)).toEqual({ type: 'follow_up_not_found' });
      const notAsked = await aRepliedCase({ conversationId: who.conversationId });
      expect(await run({ type: 'answer_follow_up', caseNumber: notAsked, answer: 'yes' }, who, LATER)).toEqual({ type: 'follow_up_not_found' });
      expect(await prisma().case.count({ where: { caseNumber: { in: [caseNumber, notAsked] }, followUpAnsweredAt: { not: null } } })).toBe(0);
    });
  });

  it('leaves effects that are not the follow-up to the caller', async () => {
    expect(await run({ type: 'request_handoff', reason: 'requested' })).toBeNull();
    expect(await run({ type: 'record_outcome', kind: 'cancelled', detail: 'x' })).toBeNull();
  });
});
