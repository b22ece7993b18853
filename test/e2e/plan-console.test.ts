/**
 * The emergency plan section in Chromium: a self-harm petition's plan on the case
 * page, a step marked done through its form (CSRF, redirect back to the section),
 * no console or CSP errors; a screenshot of the section in test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser, offlineContext, watchErrors } from '../helpers/browser.ts';
import { fileThroughChat, startPlanApp, type PlanTestApp } from '../helpers/plan-app.ts';

let t: PlanTestApp;
let browser: Browser;
let context: BrowserContext | undefined;
const errors: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startPlanApp(new Date('2026-11-27T02:00:00.000Z')), launchBrowser()]);
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await t?.stop();
});

it('shows the plan, marks a step done through the form, and is screenshotted', async () => {
  const n = await fileThroughChat(t.url, '村里征地补偿款一直没发下来，再不给钱我就不想活了');
  await t.app.core.settle(); // the plan opens right after the reply
  await t.advance(20 * 60_000); // the first step (15 minutes) is late
  context = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'xf_session', value: t.tokens.xfj01, url: t.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = watchErrors(await context.newPage(), errors);
  await page.goto(`${t.url}/staff/cases/${n}`);
  const section = page.locator('section#plan');
  expect(await section.locator('h2').textContent()).toContain('扬言自伤自杀事件处置预案');
  expect(await section.locator('tr[data-step="contact"]').textContent()).toContain('已超时 Late');
  const form = section.locator('form[data-step="contact"]');
  await form.locator('input[name="note"]').fill('已电话联系，当事人情绪平稳');
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'plan-section.png') });
  await Promise.all([page.waitForURL(/#plan$/, { timeout: 10_000 }), form.locator('button[type="submit"]').click()]);
  const row = page.locator('section#plan tr[data-step="contact"]');
  const text = await row.textContent();
  expect(text).toContain('已完成 Done');
  expect(text).toContain('已电话联系，当事人情绪平稳');
  expect(await page.locator('section#plan form[data-step="contact"]').count()).toBe(0);
  expect(errors).toEqual([]);
});
