/**
 * Sign-in policy on a real store: a role whose county config requires TOTP (forced
 * enrolment at the first sign-in, by API and by form) and throttling per client network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_PATH } from '../../src/county-config-file.ts';
import { totpAt } from '../../src/staff/auth/totp.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { tempDir } from '../helpers/stores.ts';

let t: TestApp;
let configDir: string;
beforeAll(async () => {
  configDir = tempDir('xf-county-');
  const county = JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8')) as { roles: { code: string; requireTotp?: boolean }[] };
  const supervisor = county.roles.find((r) => r.code === 'supervisor');
  expect(supervisor).toBeDefined();
  supervisor!.requireTotp = true;
  const file = path.join(configDir, 'county.json');
  fs.writeFileSync(file, JSON.stringify(county));
  t = await startTestApp('pglite', { COUNTY_CONFIG: file });
});
afterAll(async () => {
  await t?.stop();
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

type ErrorBody = { error: { code: string; message: string; details?: { secret?: string; otpauthUri?: string; retryAfterSeconds?: number } } };

const login = (body: Record<string, unknown>, ip = '192.0.2.10') =>
  fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });

describe('a role that requires TOTP', () => {
  it('refuses an account without TOTP with totp_enrolment_required and the key to enrol with', async () => {
    const res = await login({ username: 'leader01', password: t.passwords.leader01 });
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('totp_enrolment_required');
    const secret = body.error.details!.secret!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.error.details!.otpauthUri).toContain(`secret=${secret}`);
    // The same pending key until enrolment completes.
    const again = (await (await login({ username: 'leader01', password: t.passwords.leader01 })).json()) as ErrorBody;
    expect(again.error.details!.secret).toBe(secret);

    const wrong = await login({ username: 'leader01', password: t.passwords.leader01, totp: totpAt(secret, new Date(Date.now() - 300_000)) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ErrorBody).error.code).toBe('unauthorized');

    const ok = await login({ username: 'leader01', password: t.passwords.leader01, totp: totpAt(secret, new Date()) });
    expect(ok.status).toBe(200);
    const session = (await ok.json()) as { token: string; recoveryCodes: string[] };
    expect(session.recoveryCodes).toHaveLength(10);

    const alone = await login({ username: 'leader01', password: t.passwords.leader01 });
    expect(alone.status).toBe(401);
    expect(((await alone.json()) as ErrorBody).error.code).toBe('totp_required');
    const recovered = await login({ username: 'leader01', password: t.passwords.leader01, totp: session.recoveryCodes[0] });
    expect(recovered.status).toBe(200);
  });

  it('walks a browser through enrolment at its first sign-in', async () => {
    const admin = (await (await login({ username: 'admin', password: t.passwords.admin })).json()) as { token: string };
    const created = await fetch(`${t.url}/api/staff/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ username: 'newlead07', password: 'newlead-pass-07', role: 'supervisor' }),
    });
    expect(created.status).toBe(201);
    const formPage = await fetch(`${t.url}/staff/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await formPage.text())![1]!;
    const cookie = formPage.headers.getSetCookie()[0]!.split(';')[0]!;
    const post = (fields: Record<string, string>) =>
      fetch(`${t.url}/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': '192.0.2.11' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
        redirect: 'manual',
      });
    const step = await post({ username: 'newlead07', password: 'newlead-pass-07', totp: '' });
    expect(step.status).toBe(200);
    const html = await step.text();
    const secret = new URL(/value="(otpauth:[^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&')).searchParams.get('secret')!;
    expect(html).toContain('name="username" value="newlead07"');
    const done = await post({ username: 'newlead07', password: 'newlead-pass-07', totp: totpAt(secret, new Date()) });
    expect(done.status).toBe(200);
    expect([...(await done.text()).matchAll(/<code>[a-z2-9]{5}-[a-z2-9]{5}<\/code>/g)]).toHaveLength(10);
    expect(done.headers.getSetCookie().some((c) => c.startsWith('xf_session='))).toBe(true);
  });
});

describe('throttling per client network', () => {
  it('refuses a network with 429 and Retry-After after 20 failed sign-ins, even with the right password', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < 20; i++) {
      const res = await login({ username: `nobody${i}`, password: 'guess' }, ip);
      expect(res.status).toBe(401);
    }
    const blocked = await login({ username: 'admin', password: t.passwords.admin }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe('rate_limited');
    // Counted in the store, so every server process sees it.
    const row = await t.app.store.handle.prisma.queryAttempt.findUnique({ where: { key: `staff-login-ip:${ip}` } });
    expect(row?.failures).toBe(20);
    // Another network is not affected.
    expect((await login({ username: 'admin', password: t.passwords.admin }, '203.0.113.51')).status).toBe(200);
  });
});
