/**
 * The benchmark's load driver (the library behind `npm run bench`) against the app
 * in-process: three simulated citizens file petitions through /api/chat, each gets
 * a case number and finds it again with the query code; the stats are well-formed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/bench/driver.ts';
import { floodCounts, runFlood } from '../../scripts/bench/flood-phase.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(async () => {
  await t?.stop();
});

describe('bench load driver', () => {
  it('drives three citizens through full petitions and lookups', async () => {
    const stats = await runLoad({ baseUrl: t.url, users: 3, model: 'saturation', durationMs: 600_000, petitionsPerUser: 2 });
    expect(stats.errors).toEqual({ http: 0, network: 0, abandoned: 0, lookupFailed: 0 });
    expect(stats.errorCount).toBe(0);
    expect(stats.petitions).toBe(6);
    expect(stats.lookups).toBe(6);
    expect(stats.caseNumbers).toHaveLength(6);
    expect(new Set(stats.caseNumbers).size).toBe(6);
    for (const n of stats.caseNumbers) expect(n).toMatch(/^XF\d{12}$/);
    expect(stats.turns).toBe(stats.turnsSent);
    expect(stats.turns).toBeGreaterThanOrEqual(6 * 5);
    const l = stats.latencyMs;
    expect(l.count).toBe(stats.turns);
    expect(0 < l.p50 && l.p50 <= l.p95 && l.p95 <= l.p99 && l.p99 <= l.max).toBe(true);
    expect(stats.turnsPerSec).toBeGreaterThan(0);
    expect(stats.offeredRate).toBeNull();

    // Every case number the driver received is a committed case in the store.
    const token = await loginAs(t, 'admin');
    for (const n of stats.caseNumbers) {
      const res = await fetch(`${t.url}/api/cases/${n}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    }
  }, 240_000);

  it('refuses a service-level run without a rate', async () => {
    await expect(runLoad({ baseUrl: t.url, users: 1, model: 'service', durationMs: 1000 })).rejects.toThrow(/rate/);
  });

  it('floods one village: every villager files, and the store groups them as one incident', async () => {
    const run = await runFlood(t.url, { citizens: 8, windowMs: 500, thinkMs: [0, 50], sameFacts: true });
    expect(run).toMatchObject({ filed: 8, errors: 0 });
    expect(run.latencyMs.count).toBe(run.turns);
    await t.app.core.settle();
    // The same words for all: which villagers group then depends on nothing random, only on the store.
    expect(await floodCounts(t.app.store.handle.sql)).toEqual({ cases: 8, incidents: 1, members: 8, links: 7, incidentAlerts: 1, planAlerts: 1, plans: 1, inbox: 0 });
  });
});
