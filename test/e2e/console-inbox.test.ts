/**
 * The inbox in headless Chromium against the whole app on PGlite: an intake officer
 * signed in keeps /staff/inbox open; a citizen asks for a person over /api/chat and
 * the chat appears without a reload (badge and desktop notification); the officer
 * claims it and answers through the page, sees the citizen's next message arrive
 * live, and hands the chat back. The citizen gets everything on their own channel.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, staffContext, saveScreenshot, watchErrors } from '../helpers/browser.ts';
import { Citizen } from '../helpers/chat.ts';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await t?.stop();
});

/** Signs in over the API and hands the session cookie to a fresh browser profile. */
async function signedInPage(username: string): Promise<Page> {
  context = await staffContext(browser, t, username, { permissions: ['notifications'], viewport: { width: 1100, height: 900 } });
  // Records desktop notifications (headless Chromium shows none). A string: the test has no DOM types.
  await context.addInitScript(`(() => {
    const Real = window.Notification;
    window.shownNotifications = [];
    class Recording extends Real {
      constructor(title, options) {
        super(title, options);
        window.shownNotifications.push(title + ' | ' + (options && options.body));
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording });
  })()`);
  return watchErrors(await context.newPage(), pageErrors);
}

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 8000, interval: 100 });
const textOf = (l: Locator) => l.innerText();

it('shows a waiting chat live, claims and answers it through the page, and hands it back', async () => {
  const page = await signedInPage('xfj01');
  await page.goto(`${t.url}/staff/inbox`);
  await poll(() => page.locator('#inbox-list').getAttribute('data-live')).toBe('true');

  const citizen = new Citizen(t.url);
  const { conversationId: id } = await citizen.say('我要转人工');
  const row = page.locator(`#inbox-rows tr[data-id="${id}"]`);
  await poll(() => row.count()).toBe(1);
  expect(await textOf(row)).toContain('市民要求');
  expect(await textOf(row)).toContain('我要转人工');
  expect(await page.locator('#inbox-new').isVisible()).toBe(true);
  await poll(() => page.evaluate<string[]>('window.shownNotifications')).toEqual([expect.stringContaining('新的待接入对话')]);

  await row.locator('a').click();
  await page.waitForURL(`**/staff/inbox/${id}`);
  await page.click('#claim-form button');
  await page.waitForURL(`**/staff/inbox/${id}?note=claimed`);
  expect(await textOf(page.locator('#chat-holder'))).toContain('我');

  await page.fill('#reply-text', '您好，我是信访局工作人员，请讲。');
  await page.click('#reply-form button');
  await page.waitForURL(`**/staff/inbox/${id}?note=replied`);
  expect(await textOf(page.locator('#chat-transcript'))).toContain('您好，我是信访局工作人员，请讲。');

  // The citizen's channel gets the notice and the reply; the bot stays silent.
  const pushed = await fetch(`${t.url}/api/chat/updates?userId=${citizen.userId}&timeout=2`).then((r) => r.json() as Promise<{ replies: { author: string; text: string }[] }>);
  expect(pushed.replies.map((r) => r.author)).toEqual(['system', 'staff']);
  expect(pushed.replies[1]!.text).toBe('您好，我是信访局工作人员，请讲。');
  const answer = await citizen.say('我家的征地补偿款三年了还没发。');
  expect(answer).toMatchObject({ expecting: 'staff', replies: [] });
  // …and the citizen's words show up in the open page without a reload.
  await poll(() => textOf(page.locator('#chat-transcript'))).toContain('我家的征地补偿款三年了还没发。');
  await saveScreenshot(page, 'console-inbox.png');

  await page.click('#handback-form button');
  await page.waitForURL('**/staff/inbox?note=handback');
  expect(await page.locator(`#inbox-rows tr[data-id="${id}"]`).count()).toBe(0);
  const back = await citizen.say('你好');
  expect(back.expecting).not.toBe('staff');
  expect(back.replies[0]!.text).toBe(catalog('zh', 'scHandedBack'));
  expect(back.replies.length).toBeGreaterThan(1);
  expect(pageErrors).toEqual([]);
});
