/**
 * Issue 15, items 2 and 3 — what staff read of an escalated chat. One citizen files two
 * petitions in one conversation (a land case of 东湖镇 for zrzy, a wage case of 城关镇
 * for rsj), then asks for a person; the bureau attaches the chat to the land case.
 * - The land case's unit reads the land part and the open part, never the wage
 *   case's intake (raw name, phone, its case number and query code): one line says
 *   messages were left out. Personal data is masked as on case pages; the audited
 *   reveal shows it to the competent unit only, never to a co-handler or supervisor;
 *   query codes are never shown. Every read is audited.
 * - Hand-back clears the attachment.
 * - Inbox scope = case scope: an intake account of a township, and handlers, never see
 *   an unattached chat; supervisors see every chat, read-only and masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen, type ChatResponse } from '../helpers/chat.ts';

let t: TestApp;
const token: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01']) token[u] = (await signIn(t, u)).token;
  const created = await api('admin', 'POST', '/api/staff/users', { username: 'intake-donghu', password: 'intake-donghu-pass-1', role: 'intake', unit: 'town:东湖镇' });
  expect(created.status).toBe(201);
  t.passwords['intake-donghu'] = 'intake-donghu-pass-1';
  token['intake-donghu'] = (await signIn(t, 'intake-donghu')).token;
});
afterAll(async () => {
  await t?.stop();
});

async function api(u: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token[u]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

interface Chat {
  transcript: { author: string; text: string; hidden?: number }[];
  hiddenMessages: number;
  canReveal: boolean;
  caseNumber: string | null;
}
const chat = async (u: string, id: string) => (await api(u, 'GET', `/api/inbox/${id}`)).json as unknown as Chat;
const inboxIds = async (u: string) => ((await api(u, 'GET', '/api/inbox')).json.items as { id: string }[]).map((i) => i.id);
const allText = (c: Chat) => c.transcript.map((m) => m.text).join('\n');

/** Files one petition by answering whatever the bot asks; returns the case number and the query code it showed. */
async function file(c: Citizen, first: string, answers: Record<string, string>): Promise<{ caseNumber: string; queryCode: string }> {
  let r: ChatResponse = await c.say(first);
  for (let i = 0; i < 25 && !r.caseNumber; i++) {
    const answer = answers[r.expecting ?? ''] ?? 'payload:confirm:yes';
    r = answer.startsWith('payload:') ? await c.send({ payload: answer.slice(8) }) : await c.say(answer);
  }
  expect(r.caseNumber, c.text).toBeTruthy();
  const queryCode = /查询码：(\d{8})/.exec(c.text)?.[1];
  expect(queryCode, c.text).toBeTruthy();
  return { caseNumber: r.caseNumber!, queryCode: queryCode! };
}

const COMMON = { consent: 'payload:consent:yes', peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', address: '跳过', representatives: '跳过', confirm: 'payload:confirm:yes' };

describe('a chat that holds the intake of two cases', () => {
  let c: Citizen;
  let land: { caseNumber: string; queryCode: string };
  let wage: { caseNumber: string; queryCode: string };
  let id = '';

  beforeAll(async () => {
    c = new Citizen(t.url, 'zh');
    land = await file(c, '我叫张桂兰，电话13812345678，东湖镇李家村的，村里征地补偿款一直没发下来，要求尽快发放补偿款', {
      ...COMMON,
      idNumber: '11010519491231002X',
    });
    wage = await file(c, '我要反映问题', {
      ...COMMON,
      facts: '城关镇建筑工地的老板拖欠我三个月工资一直不给',
      township: '城关镇',
      demands: '要求老板把拖欠的工资全部付清',
      name: '刘德明',
      phone: '13912345678',
      idNumber: 'payload:skip:idNumber',
    });
    const r = await c.say('我要转人工');
    id = r.conversationId;
    expect((await api('xfj01', 'POST', `/api/inbox/${id}/attach`, { caseNumber: land.caseNumber })).status).toBe(200);
  });

  it('shows the land unit its own part and the open part, never the other case’s intake', async () => {
    const seen = await chat('zrzy01', id);
    const text = allText(seen);
    expect(text).toContain('征地补偿款');
    expect(text).toContain('我要转人工');
    for (const secret of ['拖欠', wage.caseNumber, '13912345678', '刘德明', wage.queryCode]) expect(text).not.toContain(secret);
    expect(seen.hiddenMessages).toBeGreaterThan(0);
    expect(seen.transcript.some((m) => m.hidden && m.text.includes('left out'))).toBe(true);
  });

  it('masks personal data and query codes for everyone, the bureau included', async () => {
    for (const u of ['zrzy01', 'xfj01', 'leader01']) {
      const text = allText(await chat(u, id));
      for (const secret of ['13812345678', '11010519491231002X', '张桂兰', land.queryCode, wage.queryCode]) expect(text, `${u}: ${secret}`).not.toContain(secret);
      expect(text).toContain('张**');
    }
    expect(allText(await chat('xfj01', id))).toContain('拖欠'); // the bureau sees both cases' parts
  });

  it('reveals personal data to the competent unit with a reason (audited), never query codes; not to a co-handler or supervisor', async () => {
    expect((await chat('town-donghu01', id)).canReveal).toBe(false);
    expect((await api('town-donghu01', 'POST', `/api/inbox/${id}/reveal`, { reason: '核实身份' })).status).toBe(403);
    expect((await api('leader01', 'POST', `/api/inbox/${id}/reveal`, { reason: '核实身份' })).status).toBe(403);
    expect((await api('zrzy01', 'POST', `/api/inbox/${id}/reveal`, {})).status).toBe(400);
    const revealed = await api('zrzy01', 'POST', `/api/inbox/${id}/reveal`, { reason: '回电核实补偿款情况' });
    expect(revealed.status).toBe(200);
    const text = allText(revealed.json as unknown as Chat);
    expect(text).toContain('13812345678');
    expect(text).toContain('张桂兰');
    for (const secret of [land.queryCode, wage.queryCode, '13912345678', '拖欠']) expect(text).not.toContain(secret);
    const audit = await t.app.store.handle.prisma.auditLog.findFirstOrThrow({ where: { action: 'inbox.reveal', target: `conversation:${id}` } });
    expect(audit.reason).toBe('回电核实补偿款情况');
    expect(audit.data).toMatchObject({ username: 'zrzy01', shownCases: [land.caseNumber] });
  });

  it('audits every read of a transcript', async () => {
    const reads = () => t.app.store.handle.prisma.auditLog.count({ where: { action: 'inbox.read', target: `conversation:${id}` } });
    const before = await reads();
    await chat('zrzy01', id);
    await fetch(`${t.url}/staff/inbox/${id}`, { headers: { cookie: `xf_session=${token.leader01}` } });
    expect(await reads()).toBe(before + 2);
  });

  it('clears the attachment when the chat is handed back', async () => {
    expect((await api('xfj01', 'POST', `/api/inbox/${id}/handback`)).status).toBe(200);
    const again = await c.say('我要转人工');
    expect(again.conversationId).toBe(id);
    expect((await chat('xfj01', id)).caseNumber).toBeNull();
    expect(await inboxIds('zrzy01')).not.toContain(id);
    expect((await api('zrzy01', 'GET', `/api/inbox/${id}`)).status).toBe(404);
  });
});

describe('inbox scope is case scope', () => {
  it('an intake account of a township and a handler never see an unattached chat; a supervisor reads it masked', async () => {
    const c = new Citizen(t.url);
    await c.say('我叫王五，电话13700001111，我要找人工');
    const r = await c.say('转人工');
    const id = r.conversationId;
    expect(await inboxIds('xfj01')).toContain(id);
    for (const u of ['intake-donghu', 'zrzy01', 'town-donghu01']) {
      expect(await inboxIds(u), u).not.toContain(id);
      expect((await api(u, 'GET', `/api/inbox/${id}`)).status, u).toBe(404);
      expect((await api(u, 'POST', `/api/inbox/${id}/claim`)).status, u).toBe(404);
    }
    expect(await inboxIds('leader01')).toContain(id);
    const text = allText(await chat('leader01', id));
    expect(text).not.toContain('13700001111');
    expect((await api('leader01', 'POST', `/api/inbox/${id}/claim`)).status).toBe(403);
  });
});
