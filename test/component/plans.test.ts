/**
 * Emergency plans on a real store (PGlite) with a clock the test moves: a self-harm
 * petition through /api/chat opens the self-harm plan; closing with open steps is
 * refused (409 plan_steps_open) unless a reason is given; completing every step
 * (each by a role that may) allows closure; the after-action review is stored once
 * and shown; the late-step sweep alerts once per step; the sweep opens a missed plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasePlan } from '../../src/app/cases/open-case-plan.ts';
import { planStepSweep } from '../../src/jobs/plan-step-sweep.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { casePlanDeps } from '../../src/root/plan-deps.ts';
import { newCase } from '../helpers/cases.ts';
import { caseJson, Citizen, fileThroughChat, startPlanApp, type Json, type PlanTestApp, type User } from '../helpers/plan-app.ts';

const START = new Date('2026-11-27T02:00:00.000Z');
const MIN = 60_000;
const log = createLogger('silent');

type Step = { stepId: string; role: string; dueAt: string; state: string; doneAt: string | null; doneBy: string | null; note: string | null; mayComplete: boolean };
type PlanJson = { code: string; steps: Step[]; review: { text: string; by: string | null } | null; reviewWanted: boolean };
type CaseJson = Json & { caseNumber: string; status: string; flags: string[]; plan: PlanJson | null; timeline: { kind: string; note: string | null; public: boolean }[] };

let t: PlanTestApp;
beforeAll(async () => {
  t = await startPlanApp(START);
});
afterAll(async () => {
  await t?.stop();
});

const get = (n: string) => caseJson<CaseJson>(t, n);
const act = (user: User, n: string, action: string, body: unknown = {}) => t.call(user, 'POST', `/api/cases/${n}/actions/${action}`, body);
const done = (user: User, n: string, stepId: string, body: unknown = {}) => t.call(user, 'POST', `/api/cases/${n}/plan/steps/${stepId}/done`, body);
const prisma = () => t.app.store.handle.prisma;
const sweep = () => runJob({ county: t.app.core.county, store: t.app.store }, planStepSweep, log, t.clock.now());

async function toReplied(n: string) {
  for (const [a, body] of [['accept', {}], ['reply', { answer: '经核查，补偿款已于本月发放。' }]] as const) {
    const r = await act('xfj01', n, a, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  }
  // The citizen says they are satisfied: the close need not wait for the review window.
  await t.app.store.handle.prisma.case.update({ where: { caseNumber: n }, data: { ratingHandling: 'satisfied' } });
}

/** Who may mark each role's step on a zrzy case in 东湖镇. */
const DOER: Record<string, User> = { intake: 'xfj01', unit: 'zrzy01', township: 'town-donghu01' };

describe('a self-harm petition filed through the chat', () => {
  let n: string;
  let openedAt: Date;
  beforeAll(async () => {
    openedAt = t.clock.now();
    n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来，再不给钱我就不想活了');
    await t.app.core.settle(); // the plan opens right after the reply
  });

  it('opens the self-harm plan with its steps due from the opening', async () => {
    const k = await get(n);
    expect(k.flags).toContain('risk');
    expect(k.plan?.code).toBe('self_harm');
    const cfg = t.app.core.county.plans.find((p) => p.code === 'self_harm')!;
    expect(k.plan!.steps.map((s) => [s.stepId, s.role, s.dueAt, s.state])).toEqual(
      cfg.steps.map((s) => [s.id, s.role, new Date(openedAt.getTime() + s.dueMinutes * MIN).toISOString(), 'open']),
    );
    const opened = k.timeline.filter((e) => e.kind === 'plan_opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.public).toBe(false);
    const id = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).id;
    expect((await prisma().alert.findMany({ where: { caseId: id, kind: 'plan_opened' } })).map((a) => a.dedupeKey)).toEqual([`plan_opened:${id}`]);
  });

  it('is idempotent: opening again keeps the one plan', async () => {
    const deps = casePlanDeps(t.app.store, t.app.core.county, t.clock, log);
    expect(await openCasePlan(deps, { caseNumber: n })).toEqual({ opened: false, reason: 'has_plan' });
    const id = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).id;
    expect(await prisma().casePlanStep.count({ where: { caseId: id } })).toBe(6);
  });

  it('the late-step sweep alerts once per late step, with one timeline event each', async () => {
    const id = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).id;
    await sweep();
    expect(await prisma().alert.count({ where: { caseId: id, kind: 'plan_step_late' } })).toBe(0);
    await t.advance(61 * MIN); // contact (15 min) and the two 60-minute steps are late; the rest are not
    await sweep();
    await sweep();
    const alerts = await prisma().alert.findMany({ where: { caseId: id, kind: 'plan_step_late' }, orderBy: { dedupeKey: 'asc' } });
    expect(alerts.map((a) => a.dedupeKey)).toEqual(['contact', 'on_site', 'report'].map((s) => `plan_step_late:${id}:${s}`));
    expect(alerts.every((a) => a.unit === 'zrzy' && a.message.includes(n))).toBe(true);
    const k = await get(n);
    expect(k.timeline.filter((e) => e.kind === 'plan_step_late')).toHaveLength(3);
    expect(k.plan!.steps.filter((s) => s.state === 'late').map((s) => s.stepId)).toEqual(['contact', 'on_site', 'report']);
  });

  it('closing with open steps is refused with plan_steps_open; with a reason it closes and the reason is on the timeline per step', async () => {
    await toReplied(n);
    const refused = await act('xfj01', n, 'close', { note: '已答复' });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe('conflict');
    expect(refused.json.error?.details?.code).toBe('plan_steps_open');
    expect(refused.json.error?.details?.openSteps).toHaveLength(6);
    expect((await get(n)).status).toBe('replied');

    const reason = '当事人已由家属接回，情绪稳定，经联席会议研究同意办结';
    const closed = await act('xfj01', n, 'close', { note: '已答复', reason });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    const k = await get(n);
    expect(k.status).toBe('closed');
    const waived = k.timeline.filter((e) => e.kind === 'plan_step_waived');
    expect(waived).toHaveLength(6);
    expect(waived.every((e) => e.note?.includes(reason) && !e.public)).toBe(true);
    // The citizen never sees the internal reason.
    expect(k.timeline.filter((e) => e.public).some((e) => e.note?.includes(reason))).toBe(false);
  });

  it('asks for the after-action review once closed, stores it once and shows it', async () => {
    expect((await get(n)).plan!.reviewWanted).toBe(true);
    const before = await t.page('xfj01', `/staff/cases/${n}`);
    expect(before.body).toContain('action="/staff/cases/' + n + '/review-summary"');
    expect((await t.call('leader01', 'POST', `/api/cases/${n}/review-summary`, { summary: '总结' })).status).toBe(403);
    expect((await t.call('xfj01', 'POST', `/api/cases/${n}/review-summary`, { summary: '   ' })).status).toBe(400);
    const text = '接报后15分钟内联系当事人，属地乡镇及时到场，稳控有效。<b>教训</b>：应更早通知家属。';
    const r = await t.call('xfj01', 'POST', `/api/cases/${n}/review-summary`, { summary: text });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await t.call('admin', 'POST', `/api/cases/${n}/review-summary`, { summary: '再写一次' })).status).toBe(409);
    const k = await get(n);
    expect(k.plan!.review?.text).toBe(text);
    expect(k.plan!.reviewWanted).toBe(false);
    expect(k.timeline.filter((e) => e.kind === 'review_summary')).toHaveLength(1);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect([row.closureReview, row.closureReviewAt?.toISOString()]).toEqual([text, t.clock.now().toISOString()]);
    const shown = await t.page('leader01', `/staff/cases/${n}`);
    expect(shown.body).toContain('接报后15分钟内联系当事人');
    expect(shown.body).toContain('&lt;b&gt;教训&lt;/b&gt;');
    expect(shown.body).not.toContain('/review-summary"');
    expect(await prisma().auditLog.count({ where: { target: n, action: 'case.review_summary' } })).toBe(1);
  });
});

describe('completing the steps', () => {
  let n: string;
  beforeAll(async () => {
    n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来，我们准备去堵国道');
    await t.app.core.settle();
  });

  it('opens the blocking plan; each step is marked by a role that may, others are refused', async () => {
    const k = await get(n);
    expect(k.plan?.code).toBe('blocking');
    expect((await t.call('admin', 'POST', `/api/cases/${n}/review-summary`, { summary: '太早了' })).status).toBe(409);
    const first = k.plan!.steps[0]!;
    expect(first.role).toBe('intake');
    expect((await done('leader01', n, first.stepId)).status).toBe(403);
    expect((await done('zrzy01', n, first.stepId)).status).toBe(403);
    expect((await done('xfj01', n, 'no_such_step')).status).toBe(404);
    const township = k.plan!.steps.find((s) => s.role === 'township')!;
    expect((await done('zrzy01', n, township.stepId)).status).toBe(403);
    const unitStep = k.plan!.steps.find((s) => s.role === 'unit')!;
    expect((await done('town-donghu01', n, unitStep.stepId)).status).toBe(403);
  });

  it('the console shows the steps, who must act, and a mark-done form only to who may', async () => {
    const k = await get(n);
    const own = await t.page('zrzy01', `/staff/cases/${n}`);
    expect(own.body).toContain('应急预案 Emergency plan');
    expect(own.body).toContain('属地乡镇 Township：东湖镇人民政府');
    const unitStep = k.plan!.steps.find((s) => s.role === 'unit')!.stepId;
    const forms = [...own.body.matchAll(/plan\/steps\/(\w+)\/done/g)].map((m) => m[1]);
    expect(forms).toEqual(k.plan!.steps.filter((s) => s.role === 'unit').map((s) => s.stepId));
    expect(forms).toContain(unitStep);
    expect((await t.page('leader01', `/staff/cases/${n}`)).body).not.toContain('/done"');
  });

  it('every step done (a timeline event and an audit entry each) allows closure without a reason', async () => {
    const k = await get(n);
    await t.advance(5 * MIN);
    for (const s of k.plan!.steps) {
      const r = await done(DOER[s.role]!, n, s.stepId, { note: s.role === 'intake' ? '已电话联系' : undefined });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }
    expect((await done('xfj01', n, k.plan!.steps[0]!.stepId)).status).toBe(409);
    const after = await get(n);
    expect(after.plan!.steps.every((s) => s.state === 'done' && s.doneAt === t.clock.now().toISOString())).toBe(true);
    expect(after.plan!.steps[0]!.doneBy).toContain('xfj01');
    expect(after.plan!.steps[0]!.note).toBe('已电话联系');
    expect(after.timeline.filter((e) => e.kind === 'plan_step_done')).toHaveLength(k.plan!.steps.length);
    expect(await prisma().auditLog.count({ where: { target: n, action: 'case.plan_step_done' } })).toBe(k.plan!.steps.length);
    await toReplied(n);
    const closed = await act('xfj01', n, 'close', {});
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect((await get(n)).timeline.some((e) => e.kind === 'plan_step_waived')).toBe(false);
  });

  it('no late alert for steps done in time, nor for a closed case', async () => {
    await t.advance(10 * 86_400_000);
    await sweep();
    const id = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).id;
    expect(await prisma().alert.count({ where: { caseId: id, kind: 'plan_step_late' } })).toBe(0);
  });
});

describe('a risk message from a citizen whose case is already filed', () => {
  it('flags that case risk and opens its plan; a later risk message opens no second plan', async () => {
    const c = new Citizen(t.url);
    const n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来', '就我自己', c);
    await t.app.core.settle();
    expect((await get(n)).plan).toBeNull();
    await c.say('再不解决，我就从县政府楼顶跳下去');
    await t.app.core.settle(); // flagged and planned right after the reply
    const k = await get(n);
    expect(k.flags).toContain('risk');
    expect(k.plan?.code).toBe('self_harm');
    expect(k.timeline.filter((e) => e.kind === 'risk_flagged')).toHaveLength(1);
    await c.say('我们全村明天就去堵国道');
    await t.app.core.settle();
    const again = await get(n);
    expect(again.plan?.code).toBe('self_harm');
    expect(again.timeline.filter((e) => e.kind === 'plan_opened')).toHaveLength(1);
  });
});

describe('the sweep as a safety net', () => {
  it('opens the group plan of a recent group case filed without one, once', async () => {
    const at = t.clock.now();
    const { id } = await t.app.store.cases.create(newCase({ flags: ['group'], peopleCount: 30, receivedAt: at, localDate: '2026-12-07' }));
    const old = await t.app.store.cases.create(newCase({ flags: ['group'], peopleCount: 30, receivedAt: new Date(at.getTime() - 4 * 86_400_000), localDate: '2026-12-03' }));
    await sweep();
    await sweep();
    const row = await prisma().case.findUniqueOrThrow({ where: { id } });
    expect(row.planCode).toBe('group_visit');
    expect(await prisma().casePlanStep.count({ where: { caseId: id } })).toBe(6);
    expect(await prisma().caseEvent.count({ where: { caseId: id, kind: 'plan_opened' } })).toBe(1);
    expect((await prisma().case.findUniqueOrThrow({ where: { id: old.id } })).planCode).toBeNull();
  });
});
