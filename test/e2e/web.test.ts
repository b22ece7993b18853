/**
 * The web chat end to end in headless Chromium against the whole app on PGlite:
 * a petition through the widget with a reload in the middle, a file, the language
 * switch, keyboard only, a phone screen, live pushes, the HTTP fallback, the long
 * poll, the one-tag embed, and the security rules (CSP, no inline script, userId).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { initialState } from '../../src/dialog/types.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, offlineContext, saveScreenshot, watchErrors } from '../helpers/browser.ts';
import { Citizen } from '../helpers/chat.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const RICH_FIRST_MESSAGE =
  '你好，我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，村里征地补偿款一直没发下来，我们三十多户都没拿到，要求尽快发放补偿款';

let t: TestApp;
let browser: Browser;
let adminToken: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
  adminToken = await loginAs(t, 'admin');
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.stop();
});

async function newPage(options: Parameters<typeof offlineContext>[1] = {}): Promise<Page> {
  const context = await offlineContext(browser, options);
  contexts.push(context);
  return watchErrors(await context.newPage(), pageErrors);
}

async function openChat(page: Page, path = '/'): Promise<void> {
  await page.goto(`${t.url}${path}`);
  await page.waitForSelector('#xf-chat[data-ready="true"]');
}

const botCount = (page: Page) => page.locator('.xf-log .xf-from-bot').count();
const expecting = (page: Page) => page.locator('#xf-chat').getAttribute('data-expecting');
const logText = (page: Page) => page.locator('.xf-log').innerText();
/** playwright-core has no web-first assertions: poll a locator's text or attribute. */
const textOf = (l: Locator) => expect.poll(() => l.innerText(), { timeout: 5000 });
const attrOf = (l: Locator, name: string) => expect.poll(() => l.getAttribute(name), { timeout: 5000 });

/** Waits until the bot has answered (new bot messages, and the turn's last one arrived). */
async function untilAnswered(page: Page, before: number): Promise<void> {
  // Polled from here: a string predicate would be eval'd in the page, which its CSP forbids.
  const answered = async () => (await botCount(page)) > before && (await page.locator('.xf-log').getAttribute('aria-busy')) === 'false';
  await expect.poll(answered, { timeout: 10_000, interval: 50 }).toBe(true);
}

async function say(page: Page, text: string): Promise<void> {
  const before = await botCount(page);
  await page.fill('.xf-input', text);
  await page.press('.xf-input', 'Enter');
  await untilAnswered(page, before);
}

async function press(page: Page, payload: string): Promise<void> {
  const before = await botCount(page);
  await page.click(`.xf-qr[data-payload="${payload}"]`);
  await untilAnswered(page, before);
}

async function answer(page: Page, answers: Record<string, string>): Promise<void> {
  const exp = (await expecting(page))!;
  const a = answers[exp];
  expect(a, `unexpected question ${exp}: ${await logText(page)}`).toBeDefined();
  if (a!.startsWith('payload:')) await press(page, a!.slice(8));
  else await say(page, a!);
}

async function conversationIdOf(page: Page): Promise<string> {
  const userId = await page.evaluate<string | null>("localStorage.getItem('xf-chat-user')");
  expect(userId).toMatch(/^[0-9a-f]{32}$/);
  const core = t.app.core;
  return (await core.store.conversations.open('web', core.hashUserId(userId!), initialState())).id;
}

async function untilDelivered(conversationId: string): Promise<void> {
  await expect.poll(async () => (await t.app.core.store.outbox.pendingFor(conversationId)).length, { timeout: 5000 }).toBe(0);
}

describe('the web chat in a browser', () => {
  it('files a petition through the widget, resumes after a reload, takes a file and a live staff reply', async () => {
    const page = await newPage({ viewport: { width: 1100, height: 900 } });
    await openChat(page);
    await textOf(page.locator('h1')).toContain('示范县');
    await textOf(page.locator('.xf-from-bot').first()).toContain('示范县信访局');

    await say(page, RICH_FIRST_MESSAGE);
    expect(await expecting(page)).toBe('representatives');
    const answers = { representatives: '王建国 13900001111，李大山 13700002222', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none' };
    await answer(page, answers);

    // A reload in the middle: the transcript comes back and the intake goes on where it was.
    const before = await expecting(page);
    expect(before).not.toBe('confirm');
    await page.reload();
    await page.waitForSelector('#xf-chat[data-ready="true"]');
    expect(await expecting(page)).toBe(before);
    await textOf(page.locator('.xf-from-you').first()).toContain('张桂兰');
    for (let i = 0; i < 6 && (await expecting(page)) !== 'confirm'; i++) await answer(page, answers);
    expect(await expecting(page)).toBe('confirm');
    // A pressed button shows as its label on the citizen's side, never as its payload.
    expect(await page.locator('.xf-from-you', { hasText: '没有，第一次反映' }).count()).toBe(1);
    expect(await page.locator('.xf-from-you', { hasText: 'prior:none' }).count()).toBe(0);
    expect(await page.locator('#xf-chat').getAttribute('data-case-number')).toBeNull();
    await press(page, 'confirm:yes');

    const caseNumber = await page.locator('#xf-chat').getAttribute('data-case-number');
    expect(caseNumber).toMatch(/^XF\d{12}$/);
    await textOf(page.locator('.xf-from-bot').last()).toContain(caseNumber!);
    const res = await fetch(`${t.url}/api/cases/${caseNumber}`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(await res.json()).toMatchObject({ caseNumber, channel: 'web', township: '东湖镇', status: 'submitted' });

    // A file joins the case just filed.
    const bots = await botCount(page);
    await page.setInputFiles('.xf-file', { name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await untilAnswered(page, bots);
    await textOf(page.locator('.xf-from-you').last()).toContain('photo.png');
    await textOf(page.locator('.xf-from-bot').last()).toContain(caseNumber!);

    // A staff reply pushed live to the open socket, then marked delivered.
    const conversationId = await conversationIdOf(page);
    await t.app.core.store.outbox.enqueue(conversationId, [{ author: 'staff', text: '您好，我是东湖镇信访办的工作人员，您反映的问题已收到，我们会尽快核实。' }], new Date());
    await textOf(page.locator('.xf-from-staff')).toContain('东湖镇信访办');
    await untilDelivered(conversationId);

    const shot = await saveScreenshot(page, 'web-chat.png');
    console.log(`screenshot: ${shot}`);
  });

  it('switches between Chinese and English: the UI and the bot follow', async () => {
    const page = await newPage();
    await openChat(page);
    await attrOf(page.locator('.xf-input'), 'placeholder').toMatch(/请输入/);
    await page.click('.xf-lang');
    await attrOf(page.locator('.xf-input'), 'placeholder').toBe('Type your message…');
    await textOf(page.locator('.xf-send')).toBe('Send');
    await attrOf(page.locator('#xf-chat'), 'lang').toBe('en');
    // Even a Chinese greeting is answered in English once English is chosen.
    await say(page, '你好');
    await textOf(page.locator('.xf-from-bot').last()).toContain('Letters and Visits Bureau');
    console.log(`screenshot: ${await saveScreenshot(page, 'web-chat-en.png')}`);
    await page.click('.xf-lang');
    await textOf(page.locator('.xf-send')).toBe('发送');
    await say(page, 'hello');
    await textOf(page.locator('.xf-from-bot').last()).toContain('信访局');
    // The choice survives a reload.
    await page.click('.xf-lang');
    await page.reload();
    await page.waitForSelector('#xf-chat[data-ready="true"]');
    await textOf(page.locator('.xf-send')).toBe('Send');
  });

  it('works with the keyboard alone', async () => {
    const page = await newPage();
    await openChat(page);
    const focused = () =>
      page.evaluate<string>("(a => a ? a.tagName.toLowerCase() + (a.dataset.payload ? ':' + a.dataset.payload : '') : '')(document.activeElement)");
    const tabUntil = async (key: 'Tab' | 'Shift+Tab', target: string) => {
      for (let i = 0; i < 20 && !(await focused()).startsWith(target); i++) await page.keyboard.press(key);
      expect(await focused()).toMatch(new RegExp(`^${target}`));
    };

    await tabUntil('Tab', 'textarea');
    let before = await botCount(page);
    await page.keyboard.type('我要反映问题');
    await page.keyboard.press('Enter');
    await untilAnswered(page, before);
    expect(await expecting(page)).toBe('facts');
    expect(await focused()).toBe('textarea');

    before = await botCount(page);
    await page.keyboard.type('小区旁边的工地每天晚上施工到凌晨两点，噪音吵得睡不着');
    await page.keyboard.press('Enter');
    await untilAnswered(page, before);
    expect(await expecting(page)).not.toBe('facts');

    // Enter on a button presses it too.
    expect(await expecting(page)).toBe('township');
    await tabUntil('Shift+Tab', 'button:township:');
    before = await botCount(page);
    await page.keyboard.press('Enter');
    await untilAnswered(page, before);
    expect(await expecting(page)).not.toBe('township');
    expect(await focused()).toBe('textarea');
  });

  it('fits a phone screen without horizontal scrolling, with 44px targets', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await openChat(page);
    await say(page, `我要反映问题 ${'一'.repeat(300)} https://example.invalid/${'x'.repeat(200)}`);
    const layout = await page.evaluate<{ scrollWidth: number; innerWidth: number; scrollHeight: number; innerHeight: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight })',
    );
    const widget = (await page.locator('.xf-widget').boundingBox())!;
    const sizes: { what: string; w: number; h: number }[] = [];
    for (const target of await page.locator('.xf-widget button:visible, .xf-input').all()) {
      const box = (await target.boundingBox())!;
      sizes.push({ what: (await target.getAttribute('class')) ?? '', w: box.width, h: box.height });
    }
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
    expect(widget.x).toBeGreaterThanOrEqual(0);
    expect(widget.x + widget.width).toBeLessThanOrEqual(390);
    expect(sizes.length).toBeGreaterThan(3);
    for (const s of sizes) {
      expect(s.h, s.what).toBeGreaterThanOrEqual(44);
      expect(s.w, s.what).toBeGreaterThanOrEqual(44);
    }
    console.log(`screenshot: ${await saveScreenshot(page, 'web-chat-phone.png')}`);
    const input = (await page.locator('.xf-input').boundingBox())!;
    expect(input.y + input.height).toBeLessThanOrEqual(844);
  });

  it('falls back to HTTP when there is no websocket: POST /api/chat and the long poll', async () => {
    const page = await newPage();
    await page.addInitScript({ content: "Object.defineProperty(window, 'WebSocket', { value: undefined });" });
    await openChat(page);
    await attrOf(page.locator('#xf-chat'), 'data-status').toBe('http');
    await say(page, '我要反映问题');
    expect(await expecting(page)).toBe('facts');
    const conversationId = await conversationIdOf(page);
    await t.app.core.store.outbox.enqueue(conversationId, [{ author: 'staff', text: '工作人员已接入，请问有什么可以帮您？' }], new Date());
    await textOf(page.locator('.xf-from-staff')).toContain('工作人员已接入');
    await untilDelivered(conversationId);
    // After a reload the transcript comes over HTTP too.
    await page.reload();
    await page.waitForSelector('#xf-chat[data-ready="true"]');
    await textOf(page.locator('.xf-from-staff')).toContain('工作人员已接入');
  });

  // Issue 15, item 11: proxy access logs keep URLs, so the id travels in a header.
  it('keeps the citizen’s id and file names out of every URL on the HTTP fallback: long poll and uploads use headers', async () => {
    const page = await newPage();
    await page.addInitScript({ content: "Object.defineProperty(window, 'WebSocket', { value: undefined });" });
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await openChat(page);
    await say(page, '你好');
    const bots = await botCount(page);
    await page.setInputFiles('.xf-file', { name: '张桂兰身份证.png', mimeType: 'image/png', buffer: PNG });
    await untilAnswered(page, bots);
    await expect.poll(() => urls.some((u) => u.includes('/api/chat/updates')), { timeout: 5000 }).toBe(true);
    expect(urls.some((u) => u.includes('/api/chat/attachments'))).toBe(true);
    const userId = (await page.evaluate<string | null>("localStorage.getItem('xf-chat-user')"))!;
    expect(urls.filter((u) => u.includes(userId) || u.includes('userId=') || u.includes(encodeURIComponent('身份证')))).toEqual([]);
    const conversationId = await conversationIdOf(page);
    const files = await t.app.store.handle.prisma.attachment.findMany({ where: { conversationId } });
    expect(files.map((f) => f.fileName)).toEqual(['张桂兰身份证.png']);
  });

  it('embeds on another site with one script tag', async () => {
    // Another origin (a second loopback server) whose page carries only the tag.
    const html = `<!doctype html><html><head><title>County site</title></head><body><h1>Another county site</h1><script src="${t.url}/widget/embed.js" data-lang="en" defer></script></body></html>`;
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => site.close(() => resolve())));
    const page = await newPage();
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    const launcher = page.locator('#xf-embed-launcher');
    await textOf(launcher).toBe('Online petition');
    await launcher.click();
    const frame = page.frameLocator('#xf-embed-panel iframe');
    await textOf(frame.locator('.xf-from-bot').first()).toContain('Shifan County');
    await textOf(frame.locator('.xf-send')).toBe('Send');
    await page.keyboard.press('Escape');
    await page.locator('#xf-embed-panel').waitFor({ state: 'hidden' });
  });

  it('refuses a short userId on the websocket, changing nothing', async () => {
    const page = await newPage();
    await openChat(page);
    // Browser-side code as a string: the project compiles without the DOM library.
    const reply = await page.evaluate<string>(`new Promise((resolve) => {
      const ws = new WebSocket('ws://' + location.host + '/api/chat/ws');
      ws.onopen = () => ws.send(JSON.stringify({ type: 'message', user: 'short', channel: 'websocket', text: '你好' }));
      ws.onmessage = (e) => resolve(String(e.data));
    })`);
    expect(JSON.parse(reply)).toMatchObject({ type: 'error', error: { code: 'bad_request' } });
  });

  it('sends no inline script; pages ran under their CSP with no violation and the server logged no error', async () => {
    const res = await fetch(`${t.url}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    const serverErrors = t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(serverErrors).toEqual([]);
  });
});

describe('GET /api/chat/updates', () => {
  it('takes the citizen’s id from the X-Chat-User-Id header (issue 15, item 11)', async () => {
    const c = new Citizen(t.url);
    const r = await c.say('你好');
    await t.app.core.store.outbox.enqueue(r.conversationId, [{ author: 'staff', text: '请留意短信通知。' }], new Date());
    const res = await fetch(`${t.url}/api/chat/updates?timeout=2`, { headers: { 'x-chat-user-id': c.userId } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { replies: { text: string }[] }).replies.map((m) => m.text)).toEqual(['请留意短信通知。']);
    const bad = await fetch(`${t.url}/api/chat/updates?timeout=0`, { headers: { 'x-chat-user-id': 'short' } });
    expect(bad.status).toBe(400);
  });

  it('returns a pending staff message once, then nothing; a bad userId is a JSON 400', async () => {
    const c = new Citizen(t.url);
    const r = await c.say('你好');
    await t.app.core.store.outbox.enqueue(r.conversationId, [{ author: 'staff', text: '请您明天上午来信访局接待大厅面谈。' }], new Date());
    const url = (q: string) => `${t.url}/api/chat/updates?${q}`;
    const first = await fetch(url(`userId=${c.userId}&timeout=2`));
    expect(first.status).toBe(200);
    const body = (await first.json()) as { replies: { text: string; author: string }[] };
    expect(body.replies).toEqual([expect.objectContaining({ text: '请您明天上午来信访局接待大厅面谈。', author: 'staff' })]);
    const started = Date.now();
    const again = await fetch(url(`userId=${c.userId}&timeout=1`));
    expect(await again.json()).toEqual({ replies: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    for (const q of ['userId=short', `userId=${c.userId}&timeout=soon`, '']) {
      const bad = await fetch(url(q));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });
});
