/**
 * Attacks on who may see what: IDOR on case numbers, conversation ids, attachment
 * ids, the web chat's userId and the CSV export; guessing query codes through the
 * chat (lockout per case and per citizen); session fixation and logout; CSRF
 * (missing or wrong token, cross-site Origin).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
interface Session {
  token: string;
  csrfToken: string;
}

async function login(username: string, headers: Record<string, string> = {}): Promise<Session & { setCookie: string }> {
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password: t.passwords[username] }),
  });
  expect(res.status).toBe(200);
  return { ...((await res.json()) as Session), setCookie: res.headers.get('set-cookie') ?? '' };
}
const bearer = (s: Session) => ({ authorization: `Bearer ${s.token}` });
const apiGet = (s: Session, path: string) => fetch(`${t.url}${path}`, { headers: bearer(s) });
const apiPost = (s: Session, path: string, body: unknown = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { ...bearer(s), 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestApp('pglite');
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

describe('IDOR', () => {
  let zrzy: Session;
  let admin: Session;
  let housing: string;
  let land: string;
  let housingFile: string;
  beforeAll(async () => {
    zrzy = await login('zrzy01');
    admin = await login('admin');
    land = (await t.app.store.cases.create(newCase())).caseNumber;
    housing = (await t.app.store.cases.create(newCase({ category: 'housing', unit: 'zjj', coUnit: 'town:城关镇', township: '城关镇', facts: '房屋拆迁补偿（越权测试）' }))).caseNumber;
    const stored = await t.app.store.files.put(PNG);
    housingFile = (await t.app.store.attachments.add({ conversationId: randomUUID(), caseNumber: housing, fileName: 'a.png', mime: 'image/png', size: PNG.length, sha256: stored.sha256, storagePath: stored.relativePath, at: new Date() })).id;
  });

  it('a handler of another unit gets 404 on the case, its actions, its reveal and its attachment, like a missing case', async () => {
    expect((await apiGet(zrzy, `/api/cases/${land}`)).status).toBe(200);
    const hidden = await apiGet(zrzy, `/api/cases/${housing}`);
    const missing = await apiGet(zrzy, '/api/cases/XF209901019999');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(((await hidden.json()) as { error: { code: string } }).error.code).toBe(((await missing.json()) as { error: { code: string } }).error.code);
    // An action the role may take is a 404; one it may never take is a 403 for any case number: either way the same as for a missing case.
    const body = { note: 'x', unit: 'zrzy', reason: 'x', answer: 'x' };
    for (const action of ['accept', 'note', 'transfer', 'reply', 'close']) {
      const onHidden = (await apiPost(zrzy, `/api/cases/${housing}/actions/${action}`, body)).status;
      expect(onHidden, action).toBe((await apiPost(zrzy, `/api/cases/XF209901019999/actions/${action}`, body)).status);
      expect([403, 404], action).toContain(onHidden);
    }
    expect((await apiPost(zrzy, `/api/cases/${housing}/actions/accept`, body)).status).toBe(404);
    expect((await apiPost(zrzy, `/api/cases/${housing}/reveal`, { reason: '核实' })).status).toBe(404);
    const file = await fetch(`${t.url}/staff/cases/${housing}/attachments/${housingFile}`, { headers: { cookie: `xf_session=${zrzy.token}` } });
    expect(file.status).toBe(404);
    // Its own case number with another case's attachment id: still 404.
    const crossed = await fetch(`${t.url}/staff/cases/${land}/attachments/${housingFile}`, { headers: { cookie: `xf_session=${zrzy.token}` } });
    expect(crossed.status).toBe(404);
    expect((await apiGet(admin, `/api/cases/${housing}`)).status).toBe(200);
    expect(((await (await apiGet(admin, `/api/cases/${housing}`)).json()) as { status: string }).status).toBe('submitted');
  });

  it('a chat in the inbox is out of reach of a handler whose unit it does not concern', async () => {
    const c = new Citizen(t.url);
    await c.say('转人工');
    await c.say('我想找人说说房子的事');
    const items = ((await (await apiGet(admin, '/api/inbox')).json()) as { items: { id: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const id = items[0]!.id;
    expect((await apiGet(zrzy, `/api/inbox/${id}`)).status).toBe(404);
    expect((await apiPost(zrzy, `/api/inbox/${id}/claim`)).status).toBe(404);
    expect((await apiPost(zrzy, `/api/inbox/${id}/reply`, { text: '你好' })).status).toBe(404);
    expect((await apiGet(zrzy, `/api/inbox/${c.last.conversationId}`)).status).toBe(404);
  });

  it('a conversation id, or the stored hash of a userId, opens no one else’s web chat', async () => {
    const victim = new Citizen(t.url);
    await victim.say('我叫王秘密，我要反映问题');
    const secretText = '我叫王秘密';
    const rows = await t.app.store.handle.prisma.$queryRawUnsafe<{ channel_user_id: string }[]>(`SELECT channel_user_id FROM conversations WHERE id = $1`, victim.last.conversationId);
    const storedId = rows[0]!.channel_user_id;
    for (const guess of [victim.last.conversationId, storedId, victim.userId.toUpperCase(), `${victim.userId} `]) {
      const transcript = await fetch(`${t.url}/api/chat/transcript`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: guess }) });
      expect(transcript.status, guess).toBeLessThan(500);
      expect(await transcript.text(), guess).not.toContain(secretText);
      const updates = await fetch(`${t.url}/api/chat/updates?userId=${encodeURIComponent(guess)}&timeout=0`);
      expect(updates.status).toBeLessThan(500);
      expect(await updates.text()).not.toContain(secretText);
    }
    // The owner still sees it.
    const own = await fetch(`${t.url}/api/chat/transcript`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: victim.userId }) });
    expect(await own.text()).toContain(secretText);
  });

  it('the CSV export is refused to handlers and grid workers, and carries masked personal data only', async () => {
    expect((await fetch(`${t.url}/staff/cases.csv`, { headers: { cookie: `xf_session=${zrzy.token}` } })).status).toBe(403);
    const csv = await (await fetch(`${t.url}/staff/cases.csv`, { headers: { cookie: `xf_session=${admin.token}` } })).text();
    expect(csv).toContain(housing);
    expect(csv).not.toContain('13812345678');
    expect(csv).not.toContain('11010519491231002X');
  });
});

describe('guessing query codes through the chat', () => {
  const lockedText = catalog('zh', 'lookupLocked', { minutes: 15 });
  const code = '01234567';
  const wrong = (i: number) => String(10000000 + i);

  async function lookUp(c: Citizen, caseNumber: string, queryCode: string): Promise<string> {
    await c.say(`查询 ${caseNumber}`);
    if (c.last.expecting === 'queryCode') await c.say(queryCode);
    return c.text;
  }

  it('five wrong codes lock the case, even for the right code and for another citizen', async () => {
    const n = (await t.app.store.cases.create(newCase({ queryCode: code }))).caseNumber;
    const guesser = new Citizen(t.url);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await lookUp(guesser, n, wrong(i)));
    expect(answers[0]).not.toContain(lockedText.slice(0, 8));
    expect(answers[4]).toContain(lockedText.slice(0, 8));
    expect(await lookUp(guesser, n, code)).toContain(lockedText.slice(0, 8));
    const owner = new Citizen(t.url);
    const text = await lookUp(owner, n, code);
    expect(text).toContain(lockedText.slice(0, 8));
    expect(text).not.toContain('张桂兰');
  });

  it('one citizen guessing across many cases is locked out of all of them', async () => {
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push((await t.app.store.cases.create(newCase({ queryCode: code }))).caseNumber);
    const guesser = new Citizen(t.url);
    for (let i = 0; i < 5; i++) await lookUp(guesser, cases[i]!, wrong(i));
    // The sixth case was never guessed at, and this is its right code: still refused.
    expect(await lookUp(guesser, cases[5]!, code)).toContain(lockedText.slice(0, 8));
    // Another citizen with the right code is not affected by that lock.
    const other = new Citizen(t.url);
    expect(await lookUp(other, cases[5]!, code)).toContain(cases[5]!);
  });
});

describe('sessions', () => {
  it('a planted session cookie does not survive sign-in: a new token is issued and the planted one ends', async () => {
    const attacker = await login('xfj01');
    const victim = await login('admin', { cookie: `xf_session=${attacker.token}` });
    expect(victim.token).not.toBe(attacker.token);
    expect(victim.setCookie).toContain(`xf_session=${victim.token}`);
    expect((await apiGet(attacker, '/api/cases')).status).toBe(401);
    expect((await apiGet(victim, '/api/cases')).status).toBe(200);
    // A made-up token in the cookie is never adopted either.
    const made = randomBytes(32).toString('base64url');
    const fresh = await login('admin', { cookie: `xf_session=${made}` });
    expect(fresh.token).not.toBe(made);
    expect((await apiGet({ token: made, csrfToken: '' }, '/api/cases')).status).toBe(401);
  });

  it('logout ends the session on the server (bearer and console form)', async () => {
    const s = await login('xfj01');
    expect((await fetch(`${t.url}/api/staff/logout`, { method: 'POST', headers: bearer(s) })).status).toBe(204);
    expect((await apiGet(s, '/api/cases')).status).toBe(401);
    expect((await fetch(`${t.url}/staff`, { headers: { cookie: `xf_session=${s.token}` }, redirect: 'manual' })).status).toBe(303);

    const c = await login('xfj01');
    const form = await fetch(`${t.url}/staff/logout`, {
      method: 'POST',
      headers: { cookie: `xf_session=${c.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: c.csrfToken }).toString(),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect((await apiGet(c, '/api/cases')).status).toBe(401);
  });
});

describe('CSRF', () => {
  let s: Session;
  let n: string;
  beforeAll(async () => {
    s = await login('xfj01');
    n = (await t.app.store.cases.create(newCase())).caseNumber;
  });
  const cookiePost = (path: string, headers: Record<string, string>, body = '{}', type = 'application/json') =>
    fetch(`${t.url}${path}`, { method: 'POST', headers: { cookie: `xf_session=${s.token}`, 'content-type': type, ...headers }, body, redirect: 'manual' });

  it('refuses cookie POSTs without or with a wrong token (403) and changes nothing', async () => {
    for (const path of [`/api/cases/${n}/actions/accept`, `/api/cases/${n}/reveal`, '/api/staff/logout', '/api/staff/alerts/x/ack']) {
      expect((await cookiePost(path, {})).status, path).toBe(403);
      expect((await cookiePost(path, { 'x-csrf-token': 'wrong' })).status, path).toBe(403);
    }
    expect((await cookiePost(`/staff/cases/${n}/actions/accept`, {}, new URLSearchParams({ _csrf: 'wrong' }).toString(), 'application/x-www-form-urlencoded')).status).toBe(403);
    expect((await apiGet(s, `/api/cases`)).status).toBe(200);
    expect(((await (await apiGet(s, `/api/cases/${n}`)).json()) as { status: string }).status).toBe('submitted');
  });

  it('refuses a cookie POST from another site even with the right token', async () => {
    const evil = { origin: 'https://evil.example', 'x-csrf-token': s.csrfToken };
    expect((await cookiePost(`/api/cases/${n}/actions/accept`, evil)).status).toBe(403);
    expect((await cookiePost(`/api/cases/${n}/actions/accept`, { 'x-csrf-token': s.csrfToken, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const form = new URLSearchParams({ _csrf: s.csrfToken }).toString();
    expect((await cookiePost(`/staff/cases/${n}/actions/accept`, { 'sec-fetch-site': 'same-site' }, form, 'application/x-www-form-urlencoded')).status).toBe(403);
    expect(((await (await apiGet(s, `/api/cases/${n}`)).json()) as { status: string }).status).toBe('submitted');
    // From the console itself it works (Chromium's own form post: Origin "null" under no-referrer).
    const own = await cookiePost(`/staff/cases/${n}/actions/note`, { origin: 'null', 'sec-fetch-site': 'same-origin' }, new URLSearchParams({ _csrf: s.csrfToken, note: '本站' }).toString(), 'application/x-www-form-urlencoded');
    expect(own.status).toBe(303);
    expect((await cookiePost(`/api/cases/${n}/actions/accept`, { origin: t.url, 'x-csrf-token': s.csrfToken })).status).toBe(200);
  });

  it('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const fresh = await login('xfj01');
    expect(fresh.setCookie).toMatch(/HttpOnly/i);
    expect(fresh.setCookie).toMatch(/SameSite=Strict/i);
  });
});
