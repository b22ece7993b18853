/**
 * The escalated-chat inbox against the whole app: a citizen asks for a person over
 * POST /api/chat, staff see, claim, answer and hand back the chat over the JSON API,
 * and the citizen gets every message on their own channel. Also the role and holder
 * rules, canned replies, case attachment, escaping, CSRF and the live event stream.
 * Two server instances share one PostgreSQL database (the multi-process setup): the
 * event stream of one reports a chat that started waiting on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';

let db: TestDatabase;
let t: TestApp;
let other: TestApp;
const sessions: Record<string, { token: string; csrf: string }> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  // With DATABASE_URL set the helper runs on that database and creates none of its own.
  t = await startTestApp('pglite', { DATABASE_URL: db.url });
  other = await startTestApp('pglite', { DATABASE_URL: db.url });
  const users = ['admin', 'xfj01', 'zrzy01', 'leader01'];
  const signedIn = await Promise.all(users.map(signIn));
  users.forEach((u, i) => (sessions[u] = signedIn[i]!));
});
afterAll(async () => {
  await other?.stop();
  await t?.stop();
  await db?.drop();
});

async function signIn(username: string) {
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: t.passwords[username] }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { token: string; csrfToken: string };
  return { token: body.token, csrf: body.csrfToken };
}

interface Item {
  id: string;
  reason: string;
  channel: string;
  locale: string;
  waitingSeconds: number;
  holder: { username: string | null } | null;
  mine: boolean;
  caseNumber: string | null;
  preview: string | null;
}
interface Chat extends Item {
  canWork: boolean;
  transcript: { author: string; text: string }[];
  cannedReplies: { id: string; text: string }[];
}

/** A staff call with the bearer token (no CSRF needed). */
async function api(who: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sessions[who]!.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const inbox = async (who: string) => ((await api(who, 'GET', '/api/inbox')).json.items as Item[]) ?? [];
const chat = async (who: string, id: string) => (await api(who, 'GET', `/api/inbox/${id}`)).json as unknown as Chat;

async function waitingCitizen(locale?: 'zh' | 'en'): Promise<{ c: Citizen; id: string }> {
  const c = new Citizen(t.url, locale);
  const r = await c.say(locale === 'en' ? 'I want to talk to a real person' : '我要转人工');
  expect(r.expecting).not.toBe('staff');
  return { c, id: r.conversationId };
}

async function updates(c: Citizen): Promise<{ text: string; author: string }[]> {
  const res = await fetch(`${t.url}/api/chat/updates?userId=${c.userId}&timeout=1`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string; author: string }[] }).replies;
}

const joinedNotice = (l: 'zh' | 'en') => [catalog(l, 'scJoined'), catalog(l, 'scJoinedOffHours').split('{hours}')[0]!];

describe('a chat handed to a person and back', () => {
  it('appears in the inbox, a claim silences the bot, staff replies reach the citizen, a hand back brings the bot back', async () => {
    const { c, id } = await waitingCitizen();
    const item = (await inbox('xfj01')).find((i) => i.id === id);
    expect(item).toMatchObject({ reason: 'requested', channel: 'web', holder: null, caseNumber: null, preview: '我要转人工' });
    expect(item!.waitingSeconds).toBeGreaterThanOrEqual(0);
    expect((await inbox('leader01')).map((i) => i.id)).toContain(id);

    const claimed = await api('xfj01', 'POST', `/api/inbox/${id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.json).toMatchObject({ mine: true, canWork: true, holder: { username: 'xfj01' } });

    // The bot stays silent: only the pending notice comes back.
    const r = await c.say('补偿款到底什么时候发？');
    expect(r.expecting).toBe('staff');
    expect(r.replies).toHaveLength(1);
    expect(joinedNotice('zh').some((n) => r.replies[0]!.text.startsWith(n))).toBe(true);
    const seen = await chat('xfj01', id);
    expect(seen.transcript.filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['我要转人工', '补偿款到底什么时候发？']);

    expect((await api('xfj01', 'POST', `/api/inbox/${id}/reply`, { text: '您好，补偿款的事我们正在核实。' })).status).toBe(200);
    expect(await updates(c)).toEqual([expect.objectContaining({ author: 'staff', text: '您好，补偿款的事我们正在核实。' })]);
    expect(await updates(c)).toEqual([]);

    expect((await api('xfj01', 'POST', `/api/inbox/${id}/handback`)).json).toEqual({ id, handedBack: true });
    expect((await inbox('xfj01')).map((i) => i.id)).not.toContain(id);
    expect((await api('xfj01', 'GET', `/api/inbox/${id}`)).status).toBe(404);

    const back = await c.say('你好');
    expect(back.expecting).not.toBe('staff');
    expect(back.replies[0]!.text).toBe(catalog('zh', 'scHandedBack'));
    expect(back.replies.length).toBeGreaterThan(1);
    // And the citizen may ask for a person again.
    await c.say('我要转人工');
    expect((await inbox('xfj01')).map((i) => i.id)).toContain(id);
  });

  it('leaves the inbox when the citizen takes the request back before anyone claims it; the draft goes on', async () => {
    const c = new Citizen(t.url);
    await c.say('我要反映村里修路占了我家的地，一直没给补偿');
    const asking = (await c.say('我能找个真人说说吗，转人工')).conversationId;
    expect((await inbox('xfj01')).map((i) => i.id)).toContain(asking);
    const r = await c.say('算了，不用转人工了');
    expect(r.replies[0]!.text).toBe(catalog('zh', 'personNotNeeded'));
    expect(r.expecting).not.toBe('staff');
    expect(r.expecting).not.toBeNull();
    expect((await inbox('xfj01')).map((i) => i.id)).not.toContain(asking);
    // Asked again, it is queued again.
    await c.say('还是转人工吧');
    expect((await inbox('xfj01')).map((i) => i.id)).toContain(asking);
    // Once a person holds it, the bot is silent and the chat stays with them.
    expect((await api('xfj01', 'POST', `/api/inbox/${asking}/claim`)).status).toBe(200);
    expect((await c.say('不用转人工了')).expecting).toBe('staff');
    expect((await inbox('xfj01')).map((i) => i.id)).toContain(asking);
  });

  it('lets exactly one of two staff claiming at once win; the other gets 409', async () => {
    const { id } = await waitingCitizen();
    const results = await Promise.all([api('admin', 'POST', `/api/inbox/${id}/claim`), api('xfj01', 'POST', `/api/inbox/${id}/claim`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const holder = (await chat('admin', id)).holder!.username;
    expect(['admin', 'xfj01']).toContain(holder);
    // Claiming again is harmless for the holder.
    expect((await api(holder!, 'POST', `/api/inbox/${id}/claim`)).status).toBe(200);
  });

  it('keeps a claimed chat for its holder; supervisors only read', async () => {
    const { id } = await waitingCitizen();
    expect((await api('xfj01', 'POST', `/api/inbox/${id}/reply`, { text: '您好' })).status).toBe(409); // not claimed yet
    expect((await api('leader01', 'POST', `/api/inbox/${id}/claim`)).status).toBe(403);
    expect((await chat('leader01', id)).canWork).toBe(false);
    expect((await api('xfj01', 'POST', `/api/inbox/${id}/claim`)).status).toBe(200);
    const own = (await newCaseIn('zrzy')).caseNumber;
    expect((await api('admin', 'POST', `/api/inbox/${id}/attach`, { caseNumber: own })).status).toBe(200);
    // The handler now sees it but may not take it from its holder.
    expect((await api('zrzy01', 'POST', `/api/inbox/${id}/reply`, { text: '我来回复' })).status).toBe(409);
    expect((await api('zrzy01', 'POST', `/api/inbox/${id}/handback`)).status).toBe(409);
    expect((await api('admin', 'POST', `/api/inbox/${id}/reply`, { text: '管理员补充一句。' })).status).toBe(200);
  });
});

async function newCaseIn(unit: string) {
  return t.app.store.cases.create(newCase({ unit, coUnit: null, submissionKey: null }));
}

describe('canned replies and case attachment', () => {
  it('sends a canned reply in the citizen’s language, and refuses bad replies', async () => {
    const { c, id } = await waitingCitizen('en');
    expect((await chat('xfj01', id)).locale).toBe('en');
    await api('xfj01', 'POST', `/api/inbox/${id}/claim`);
    const received = t.app.core.county.cannedReplies.find((r) => r.id === 'received')!;
    expect((await chat('xfj01', id)).cannedReplies).toContainEqual({ id: 'received', text: received.en });
    expect((await api('xfj01', 'POST', `/api/inbox/${id}/reply`, { cannedId: 'received' })).status).toBe(200);
    const got = await updates(c);
    expect(joinedNotice('en').some((n) => got[0]!.text.startsWith(n))).toBe(true);
    expect(got[1]).toMatchObject({ author: 'staff', text: received.en });

    for (const body of [{ cannedId: 'nope' }, { text: 'x'.repeat(4001) }, { text: 'hi', cannedId: 'received' }, {}, { text: '   ' }]) {
      expect((await api('xfj01', 'POST', `/api/inbox/${id}/reply`, body)).status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });

  it('attaches a chat to a case the caller may see; handlers see only chats of their unit’s cases', async () => {
    const { id } = await waitingCitizen();
    const own = await newCaseIn('zrzy');
    const other = await newCaseIn('zjj');
    expect((await inbox('zrzy01')).map((i) => i.id)).not.toContain(id);
    expect((await api('zrzy01', 'GET', `/api/inbox/${id}`)).status).toBe(404);
    expect((await api('zrzy01', 'POST', `/api/inbox/${id}/claim`)).status).toBe(404);

    const attached = await api('xfj01', 'POST', `/api/inbox/${id}/attach`, { caseNumber: own.caseNumber.toLowerCase() });
    expect(attached.status).toBe(200);
    expect(attached.json.caseNumber).toBe(own.caseNumber);
    expect((await inbox('zrzy01')).find((i) => i.id === id)?.caseNumber).toBe(own.caseNumber);

    // A case outside the handler's scope, an unknown case and a non-number are all 404.
    for (const caseNumber of [other.caseNumber, 'XF209901010001', 'abc']) {
      expect((await api('zrzy01', 'POST', `/api/inbox/${id}/attach`, { caseNumber })).status).toBe(404);
    }
    expect((await api('zrzy01', 'POST', `/api/inbox/${id}/claim`)).status).toBe(200);
    expect((await api('zrzy01', 'GET', '/api/inbox/not-a-uuid')).status).toBe(404);
  });
});

describe('console pages and security', () => {
  const cookie = (who: string) => ({ cookie: `xf_session=${sessions[who]!.token}` });

  it('escapes citizen text in the inbox list and the chat page', async () => {
    const { c, id } = await waitingCitizen();
    await c.say('<script>alert(1)</script>');
    for (const path of ['/staff/inbox', `/staff/inbox/${id}`, '/staff/inbox/rows', `/staff/inbox/${id}/live`]) {
      const res = await fetch(`${t.url}${path}`, { headers: cookie('xfj01') });
      const body = await res.text();
      expect(res.status, path).toBe(200);
      expect(body, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body, path).not.toContain('<script>alert');
    }
    const page = await fetch(`${t.url}/staff/inbox/${id}`, { headers: cookie('xfj01') });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/staff/assets/inbox.js" defer></script>');
  });

  it('refuses cookie POSTs without the CSRF token, and signs out visitors', async () => {
    const { id } = await waitingCitizen();
    const post = (path: string, headers: Record<string, string>, body?: string) =>
      fetch(`${t.url}${path}`, { method: 'POST', redirect: 'manual', headers: { ...cookie('xfj01'), ...headers }, body });
    expect((await post(`/api/inbox/${id}/claim`, {})).status).toBe(403);
    expect((await post(`/api/inbox/${id}/claim`, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post(`/staff/inbox/${id}/claim`, form, '')).status).toBe(403);
    expect((await chat('xfj01', id)).holder).toBeNull();

    const ok = await post(`/staff/inbox/${id}/claim`, form, `_csrf=${encodeURIComponent(sessions.xfj01!.csrf)}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/staff/inbox/${id}?note=claimed`);
    const reply = await post(`/api/inbox/${id}/reply`, { 'x-csrf-token': sessions.xfj01!.csrf, 'content-type': 'application/json' }, JSON.stringify({ text: '好的' }));
    expect(reply.status).toBe(200);

    expect((await fetch(`${t.url}/api/inbox`)).status).toBe(401);
    const visitor = await fetch(`${t.url}/staff/inbox`, { redirect: 'manual' });
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/staff/login');
  });

  it('streams an event when a chat starts waiting, also to staff on another server process', async () => {
    const abort = new AbortController();
    const res = await fetch(`${other.url}/staff/inbox/events`, { headers: cookie('xfj01'), signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    const until = async (what: string) => {
      const deadline = Date.now() + 5000;
      while (!seen.includes(what) && Date.now() < deadline) seen += (await reader.read()).value ?? '';
      return seen.includes(what);
    };
    try {
      expect(await until('event: ready')).toBe(true);
      await waitingCitizen();
      expect(await until('event: inbox')).toBe(true);
    } finally {
      abort.abort();
    }
  });
});
