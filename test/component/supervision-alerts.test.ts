/**
 * 督办 deadline alerts (from the deadline sweep) and risk alerts in the console's
 * alert list and badge, on the whole app (PGlite): supervisors, admin and the
 * bureau's intake see every one; a handler sees those of the cases of their unit
 * (competent or co-handling) and never a conduct case accusing the unit; an
 * acknowledgement hides the alert for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineSweep } from '../../src/jobs/deadline-sweep.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const HOUR = 3_600_000;
const USERS = ['admin', 'xfj01', 'leader01', 'zrzy01', 'town-donghu01'] as const;
type User = (typeof USERS)[number];

interface Alert {
  id: string;
  kind: string;
  caseNumber: string | null;
  message: string;
}

let t: TestApp;
const sessions = {} as Record<User, { token: string; csrf: string }>;
const n = {} as Record<'land' | 'labor' | 'conduct', string>;

async function create(over: Partial<NewCase>) {
  const now = new Date();
  return (await t.app.store.cases.create(newCase({ receivedAt: new Date(now.getTime() - 20 * 24 * HOUR), localDate: now.toISOString().slice(0, 10), ...over }))).caseNumber;
}

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) {
    const { token, csrfToken } = await signIn(t, u);
    sessions[u] = { token, csrf: csrfToken };
  }
  const now = Date.now();
  n.land = await create({ acceptDueAt: new Date(now - HOUR) });
  n.labor = await create({ category: 'labor', unit: 'rsj', coUnit: null, acceptDueAt: new Date(now + 24 * HOUR) });
  n.conduct = await create({ category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇', respondentUnits: ['town:东湖镇'], acceptDueAt: new Date(now - HOUR) });
  const outcome = await runJob(t.app.core, deadlineSweep, createLogger('silent'), new Date());
  expect(outcome.ran).toBe(true);
  // An early-warning alert on the land case, as the risk screening raises it.
  const land = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: n.land } });
  await t.app.store.handle.prisma.alert.create({
    data: { kind: 'risk', dedupeKey: `risk:test:${land.id}`, caseId: land.id, unit: 'zrzy', message: `案件 ${n.land} 风险预警 / risk warning` },
  });
});
afterAll(async () => {
  await t?.stop();
});

const alerts = async (u: User) => {
  const res = await fetch(`${t.url}/api/staff/alerts`, { headers: { authorization: `Bearer ${sessions[u].token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Alert[] }).items.filter((a) => a.kind !== 'material' && a.kind !== 'handoff');
};
const summary = (items: Alert[]) => items.map((a) => `${a.caseNumber}:${a.kind}`).sort();
const ack = (u: User, id: string) => fetch(`${t.url}/api/staff/alerts/${id}/ack`, { method: 'POST', headers: { authorization: `Bearer ${sessions[u].token}` } });

describe('deadline and risk alerts', () => {
  it('go to supervisors, admin and the bureau intake in full', async () => {
    const all = [`${n.conduct}:deadline_overdue`, `${n.labor}:deadline_due_soon`, `${n.land}:deadline_overdue`, `${n.land}:risk`].sort();
    for (const u of ['leader01', 'admin', 'xfj01'] as const) expect(summary(await alerts(u))).toEqual(all);
  });

  it('go to handlers for the cases of their unit only, never a conduct case accusing it', async () => {
    expect(summary(await alerts('zrzy01'))).toEqual([`${n.land}:deadline_overdue`, `${n.land}:risk`]);
    // 东湖镇 co-handles the land case; the conduct case names it as respondent.
    expect(summary(await alerts('town-donghu01'))).toEqual([`${n.land}:deadline_overdue`, `${n.land}:risk`]);
  });

  it('show in the console list with their kind and a link to the case', async () => {
    const res = await fetch(`${t.url}/staff/alerts`, { headers: { cookie: `xf_session=${sessions.leader01.token}` } });
    const body = await res.text();
    expect(body).toContain('督办：已超期 Overdue');
    expect(body).toContain('督办：即将到期 Due soon');
    expect(body).toContain('风险预警 Risk');
    expect(body).toContain(`href="/staff/cases/${n.conduct}"`);
    expect(body).toMatch(/提醒 Alerts<span id="alerts-count"> \(\d+\)<\/span>/);
    const town = await (await fetch(`${t.url}/staff/alerts`, { headers: { cookie: `xf_session=${sessions['town-donghu01'].token}` } })).text();
    expect(town).not.toContain(n.conduct);
  });

  it('are acknowledged once for everyone, and only by who may see them', async () => {
    const labor = (await alerts('leader01')).find((a) => a.caseNumber === n.labor)!;
    expect((await ack('zrzy01', labor.id)).status).toBe(404);
    expect((await ack('leader01', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const overdue = (await alerts('zrzy01')).find((a) => a.kind === 'deadline_overdue')!;
    expect((await ack('zrzy01', overdue.id)).status).toBe(200);
    expect(summary(await alerts('zrzy01'))).toEqual([`${n.land}:risk`]);
    expect(summary(await alerts('leader01'))).not.toContain(`${n.land}:deadline_overdue`);
    const row = await t.app.store.handle.prisma.alert.findUniqueOrThrow({ where: { id: overdue.id } });
    expect(row.acknowledgedBy).toBe('zrzy01');
    // Acknowledging again keeps the first acknowledgement.
    expect((await ack('leader01', overdue.id)).status).toBe(200);
    expect((await t.app.store.handle.prisma.alert.findUniqueOrThrow({ where: { id: overdue.id } })).acknowledgedBy).toBe('zrzy01');
    // A second sweep raises nothing new for the same case, deadline and state.
    await runJob(t.app.core, deadlineSweep, createLogger('silent'), new Date());
    expect(summary(await alerts('zrzy01'))).toEqual([`${n.land}:risk`]);
  });
});
