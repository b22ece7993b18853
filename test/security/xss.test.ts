/**
 * XSS: markup in everything a citizen can write (the petition's fields through the
 * chat, supplement text, chat messages in the inbox transcript, attachment file
 * names) appears on every console page that shows it only as escaped text, and runs
 * nothing in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, offlineContext } from '../helpers/browser.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const SVG = '"><svg onload=alert(3)>';
/** Raw markers that must never appear unescaped in HTML. */
const RAW = ['<script>alert', '<img src=x', '<svg onload', '"><svg'];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let admin: { token: string; csrfToken: string };
let chatCase: string;
let storeCase: string;
let inboxChatId: string;
const carried = new Set<string>();

const cookie = () => ({ cookie: `xf_session=${admin.token}` });
async function page(path: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`${t.url}${path}`, { headers: cookie(), redirect: 'manual' });
  if (res.status >= 500) console.log(t.logs.filter((l) => l.includes('unhandled')).slice(-1).join('\n'));
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** Answers each question with the hostile answer first; one the bot refuses gets a plain one. */
async function fileHostilePetition(c: Citizen): Promise<string> {
  const hostile: Record<string, string> = {
    facts: `建筑公司拖欠我们六个人三个月工资${SCRIPT}${SVG}`,
    demands: `要求支付全部工资${IMG}`,
    respondent: `${SVG}某建筑公司`,
    address: `城关镇人民路1号${IMG}`,
    name: `${SCRIPT}李伟`,
    representatives: `王建国${SVG} 13900001111，李大山${IMG} 13700002222`,
  };
  const plain: Record<string, string> = { facts: '建筑公司拖欠工资', demands: '支付工资', respondent: '某建筑公司', address: '人民路1号', name: '李伟', representatives: '王建国 13900001111', phone: '13912345678', township: '城关镇', peopleCount: '6人' };
  await c.say('我要反映问题');
  const tried = new Set<string>();
  for (let i = 0; i < 30 && c.last.expecting !== 'confirm'; i++) {
    const exp = c.last.expecting ?? '';
    if (exp === 'consent') {
      await c.press('consent:yes');
      continue;
    }
    const first = !tried.has(exp);
    tried.add(exp);
    const answer = first ? (hostile[exp] ?? plain[exp]) : plain[exp];
    if (answer !== undefined) {
      if (first && hostile[exp]) carried.add(exp);
      await c.say(answer);
      // Still asked the same: the hostile answer was refused.
      if (c.last.expecting === exp && first && hostile[exp]) carried.delete(exp);
      continue;
    }
    const button = c.last.replies.flatMap((r) => r.buttons ?? [])[0];
    expect(button, `no answer for ${exp}: ${c.text}`).toBeDefined();
    await c.press(button!.payload);
  }
  await c.press('confirm:yes');
  expect(c.last.caseNumber, c.text).toMatch(/^XF\d{12}$/);
  return c.last.caseNumber!;
}

beforeAll(async () => {
  t = await startTestApp('pglite');
  const res = await fetch(`${t.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: t.passwords.admin }) });
  admin = (await res.json()) as typeof admin;

  const c = new Citizen(t.url);
  chatCase = await fileHostilePetition(c);
  // Supplement text through the follow-up.
  await c.say('我要补充材料');
  if (c.last.expecting === 'supplement') {
    await c.say(`补充：${SCRIPT}${IMG}`);
    carried.add('supplement');
  }
  // An attachment whose file name is markup.
  const up = await fetch(`${t.url}/api/chat/attachments?userId=${c.userId}&name=${encodeURIComponent(`${IMG}${SVG}.png`)}`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG });
  expect(up.status).toBe(200);
  if (((await up.json()) as { accepted: boolean }).accepted) carried.add('attachment');

  // Every field, also those the dialogue refuses as markup (a name), straight into the store.
  storeCase = (
    await t.app.store.cases.create(
      newCase({
        facts: `事实${SCRIPT}${IMG}`,
        demands: `诉求${SVG}`,
        respondent: `被反映人${SCRIPT}`,
        address: `地址${IMG}`,
        petitioner: { name: `${SCRIPT}${SVG}`, phone: '13812345678', idNumber: null },
        representatives: [{ name: IMG, phone: null }],
      }),
    )
  ).caseNumber;

  // A chat with a person: the citizen's messages land in the inbox transcript.
  const waiting = new Citizen(t.url);
  await waiting.say('转人工');
  await waiting.say(`你好${SCRIPT}${IMG}${SVG}`);
  const inbox = await fetch(`${t.url}/api/inbox`, { headers: { authorization: `Bearer ${admin.token}` } });
  inboxChatId = ((await inbox.json()) as { items: { id: string }[] }).items[0]!.id;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

describe('citizen markup on console pages', () => {
  it('went in through the chat for the free-text fields', () => {
    for (const f of ['facts', 'demands', 'address', 'supplement', 'attachment']) expect([...carried], f).toContain(f);
  });

  it('is escaped on the case list, both case details, the inbox, the chat, the alerts and the dashboard', async () => {
    const paths = ['/staff', `/staff?q=${encodeURIComponent('<script>')}`, `/staff/cases/${chatCase}`, `/staff/cases/${storeCase}`, '/staff/inbox', `/staff/inbox/${inboxChatId}`, `/staff/inbox/${inboxChatId}/live`, '/staff/inbox/rows', '/staff/alerts', '/staff/dashboard'];
    for (const path of paths) {
      const p = await page(path);
      expect(p.status, path).toBe(200);
      for (const raw of RAW) expect(p.body, `${path} holds ${raw}`).not.toContain(raw);
    }
    const detail = (await page(`/staff/cases/${chatCase}`)).body;
    expect(detail).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(detail).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect((await page(`/staff/cases/${storeCase}`)).body).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect((await page(`/staff/inbox/${inboxChatId}`)).body).toContain('你好&lt;script&gt;');
  });

  it('the CSV export is a download that no browser renders as a page', async () => {
    const res = await fetch(`${t.url}/staff/cases.csv`, { headers: cookie() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain(chatCase);
  });

  it('the JSON API returns the text as data (JSON content type, nosniff)', async () => {
    const res = await fetch(`${t.url}/api/cases/${storeCase}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await res.json()) as { facts: string }).facts).toBe(`事实${SCRIPT}${IMG}`);
  });

  it('runs nothing in Chromium on the case detail, the chat and the inbox', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const context = await offlineContext(browser);
      await context.addCookies([{ name: 'xf_session', value: admin.token, url: t.url }]);
      const tab = await context.newPage();
      const dialogs: string[] = [];
      tab.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const path of [`/staff/cases/${chatCase}`, `/staff/cases/${storeCase}`, `/staff/inbox/${inboxChatId}`]) {
        expect((await tab.goto(`${t.url}${path}`))!.status()).toBe(200);
        expect(await tab.locator('main img, main svg, main script, [onerror], [onload]').count(), path).toBe(0);
        await expect.poll(() => tab.locator('main').innerText()).toContain('alert(');
      }
      await tab.goto(`${t.url}/staff/cases/${chatCase}`);
      expect(await tab.locator('main').innerText()).toContain(SCRIPT);
      await tab.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
