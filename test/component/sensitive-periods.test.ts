/**
 * Sensitive periods on both stores, with a county config whose period covers today:
 * a risk or group case filed now is marked (Case.sensitivePeriod, the case page and
 * list), another case is not, and a case filed in it that becomes a risk case in its
 * chat is marked then; a possible risk in a chat raises a `risk` alert instead
 * of `risk_possible`; the dashboard shows the period.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { afterPossibleRisk, afterRiskMessage } from '../../src/app/cases/open-case-plan.ts';
import { initialState } from '../../src/dialog/types.ts';
import { newCase } from '../helpers/cases.ts';
import { DEMO_COUNTY_PATH } from '../../src/county-config-file.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import { createLogger } from '../../src/log.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { STORE_KINDS, tempDir } from '../helpers/stores.ts';

const DAY = 86_400_000;
type Json = Record<string, unknown>;

describe.each(STORE_KINDS)('sensitive periods on %s', (kind) => {
  let t: TestApp;
  let configDir: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    configDir = tempDir('xf-county-');
    const county = JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8')) as Json;
    const now = Date.now();
    county.sensitivePeriods = [
      { name: { zh: '全国两会', en: 'National Congress' }, from: localDate(new Date(now - DAY), 480), to: localDate(new Date(now + DAY), 480) },
    ];
    const file = path.join(configDir, 'county.json');
    fs.writeFileSync(file, JSON.stringify(county));
    t = await startTestApp(kind, { COUNTY_CONFIG: file });
    for (const u of ['admin', 'xfj01']) tokens[u] = await loginAs(t, u);
  });
  afterAll(async () => {
    await t?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  const call = async (user: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${t.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Json) : {} };
  };
  const register = async (peopleCount: number) => {
    const r = await call('xfj01', 'POST', '/api/cases', {
      origin: 'visit',
      petitioner: { name: '王秀英', phone: '13912345678' },
      township: '东湖镇',
      category: 'land',
      facts: '王家村修路占了承包地，至今没有给补偿',
      demands: '按标准补偿占地款',
      peopleCount,
    });
    expect(r.status, r.text).toBe(201);
    return r.json.caseNumber as string;
  };

  it('a group case filed in the period is marked; a single petitioner’s is not; the flags stay the contract’s', async () => {
    const group = await register(30);
    const single = await register(1);
    const g = (await call('admin', 'GET', `/api/cases/${group}`)).json;
    expect(g.flags).toEqual(['group']);
    expect(g.sensitivePeriod).toBe('全国两会');
    expect((await call('admin', 'GET', `/api/cases/${single}`)).json.sensitivePeriod).toBeNull();
    expect((await call('admin', 'GET', `/staff/cases/${group}`)).text).toContain('敏感时期 Sensitive period: 全国两会');
    expect((await call('admin', 'GET', `/staff/cases/${single}`)).text).not.toContain('data-sensitive-period');
  });

  it('a possible risk in a chat raises a risk alert in the period, a quiet one outside it', async () => {
    const log = createLogger('silent');
    const deps = { plans: t.app.store.plans, county: t.app.core.county, clock: { now: () => new Date() }, log };
    const inPeriod = randomUUID();
    await afterPossibleRisk(deps, inPeriod);
    const raised = await t.app.store.handle.prisma.alert.findMany({ where: { conversationId: inPeriod } });
    expect(raised.map((a) => a.kind)).toEqual(['risk']);
    expect(raised[0]!.message).toContain('全国两会');
    const outside = randomUUID();
    await afterPossibleRisk({ ...deps, county: { ...deps.county, sensitivePeriods: [] } }, outside);
    expect((await t.app.store.handle.prisma.alert.findMany({ where: { conversationId: outside } })).map((a) => a.kind)).toEqual(['risk_possible']);
  });

  it('a case filed in the period that becomes a risk case in its chat is marked too; one filed before is not', async () => {
    const log = createLogger('silent');
    const deps = { plans: t.app.store.plans, county: t.app.core.county, clock: { now: () => new Date() }, log };
    const filed = async (receivedAt: Date) => {
      const conv = await t.app.store.conversations.open('web', `sp-${randomUUID()}`, initialState('zh'));
      const { caseNumber } = await t.app.store.cases.create(newCase({ conversationId: conv.id, receivedAt }));
      await afterRiskMessage(deps, conv.id);
      return (await call('admin', 'GET', `/api/cases/${caseNumber}`)).json;
    };
    const now = await filed(new Date());
    expect(now.flags).toEqual(['risk']);
    expect(now.sensitivePeriod).toBe('全国两会');
    const before = await filed(new Date(Date.now() - 10 * DAY));
    expect(before.flags).toEqual(['risk']);
    expect(before.sensitivePeriod).toBeNull();
  });

  it('the dashboard shows the period', async () => {
    const page = (await call('admin', 'GET', '/staff/dashboard')).text;
    expect(page).toContain('id="sensitive-period"');
    expect(page).toContain('全国两会');
  });
});
