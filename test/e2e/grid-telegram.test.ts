/**
 * A grid worker on Telegram end to end: the app's telegraf bot against the
 * telegram-test-api emulator on loopback and a real PGlite store. An admin issues a
 * link code through the API, the worker binds the chat with /bind (a deep link
 * /start bind-<code> works too), reports a dispute with 30 people, and the case
 * appears with origin `screening`, routed by category with the township as co-unit
 * and flagged `group`; a wrong code is refused and a citizen cannot use /report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { startEmulator, TgCitizen } from '../helpers/telegram.ts';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';

const TOKEN = '123456:grid-test-token';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  emulator = await startEmulator();
  t = await startTestApp('pglite', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.url });
  admin = await loginAs(t, 'admin');
});

afterAll(async () => {
  await t?.stop();
  await emulator?.stop();
});

const chat = (chatId: number) => new TgCitizen(emulator.server, TOKEN, t.app.store, chatId);

async function post(path: string, body: unknown) {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function issueCode(username: string): Promise<string> {
  const r = await post('/api/staff/grid/link-codes', { username });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return String(r.json.code);
}

const offered = (c: TgCitizen) => c.last.flatMap((m) => m.buttons.map((b) => b.payload));

describe('a grid worker reports a dispute over Telegram', () => {
  let worker: TgCitizen;

  beforeAll(async () => {
    const r = await post('/api/staff/users', { username: 'grid-nanhe01', password: 'grid-nanhe01-password', role: 'grid', township: '南河镇' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    worker = chat(3001);
  });

  it('refuses a wrong code and binds with the right one', async () => {
    await worker.say('/bind 11112222');
    expect(worker.text).toBe(catalog('zh', 'scrBindInvalid'));
    await worker.say(`/bind ${await issueCode('grid-nanhe01')}`);
    expect(worker.text).toContain(catalog('zh', 'scrBound', { username: 'grid-nanhe01', township: '南河镇' }));
    expect(offered(worker)).toEqual(['grid:report', 'grid:reports']);
  });

  it('binds a second chat through the deep link /start bind-<code>', async () => {
    const phone = chat(3002);
    await phone.command(`/start bind-${await issueCode('grid-nanhe01')}`);
    expect(phone.text).toContain(catalog('zh', 'scrBound', { username: 'grid-nanhe01', township: '南河镇' }));
  });

  it('reports a dispute of 30 people: a screening case, routed, flagged group', async () => {
    await worker.say('/report');
    expect(worker.text).toContain(catalog('zh', 'scrAskParties'));
    await worker.say('南河镇河东村村民与邻村村民');
    expect(worker.text).toContain(catalog('zh', 'scrAskPlace', { township: '南河镇' }));
    await worker.say('河东村');
    expect(worker.text).toContain(catalog('zh', 'scrAskFacts'));
    await worker.say('两村因为征地补偿款分配发生纠纷，双方多次争吵，有扩大的苗头');
    expect(worker.text).toContain(catalog('zh', 'scrAskPeople'));
    await worker.say('30人');
    expect(worker.text).toContain(catalog('zh', 'scrAskUrgency'));
    await worker.press('urgency:urgent');
    if (offered(worker).includes('category:land')) await worker.press('category:land');
    expect(offered(worker)).toContain('confirm:yes');
    expect(worker.text).toContain('30人');
    await worker.press('confirm:yes');
    const caseNumber = /XF\d{12}/.exec(worker.text)?.[0] ?? '';
    expect(caseNumber, worker.text).not.toBe('');

    const res = await fetch(`${t.url}/api/cases/${caseNumber}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const kase = (await res.json()) as Record<string, unknown>;
    expect(kase).toMatchObject({ origin: 'screening', category: 'land', unit: 'zrzy', coUnit: 'town:南河镇', township: '南河镇', channel: 'telegram', peopleCount: 30 });
    expect(kase.flags).toContain('group');
    expect(kase.petitioner).toEqual({ name: null, phone: null, idNumber: null });

    await worker.say('/reports');
    expect(worker.text).toContain(caseNumber);
    expect(offered(worker)).toContain(`grid:open:${caseNumber}`);
  });

  it('does not let a citizen use /report or /reports', async () => {
    const citizen = chat(3003);
    await citizen.say('/report');
    expect(citizen.text).toBe(catalog('zh', 'scrGridOnly'));
    await citizen.say('/reports');
    expect(citizen.text).toBe(catalog('zh', 'scrGridOnly'));
    expect(await citizen.expecting()).toBeNull();
  });
});
