/**
 * Backlog, 包案 and reception bookings end to end in headless Chromium against the
 * whole app on PGlite: a leader opens the backlog from the console's menu, puts the
 * oldest case in the county head's charge on the case page, and sees the leader in
 * the backlog; the intake officer sees the day's bookings (the citizen's words as
 * text), registers a booked visit at the desk from the booking, and the booking then
 * links to the case. No console or CSP error on any page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_COUNTY_PATH } from '../../src/county-config-file.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import { addDays } from '../../src/domain/reception/reception-days.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, saveScreenshot, staffContext, staffToken, watchErrors } from '../helpers/browser.ts';
import { Citizen } from '../helpers/chat.ts';
import { tempDir } from '../helpers/stores.ts';

let t: TestApp;
let browser: Browser;
let configDir: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const today = localDate(new Date(), 480);
const DAY = 86_400_000;

beforeAll(async () => {
  configDir = tempDir('xf-county-');
  const county = JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8')) as Record<string, { days: unknown[] }>;
  const place = { zh: '县信访局领导接访室', en: 'the leaders\' reception room' };
  const leader = { zh: '县长 周建国', en: 'County Head Zhou Jianguo' };
  county.reception!.days = [
    { id: 'head-today', leader, leaderUsername: 'leader02', aliases: ['今天'], place, topics: { zh: '征地拆迁', en: 'land' }, date: today },
    { id: 'head', leader, leaderUsername: 'leader02', aliases: ['县长'], place, topics: { zh: '征地拆迁', en: 'land' }, date: addDays(today, 7) },
  ];
  const file = path.join(configDir, 'county.json');
  fs.writeFileSync(file, JSON.stringify(county));
  [t, browser] = await Promise.all([startTestApp('pglite', { COUNTY_CONFIG: file }), launchBrowser()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.stop();
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<Page> {
  const context = await staffContext(browser, t, username, { viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return watchErrors(await context.newPage(), pageErrors);
}

describe('backlog and 包案 in the console', () => {
  it('a leader finds the old case in the backlog, puts it in the county head\'s charge, and the backlog shows him', async () => {
    const token = await staffToken(t, 'xfj01');
    const res = await fetch(`${t.url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        origin: 'letter',
        receivedAt: localDate(new Date(Date.now() - 75 * DAY), 480),
        petitioner: { name: '赵有田', phone: '13712345670' },
        township: '东湖镇',
        category: 'land',
        facts: '修路占了承包地两亩，一直没有补偿',
        demands: '按标准补偿',
        peopleCount: 1,
      }),
    });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };

    const page = await signIn('leader01');
    await page.goto(`${t.url}/staff`);
    await page.click('nav a[href="/staff/backlog"]');
    await page.waitForURL(/\/staff\/backlog$/);
    expect(await page.locator('#backlog-total').textContent()).toContain('共 1 件');
    expect(await page.locator('#backlog-buckets tr[data-bucket="60-89"] td').textContent()).toBe('1');
    const row = page.locator(`#backlog-cases tr[data-case="${caseNumber}"]`);
    expect(await row.locator('td[data-age]').textContent()).toBe('75');
    expect(await row.locator('td[data-leader]').textContent()).toContain('未包案');

    await row.locator(`a[href="/staff/cases/${caseNumber}"]`).click();
    await page.waitForURL(new RegExp(`/staff/cases/${caseNumber}$`));
    const form = page.locator('form.leader-form');
    await form.locator('[name="leader"]').selectOption('leader02');
    await form.locator('[name="reason"]').fill('积案时间长，县长包案');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#case-leader').textContent()).toContain('县长 周建国 (leader02)');
    expect(await page.locator('main').textContent()).toContain('包案领导 Leader in charge');

    await page.goto(`${t.url}/staff/backlog?leader=leader02`);
    expect(await page.locator(`#backlog-cases tr[data-case="${caseNumber}"] td[data-leader]`).textContent()).toContain('县长 周建国');
    await saveScreenshot(page, 'backlog.png');
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });

  it('a leader whose name holds markup shows as text on the case page, in the backlog, the unit report and the monthly report', async () => {
    const name = '<img src=x onerror=alert(1)>赵书记';
    const admin = await staffToken(t, 'admin');
    const api = async (token: string, p: string, body: unknown) => fetch(`${t.url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await api(admin, '/api/staff/users', { username: 'leader-xss', password: 'Leader-xss-2026!', role: 'supervisor', displayName: name })).status).toBe(201);
    const registered = await api(await staffToken(t, 'xfj01'), '/api/cases', {
      origin: 'visit', receivedAt: localDate(new Date(Date.now() - 65 * DAY), 480), petitioner: { name: '钱二', phone: '13712345671' },
      township: '东湖镇', category: 'land', facts: '村道修建占用耕地未补偿', demands: '补偿', peopleCount: 1,
    });
    const { caseNumber } = (await registered.json()) as { caseNumber: string };
    expect((await api(admin, `/api/cases/${caseNumber}/leader`, { leader: 'leader-xss', reason: '积案包案' })).status).toBe(200);

    const page = await signIn('leader01');
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    const month = localDate(new Date(), 480).slice(0, 7);
    const places: [string, string][] = [
      [`/staff/cases/${caseNumber}`, '#case-leader'],
      ['/staff/backlog?leader=leader-xss', `#backlog-cases tr[data-case="${caseNumber}"] td[data-leader]`],
      ['/staff/performance', '#led-by-unit tr[data-unit="zrzy"]'],
      [`/staff/reports/monthly?month=${month}&unit=zrzy`, `#led-cases tr[data-case="${caseNumber}"]`],
    ];
    for (const [path, where] of places) {
      await page.goto(`${t.url}${path}`);
      expect(await page.locator(where).textContent(), path).toContain(name);
      expect(await page.locator(`${where} img`).count(), path).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });

  it('an intake officer cannot put a case in a leader\'s charge: no form', async () => {
    const page = await signIn('xfj01');
    await page.goto(`${t.url}/staff/backlog`);
    await page.locator('#backlog-cases a').first().click();
    await page.locator('#case-leader').waitFor();
    expect(await page.locator('form.leader-form').count()).toBe(0);
  });
});

describe('reception bookings in the console', () => {
  it('the day\'s bookings are listed with the citizen\'s words as text; the desk registers the visit from one', async () => {
    // A citizen books the coming day in the chat, with markup in the words.
    const c = new Citizen(t.url);
    for (const text of ['我想预约见县长', '我叫孙秀兰', '13612345678', '低保被取消了<img src=x onerror=alert(1)>，想当面问问']) await c.say(text);
    await c.say('确认预约');
    expect(c.text).toContain('第1位');
    // One booked for today (the chat books only days ahead; the store's own booking).
    const booked = await t.app.store.receptionBookings.book({
      bookingKey: 'e2e:today', sessionId: 'head-today', day: today, capacity: 12, name: '陈大娘', phone: '13512345678',
      description: '儿子工伤赔偿一直没落实', locale: 'zh', channel: 'web', conversationId: null, at: new Date(),
    });
    if (!booked.ok) throw new Error('not booked');

    const page = await signIn('xfj01');
    await page.goto(`${t.url}/staff`);
    await page.click('nav a[href="/staff/reception"]');
    await page.waitForURL(/\/staff\/reception$/);
    const ahead = page.locator(`section[data-session="head@${addDays(today, 7)}"]`);
    expect(await ahead.locator('[data-taken]').textContent()).toBe('1');
    expect(await ahead.locator('td.pre').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await ahead.locator('img').count()).toBe(0);
    expect(await ahead.textContent()).not.toContain('孙秀兰');
    expect(await ahead.locator('a.register-visit').count()).toBe(0);

    const todays = page.locator(`section[data-session="head-today@${today}"]`);
    await todays.locator('a.register-visit').click();
    await page.waitForURL(/\/staff\/desk\?booking=/);
    expect(await page.locator('#desk-booking').count()).toBe(1);
    expect(await page.locator('[name="name"]').inputValue()).toBe('陈大娘');
    // The booking's phone is masked on the page; the case gets it from the booking.
    expect(await page.locator('#desk-booking-phone [data-masked]').textContent()).toBe('135****5678');
    expect(await page.locator('[name="phone"]').inputValue()).toBe('');
    expect(await page.content()).not.toContain('13512345678');
    expect(await page.locator('[name="origin"]').inputValue()).toBe('visit');
    expect(await page.locator('[name="facts"]').inputValue()).toBe('儿子工伤赔偿一直没落实');
    await page.locator('[name="township"]').selectOption('西山乡');
    await page.locator('[name="category"]').selectOption('labor');
    await page.locator('[name="demands"]').fill('落实工伤赔偿');
    await page.locator('[name="understandingsTold"]').check();
    await page.locator('#desk-form button[type="submit"]').click();
    await page.locator('#receipt').waitFor();
    const caseNumber = (await page.locator('#receipt-case-number').textContent())!.trim();

    await page.goto(`${t.url}/staff/reception`);
    const row = page.locator(`section[data-session="head-today@${today}"] tr[data-booking="${booked.booking.id}"]`);
    expect(await row.locator('td[data-status]').textContent()).toContain('已到访登记');
    expect(await row.locator(`a[href="/staff/cases/${caseNumber}"]`).count()).toBe(1);
    await saveScreenshot(page, 'reception.png');
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });

  it('a unit handler has no reception page: 403', async () => {
    const page = await signIn('zrzy01');
    const res = await page.goto(`${t.url}/staff/reception`);
    expect(res!.status()).toBe(403);
    expect(await page.locator('nav a[href="/staff/reception"]').count()).toBe(0);
  });
});
