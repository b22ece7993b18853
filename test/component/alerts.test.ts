/**
 * Staff alerts against the whole app: material a citizen adds to a case raises one
 * alert, seen by the handlers of the case's unit (or its holder) and not by another
 * unit's; acknowledging hides it. With TELEGRAM_STAFF_CHAT_ID set, a chat that starts
 * waiting is announced once in that chat (telegram-test-api emulator), without the
 * citizen's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaseEffect } from '../../src/app/chat-turn/run-case-effect.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';
import { botMessages, startEmulator, waitFor } from '../helpers/telegram.ts';

const TOKEN = '123456:staff-alerts-token';
const STAFF_CHAT = -1009001;

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let t: TestApp;
const sessions: Record<string, { token: string; csrf: string; cookie: string }> = {};

beforeAll(async () => {
  emulator = await startEmulator();
  t = await startTestApp('pglite', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.url, TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT) });
  for (const u of ['admin', 'zrzy01', 'town-donghu01']) sessions[u] = await signIn(u);
});
afterAll(async () => {
  await t?.stop();
  await emulator?.stop();
});

async function signIn(username: string) {
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: t.passwords[username] }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; csrfToken: string };
  return { token: body.token, csrf: body.csrfToken, cookie: `xf_session=${body.token}` };
}

async function api(who: string, method: 'GET' | 'POST', path: string) {
  const res = await fetch(`${t.url}${path}`, { method, headers: { authorization: `Bearer ${sessions[who]!.token}` } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

interface Alert {
  id: string;
  kind: string;
  caseNumber: string | null;
  message: string;
}
const alerts = async (who: string) => (await api(who, 'GET', '/api/staff/alerts')).json.items as Alert[];

const FACTS_WORDS = '我还有一份2019年的协议复印件，张桂兰 13812345678';

async function landCaseWithMaterial(): Promise<string> {
  // A land case of unit zrzy only (no co-unit), so the town's handler is "another unit".
  const { caseNumber } = await t.app.store.cases.create(newCase({ coUnit: null, receivedAt: new Date(), localDate: new Date().toISOString().slice(0, 10) }));
  const who = { conversationId: '00000000-0000-4000-8000-000000000001', channel: 'web', channelUserId: 'alerts-test' };
  const event = await runCaseEffect(t.app.core.chat.caseEffects, { type: 'add_supplement', caseNumber, text: FACTS_WORDS }, who, new Date());
  expect(event).toEqual({ type: 'supplement_added', caseNumber });
  return caseNumber;
}

describe('material alerts', () => {
  it('raises one alert per supplement, for the unit of the case and not another unit', async () => {
    const caseNumber = await landCaseWithMaterial();
    const mine = (await alerts('zrzy01')).filter((a) => a.caseNumber === caseNumber);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'material' });
    expect(mine[0]!.message).toContain(caseNumber);
    expect(mine[0]!.message).not.toContain('张桂兰');
    expect(mine[0]!.message).not.toContain('13812345678');
    expect((await alerts('admin')).map((a) => a.caseNumber)).toContain(caseNumber);
    expect((await alerts('town-donghu01')).map((a) => a.caseNumber)).not.toContain(caseNumber);
    // Another unit may not acknowledge it either.
    expect((await api('town-donghu01', 'POST', `/api/staff/alerts/${mine[0]!.id}/ack`)).status).toBe(404);

    // The header count and the alerts page (escaped, with a link to the case).
    const page = await fetch(`${t.url}/staff/alerts`, { headers: { cookie: sessions.zrzy01!.cookie } });
    const body = await page.text();
    expect(body).toContain(`href="/staff/cases/${caseNumber}"`);
    expect(body).toContain('<script src="/staff/assets/alerts.js" defer></script>');
    expect(body).toMatch(/提醒 Alerts<span id="alerts-count"> \(\d+\)<\/span>/);

    // A cookie session needs the CSRF token.
    const noCsrf = await fetch(`${t.url}/api/staff/alerts/${mine[0]!.id}/ack`, { method: 'POST', headers: { cookie: sessions.zrzy01!.cookie } });
    expect(noCsrf.status).toBe(403);
    const acked = await fetch(`${t.url}/api/staff/alerts/${mine[0]!.id}/ack`, {
      method: 'POST',
      headers: { cookie: sessions.zrzy01!.cookie, 'x-csrf-token': sessions.zrzy01!.csrf },
    });
    expect(acked.status).toBe(200);
    expect((await alerts('zrzy01')).map((a) => a.caseNumber)).not.toContain(caseNumber);
    expect((await alerts('admin')).map((a) => a.caseNumber)).not.toContain(caseNumber);
  });

  it('goes to the holder of a held case only', async () => {
    const caseNumber = await landCaseWithMaterial();
    const admin = await t.app.store.handle.prisma.staffAccount.findFirstOrThrow({ where: { username: 'admin' } });
    await t.app.store.handle.prisma.case.update({ where: { caseNumber }, data: { holderStaffId: admin.id } });
    expect((await alerts('zrzy01')).map((a) => a.caseNumber)).not.toContain(caseNumber);
    expect((await alerts('admin')).map((a) => a.caseNumber)).toContain(caseNumber);
  });

  it('raises an alert for a file a citizen sends to a case', async () => {
    const { caseNumber } = await t.app.store.cases.create(newCase({ coUnit: null, receivedAt: new Date(), localDate: new Date().toISOString().slice(0, 10) }));
    const saved = await t.app.store.attachments.add({
      conversationId: '00000000-0000-4000-8000-000000000002',
      caseNumber,
      fileName: '张桂兰的协议.jpg',
      mime: 'image/jpeg',
      size: 10,
      sha256: 'a'.repeat(64),
      storagePath: 'aa/aaaa',
      at: new Date(),
    });
    expect(saved.caseNumber).toBe(caseNumber);
    const mine = (await alerts('zrzy01')).filter((a) => a.caseNumber === caseNumber);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).not.toContain('张桂兰');
  });
});

describe('the Telegram staff chat', () => {
  const staffMessages = () => botMessages(emulator.server, TOKEN, STAFF_CHAT).map((m) => m.text);

  it('gets one message for a chat that starts waiting, without the citizen words', async () => {
    const handoffs = () => staffMessages().filter((m) => m.includes('new chat waiting'));
    const before = handoffs().length;
    const c = new Citizen(t.url);
    await c.say('我要转人工，我叫张桂兰，电话13812345678');
    // Asking again while waiting is not a new waiting chat.
    await c.say('我要转人工');
    await waitFor('staff chat message', () => handoffs().length > before);
    await new Promise((r) => setTimeout(r, 2500));
    const fresh = handoffs().slice(before);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toContain('web');
    expect(fresh[0]).toContain('waiting since');
    for (const pd of ['张桂兰', '13812345678', c.userId]) expect(fresh[0]).not.toContain(pd);
    // The relay claimed it once in the store.
    const alert = await t.app.store.handle.prisma.alert.findFirstOrThrow({ where: { kind: 'handoff' }, orderBy: { at: 'desc' } });
    expect(await t.app.store.handle.prisma.processedInbound.count({ where: { key: `tgstaff:${alert.id}` } })).toBe(1);
  });

  it('gets material alerts too', async () => {
    const caseNumber = await landCaseWithMaterial();
    await waitFor('material message', () => staffMessages().some((m) => m.includes(caseNumber)));
    expect(staffMessages().filter((m) => m.includes(caseNumber))).toHaveLength(1);
  });
});
