/** The HTTP edge on a real store: health, the error shape, sign-in and the case read API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase } from '../helpers/cases.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(async () => {
  await t?.stop();
});

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers, body });

async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
}

describe('health and errors', () => {
  it('answers /healthz with ok', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each([
    ['{bad json', 'bad_request', 400],
    ['{"username": "admin", "password": ', 'bad_request', 400],
    ['[1,2,3]', 'bad_request', 400],
    ['"a string"', 'bad_request', 400],
    ['{"username": 5, "password": []}', 'bad_request', 400],
  ])('refuses the body %j with a JSON 4xx', async (body, code, status) => {
    await expectJsonError(await post('/api/staff/login', body), status, code);
  });

  it('refuses an oversized body with 413', async () => {
    await expectJsonError(await post('/api/staff/login', JSON.stringify({ username: 'x'.repeat(200_000), password: 'y' })), 413, 'payload_too_large');
  });

  it('refuses a body that is not JSON', async () => {
    await expectJsonError(await post('/api/staff/login', 'username=admin', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'bad_request');
  });

  it('answers unknown routes with a JSON 404', async () => {
    await expectJsonError(await fetch(`${t.url}/nope`), 404, 'not_found');
  });
});

describe('staff sign-in and the case API', () => {
  it('refuses the case API without a session', async () => {
    await expectJsonError(await fetch(`${t.url}/api/cases`), 401, 'unauthorized');
    await expectJsonError(await fetch(`${t.url}/api/cases`, { headers: { authorization: 'Bearer forged' } }), 401, 'unauthorized');
  });

  it('signs admin in and lists cases with personal data masked', async () => {
    const created = await t.app.store.cases.create(newCase({ localDate: '2026-11-20' }));
    const token = await loginAs(t, 'admin');
    const res = await fetch(`${t.url}/api/cases`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBeGreaterThanOrEqual(1);
    const item = body.items.find((c) => c.caseNumber === created.caseNumber)!;
    expect(item).toMatchObject({
      status: 'submitted',
      category: 'land',
      township: '东湖镇',
      unit: 'zrzy',
      flags: [],
      origin: 'petition',
      petitioner: { name: '张**', phone: '138****5678', idNumber: '1101**********002X' },
    });
    for (const key of ['facts', 'demands', 'respondent', 'peopleCount', 'priorPetition', 'channel', 'createdAt', 'acceptDueAt', 'replyDueAt', 'relatedCases', 'timeline']) {
      expect(item).toHaveProperty(key);
    }
    const detail = await fetch(`${t.url}/api/cases/${created.caseNumber.toLowerCase()}`, { headers: { authorization: `Bearer ${token}` } });
    expect(detail.status).toBe(200);
    const d = (await detail.json()) as { timeline: { kind: string }[]; petitioner: { phone: string } };
    expect(d.timeline[0]!.kind).toBe('submitted');
    expect(d.petitioner.phone).toBe('138****5678');
  });

  it('filters by query parameters and rejects invalid ones', async () => {
    const token = await loginAs(t, 'admin');
    const h = { authorization: `Bearer ${token}` };
    const ok = await fetch(`${t.url}/api/cases?status=submitted&township=${encodeURIComponent('东湖镇')}&page=1`, { headers: h });
    expect(ok.status).toBe(200);
    await expectJsonError(await fetch(`${t.url}/api/cases?status=bogus`, { headers: h }), 400, 'bad_request');
    await expectJsonError(await fetch(`${t.url}/api/cases?page=-1`, { headers: h }), 400, 'bad_request');
    await expectJsonError(await fetch(`${t.url}/api/cases/XF209901019999`, { headers: h }), 404, 'not_found');
    await expectJsonError(await fetch(`${t.url}/api/cases/not-a-number`, { headers: h }), 404, 'not_found');
  });

  it('sets an httpOnly SameSite session cookie that also authenticates', async () => {
    const res = await post('/api/staff/login', JSON.stringify({ username: 'admin', password: t.passwords.admin }));
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/xf_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const list = await fetch(`${t.url}/api/cases`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(list.status).toBe(200);
  });

  it('locks an account after 5 wrong passwords, with the same answer for unknown users', async () => {
    const attempt = (username: string, password: string) => post('/api/staff/login', JSON.stringify({ username, password }));
    await expectJsonError(await attempt('nobody', 'whatever'), 401, 'unauthorized');
    for (let i = 0; i < 5; i++) await expectJsonError(await attempt('leader01', 'wrong-password'), 401, 'unauthorized');
    const locked = await attempt('leader01', t.passwords.leader01!);
    await expectJsonError(locked, 429, 'rate_limited');
  });

  it('never writes personal data to the log', async () => {
    await t.app.store.cases.create(newCase({ petitioner: { name: '钱多多', phone: '13698765432', idNumber: '11010519491231002X' } }));
    const token = await loginAs(t, 'admin');
    await fetch(`${t.url}/api/cases?q=13698765432`, { headers: { authorization: `Bearer ${token}` } });
    const all = t.logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('13698765432');
    expect(all).not.toContain('11010519491231002X');
    expect(all).not.toContain(t.passwords.admin);
  });
});
