/**
 * helmet's headers on every kind of response of a production server (pages, widget,
 * console, API JSON, 404, errors), and on every HTML page a Content-Security-Policy
 * whose scripts can come only from files (no 'unsafe-inline', no 'unsafe-eval').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

let t: TestApp;
let token: string;
let caseNumber: string;

beforeAll(async () => {
  t = await startTestApp('pglite', { NODE_ENV: 'production' });
  token = await loginAs(t, 'admin');
  caseNumber = (await t.app.store.cases.create(newCase())).caseNumber;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

interface Probe {
  name: string;
  path: string;
  init?: RequestInit;
  auth?: 'cookie' | 'bearer';
  status?: number;
}

const json = { 'content-type': 'application/json' };
const PROBES: Probe[] = [
  { name: 'county page', path: '/' },
  { name: 'county page en', path: '/?lang=en' },
  { name: 'embeddable widget', path: '/widget/chat' },
  { name: 'embed script', path: '/widget/embed.js' },
  { name: 'widget script', path: '/widget/widget.js' },
  { name: 'login page', path: '/staff/login' },
  { name: 'case list', path: '/staff', auth: 'cookie' },
  { name: 'case detail', path: '/staff/cases/{case}', auth: 'cookie' },
  { name: 'inbox', path: '/staff/inbox', auth: 'cookie' },
  { name: 'dashboard', path: '/staff/dashboard', auth: 'cookie' },
  { name: 'alerts', path: '/staff/alerts', auth: 'cookie' },
  { name: 'console asset', path: '/staff/assets/console.css' },
  { name: 'console 404', path: '/staff/nothing-here', auth: 'cookie', status: 404 },
  { name: 'health', path: '/healthz' },
  { name: 'case API', path: '/api/cases', auth: 'bearer' },
  { name: 'case API unauthenticated', path: '/api/cases', status: 401 },
  { name: 'chat API', path: '/api/chat', init: { method: 'POST', headers: json, body: JSON.stringify({ userId: 'header-probe-0000000001', text: '你好' }) } },
  { name: 'chat API bad JSON', path: '/api/chat', init: { method: 'POST', headers: json, body: '{' }, status: 400 },
  { name: 'chat API too large', path: '/api/chat', init: { method: 'POST', headers: json, body: JSON.stringify({ text: 'x'.repeat(100_000) }) }, status: 413 },
  { name: 'long poll', path: '/api/chat/updates?userId=header-probe-0000000001&timeout=0' },
  { name: 'NLU', path: '/api/nlu/parse', init: { method: 'POST', headers: json, body: JSON.stringify({ text: '你好' }) } },
  { name: 'API 404', path: '/api/nothing', status: 404 },
  { name: 'unknown path', path: '/nothing', status: 404 },
];

async function probe(p: Probe): Promise<Response> {
  const path = p.path.replace('{case}', caseNumber);
  const headers: Record<string, string> = { ...((p.init?.headers as Record<string, string>) ?? {}) };
  if (p.auth === 'cookie') headers.cookie = `xf_session=${token}`;
  if (p.auth === 'bearer') headers.authorization = `Bearer ${token}`;
  return fetch(`${t.url}${path}`, { ...p.init, headers, redirect: 'manual' });
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values]));
}

describe('security headers on every response', () => {
  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const res = await probe(p);
    expect(res.status).toBe(p.status ?? 200);
    const h = res.headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBeTruthy();
    expect(h.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(h.get('x-powered-by')).toBeNull();
    const csp = h.get('content-security-policy') ?? '';
    const d = directives(csp);
    const framing = d.get('frame-ancestors');
    expect(h.get('x-frame-options') !== null || framing !== undefined, 'framing rule').toBe(true);
    if ((h.get('content-type') ?? '').startsWith('text/html')) {
      const scripts = d.get('script-src') ?? d.get('default-src');
      expect(scripts, `${p.name}: CSP ${csp}`).toBeDefined();
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(d.get('object-src') ?? d.get('default-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toBeDefined();
    }
    await res.arrayBuffer();
  });

  it('only the bare widget may be framed by other sites; the console never', async () => {
    const frame = await probe({ name: 'frame', path: '/widget/chat' });
    expect(directives(frame.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(['*']);
    expect(frame.headers.get('x-frame-options')).toBeNull();
    const page = await probe({ name: 'page', path: '/' });
    expect(directives(page.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(["'self'"]);
    const console = await probe({ name: 'console', path: '/staff/login' });
    expect(directives(console.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(["'none'"]);
    expect(console.headers.get('x-frame-options')).toBe('DENY');
    const api = await probe({ name: 'api', path: '/healthz' });
    expect(directives(api.headers.get('content-security-policy')!).get('default-src')).toEqual(["'none'"]);
  });
});
