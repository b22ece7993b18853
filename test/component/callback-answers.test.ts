/**
 * The citizen's answer to the 30-day follow-up question, on the whole app (PGlite)
 * with a clock the test moves: the follow-up sweep asks, the citizen answers by
 * button or by typing yes/no right after the question (POST /api/chat). Yes and no
 * are recorded once with a public timeline event; a "no" offers the review while
 * its window is open and a person once it has passed; a stranger's case or one never
 * asked about is "not found". The settlement rate counts the "no".
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { t as say } from '../../src/dialog/catalog/catalog.ts';
import { reviewRequestDue } from '../../src/domain/deadlines.ts';
import { callbackSweep } from '../../src/jobs/callback-sweep.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { startApp, type RunningApp } from '../../src/root/start-app.ts';
import { ADMIN_PASSWORD } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { TEST_SECRET, tempDir } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';

const DAY = 86_400_000;
/** The written replies go out at T0 (local 10:00); the question 30 days later. */
const T0 = Date.parse('2026-11-27T02:00:00Z');
const RECEIVED = new Date(T0 - 40 * DAY); // local 2026-10-18
const clock = { at: T0, now: () => new Date(clock.at) };

let app: RunningApp;
let dataDir: string;
const log = createLogger('silent');

beforeAll(async () => {
  dataDir = seedPgliteData(tempDir());
  const cfg = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, ADMIN_PASSWORD, LOG_LEVEL: 'silent', NLU_CACHE_DIR: SHARED_NLU_CACHE });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  app = await startApp(cfg, { clock, log: createLogger('silent', sink) });
});
afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const prisma = () => app.store.handle.prisma;

/** A citizen with a conversation and a case filed from it, replied at `repliedAt`. */
async function citizenWithReply(repliedAt: number, locale: 'zh' | 'en' = 'zh') {
  const c = new Citizen(app.url, locale);
  const conversationId = (await c.say(locale === 'zh' ? '你好' : 'hello')).conversationId;
  const { caseNumber } = await app.store.cases.create(newCase({ conversationId, locale, receivedAt: RECEIVED, localDate: '2026-10-18', queryCode: null }));
  const ctx = { rules: app.core.county.deadlines, utcOffsetMinutes: app.core.county.utcOffsetMinutes };
  await prisma().case.update({
    where: { caseNumber },
    data: { status: 'replied', acceptedAt: RECEIVED, repliedAt: new Date(repliedAt), reviewDueAt: reviewRequestDue(new Date(repliedAt), ctx) },
  });
  return { c, caseNumber };
}
const kase = (caseNumber: string) => prisma().case.findUniqueOrThrow({ where: { caseNumber } });
const answerEvents = (caseNumber: string) => prisma().caseEvent.findMany({ where: { case: { caseNumber }, kind: { startsWith: 'follow_up_' } } });

/** The pushed messages waiting for this citizen (the web widget's long poll). */
async function updates(c: Citizen) {
  const res = await fetch(`${app.url}/api/chat/updates?userId=${c.userId}&timeout=0`);
  return ((await res.json()) as { replies: { text: string; buttons?: { payload: string }[] }[] }).replies;
}

let a: Awaited<ReturnType<typeof citizenWithReply>>;
let b: Awaited<ReturnType<typeof citizenWithReply>>;
let late: Awaited<ReturnType<typeof citizenWithReply>>;
let chatty: Awaited<ReturnType<typeof citizenWithReply>>;
let unasked: Awaited<ReturnType<typeof citizenWithReply>>;

describe('the follow-up question 30 days after the reply', () => {
  beforeAll(async () => {
    a = await citizenWithReply(T0, 'en');
    b = await citizenWithReply(T0);
    late = await citizenWithReply(T0 - 5 * DAY); // its review window ends before the question
    chatty = await citizenWithReply(T0);
    unasked = await citizenWithReply(T0 + 10 * DAY); // too recent to be asked
    clock.at = T0 + 30 * DAY; // local 2026-12-27 10:00: the review window of a reply at T0 is open until the end of the day
    const run = await runJob(app.core, callbackSweep, log, clock.now());
    expect(run).toMatchObject({ ran: true, counts: { sent: 4 } });
  });

  it('asks with yes/no buttons; "yes" is recorded once, thanked, and a second press writes nothing', async () => {
    const pushed = await updates(a.c);
    expect(pushed.map((r) => r.buttons?.map((x) => x.payload))).toContainEqual([`followup:${a.caseNumber}:yes`, `followup:${a.caseNumber}:no`]);
    await a.c.send({ payload: `followup:${a.caseNumber}:yes` });
    expect(a.c.text).toContain(say('en', 'callbackThanks', { caseNumber: a.caseNumber }));
    const k = await kase(a.caseNumber);
    expect([k.followUpResolved, k.followUpAnsweredAt?.getTime()]).toEqual([true, clock.at]);
    const ev = await answerEvents(a.caseNumber);
    expect(ev.map((e) => [e.kind, e.public, e.actorType])).toEqual([['follow_up_resolved', true, 'citizen']]);

    await a.c.send({ payload: `followup:${a.caseNumber}:yes` });
    await a.c.send({ payload: `followup:${a.caseNumber}:no` });
    expect(a.c.text).toContain(say('en', 'callbackAlready', { caseNumber: a.caseNumber }));
    expect((await kase(a.caseNumber)).followUpResolved).toBe(true);
    expect(await answerEvents(a.caseNumber)).toHaveLength(1);
    // The citizen's own view of the case shows the answer.
    await a.c.send({ payload: 'cmd:status' });
    expect(a.c.text).toContain(say('en', 'ev_follow_up_resolved'));
  });

  it('"not resolved" typed right after the question offers the review while its window is open', async () => {
    expect((await updates(b.c)).length).toBeGreaterThan(0);
    await b.c.say('还没有解决');
    expect(b.c.text).toContain(say('zh', 'callbackNoted', { caseNumber: b.caseNumber }));
    expect(b.c.text).toContain(say('zh', 'callbackReviewOffer'));
    expect((await kase(b.caseNumber)).followUpResolved).toBe(false);
    expect((await answerEvents(b.caseNumber)).map((e) => e.kind)).toEqual(['follow_up_unresolved']);
    await b.c.press('fu:review');
    expect(b.c.text).toContain(say('zh', 'lookupAskReviewReason'));
    await b.c.say('处理意见没有解决补偿款的问题，补偿标准也没有说明依据，我不服。');
    expect(b.c.text).toContain(say('zh', 'lookupReviewRequested', { caseNumber: b.caseNumber, days: 30 }));
    expect((await kase(b.caseNumber)).status).toBe('review_requested');
  });

  it('"没有" after the window passed explains that and offers a person', async () => {
    await updates(late.c);
    await late.c.say('没有');
    expect(late.c.text).toContain(say('zh', 'callbackWindowPassed', { date: '2026年12月22日' }));
    expect(late.c.last.replies.flatMap((r) => r.buttons ?? []).map((x) => x.payload)).toContain('cmd:human');
    expect((await kase(late.caseNumber)).followUpResolved).toBe(false);
    expect((await kase(late.caseNumber)).status).toBe('replied');
  });

  it('takes a typed yes only right after the question', async () => {
    await updates(chatty.c);
    await chatty.c.say('谢谢你');
    await chatty.c.say('是');
    expect(chatty.c.text).toContain(say('zh', 'neutralAck'));
    expect((await kase(chatty.caseNumber)).followUpAnsweredAt).toBeNull();
    // Its button still works.
    await chatty.c.send({ payload: `followup:${chatty.caseNumber}:yes` });
    expect((await kase(chatty.caseNumber)).followUpResolved).toBe(true);
  });

  it('answers "not found" for a stranger\'s case and for a case never asked about', async () => {
    await b.c.send({ payload: `followup:${late.caseNumber}:yes` });
    expect(b.c.text).toContain(say('zh', 'callbackNotFound'));
    expect((await kase(late.caseNumber)).followUpResolved).toBe(false);
    await unasked.c.send({ payload: `followup:${unasked.caseNumber}:no` });
    expect(unasked.c.text).toContain(say('zh', 'callbackNotFound'));
    await unasked.c.send({ payload: 'followup:XF209901010001:no' });
    expect(unasked.c.text).toContain(say('zh', 'callbackNotFound'));
    expect((await kase(unasked.caseNumber)).followUpAnsweredAt).toBeNull();
    // A typed "no" without a question waiting changes nothing either.
    await unasked.c.say('没有');
    expect(unasked.c.text).toContain(say('zh', 'neutralAck'));
    expect((await kase(unasked.caseNumber)).followUpAnsweredAt).toBeNull();
  });
});

describe('the settlement rate', () => {
  it('counts a "not resolved" answer as not settled', async () => {
    clock.at = T0 + 45 * DAY; // every review window has passed
    const res = await fetch(`${app.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await res.json()) as { token: string };
    const stats = await fetch(`${app.url}/api/stats?from=2026-10-18&to=2026-10-18`, { headers: { authorization: `Bearer ${token}` } });
    const json = (await stats.json()) as { total: number; settlementRate: number };
    // a: yes; chatty: yes; unasked: no answer → settled. b: review requested; late: "no" → not settled.
    expect(json.total).toBe(5);
    expect(json.settlementRate).toBe(0.6);
  });
});
