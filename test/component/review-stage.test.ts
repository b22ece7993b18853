/**
 * The review stage (复查) through the staff API on both stores: a review request starts
 * the review body's answer deadline (reviewDueAt in the Case while it is open); only
 * the review body (fcb01, or the admin) answers it with `review_reply` — the unit whose
 * reply is reviewed gets 403 on `review_reply` and on `reply`; 409 when there is no
 * review; the citizen is told the answer, the re-examination date and body; a replied
 * case is not closed while the citizen's window is open unless they said they are
 * satisfied; a review asked after a close reopens the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/dialog/forms/case-lookup/citizen-case-view.ts';
import { deadlineSweep } from '../../src/jobs/deadline-sweep.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'leader01', 'fcb01'] as const;
type User = (typeof USERS)[number];
type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
type CaseJson = Json & { status: string; reviewDueAt: string | null; timeline: { kind: string; public: boolean; note: string | null }[] };
const DAY = 86_400_000;

describe.each(STORE_KINDS)('the review stage on %s', (kind) => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const u of USERS) tokens[u] = await loginAs(t, u);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  }
  const act = (user: User, n: string, action: string, body: unknown = {}) => call(user, 'POST', `/api/cases/${n}/actions/${action}`, body);
  async function ok(user: User, n: string, action: string, body: unknown = {}): Promise<CaseJson> {
    const r = await act(user, n, action, body);
    expect(r.status, `${action}: ${JSON.stringify(r.json)}`).toBe(200);
    return r.json as CaseJson;
  }
  const prisma = () => t.app.store.handle.prisma;
  const county = () => t.app.core.county;
  const ctx = () => ({ rules: county().deadlines, utcOffsetMinutes: county().utcOffsetMinutes });

  /** A land case of zrzy, answered by zrzy01. */
  async function repliedCase(over: Partial<NewCase> = {}): Promise<string> {
    const n = (await t.app.store.cases.create(newCase(over))).caseNumber;
    await ok('zrzy01', n, 'accept');
    await ok('zrzy01', n, 'reply', { answer: '经核查，补偿款已按标准发放。' });
    return n;
  }

  it('a review request starts the review answer deadline; reviewDueAt is set only while it is open', async () => {
    const n = await repliedCase();
    const replied = await call('admin', 'GET', `/api/cases/${n}`);
    expect(replied.json).toMatchObject({ status: 'replied', reviewDueAt: null });
    // The review body sees no case before a review is asked.
    expect((await call('fcb01', 'GET', `/api/cases/${n}`)).status).toBe(404);
    const asked = await ok('xfj01', n, 'request_review', { reason: '补偿面积少算了两亩' });
    expect(asked.status).toBe('review_requested');
    const today = localDate(new Date(), 480);
    const due = new Date(asked.reviewDueAt!);
    expect(localDate(due, 480)).toBe(localDate(new Date(Date.parse(`${today}T12:00:00Z`) + 30 * DAY), 0));
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(row.reviewAnswerDueAt!.toISOString()).toBe(asked.reviewDueAt);
    expect(county().deadlines.reviewAnswerDays).toBe(30);
    const alerts = await prisma().alert.findMany({ where: { caseId: row.id, kind: 'review_requested' } });
    expect(alerts.map((a) => a.unit)).toEqual(['fcb']);
    // The review body finds it in its alert list; its acknowledgement speaks for everyone.
    const listed = (await call('fcb01', 'GET', '/api/staff/alerts')).json.items as { id: string; kind: string; caseNumber: string }[];
    const mine = listed.find((a) => a.kind === 'review_requested' && a.caseNumber === n)!;
    expect(mine).toBeDefined();
    expect((await call('fcb01', 'POST', `/api/staff/alerts/${mine.id}/ack`)).status).toBe(200);
    expect((await prisma().alert.findUniqueOrThrow({ where: { id: mine.id } })).acknowledgedAt).not.toBeNull();
    // Late: the deadline monitor's 督办 alert reaches the review body too.
    await runJob(t.app.core, deadlineSweep, createLogger('silent'), new Date(row.reviewAnswerDueAt!.getTime() + 1));
    const late = (await call('fcb01', 'GET', '/api/staff/alerts')).json.items as { kind: string; caseNumber: string; message: string }[];
    expect(late.find((a) => a.kind === 'deadline_overdue' && a.caseNumber === n)?.message).toContain('复查答复已超期');
    // Now the review body sees it; the list scope agrees.
    expect((await call('fcb01', 'GET', `/api/cases/${n}`)).status).toBe(200);
    const list = await call('fcb01', 'GET', '/api/cases?status=review_requested');
    expect((list.json.items as { caseNumber: string }[]).map((c) => c.caseNumber)).toContain(n);
    // A second request: 409.
    expect((await act('xfj01', n, 'request_review', { reason: 'again' })).status).toBe(409);
  });

  it('only the review body answers: the reviewed unit gets 403 on review_reply and reply; others 403; then 409', async () => {
    const n = await repliedCase();
    await ok('xfj01', n, 'request_review', { reason: '不服处理意见' });
    for (const action of ['review_reply', 'reply'] as const) {
      const r = await act('zrzy01', n, action, { answer: '维持原意见' });
      expect(r.status, `${action}: ${JSON.stringify(r.json)}`).toBe(403);
      expect(r.json.error!.code).toBe('forbidden');
    }
    expect((await act('xfj01', n, 'review_reply', { answer: 'x' })).status).toBe(403);
    expect((await act('leader01', n, 'review_reply', { answer: 'x' })).status).toBe(403);
    // The console offers the review answer's form to the review body only.
    const page = async (user: User) => (await fetch(`${t.url}/staff/cases/${n}`, { headers: { authorization: `Bearer ${tokens[user]}` } })).text();
    expect(await page('fcb01')).toContain('data-action="review_reply"');
    expect(await page('zrzy01')).not.toContain('data-action="review_reply"');
    expect(await page('zrzy01')).toContain('复查答复期限 Review answer by');
    // Anyone else replying (not the reviewed unit): the status does not allow a reply.
    expect((await act('xfj01', n, 'reply', { answer: 'x' })).status).toBe(409);
    expect((await act('fcb01', n, 'review_reply', { answer: '  ' })).status).toBe(400);
    const before = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).repliedAt;
    const answered = await ok('fcb01', n, 'review_reply', { answer: '经复查，维持原处理意见。' });
    expect(answered.status).toBe('replied');
    expect(answered.reviewDueAt).toBeNull();
    expect(answered.timeline.at(-1)).toMatchObject({ kind: 'review_reply', public: true, note: '经复查，维持原处理意见。' });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(row.reviewRepliedAt).not.toBeNull();
    expect(row.repliedAt).toEqual(before);
    const recheckDays = (row.reviewDueAt!.getTime() - row.reviewRepliedAt!.getTime()) / DAY;
    expect(recheckDays).toBeGreaterThan(29);
    expect(recheckDays).toBeLessThanOrEqual(31);
    const audit = await prisma().auditLog.findMany({ where: { target: n, action: 'case.review_reply' } });
    expect(audit).toHaveLength(1);
    // No review open any more: 409, for the review body and the admin alike.
    expect((await act('fcb01', n, 'review_reply', { answer: 'again' })).status).toBe(409);
    expect((await act('admin', n, 'review_reply', { answer: 'again' })).status).toBe(409);
    // The reviewed unit is refused whatever the status.
    expect((await act('zrzy01', n, 'review_reply', { answer: 'x' })).status).toBe(403);
    // After the review's answer the next step is outside the county: closing is not held.
    expect((await ok('xfj01', n, 'close')).status).toBe('closed');
  });

  it('409 for review_reply on a case with no review; the admin may answer one', async () => {
    const n = await repliedCase();
    expect((await act('fcb01', n, 'review_reply', { answer: 'x' })).status).toBe(404); // not visible before a review
    expect((await act('admin', n, 'review_reply', { answer: 'x' })).status).toBe(409);
    await ok('admin', n, 'request_review', { reason: '代为登记' });
    expect((await ok('admin', n, 'review_reply', { answer: '经复查，撤销原意见，重新办理。' })).status).toBe('replied');
  });

  it('the citizen is told the review answer, the re-examination date and the body to apply to (zh and en)', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const c = new Citizen(t.url, locale);
      const first = await c.say(locale === 'zh' ? '你好' : 'hello');
      const n = await repliedCase({ conversationId: first.conversationId, locale });
      await c.say(locale === 'zh' ? '你好' : 'hello'); // the reply's notice is delivered
      await ok('xfj01', n, 'request_review', { reason: '不服' });
      await ok('fcb01', n, 'review_reply', { answer: locale === 'zh' ? '经复查，维持原处理意见。' : 'On review, the reply stands.' });
      const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
      const r = await c.say(locale === 'zh' ? '你好' : 'hello');
      const notices = r.replies.map((x) => x.text).join('\n');
      const date = formatDate(row.reviewDueAt!, county(), locale);
      if (locale === 'zh') {
        expect(notices).toContain('县人民政府信访复查办公室的复查意见如下');
        expect(notices).toContain('经复查，维持原处理意见。');
        expect(notices).toContain(`可以在${date}前申请复核`);
        expect(notices).toContain('市人民政府');
      } else {
        expect(notices).toContain('The review decision of County Government Petition Review Office');
        expect(notices).toContain(`re-examination until ${date}`);
        expect(notices).toContain('city government');
        expect(notices).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('a replied case is not closed while the review window is open, unless the citizen said they are satisfied', async () => {
    const n = await repliedCase();
    const page = await (await fetch(`${t.url}/staff/cases/${n}`, { headers: { authorization: `Bearer ${tokens.xfj01}` } })).text();
    expect(page).toContain('data-close-held');
    const held = await act('xfj01', n, 'close');
    expect(held.status).toBe(409);
    expect(held.json.error!.details).toMatchObject({ code: 'review_window_open' });
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).status).toBe('replied');
    await prisma().case.update({ where: { caseNumber: n }, data: { ratingHandling: 'basically_satisfied' } });
    expect((await ok('xfj01', n, 'close')).status).toBe('closed');

    const resolved = await repliedCase();
    await prisma().case.update({ where: { caseNumber: resolved }, data: { followUpResolved: true } });
    expect((await ok('xfj01', resolved, 'close')).status).toBe('closed');

    const unhappy = await repliedCase();
    await prisma().case.update({ where: { caseNumber: unhappy }, data: { ratingHandling: 'dissatisfied' } });
    expect((await act('xfj01', unhappy, 'close')).status).toBe(409);

    // Once the window has passed, it closes.
    const past = await repliedCase();
    await prisma().case.update({ where: { caseNumber: past }, data: { repliedAt: new Date(Date.now() - 40 * DAY), reviewDueAt: new Date(Date.now() - 10 * DAY) } });
    expect((await ok('xfj01', past, 'close')).status).toBe('closed');
    expect(ctx().rules.reviewRequestDays).toBe(30);
  });

  it('a review the citizen asks in the chat after an early close is recorded and answered, not lost', async () => {
    const c = new Citizen(t.url);
    const first = await c.say('你好');
    const n = await repliedCase({ conversationId: first.conversationId });
    await prisma().case.update({ where: { caseNumber: n }, data: { ratingHandling: 'satisfied' } });
    await ok('xfj01', n, 'close');
    await c.say('我要申请复查');
    expect(c.text).toContain('申请复查');
    await c.say('补偿款少算了两亩地，我不服这个处理意见');
    expect(c.text).toContain(`您的复查申请已提交，并记入案件 ${n}`);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(row).toMatchObject({ status: 'review_requested', closedAt: null });
    expect(row.reviewAnswerDueAt).not.toBeNull();
    expect((await prisma().alert.findMany({ where: { caseId: row.id, kind: 'review_requested' } })).map((a) => a.unit)).toEqual(['fcb']);
    expect((await call('fcb01', 'GET', `/api/cases/${n}`)).json).toMatchObject({ status: 'review_requested', reviewDueAt: row.reviewAnswerDueAt!.toISOString() });
  });

  it('a review asked on the citizen’s behalf after a close reopens the case inside the window, not after it', async () => {
    const n = await repliedCase();
    await prisma().case.update({ where: { caseNumber: n }, data: { ratingHandling: 'satisfied' } });
    await ok('xfj01', n, 'close');
    const page = async (caseNumber: string) => (await fetch(`${t.url}/staff/cases/${caseNumber}`, { headers: { authorization: `Bearer ${tokens.xfj01}` } })).text();
    expect(await page(n)).toContain('data-action="request_review"');
    const reopened = await ok('xfj01', n, 'request_review', { reason: '当时说满意，后来发现补偿少算了' });
    expect(reopened).toMatchObject({ status: 'review_requested' });
    expect(reopened.reviewDueAt).not.toBeNull();
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).closedAt).toBeNull();

    const late = await repliedCase();
    await prisma().case.update({ where: { caseNumber: late }, data: { status: 'closed', repliedAt: new Date(Date.now() - 40 * DAY), reviewDueAt: new Date(Date.now() - 10 * DAY) } });
    const refused = await act('xfj01', late, 'request_review', { reason: 'x' });
    expect(refused.status).toBe(409);
    // The console offers no review request once the window has passed.
    expect(await page(late)).not.toContain('data-action="request_review"');
  });
});
