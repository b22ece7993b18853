/**
 * Written notices end to end in headless Chromium against the whole app on PGlite: a
 * letter registered at the desk is accepted with the case page's form; the page lists
 * the 受理告知书 marked for printing; the document opens (title, the petitioner, the
 * case number) and its PDF is a PDF; staff record the delivery by hand on the page and
 * the page then shows it delivered, in person, with the note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, staffContext, staffToken, saveScreenshot, watchErrors } from '../helpers/browser.ts';

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

const tokenOf = (username: string): Promise<string> => staffToken(t, username);

async function signIn(username: string): Promise<Page> {
  context = await staffContext(browser, t, username, { viewport: { width: 1280, height: 900 } });
  return watchErrors(await context.newPage(), pageErrors);
}

describe('written notices on the case page', () => {
  it('accept → the notice marked for printing → view and PDF → delivery recorded by hand', async () => {
    const intake = await tokenOf('xfj01');
    const reg = await fetch(`${t.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${intake}` },
      body: JSON.stringify({
        origin: 'letter',
        petitioner: { name: '王秀英<i>', phone: '13912345678' },
        township: '东湖镇',
        category: 'land',
        facts: '王家村修路占了我家两亩承包地，至今没有给补偿',
        demands: '按标准补偿占地款',
        peopleCount: 1,
      }),
    });
    expect(reg.status).toBe(201);
    const { caseNumber } = (await reg.json()) as { caseNumber: string };

    const page = await signIn('zrzy01');
    await page.goto(`${t.url}/staff/cases/${caseNumber}`);
    await page.locator(`form[action="/staff/cases/${caseNumber}/actions/accept"] button[type="submit"]`).click();
    await page.waitForURL(/done=accept/);
    const section = page.locator('table.written-notices');
    await section.waitFor();
    const row = section.locator('tr[data-kind="accept"]');
    expect(await row.textContent()).toContain('受理告知书 Acceptance');
    expect(await row.textContent()).toContain('待打印送达');

    const href = (await row.locator('a', { hasText: '查看' }).getAttribute('href'))!;
    const doc = await context!.newPage();
    watchErrors(doc, pageErrors);
    await doc.goto(`${t.url}${href}`);
    expect(await doc.locator('h1').textContent()).toBe('信访事项受理告知书');
    const text = (await doc.locator('body').textContent())!;
    expect(text).toContain('王秀英<i>');
    expect(text).toContain(caseNumber);
    expect(await doc.locator('i').count()).toBe(0);
    await saveScreenshot(doc, 'written-notice.png');
    const pdf = await context!.request.get(`${t.url}${href}?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await doc.close();

    const form = row.locator('form.notice-delivery');
    await form.locator('[name="channel"]').selectOption('in_person');
    await form.locator('[name="note"]').fill('本人签收');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/delivered=1/);
    const delivered = (await page.locator('table.written-notices tr[data-kind="accept"]').textContent())!;
    expect(delivered).toContain('已送达 Delivered');
    expect(delivered).toContain('当面送达 In person');
    expect(delivered).toContain('本人签收');
    expect(await page.locator('form.notice-delivery').count()).toBe(0);
    await saveScreenshot(page, 'written-notices-case-page.png');
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});
