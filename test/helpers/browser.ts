/**
 * Headless Debian Chromium through playwright-core, offline: no browser download,
 * no background traffic, and every request that is not to loopback is aborted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const ARTIFACTS_DIR = path.resolve('test-artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const isLoopback = (url: string) => /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url) || /^(about|data|blob):/.test(url);

/** A fresh browser profile (own local storage) that can reach loopback only. */
export async function offlineContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return context;
}

/** Collects console errors and uncaught page errors (CSP violations show up here). */
export function watchErrors(page: Page, into: string[]): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => into.push(`${page.url()}: ${e.message}`));
  return page;
}

/** The visible page (the widget fills it); returns the file's path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/** A staff member's session token, signed in over the API (the console's own login page is tested elsewhere). */
export async function staffToken(app: { url: string; passwords: Record<string, string> }, username: string): Promise<string> {
  const res = await fetch(`${app.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: app.passwords[username] }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A fresh offline browser profile holding that staff member's session cookie. */
export async function staffContext(browser: Browser, app: { url: string; passwords: Record<string, string> }, username: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const token = await staffToken(app, username);
  const context = await offlineContext(browser, options);
  await context.addCookies([{ name: 'xf_session', value: token, url: app.url, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}
