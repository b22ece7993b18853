/**
 * Responsibility on a real store (PGlite) with a clock the test moves: who is
 * responsible at each level, and where a case has been — a holding per unit and
 * staff member with its duration, opened at filing, closed and reopened on a transfer
 * (which needs a reason) and when the holder changes; an older case without holdings
 * shows its current unit since creation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase } from '../helpers/cases.ts';
import { caseJson, fileThroughChat, startPlanApp, type Json, type PlanTestApp } from '../helpers/plan-app.ts';

const START = new Date('2026-11-27T02:00:00.000Z');
const HOUR = 3_600_000;

type Holding = { unit: string; staffId: string | null; displayName: string | null; since: string; until: string | null; reason: string | null; durationHours: number };
type CaseJson = Json & {
  responsibility: { unit: { code: string; name: string }; township: { name: string; unit: string; unitName: string } | null; holder: { staffId: string; displayName: string | null } | null };
  holdings: Holding[];
};

let t: PlanTestApp;
beforeAll(async () => {
  t = await startPlanApp(START);
});
afterAll(async () => {
  await t?.stop();
});

const get = (n: string) => caseJson<CaseJson>(t, n);
const staffId = async (u: string) => (await t.app.store.staff.findByUsername(u))!.id;

describe('a petition filed through the chat', () => {
  let n: string;
  let filedAt: string;
  beforeAll(async () => {
    filedAt = t.clock.now().toISOString();
    n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来');
  });

  it('shows the competent unit, the 属地 township and no holder; one holding since filing', async () => {
    const k = await get(n);
    expect(k.responsibility).toEqual({ unit: { code: 'zrzy', name: '县自然资源局' }, township: { name: '东湖镇', unit: 'town:东湖镇', unitName: '东湖镇人民政府' }, holder: null });
    expect(k.holdings).toEqual([{ unit: 'zrzy', unitName: '县自然资源局', staffId: null, displayName: null, since: filedAt, until: null, reason: null, durationHours: 0 }]);
    expect(k.plan).toBeNull();
    // Opened when the case was filed (not only derived for display).
    const row = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(await t.app.store.handle.prisma.caseHolding.findMany({ where: { caseId: row.id }, select: { unit: true, since: true, until: true } })).toEqual([
      { unit: 'zrzy', since: new Date(filedAt), until: null },
    ]);
  });

  it('a transfer needs a reason; with one it closes the holding and opens the next, with durations', async () => {
    await t.advance(5 * HOUR);
    const missing = await t.call('xfj01', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'zjj', reason: '   ' });
    expect(missing.status).toBe(400);
    const transferAt = t.clock.now().toISOString();
    const reason = '经核实系房屋拆迁安置问题，属县住建局职责';
    const r = await t.call('xfj01', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'zjj', reason });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    await t.advance(2.5 * HOUR);
    const k = await get(n);
    expect(k.responsibility.unit.code).toBe('zjj');
    expect(k.holdings.map((h) => [h.unit, h.since, h.until, h.reason, h.durationHours])).toEqual([
      ['zrzy', filedAt, transferAt, null, 5],
      ['zjj', transferAt, null, reason, 2.5],
    ]);
  });

  it('the holder taking the case over opens a holding with the staff member, and the detail page shows where it has been', async () => {
    const acceptAt = t.clock.now().toISOString();
    const r = await t.call('admin', 'POST', `/api/cases/${n}/actions/accept`, {});
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    await t.advance(HOUR);
    const k = await get(n);
    const admin = await staffId('admin');
    expect(k.responsibility.holder).toEqual({ staffId: admin, displayName: '系统管理员 (admin)' });
    expect(k.holdings).toHaveLength(3);
    expect(k.holdings[1]!.until).toBe(acceptAt);
    expect(k.holdings[2]).toMatchObject({ unit: 'zjj', staffId: admin, displayName: '系统管理员 (admin)', since: acceptAt, until: null, reason: null, durationHours: 1 });
    const page = await t.page('leader01', `/staff/cases/${n}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('办理轨迹 Where it has been');
    expect(page.body).toContain('县住房和城乡建设局');
    expect(page.body).toContain('经核实系房屋拆迁安置问题');
    expect(page.body).toContain('5 小时 h');
    expect(page.body).toContain('东湖镇人民政府');
  });

  it('a handler outside the case scope gets 404, as for a missing case', async () => {
    expect((await t.call('zrzy01', 'GET', `/api/cases/${n}`)).status).toBe(404);
  });
});

describe('a case without holdings rows (recorded before holdings existed)', () => {
  it('shows its current unit since creation, and a transfer backfills that first holding', async () => {
    const created = new Date(t.clock.now().getTime() - 48 * HOUR);
    const { caseNumber: n } = await t.app.store.cases.create(newCase({ receivedAt: created, localDate: '2026-11-26' }));
    let k = await get(n);
    expect(k.holdings).toEqual([{ unit: 'zrzy', unitName: '县自然资源局', staffId: null, displayName: null, since: created.toISOString(), until: null, reason: null, durationHours: 48 }]);
    const r = await t.call('xfj01', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'town:东湖镇', reason: '属地乡镇先行调处' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    k = await get(n);
    expect(k.holdings.map((h) => [h.unit, h.reason, h.durationHours, h.until === null])).toEqual([
      ['zrzy', null, 48, false],
      ['town:东湖镇', '属地乡镇先行调处', 0, true],
    ]);
    expect(k.responsibility.township?.unitName).toBe('东湖镇人民政府');
  });
});

describe('a transfer whose holding cannot be written', () => {
  it('is not made at all: the holding change is part of the action, not written after it', async () => {
    const n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来');
    const sql = t.app.store.handle.sql;
    // A real fault in the holdings table: its next insert fails.
    await sql.query(`CREATE FUNCTION holding_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'holding write failed'; END $$`, []);
    await sql.query(`CREATE TRIGGER holding_fault BEFORE INSERT ON case_holdings FOR EACH ROW EXECUTE FUNCTION holding_fault()`, []);
    try {
      const failed = await t.call('xfj01', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'zjj', reason: '属县住建局职责' });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      const k = await get(n);
      expect(k.unit).toBe('zrzy');
      expect((k.timeline as { kind: string }[]).some((e) => e.kind === 'transfer')).toBe(false);
    } finally {
      await sql.query(`DROP TRIGGER holding_fault ON case_holdings`, []);
      await sql.query(`DROP FUNCTION holding_fault()`, []);
    }
    const ok = await t.call('xfj01', 'POST', `/api/cases/${n}/actions/transfer`, { unit: 'zjj', reason: '属县住建局职责' });
    expect(ok.status).toBe(200);
    expect((await get(n)).holdings.map((h) => h.unit)).toEqual(['zrzy', 'zjj']);
  });
});
