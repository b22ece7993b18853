/**
 * Who sees and changes which case, through every door: the JSON API, the console
 * pages and attachment downloads. Scoping by unit, the conduct rule (never shown to
 * the accused), the read-only supervisor, CSRF on cookie sessions, and citizen text
 * that tries to become markup (escaped in the HTML, inert in Chromium).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { routeCase } from '../../src/domain/routing.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, offlineContext } from '../helpers/browser.ts';
import { newCase } from '../helpers/cases.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01'] as const;
type User = (typeof USERS)[number];
interface Session {
  token: string;
  csrfToken: string;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

let t: TestApp;
const s = {} as Record<User, Session>;

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) s[u] = await signIn(t, u);
});
afterAll(async () => {
  await t?.stop();
});

const bearer = (u: User) => ({ authorization: `Bearer ${s[u].token}` });
const cookie = (u: User) => ({ cookie: `xf_session=${s[u].token}` });

async function get(u: User, path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`${t.url}${path}`, { headers: cookie(u), redirect: 'manual' });
  return { status: res.status, body: await res.text(), headers: res.headers };
}
const apiGet = async (u: User, path: string) => {
  const res = await fetch(`${t.url}${path}`, { headers: bearer(u) });
  return { status: res.status, json: (await res.json()) as { total?: number; items?: { caseNumber: string }[]; error?: { code: string } } };
};
const apiPost = (u: User, path: string, body: unknown) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { ...bearer(u), 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function fileCase(over: Partial<NewCase>): Promise<string> {
  return (await t.app.store.cases.create(newCase(over))).caseNumber;
}

async function attach(caseNumber: string, fileName = 'evidence.png'): Promise<string> {
  const stored = await t.app.store.files.put(PNG);
  const a = await t.app.store.attachments.add({
    conversationId: randomUUID(),
    caseNumber,
    fileName,
    mime: 'image/png',
    size: PNG.length,
    sha256: stored.sha256,
    storagePath: stored.relativePath,
    at: new Date(),
  });
  return a.id;
}

describe('a unit handler sees its unit cases only', () => {
  let land: string;
  let housing: string;
  beforeAll(async () => {
    land = await fileCase({ facts: '土地征收补偿款没有发放（访问测试）' });
    housing = await fileCase({ category: 'housing', unit: 'zjj', coUnit: 'town:城关镇', township: '城关镇', facts: '房屋拆迁补偿不合理（访问测试）' });
  });

  it('zrzy01 reads a land case through the API and the console', async () => {
    expect((await apiGet('zrzy01', `/api/cases/${land}`)).status).toBe(200);
    const page = await get('zrzy01', `/staff/cases/${land}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(land);
    const list = await get('zrzy01', '/staff');
    expect(list.body).toContain(land);
    expect(list.body).not.toContain(housing);
  });

  it('zrzy01 gets 404 for a housing case everywhere, like a missing case', async () => {
    expect((await apiGet('zrzy01', `/api/cases/${housing}`)).status).toBe(404);
    const missing = await get('zrzy01', '/staff/cases/XF209901019999');
    const hidden = await get('zrzy01', `/staff/cases/${housing}`);
    expect(missing.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(hidden.body.replaceAll(housing, 'N')).toBe(missing.body.replaceAll('XF209901019999', 'N'));
    expect(hidden.body).not.toContain('房屋拆迁');
    expect((await apiPost('zrzy01', `/api/cases/${housing}/actions/accept`, {})).status).toBe(404);
    expect((await apiPost('zrzy01', `/api/cases/${housing}/reveal`, { reason: '核实' })).status).toBe(404);
    const search = await apiGet('zrzy01', `/api/cases?q=${encodeURIComponent('房屋拆迁')}`);
    expect(search.json.total).toBe(0);
  });
});

describe('a report against officials is never shown to the accused', () => {
  let conduct: string;
  let attachmentId: string;
  beforeAll(async () => {
    const respondentUnits = ['town:东湖镇'];
    const routing = routeCase(t.app.core.county, { category: 'conduct', township: '东湖镇', respondentUnits });
    conduct = await fileCase({ category: 'conduct', township: '东湖镇', ...routing, respondent: '东湖镇政府的干部', respondentUnits, facts: '镇干部索要好处费（检举）' });
    attachmentId = await attach(conduct);
  });

  it('town-donghu01 cannot find it in the list, the detail or the attachment route', async () => {
    const api = await apiGet('town-donghu01', '/api/cases');
    expect(api.json.items!.map((c) => c.caseNumber)).not.toContain(conduct);
    expect((await apiGet('town-donghu01', `/api/cases?q=${encodeURIComponent('好处费')}`)).json.total).toBe(0);
    const list = await get('town-donghu01', `/staff?q=${encodeURIComponent('好处费')}`);
    expect(list.status).toBe(200);
    expect(list.body).not.toContain(conduct);
    expect(list.body).not.toContain('好处费</');
    expect((await apiGet('town-donghu01', `/api/cases/${conduct}`)).status).toBe(404);
    expect((await get('town-donghu01', `/staff/cases/${conduct}`)).status).toBe(404);
    const file = await get('town-donghu01', `/staff/cases/${conduct}/attachments/${attachmentId}`);
    expect(file.status).toBe(404);
    expect(file.headers.get('content-disposition')).toBeNull();
    expect((await apiPost('town-donghu01', `/api/cases/${conduct}/actions/note`, { note: '看看' })).status).toBe(404);
  });

  it('the bureau sees it and downloads the attachment as a file, never inline', async () => {
    expect((await get('xfj01', `/staff/cases/${conduct}`)).body).toContain(`/staff/cases/${conduct}/attachments/${attachmentId}`);
    const res = await fetch(`${t.url}/staff/cases/${conduct}/attachments/${attachmentId}`, { headers: cookie('xfj01') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // An attachment of another case is not reachable through this one.
    const other = await fileCase({});
    const otherFile = await attach(other);
    expect((await get('xfj01', `/staff/cases/${conduct}/attachments/${otherFile}`)).status).toBe(404);
    expect((await get('xfj01', `/staff/cases/${conduct}/attachments/not-a-uuid`)).status).toBe(404);
  });
});

describe('the supervisor reads but cannot change', () => {
  it('lists and opens cases, sees no action form, and gets 403 for every action and for reveal', async () => {
    const n = await fileCase({});
    expect((await apiGet('leader01', `/api/cases/${n}`)).status).toBe(200);
    const page = await get('leader01', `/staff/cases/${n}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('/actions/');
    expect(page.body).not.toContain('/reveal');
    expect((await get('leader01', '/staff')).body).toContain(n);
    for (const action of ['accept', 'not_accept', 'transfer', 'start_handling', 'note', 'extend', 'reply', 'close', 'request_review']) {
      const res = await apiPost('leader01', `/api/cases/${n}/actions/${action}`, { note: 'x', reason: 'x', channel: 'x', unit: 'zjj', days: 1, answer: 'x' });
      expect(res.status, action).toBe(403);
    }
    expect((await apiPost('leader01', `/api/cases/${n}/reveal`, { reason: '督查' })).status).toBe(403);
    const form = await fetch(`${t.url}/staff/cases/${n}/actions/accept`, {
      method: 'POST',
      headers: { ...cookie('leader01'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.leader01.csrfToken }).toString(),
      redirect: 'manual',
    });
    expect(form.status).toBe(403);
    expect((await apiGet('admin', `/api/cases/${n}`)).json).toMatchObject({ status: 'submitted' });
  });
});

describe('CSRF on cookie sessions', () => {
  it('refuses a cookie POST without the token, on the JSON API and the console form', async () => {
    const n = await fileCase({});
    const json = (headers: Record<string, string>) =>
      fetch(`${t.url}/api/cases/${n}/actions/accept`, { method: 'POST', headers: { ...cookie('zrzy01'), 'content-type': 'application/json', ...headers }, body: '{}' });
    const form = (fields: Record<string, string>) =>
      fetch(`${t.url}/staff/cases/${n}/actions/accept`, {
        method: 'POST',
        headers: { ...cookie('zrzy01'), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    expect((await json({})).status).toBe(403);
    expect((await json({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await form({})).status).toBe(403);
    expect((await form({ _csrf: s['town-donghu01'].csrfToken })).status).toBe(403);
    const reveal = await fetch(`${t.url}/staff/cases/${n}/reveal`, {
      method: 'POST',
      headers: { ...cookie('zrzy01'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason: '核实' }).toString(),
    });
    expect(reveal.status).toBe(403);
    expect(await reveal.text()).not.toContain('13812345678');
    expect((await apiGet('admin', `/api/cases/${n}`)).json).toMatchObject({ status: 'submitted' });
    // With the token the same form works and lands on the case page.
    const done = await form({ _csrf: s.zrzy01.csrfToken });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/staff/cases/${n}?done=accept`);
    expect((await apiGet('admin', `/api/cases/${n}`)).json).toMatchObject({ status: 'accepted' });
  });

  it('an unauthenticated page visit goes to sign-in, an API call is 401', async () => {
    const page = await fetch(`${t.url}/staff`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/staff/login');
    expect((await fetch(`${t.url}/api/cases/XF202611270001/actions/accept`, { method: 'POST' })).status).toBe(401);
  });
});

describe('citizen text that tries to become markup', () => {
  let n: string;
  beforeAll(async () => {
    n = await fileCase({
      facts: `事实${SCRIPT}${IMG}`,
      demands: `诉求${IMG}`,
      respondent: `被反映人${SCRIPT}`,
      address: `地址${IMG}`,
      petitioner: { name: `${SCRIPT}张三`, phone: '13812345678', idNumber: null },
      representatives: [{ name: IMG, phone: null }],
    });
    await attach(n, `${IMG}.png`);
    await apiPost('admin', `/api/cases/${n}/actions/note`, { note: `内部${SCRIPT}${IMG}` });
  });

  it('is escaped in the list and detail HTML (also when revealed)', async () => {
    const list = await get('xfj01', `/staff?q=${encodeURIComponent('事实<script>')}`);
    const detail = await get('xfj01', `/staff/cases/${n}`);
    const revealed = await fetch(`${t.url}/staff/cases/${n}/reveal`, {
      method: 'POST',
      headers: { ...cookie('xfj01'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.xfj01.csrfToken, reason: '核对身份' }).toString(),
    });
    expect(revealed.status).toBe(200);
    const revealedHtml = await revealed.text();
    expect(list.body).toContain(n);
    for (const body of [list.body, detail.body, revealedHtml]) {
      expect(body).not.toContain(SCRIPT);
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    expect(detail.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(revealedHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;张三');
    expect(detail.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('runs nothing in Chromium: no dialog, no img with onerror, no inline script', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const context = await offlineContext(browser);
      await context.addCookies([{ name: 'xf_session', value: s.xfj01.token, url: t.url }]);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const path of [`/staff?q=${encodeURIComponent('事实<script>')}`, `/staff/cases/${n}`]) {
        const res = await page.goto(`${t.url}${path}`);
        expect(res!.status()).toBe(200);
        expect(await page.locator('img[onerror]').count()).toBe(0);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script:not([src])').count()).toBe(0);
      }
      await expect.poll(() => page.locator('main').innerText()).toContain(SCRIPT);
      expect(await page.locator('main').innerText()).toContain(IMG);
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
