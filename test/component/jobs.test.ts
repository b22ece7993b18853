/**
 * The periodic jobs against real stores (PGlite and PostgreSQL) with a controlled
 * clock: the deadline sweep's boundaries, its idempotence and its lock, and the
 * follow-up message 30 days after a reply; the daily refresh of the planner's statistics.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCountyConfig } from '../../src/county-config-file.ts';
import { deadlineSweep } from '../../src/jobs/deadline-sweep.ts';
import { callbackSweep } from '../../src/jobs/callback-sweep.ts';
import { refreshStatistics } from '../../src/jobs/refresh-statistics.ts';
import type { JobDeps } from '../../src/jobs/job.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

const county = readCountyConfig();
const log = createLogger('silent');
/** End of local 2026-12-12 (UTC+8): the acceptance deadline of `newCase()`. */
const ACCEPT_DUE = new Date('2026-12-12T15:59:59.999Z');
const MS = 1;
const DAY = 86_400_000;

describe.each(STORE_KINDS)('jobs on %s', (kind) => {
  let t: TestStore;
  let deps: JobDeps;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.county.sync(county);
    deps = { county, store: t.store };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const prisma = () => t.store.handle.prisma;
  const sweep = (now: Date) => runJob(deps, deadlineSweep, log, now);
  const aCase = async (over: Parameters<typeof newCase>[0] = {}) => (await t.store.cases.create(newCase({ acceptDueAt: ACCEPT_DUE, ...over }))).id;
  const alertsOf = (caseId: string) => prisma().alert.findMany({ where: { caseId }, orderBy: { dedupeKey: 'asc' } });
  const supervisionOf = (caseId: string) => prisma().caseEvent.findMany({ where: { caseId, kind: 'supervision' } });
  const flagsOf = async (caseId: string) => (await prisma().case.findUniqueOrThrow({ where: { id: caseId } })).flags;

  it('calls an acceptance deadline due soon from dueSoonDays before it, and overdue only after its last millisecond', async () => {
    expect(county.deadlines.dueSoonDays).toBe(3);
    const id = await aCase();
    await sweep(new Date('2026-12-08T15:59:59.999Z')); // local 12-08 23:59: more than 3 days left
    expect(await alertsOf(id)).toEqual([]);
    await sweep(new Date('2026-12-08T16:00:00.000Z')); // local 12-09 00:00
    expect((await alertsOf(id)).map((a) => a.dedupeKey)).toEqual([`due_soon:accept:${id}`]);
    await sweep(ACCEPT_DUE); // the last millisecond is still in time
    expect(await alertsOf(id)).toHaveLength(1);
    expect(await flagsOf(id)).not.toContain('overdue');
    await sweep(new Date(ACCEPT_DUE.getTime() + MS));
    const alerts = await alertsOf(id);
    expect(alerts.map((a) => [a.dedupeKey, a.kind, a.unit])).toEqual([
      [`due_soon:accept:${id}`, 'deadline_due_soon', 'zrzy'],
      [`overdue:accept:${id}`, 'deadline_overdue', 'zrzy'],
    ]);
    expect(await flagsOf(id)).toContain('overdue');
    expect((await supervisionOf(id)).map((e) => [e.public, e.actorType, (e.data as { state: string }).state]).sort()).toEqual([
      [false, 'system', 'due_soon'],
      [false, 'system', 'overdue'],
    ]);
  });

  it('flags an overdue case once, with one alert and one supervision event after two runs', async () => {
    const id = await aCase();
    const now = new Date(ACCEPT_DUE.getTime() + DAY);
    const first = await sweep(now);
    const second = await sweep(new Date(now.getTime() + 10 * 60_000));
    expect(first.ran && second.ran).toBe(true);
    expect((await alertsOf(id)).map((a) => a.dedupeKey)).toEqual([`overdue:accept:${id}`]);
    expect(await supervisionOf(id)).toHaveLength(1);
    expect((await flagsOf(id)).filter((f) => f === 'overdue')).toEqual(['overdue']);
    if (second.ran) expect(second.counts).toMatchObject({ alerts: 0, flagged: 0 });
  });

  it('watches the review answer deadline: due soon, overdue for the review body, nothing once answered', async () => {
    const REVIEW_DUE = new Date('2027-01-09T15:59:59.999Z');
    const asked = { status: 'review_requested', acceptDueAt: null, repliedAt: new Date('2026-12-01T02:00:00Z'), reviewRequestedAt: new Date('2026-12-10T02:00:00Z'), reviewAnswerDueAt: REVIEW_DUE };
    const open = await aCase();
    const answered = await aCase();
    await prisma().case.update({ where: { id: open }, data: asked });
    await prisma().case.update({ where: { id: answered }, data: { ...asked, status: 'replied', reviewRepliedAt: new Date('2027-01-02T02:00:00Z') } });
    await sweep(new Date('2027-01-05T15:59:59.999Z')); // local 01-05: more than 3 days left
    expect(await alertsOf(open)).toEqual([]);
    await sweep(new Date('2027-01-06T02:00:00Z'));
    expect((await alertsOf(open)).map((a) => [a.dedupeKey, a.unit])).toEqual([[`due_soon:review:${open}`, 'fcb']]);
    await sweep(new Date(REVIEW_DUE.getTime() + MS));
    const alerts = await alertsOf(open);
    expect(alerts.map((a) => [a.dedupeKey, a.kind, a.unit])).toEqual([
      [`due_soon:review:${open}`, 'deadline_due_soon', 'fcb'],
      [`overdue:review:${open}`, 'deadline_overdue', 'fcb'],
    ]);
    expect(alerts[1]!.message).toContain('复查');
    expect(await flagsOf(open)).toContain('overdue');
    expect((await supervisionOf(open)).map((e) => (e.data as { deadline: string }).deadline)).toEqual(['review', 'review']);
    expect(await alertsOf(answered)).toEqual([]);
  });

  it('watches the reply deadline of accepted cases and ignores replied ones', async () => {
    const open = await aCase();
    const done = await aCase();
    const replyDueAt = new Date('2027-01-31T15:59:59.999Z');
    await prisma().case.update({ where: { id: open }, data: { status: 'in_progress', acceptedAt: new Date('2026-12-01T02:00:00Z'), replyDueAt } });
    await prisma().case.update({ where: { id: done }, data: { status: 'replied', replyDueAt, repliedAt: new Date('2027-01-01T02:00:00Z') } });
    await sweep(new Date(replyDueAt.getTime() + MS));
    expect((await alertsOf(open)).map((a) => a.dedupeKey)).toEqual([`overdue:reply:${open}`]);
    expect(await alertsOf(done)).toEqual([]);
  });

  it('raises one alert when two runners sweep at once', async () => {
    const id = await aCase();
    const now = new Date(ACCEPT_DUE.getTime() + 2 * DAY);
    const runs = await Promise.all([sweep(now), sweep(now)]);
    expect(runs.some((r) => r.ran)).toBe(true);
    expect((await alertsOf(id)).map((a) => a.dedupeKey)).toEqual([`overdue:accept:${id}`]);
    expect(await supervisionOf(id)).toHaveLength(1);
    const run = await prisma().jobRun.findUniqueOrThrow({ where: { name: 'deadline-sweep' } });
    expect(run.lastRunAt.getTime()).toBe(now.getTime());
  });

  it('asks once, 30 days after the reply, whether the matter is resolved', async () => {
    const conversation = await prisma().conversation.create({ data: { channel: 'web', channelUserId: `user-${randomUUID()}`, state: {} } });
    const repliedAt = new Date('2027-01-01T02:00:00Z');
    const { id, caseNumber } = await t.store.cases.create(newCase({ conversationId: conversation.id }));
    await prisma().case.update({ where: { id }, data: { status: 'replied', repliedAt } });
    const follow = (now: Date) => runJob(deps, callbackSweep, log, now);

    await follow(new Date(repliedAt.getTime() + 30 * DAY - MS));
    expect(await t.store.outbox.pendingFor(conversation.id)).toEqual([]);
    const now = new Date(repliedAt.getTime() + 31 * DAY);
    await Promise.all([follow(now), follow(now)]);
    await follow(new Date(now.getTime() + DAY));

    const messages = await t.store.outbox.pendingFor(conversation.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ author: 'system', channel: 'web' });
    expect(messages[0]!.text).toContain(caseNumber);
    expect(messages[0]!.buttons!.map((b) => b.payload)).toEqual([`followup:${caseNumber}:yes`, `followup:${caseNumber}:no`]);
    const kase = await prisma().case.findUniqueOrThrow({ where: { id } });
    expect(kase.followUpSentAt?.getTime()).toBe(now.getTime());
  });

  it('refreshes the planner statistics of the cases (PGlite has no autovacuum to do it)', async () => {
    await aCase();
    const out = await runJob(deps, refreshStatistics, log, new Date());
    expect(out).toEqual({ name: 'refresh-statistics', ran: true, counts: { analyzed: 1 } });
    const rows = await prisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'cases'`);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
