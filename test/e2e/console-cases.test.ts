/**
 * The console's case work end to end in headless Chromium against the whole app on
 * PGlite: a citizen files through /api/chat; the unit handler signs in, finds the
 * case in the list, accepts and answers it with the console's forms; the citizen
 * receives both notices (long poll) with the review deadline.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatDate } from '../../src/dialog/forms/case-lookup/citizen-case-view.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { ARTIFACTS_DIR, launchBrowser, staffContext, saveScreenshot, watchErrors } from '../helpers/browser.ts';
import { Citizen } from '../helpers/chat.ts';

let t: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await t?.stop();
});

/** Files a land petition in Chinese through the chat API; returns its case number. */
async function fileThroughChat(c: Citizen): Promise<string> {
  await c.say('你好，我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，村里征地补偿款一直没发下来，要求尽快发放补偿款');
  const answers: Record<string, string> = { peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', representatives: '没有', address: '东湖镇李家村' };
  for (let i = 0; i < 8 && c.last.expecting !== 'confirm'; i++) {
    const a = answers[c.last.expecting ?? ''];
    expect(a, `unexpected question ${c.last.expecting}: ${c.text}`).toBeDefined();
    if (a!.startsWith('payload:')) await c.press(a!.slice(8));
    else await c.say(a!);
  }
  await c.press('confirm:yes');
  expect(c.last.caseNumber).toMatch(/^XF\d{12}$/);
  return c.last.caseNumber!;
}

async function signIn(username: string): Promise<Page> {
  context = await staffContext(browser, t, username, { viewport: { width: 1280, height: 900 } });
  return watchErrors(await context.newPage(), pageErrors);
}

async function submitAction(page: Page, action: string, fill: Record<string, string>): Promise<void> {
  const form = page.locator(`form[data-action="${action}"]`);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name="${name}"]`).fill(value);
  await Promise.all([page.waitForURL(/\?done=/), form.locator('button[type="submit"]').click()]);
}

async function updates(userId: string): Promise<string[]> {
  const res = await fetch(`${t.url}/api/chat/updates?userId=${userId}&timeout=1`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text);
}

describe('working a case in the console', () => {
  it('a handler accepts and answers a citizen petition; the citizen is told each step', async () => {
    const citizen = new Citizen(t.url);
    const caseNumber = await fileThroughChat(citizen);
    expect(await updates(citizen.userId)).toEqual([]);

    const page = await signIn('zrzy01');
    await page.goto(`${t.url}/staff`);
    const row = page.locator(`tr[data-case="${caseNumber}"]`);
    await expect.poll(() => row.innerText()).toContain('待受理');
    expect(await row.innerText()).toContain('张**');
    expect(await row.innerText()).not.toContain('13812345678');
    await saveScreenshot(page, 'console-case-list.png');

    await Promise.all([page.waitForURL(`**/staff/cases/${caseNumber}`), row.locator('a').first().click()]);
    expect(await page.locator('h1').innerText()).toContain(caseNumber);
    expect(await page.locator('main').innerText()).toContain('暂无关联案件');
    expect(await page.locator('form.action').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-action')))).toEqual(['accept', 'not_accept', 'note']);

    await submitAction(page, 'accept', { note: '已安排专人办理' });
    expect(await page.locator('.status').innerText()).toContain('已受理');
    expect(await page.locator('.done').innerText()).toContain('受理');

    await submitAction(page, 'reply', { answer: '经核查，李家村征地补偿款将于2026年12月31日前足额发放。' });
    expect(await page.locator('.status').innerText()).toContain('已答复');
    const timeline = await page.locator('table.timeline').innerText();
    expect(timeline).toContain('zrzy01');
    expect(timeline).toContain('经核查');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'console-case-detail.png'), fullPage: true });

    const row2 = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber } });
    const notices = await updates(citizen.userId);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('已受理');
    expect(notices[0]).toContain('已安排专人办理');
    expect(notices[1]).toContain('经核查，李家村征地补偿款将于2026年12月31日前足额发放。');
    expect(notices[1]).toContain(`${formatDate(row2.reviewDueAt!, t.app.core.county, 'zh')}前申请复查`);
    expect(pageErrors).toEqual([]);
  });
});
