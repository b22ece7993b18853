/**
 * Registering letters, visits and calls (POST /api/cases) on both stores: 201 with a
 * case number and a query code that verifies, the fields stored, the given origin,
 * deadlines counted from the date received, the chat petition's routing, flags, links
 * and plan; 400 naming the bad fields with nothing filed; 401/403 for who may not;
 * an anonymous report against officials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptDue, localDate } from '../../src/domain/deadlines.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const DAY = 86_400_000;

const letter = (over: Record<string, unknown> = {}) => ({
  origin: 'letter',
  petitioner: { name: '王秀英', phone: '13912345678', idNumber: '11010519491231002X' },
  township: '东湖镇',
  address: '东湖镇王家村3组',
  category: 'land',
  facts: '王家村修路占了我家两亩承包地，至今没有给补偿',
  demands: '按标准补偿占地款',
  peopleCount: 1,
  ...over,
});

describe.each(STORE_KINDS)('registering letters, visits and calls on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const u of ['admin', 'xfj01', 'zrzy01', 'leader01']) tokens[u] = await loginAs(t, u);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const post = async (user: string | null, body: unknown): Promise<{ status: number; json: Json }> => {
    const res = await fetch(`${t.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const get = async (n: string) => {
    const res = await fetch(`${t.url}/api/cases/${n}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Json & { flags: string[]; relatedCases: string[]; timeline: { kind: string; actor: string; public: boolean }[]; plan: { planCode: string } | null };
  };
  const ctx = () => ({ rules: t.app.core.county.deadlines, utcOffsetMinutes: t.app.core.county.utcOffsetMinutes });
  const count = () => t.app.store.handle.prisma.case.count();

  it('files a letter received days ago: 201, the fields, origin letter, deadlines from the date received', async () => {
    const received = localDate(new Date(Date.now() - 5 * DAY), 480);
    const r = await post('xfj01', letter({ receivedAt: received }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['caseNumber', 'queryCode']);
    const n = r.json.caseNumber as string;
    expect(n).toMatch(/^XF\d{12}$/);
    expect(r.json.queryCode).toMatch(/^\d{8}$/);
    expect(await t.app.store.cases.verifyQueryCode(n, r.json.queryCode as string)).toBe(true);

    const kase = await get(n);
    expect(kase).toMatchObject({
      origin: 'letter', status: 'submitted', category: 'land', township: '东湖镇', unit: 'zrzy', coUnit: 'town:东湖镇',
      facts: '王家村修路占了我家两亩承包地，至今没有给补偿', demands: '按标准补偿占地款', address: '东湖镇王家村3组', peopleCount: 1,
      priorPetition: 'none', receivedOn: received, consentMethod: 'in_writing',
      petitioner: { name: '王**', phone: '139****5678', idNumber: '1101**********002X' },
    });
    // 15 days from the day received, not from today.
    const due = acceptDue(new Date(`${received}T04:00:00Z`), ctx());
    expect(kase.acceptDueAt).toBe(due.toISOString());
    expect(Date.parse(kase.acceptDueAt as string) - Date.now()).toBeLessThan(11 * DAY);
    expect(kase.timeline.map((e) => e.kind)).toEqual(['submitted', 'register']);
    expect(kase.timeline[0]).toMatchObject({ actor: 'staff', public: true });
    const row = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(row.registeredBy).toBe((await t.app.store.staff.findByUsername('xfj01'))!.id);
    expect(row.consentAt).not.toBeNull();
    const audit = await t.app.store.handle.prisma.auditLog.findMany({ where: { target: `case:${n}` } });
    expect(audit.map((a) => a.action)).toContain('case.register');
  });

  it('a visit today by a group with risk words: routed, flagged group and risk, planned; a call by alias township', async () => {
    const r = await post('admin', letter({ origin: 'visit', peopleCount: 12, facts: '三十多户的地被占了，再不解决我们就去堵县政府大门', township: 'Donghu' }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    await t.app.core.settle();
    let kase = await get(r.json.caseNumber as string);
    expect(kase).toMatchObject({ origin: 'visit', township: '东湖镇', consentMethod: 'told_in_person', receivedOn: localDate(new Date(), 480) });
    expect(kase.flags).toEqual(expect.arrayContaining(['group', 'risk']));
    for (let i = 0; i < 50 && !kase.plan; i++) {
      await new Promise((res) => setTimeout(res, 50));
      kase = await get(r.json.caseNumber as string);
    }
    expect(kase.plan).not.toBeNull();
    const call = await post('xfj01', letter({ origin: 'call', township: '东湖', category: 'environment', facts: '工厂夜里排放黑烟，气味刺鼻', demands: '查处排污' }));
    expect(call.status).toBe(201);
    expect(await get(call.json.caseNumber as string)).toMatchObject({ origin: 'call', unit: 'sthj', consentMethod: 'told_by_phone' });
  });

  it('links a repeat of the same petitioner to the earlier case and flags it', async () => {
    const first = await post('xfj01', letter({ petitioner: { name: '赵大山', phone: '13700001111' }, facts: '李家村征地补偿款一直没有发放到户' }));
    const again = await post('xfj01', letter({ origin: 'visit', petitioner: { name: '赵大山', phone: '13700001111' }, facts: '李家村征地补偿款到现在还没有发放到户' }));
    expect(again.status).toBe(201);
    const kase = await get(again.json.caseNumber as string);
    expect(kase.flags).toContain('repeat');
    expect(kase.relatedCases).toContain(first.json.caseNumber);
  });

  it('refuses bad fields with 400 naming them, and files nothing', async () => {
    const before = await count();
    const tomorrow = localDate(new Date(Date.now() + DAY), 480);
    const cases: [Record<string, unknown>, string[]][] = [
      [letter({ petitioner: { name: '王秀英', phone: '12345' } }), ['petitioner.phone']],
      [letter({ petitioner: { name: '王秀英', phone: '13912345678', idNumber: '110105194912310021' } }), ['petitioner.idNumber']],
      [letter({ township: '火星镇', category: 'weather' }), ['township', 'category']],
      [letter({ origin: 'email' }), ['origin']],
      [letter({ facts: '  ', peopleCount: 0 }), ['facts', 'peopleCount']],
      [letter({ receivedAt: tomorrow }), ['receivedAt']],
      [letter({ receivedAt: tomorrow, petitioner: { name: '王秀英', phone: '123' } }), ['receivedAt', 'petitioner.phone']],
      // One answer names every bad field.
      [letter({ origin: 'fax', township: '火星', category: 'x', petitioner: { name: '王秀英', phone: '1' }, receivedAt: tomorrow }), ['origin', 'township', 'category', 'petitioner.phone', 'receivedAt']],
      [letter({ receivedAt: '2020-01-01' }), ['receivedAt']],
      [letter({ receivedAt: '2026-02-30' }), ['receivedAt']],
      [letter({ petitioner: { name: '', phone: '' } }), ['petitioner.name', 'petitioner.phone']],
      [letter({ understandingsTold: false }), ['understandingsTold']],
      [letter({ facts: '地'.repeat(4001) }), ['facts']],
    ];
    for (const [body, fields] of cases) {
      const r = await post('xfj01', body);
      expect(r.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(r.json.error!.code).toBe('bad_request');
      for (const f of fields) expect(r.json.error!.message).toContain(`${f}:`);
    }
    expect((await post('xfj01', '{"origin":')).status).toBe(400);
    for (const odd of [[], 'null', { petitioner: 'x' }, letter({ peopleCount: 'abc' }), letter({ township: 123 }), letter({ petitioner: { name: {}, phone: [] } }), letter({ receivedAt: 20261201 }), letter({ peopleCount: 1.5 })]) {
      const r = await post('xfj01', odd);
      expect(r.status, JSON.stringify(odd).slice(0, 120)).toBe(400);
      expect(r.json.error!.code).toBe('bad_request');
    }
    expect((await post('xfj01', letter({ facts: 'x'.repeat(70_000) }))).status).toBe(413);
    expect(await count()).toBe(before);
  });

  it('401 without a session, 403 for a handler and a supervisor', async () => {
    const before = await count();
    expect((await post(null, letter())).status).toBe(401);
    const h = await post('zrzy01', letter());
    expect(h.status).toBe(403);
    expect(h.json.error!.code).toBe('forbidden');
    expect((await post('leader01', letter())).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('a report against officials may be anonymous; any other matter needs a name and a phone', async () => {
    const conduct = letter({ category: 'conduct', petitioner: { name: null, phone: null }, facts: '镇里干部吃拿卡要', demands: '查处', respondent: '东湖镇某干部' });
    const r = await post('xfj01', conduct);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const kase = await get(r.json.caseNumber as string);
    expect(kase).toMatchObject({ origin: 'letter', unit: 'jw', petitioner: { name: null, phone: null, idNumber: null } });
    const named = await post('xfj01', letter({ petitioner: { name: null, phone: null } }));
    expect(named.status).toBe(400);
    expect(named.json.error!.message).toContain('petitioner.name:');
  });
});
