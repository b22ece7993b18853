/**
 * The monthly report: the printable HTML with every section (also in Chromium, with
 * the console's CSP and no errors), the PDF rendered by Chromium, scoping and the
 * audit of downloads, and a 503 `pdf_unavailable` when Chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { launchBrowser, offlineContext, watchErrors } from '../helpers/browser.ts';

const SECTIONS = ['summary', 'volume', 'timeliness', 'satisfaction', 'repeat-risk', 'supervision', 'ranking', 'led-cases', 'notes'];
const localDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const month = () => localDay(Date.now()).slice(0, 7);

let t: TestApp;
let browser: Browser | undefined;
const tokens: Record<string, string> = {};
let riskCase = '';

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of ['leader01', 'zrzy01', 'xfj01']) {
    const res = await fetch(`${t.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: t.passwords[u] }) });
    tokens[u] = ((await res.json()) as { token: string }).token;
  }
  const now = new Date();
  const file = async (over: Parameters<typeof newCase>[0]) => (await t.app.store.cases.create(newCase({ receivedAt: now, localDate: localDay(now.getTime()), queryCode: null, ...over }))).caseNumber;
  riskCase = await file({ flags: ['risk', 'group'], peopleCount: 30, facts: '<script>alert(1)</script> 三十多户要去堵路' });
  await file({ category: 'labor', unit: 'rsj', coUnit: 'town:西山乡', township: '西山乡', flags: ['repeat'] });
  await file({ category: 'housing', unit: 'zjj', coUnit: null, township: null });
  const issued = await fetch(`${t.url}/api/cases/${riskCase}/supervise-notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.leader01}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dueAt: localDay(Date.now() + 3 * 86_400_000), message: '集体访风险，请立即化解' }),
  });
  expect(issued.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const get = (user: string, qs: string) => fetch(`${t.url}/staff/reports/monthly?${qs}`, { headers: { cookie: `xf_session=${tokens[user]}` } });

describe('monthly report', () => {
  it('renders the county report as printable HTML with every section', async () => {
    const res = await get('leader01', `month=${month()}&unit=county`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const body = await res.text();
    for (const id of SECTIONS) expect(body).toContain(`<section id="${id}"`);
    expect(body).toContain('href="/staff/assets/report.css"');
    expect(body).toContain(riskCase);
    expect(body).not.toContain('<script');
    expect(body).not.toMatch(/\sstyle=/);
    // The summary counts every case of the county once.
    expect(body).toMatch(/<td data-metric="received">3<\/td>/);
    expect(body).toMatch(/<td data-metric="superviseNotices">1<\/td>/);
    const css = await fetch(`${t.url}/staff/assets/report.css`);
    expect(await css.text()).toContain('@media print');
  });

  it('loads in Chromium under the console CSP without errors', async () => {
    browser = await launchBrowser();
    const context = await offlineContext(browser);
    const u = new URL(t.url);
    await context.addCookies([{ name: 'xf_session', value: tokens.leader01!, domain: u.hostname, path: '/' }]);
    const errors: string[] = [];
    const page = watchErrors(await context.newPage(), errors);
    await page.goto(`${t.url}/staff/reports/monthly?month=${month()}`);
    expect(await page.locator('section.report-section').count()).toBe(SECTIONS.length);
    // The linked stylesheet applied (the CSP allows it; an inline one would be blocked).
    const heading = await page.evaluate<string>("getComputedStyle(document.querySelector('#summary h2')).borderBottomStyle");
    expect(heading).toBe('solid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the same report as a PDF and audits both downloads', async () => {
    const prisma = t.app.store.handle.prisma;
    const before = await prisma.auditLog.count({ where: { action: 'report.monthly' } });
    const res = await get('leader01', `month=${month()}&unit=zrzy&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    const audits = await prisma.auditLog.findMany({ where: { action: 'report.monthly' }, orderBy: { at: 'desc' } });
    expect(audits.length).toBe(before + 1);
    expect(audits[0]!.data).toMatchObject({ username: 'leader01', month: month(), unit: 'zrzy', format: 'pdf' });
  });

  it("gives a handler their own unit's report only", async () => {
    const own = await get('zrzy01', `month=${month()}`);
    expect(own.status).toBe(200);
    const body = await own.text();
    expect(body).toContain('县自然资源局');
    expect(body).toMatch(/<tr data-unit="zrzy" class="current">/);
    expect(body).not.toContain('data-unit="rsj"');
    expect((await get('zrzy01', `month=${month()}&unit=county`)).status).toBe(403);
    expect((await get('zrzy01', `month=${month()}&unit=rsj`)).status).toBe(403);
    expect((await get('leader01', 'month=2026-13')).status).toBe(400);
    expect((await get('leader01', `month=${month()}&unit=nope`)).status).toBe(400);
  });
});

describe('without Chromium', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await startTestApp('pglite', { CHROMIUM_PATH: '/nonexistent/chromium' });
  });
  afterAll(async () => {
    await t2?.stop();
  });

  it('answers the PDF with 503 pdf_unavailable and still serves the HTML', async () => {
    const login = await fetch(`${t2.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader01', password: t2.passwords.leader01 }) });
    const token = ((await login.json()) as { token: string }).token;
    const headers = { cookie: `xf_session=${token}` };
    const pdf = await fetch(`${t2.url}/staff/reports/monthly?month=${month()}&format=pdf`, { headers });
    expect(pdf.status).toBe(503);
    expect(((await pdf.json()) as { error: { code: string } }).error.code).toBe('pdf_unavailable');
    const htmlRes = await fetch(`${t2.url}/staff/reports/monthly?month=${month()}`, { headers });
    expect(htmlRes.status).toBe(200);
  });
});
