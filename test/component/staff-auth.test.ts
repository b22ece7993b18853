/**
 * Staff sign-in on a real store: the sign-in form, TOTP enrolment on the account page,
 * sign-in with a code (computed here from the secret), recovery codes, sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { totpAt } from '../../src/staff/auth/totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(async () => {
  await t?.stop();
});

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
const pair = (setCookie: string | undefined) => setCookie?.split(';')[0] ?? '';

async function apiLogin(username: string, extra: Record<string, string> = {}) {
  return fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: t.passwords[username], ...extra }),
  });
}

async function session(username: string, extra: Record<string, string> = {}) {
  const res = await apiLogin(username, extra);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; csrfToken: string };
  return { ...body, cookie: pair(cookieOf(res, 'xf_session')) };
}

const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { ...form, cookie }, body: new URLSearchParams(fields), redirect: 'manual' });

async function errorCode(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('the sign-in form', () => {
  async function loginForm() {
    const page = await fetch(`${t.url}/staff/login`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { html, csrf, cookie: pair(cookieOf(page, 'xf_login')) };
  }

  it('shows username, password and code fields', async () => {
    const { html, csrf, cookie } = await loginForm();
    for (const name of ['username', 'password', 'totp']) expect(html).toContain(`name="${name}"`);
    expect(csrf).toMatch(/^[\w-]{32}$/);
    expect(cookie).toBe(`xf_login=${csrf}`);
  });

  it('signs in with a cookie session and redirects 303 to /staff', async () => {
    const { csrf, cookie } = await loginForm();
    const res = await postForm('/staff/login', cookie, { _csrf: csrf, username: 'xfj01', password: t.passwords.xfj01!, totp: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff');
    const set = cookieOf(res, 'xf_session')!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    const api = await fetch(`${t.url}/api/cases`, { headers: { cookie: pair(set) } });
    expect(api.status).toBe(200);
  });

  it('re-renders with one generic message on a wrong password, without a session', async () => {
    const { csrf, cookie } = await loginForm();
    const res = await postForm('/staff/login', cookie, { _csrf: csrf, username: 'xfj01', password: 'wrong-password', totp: '' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Wrong username, password or code.');
    expect(cookieOf(res, 'xf_session')).toBeUndefined();
  });

  it('refuses a post without the form token (login CSRF)', async () => {
    const res = await postForm('/staff/login', '', { username: 'xfj01', password: t.passwords.xfj01! });
    expect(res.status).toBe(403);
    expect(cookieOf(res, 'xf_session')).toBeUndefined();
  });

  it('sends pages behind sign-in to the form', async () => {
    const res = await fetch(`${t.url}/staff/account`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login');
  });
});

describe('TOTP: enrolment, sign-in, recovery codes', () => {
  let secret = '';
  let recovery: string[] = [];

  it('enrols on the account page: shows the secret, confirms with a current code, shows 10 codes once', async () => {
    const s = await session('zrzy01');
    const page = await (await fetch(`${t.url}/staff/account`, { headers: { cookie: s.cookie } })).text();
    const uri = /value="(otpauth:\/\/totp\/[^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
    secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(page).toContain(secret.slice(0, 4));
    const again = await (await fetch(`${t.url}/staff/account`, { headers: { cookie: s.cookie } })).text();
    expect(again).toContain(`secret=${secret}`);

    const wrongCode = String((Number(totpAt(secret, new Date())) + 500_000) % 1_000_000).padStart(6, '0');
    const wrong = await postForm('/staff/account/totp/confirm', s.cookie, { _csrf: s.csrfToken, code: wrongCode });
    expect(wrong.status).toBe(400);
    const noCsrf = await postForm('/staff/account/totp/confirm', s.cookie, { code: totpAt(secret, new Date()) });
    expect(noCsrf.status).toBe(403);

    const ok = await postForm('/staff/account/totp/confirm', s.cookie, { _csrf: s.csrfToken, code: totpAt(secret, new Date()) });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    recovery = [...html.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    const later = await (await fetch(`${t.url}/staff/account`, { headers: { cookie: s.cookie } })).text();
    expect(later).toContain('Recovery codes left: 10');
    for (const c of recovery) expect(later).not.toContain(c);
    const row = await t.app.store.handle.prisma.staffAccount.findUnique({ where: { username: 'zrzy01' } });
    expect(row?.totpSecretEnc).not.toContain(secret);
    expect(row?.recoveryCodeHashes.join()).not.toContain(recovery[0]!);
  });

  it('then refuses the password alone (totp_required) and a wrong code (unauthorized)', async () => {
    const alone = await apiLogin('zrzy01');
    expect(alone.status).toBe(401);
    expect(await errorCode(alone)).toBe('totp_required');
    const code = totpAt(secret, new Date(Date.now() - 120_000));
    const wrong = await apiLogin('zrzy01', { totp: code });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('unauthorized');
  });

  it('accepts a current code once (a replay is refused)', async () => {
    // The next step's code: the enrolment used the current one, and each step works once.
    const code = totpAt(secret, new Date(Date.now() + 30_000));
    const s = await session('zrzy01', { totp: code });
    expect(s.token).toBeTruthy();
    const replay = await apiLogin('zrzy01', { totp: code });
    expect(replay.status).toBe(401);
  });

  it('accepts a recovery code in place of the code, once', async () => {
    const code = recovery[0]!;
    await session('zrzy01', { totp: code.toUpperCase() });
    const again = await apiLogin('zrzy01', { totp: code });
    expect(again.status).toBe(401);
    expect(await errorCode(again)).toBe('unauthorized');
  });

  it('turns TOTP off only with the password and a code', async () => {
    const s = await session('zrzy01', { totp: recovery[1]! });
    const bad = await postForm('/staff/account/totp/disable', s.cookie, { _csrf: s.csrfToken, password: 'wrong-password', code: recovery[2]! });
    expect(bad.status).toBe(400);
    const ok = await postForm('/staff/account/totp/disable', s.cookie, { _csrf: s.csrfToken, password: t.passwords.zrzy01!, code: recovery[2]! });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Not enabled');
    await session('zrzy01');
  });
});

describe('sign-out', () => {
  it('ends a bearer session', async () => {
    const s = await session('town-donghu01');
    const h = { authorization: `Bearer ${s.token}` };
    expect((await fetch(`${t.url}/api/cases`, { headers: h })).status).toBe(200);
    expect((await fetch(`${t.url}/api/staff/logout`, { method: 'POST', headers: h })).status).toBe(204);
    expect((await fetch(`${t.url}/api/cases`, { headers: h })).status).toBe(401);
  });

  it('ends a cookie session (API: CSRF header needed) and clears the cookie', async () => {
    const s = await session('town-donghu01');
    const noCsrf = await fetch(`${t.url}/api/staff/logout`, { method: 'POST', headers: { cookie: s.cookie } });
    expect(noCsrf.status).toBe(403);
    const res = await fetch(`${t.url}/api/staff/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken } });
    expect(res.status).toBe(204);
    expect(cookieOf(res, 'xf_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await fetch(`${t.url}/api/cases`, { headers: { cookie: s.cookie } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/cases`, { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(401);
  });

  it('ends a cookie session from the console form and goes to the sign-in page', async () => {
    const s = await session('town-donghu01');
    const res = await postForm('/staff/logout', s.cookie, { _csrf: s.csrfToken });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login');
    expect((await fetch(`${t.url}/api/cases`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('ends the session a browser brought to a new sign-in (no fixation)', async () => {
    const old = await session('town-donghu01');
    const res = await fetch(`${t.url}/api/staff/login`, {
      method: 'POST',
      headers: { ...json, cookie: old.cookie },
      body: JSON.stringify({ username: 'town-donghu01', password: t.passwords['town-donghu01'] }),
    });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { token: string };
    expect(fresh.token).not.toBe(old.token);
    expect((await fetch(`${t.url}/api/cases`, { headers: { authorization: `Bearer ${old.token}` } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/cases`, { headers: { authorization: `Bearer ${fresh.token}` } })).status).toBe(200);
  });
});
