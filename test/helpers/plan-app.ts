/** Shared by the plan and responsibility tests: the app on PGlite with a clock the test moves, and staff calls. */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startApp, type RunningApp } from '../../src/root/start-app.ts';
import { ADMIN_PASSWORD } from './app.ts';
import { Citizen } from './chat.ts';

export { Citizen };
import { SHARED_NLU_CACHE } from './nlu-cache.ts';
import { TEST_SECRET, tempDir } from './stores.ts';
import { seedPgliteData } from './store-templates.ts';

export const USERS = ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01'] as const;
export type User = (typeof USERS)[number];
export type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };

export class MovableClock {
  constructor(public at: Date) {}
  now = () => new Date(this.at);
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface PlanTestApp {
  app: RunningApp;
  url: string;
  clock: MovableClock;
  tokens: Record<User, string>;
  call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  page(user: User, path: string): Promise<{ status: number; body: string }>;
  /** Moves the clock and signs everyone in again (sessions end after 30 idle minutes). */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlanApp(start: Date): Promise<PlanTestApp> {
  const dataDir = seedPgliteData(tempDir());
  const clock = new MovableClock(start);
  const cfg = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, ADMIN_PASSWORD, LOG_LEVEL: 'warn', NLU_CACHE_DIR: SHARED_NLU_CACHE });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const app = await startApp(cfg, { clock, log: createLogger('warn', sink) });
  const passwords: Record<string, string> = { admin: ADMIN_PASSWORD };
  for (const c of app.generatedCredentials) passwords[c.username] = c.password;
  const tokens = {} as Record<User, string>;
  const login = async () => {
    for (const u of USERS) {
      const res = await fetch(`${app.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: passwords[u] }) });
      expect(res.status).toBe(200);
      tokens[u] = ((await res.json()) as { token: string }).token;
    }
  };
  await login();
  const call = async (user: User, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const page = async (user: User, path: string) => {
    const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
    return { status: res.status, body: await res.text() };
  };
  return {
    app,
    url: app.url,
    clock,
    tokens,
    call,
    page,
    advance: async (ms) => {
      clock.advance(ms);
      await login();
    },
    stop: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `GET /api/cases/:n` as the admin; anything but 200 fails the test. */
export async function caseJson<T>(t: PlanTestApp, caseNumber: string): Promise<T> {
  const r = await t.call('admin', 'GET', `/api/cases/${caseNumber}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as T;
}

/** Files a land petition in 东湖镇 through /api/chat with the given facts; returns its case number. */
export async function fileThroughChat(url: string, facts: string, peopleCount = '就我自己', c = new Citizen(url)): Promise<string> {
  await c.say(`你好，我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，${facts}，要求尽快发放补偿款`);
  if (c.last.expecting === 'consent') await c.press('consent:yes');
  // After words of despair the bot answers with the emergency numbers and a person and asks nothing;
  // the citizen says they are safe and goes on with the petition.
  if (c.last.expecting === null || c.last.expecting === undefined) await c.say('我现在安全，不会做傻事，请继续帮我登记');
  const answers: Record<string, string> = { consent: 'payload:consent:yes', peopleCount, respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', representatives: '没有', address: '东湖镇李家村', demands: '要求尽快发放补偿款', category: '征地补偿' };
  for (let i = 0; i < 10 && c.last.expecting !== 'confirm'; i++) {
    const a = answers[c.last.expecting ?? ''];
    expect(a, `unexpected question ${c.last.expecting}: ${c.text}`).toBeDefined();
    if (a!.startsWith('payload:')) await c.press(a!.slice(8));
    else await c.say(a!);
  }
  await c.press('confirm:yes');
  expect(c.last.caseNumber, c.text).toMatch(/^XF\d{12}$/);
  return c.last.caseNumber!;
}
