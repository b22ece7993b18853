/** Staff accounts on a real store: POST /api/staff/users (admin only) and the users page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: { token: string; csrfToken: string; cookie: string };
beforeAll(async () => {
  t = await startTestApp('pglite');
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: t.passwords.admin }),
  });
  const body = (await res.json()) as { token: string; csrfToken: string };
  admin = { ...body, cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
});
afterAll(async () => {
  await t?.stop();
});

const addUser = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${admin.token}` }) =>
  fetch(`${t.url}/api/staff/users`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('POST /api/staff/users', () => {
  it('lets an admin add a handler (201) who can then sign in; audited', async () => {
    const res = await addUser({ username: 'zjj01', password: 'handler-pass-01', role: 'handler', unit: 'zjj' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ username: 'zjj01', role: 'handler', unit: 'zjj', township: null });
    t.passwords.zjj01 = 'handler-pass-01';
    expect(await loginAs(t, 'zjj01')).toBeTruthy();
    const audit = await t.app.store.handle.prisma.auditLog.findMany({ where: { action: 'staff.created', target: 'zjj01' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('handler-pass-01');
  });

  it('adds a grid worker by township (an alias names the canonical township) and a township handler', async () => {
    const grid = await addUser({ username: 'grid-donghu01', password: 'grid-pass-0001', role: 'grid', township: 'Donghu' });
    expect(grid.status).toBe(201);
    expect(await grid.json()).toMatchObject({ role: 'grid', township: '东湖镇' });
    const town = await addUser({ username: 'town-xishan01', password: 'town-pass-0001', role: 'handler', unit: 'town:西山乡' });
    expect(town.status).toBe(201);
  });

  it('accepts a cookie session with the CSRF header, and refuses it without (403)', async () => {
    await expectError(await addUser({ username: 'intake02', password: 'intake-pass-02', role: 'intake' }, { cookie: admin.cookie }), 403, 'forbidden');
    const ok = await addUser({ username: 'intake02', password: 'intake-pass-02', role: 'intake' }, { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken });
    expect(ok.status).toBe(201);
  });

  it('refuses a non-admin (403) and a caller without a session (401)', async () => {
    const token = await loginAs(t, 'xfj01');
    await expectError(await addUser({ username: 'x1', password: 'some-pass-0001', role: 'intake' }, { authorization: `Bearer ${token}` }), 403, 'forbidden');
    await expectError(await addUser({ username: 'x1', password: 'some-pass-0001', role: 'intake' }, {}), 401, 'unauthorized');
  });

  it.each([
    [{ username: 'h1', password: 'long-enough-1', role: 'boss' }, /role/],
    [{ username: 'h1', password: 'long-enough-1', role: 'handler' }, /unit/],
    [{ username: 'h1', password: 'long-enough-1', role: 'handler', unit: 'nosuch' }, /unknown unit/],
    [{ username: 'h1', password: 'long-enough-1', role: 'handler', unit: 'town:月球镇' }, /unknown unit/],
    [{ username: 'g1', password: 'long-enough-1', role: 'grid' }, /township/],
    [{ username: 'g1', password: 'long-enough-1', role: 'grid', township: '月球镇' }, /township/],
    [{ username: 'h1', password: 'short', role: 'intake' }, /password/],
    [{ username: 'Bad Name', password: 'long-enough-1', role: 'intake' }, /username/],
    [{ username: 'h1', role: 'intake' }, /password/],
  ])('refuses %j with 400', async (body, message) => {
    expect(await expectError(await addUser(body), 400, 'bad_request')).toMatch(message);
  });

  it('refuses a taken username with 409', async () => {
    await expectError(await addUser({ username: 'zrzy01', password: 'another-pass-1', role: 'intake' }), 409, 'conflict');
  });

  it('lists accounts for an admin without secrets', async () => {
    const res = await fetch(`${t.url}/api/staff/users`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"username":"zjj01"');
    expect(text).not.toMatch(/passwordHash|argon2|recoveryCode|totpSecret/);
  });
});

describe('the users page', () => {
  const page = (cookie: string) => fetch(`${t.url}/staff/users`, { headers: { cookie }, redirect: 'manual' });

  it('renders every value escaped (a display name with markup stays text)', async () => {
    const res = await addUser({ username: 'markup01', password: 'markup-pass-01', role: 'intake', displayName: '<b>王</b> "x" \'y\'' });
    expect(res.status).toBe(201);
    const html = await (await page(admin.cookie)).text();
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt; &quot;x&quot; &#39;y&#39;');
    expect(html).not.toContain('<b>王</b>');
    expect(html).toContain('name="_csrf"');
  });

  it('adds an account from the form (303) and re-renders errors with the entered values', async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${t.url}/staff/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
        body: new URLSearchParams({ _csrf: admin.csrfToken, ...fields }),
        redirect: 'manual',
      });
    const ok = await post({ username: 'rsj01', password: 'rsj-pass-0001', role: 'handler', unit: 'rsj', township: '', displayName: '' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff/users?created=rsj01');
    const bad = await post({ username: 'rsj02', password: 'rsj-pass-0002', role: 'handler', unit: '', township: '', displayName: '<i>x</i>' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('a handler needs a unit');
    expect(html).toContain('value="rsj02"');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(html).not.toContain('rsj-pass-0002');
    expect((await post({ username: 'rsj01', password: 'rsj-pass-0001', role: 'intake' })).status).toBe(409);
  });

  it('is for admins only', async () => {
    const res = await fetch(`${t.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'xfj01', password: t.passwords.xfj01 }),
    });
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await page(cookie)).status).toBe(403);
    expect((await page('')).status).toBe(303);
  });
});
