/**
 * Staff case work through the JSON API on a real store: every lifecycle action with
 * a role that may take it and one that may not, the status rules (409), concurrent
 * actions, the one extension, transfers that never reach an accused unit, notices
 * the citizen receives on the next chat turn, and the audited reveal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/dialog/forms/case-lookup/citizen-case-view.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
const tokens = {} as Record<User, string>;
let csrf = '';

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) tokens[u] = await loginAs(t, u);
  // A cookie session of its own for the console forms (the login also answers its CSRF token).
  const res = await fetch(`${t.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'xfj01', password: t.passwords.xfj01 }),
  });
  const login = (await res.json()) as { token: string; csrfToken: string };
  tokens.xfj01 = login.token;
  csrf = login.csrfToken;
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
type CaseJson = Json & { status: string; unit: string; replyDueAt: string | null; timeline: { kind: string; public: boolean; note: string | null; actor: string }[] };

async function call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

const act = (user: User, n: string, action: string, body: unknown = {}) => call(user, 'POST', `/api/cases/${n}/actions/${action}`, body);

async function ok(user: User, n: string, action: string, body: unknown = {}): Promise<CaseJson> {
  const r = await act(user, n, action, body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as CaseJson;
}

async function fileCase(over: Partial<NewCase> = {}): Promise<string> {
  return (await t.app.store.cases.create(newCase(over))).caseNumber;
}

/** Moves a fresh land case to a status through the API. */
async function caseIn(status: 'submitted' | 'accepted' | 'in_progress' | 'extended' | 'replied', over: Partial<NewCase> = {}): Promise<string> {
  const n = await fileCase(over);
  const path: [string, unknown][] = [
    ['accept', {}],
    ['start_handling', {}],
    ['extend', { days: 10, reason: '需要现场核查' }],
    ['reply', { answer: '经核查，补偿款已于本月发放。' }],
  ];
  const steps = { submitted: 0, accepted: 1, in_progress: 2, extended: 3, replied: 4 }[status];
  for (const [a, body] of path.slice(0, steps)) await ok('admin', n, a, body);
  return n;
}

const prisma = () => t.app.store.handle.prisma;
const auditOf = (target: string) => prisma().auditLog.findMany({ where: { target }, orderBy: { at: 'asc' } });
const staffId = async (username: string) => (await t.app.store.staff.findByUsername(username))!.id;

describe('every action: a role that may and one that may not', () => {
  const DAY = 86_400_000;
  it.each([
    ['accept', 'submitted', 'zrzy01', 'leader01', {}, 'accepted'],
    ['not_accept', 'submitted', 'xfj01', 'leader01', { reason: '属于诉讼途径', channel: '请向县人民法院起诉' }, 'not_accepted'],
    ['transfer', 'submitted', 'xfj01', 'zrzy01', { unit: 'zjj', reason: '属于住建局职责' }, 'transferred'],
    ['start_handling', 'accepted', 'zrzy01', 'leader01', {}, 'in_progress'],
    ['note', 'in_progress', 'zrzy01', 'leader01', { note: '已联系村委会核实' }, 'in_progress'],
    ['extend', 'in_progress', 'zrzy01', 'leader01', { days: 30, reason: '需要多部门会商' }, 'extended'],
    ['reply', 'extended', 'zrzy01', 'leader01', { answer: '补偿款将于下月发放。' }, 'replied'],
    ['close', 'replied', 'xfj01', 'zrzy01', {}, 'closed'],
  ] as const)('%s on a %s case: %s may, %s gets 403', async (action, from, right, wrong, body, to) => {
    const n = await caseIn(from);
    const refused = await act(wrong, n, action, body);
    expect(refused.status, JSON.stringify(refused.json)).toBe(403);
    expect(refused.json.error!.code).toBe('forbidden');

    // A replied case closes inside the review window only once the citizen said they are satisfied.
    if (action === 'close') await prisma().case.update({ where: { caseNumber: n }, data: { ratingHandling: 'satisfied' } });
    const before = (await auditOf(n)).length;
    const kase = await ok(right, n, action, body);
    expect(kase.status).toBe(to);
    expect(Object.keys(kase)).toEqual(expect.arrayContaining(['caseNumber', 'status', 'unit', 'flags', 'petitioner', 'timeline', 'relatedCases']));
    expect(kase.petitioner).toEqual({ name: '张**', phone: '138****5678', idNumber: '1101**********002X' });
    const event = kase.timeline.at(-1)!;
    expect(event).toMatchObject({ kind: action, actor: 'staff', public: action !== 'note' });
    const audit = await auditOf(n);
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ action: `case.${action}`, actorId: await staffId(right) });

    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    if (action === 'accept') {
      expect(row.holderStaffId).toBe(await staffId('zrzy01'));
      expect(row.acceptedAt).not.toBeNull();
      const days = (row.replyDueAt!.getTime() - row.acceptedAt!.getTime()) / DAY;
      expect(days).toBeGreaterThan(59);
      expect(days).toBeLessThanOrEqual(61);
    }
    if (action === 'transfer') expect(kase.unit).toBe('zjj');
    if (action === 'reply') {
      expect(row.repliedAt).not.toBeNull();
      const days = (row.reviewDueAt!.getTime() - row.repliedAt!.getTime()) / DAY;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThanOrEqual(31);
    }
    if (action === 'close') expect(row.closedAt).not.toBeNull();
  });

  it('refuses an action the status does not allow with 409, and an unknown action with 404', async () => {
    const n = await caseIn('replied');
    const r = await act('zrzy01', n, 'accept');
    expect(r.status).toBe(409);
    expect(r.json.error!.code).toBe('conflict');
    expect((await act('admin', n, 'approve')).status).toBe(404);
    // A read-only role gets 403 whatever the status.
    expect((await act('leader01', n, 'accept')).status).toBe(403);
  });

  it('refuses bad input with the contract error shape and changes nothing', async () => {
    const n = await caseIn('submitted');
    for (const [action, body] of [
      ['not_accept', { reason: '  ' , channel: '法院' }],
      ['not_accept', { reason: '理由' }],
      ['transfer', { unit: 'nowhere', reason: '理由' }],
      ['transfer', { unit: 'zrzy', reason: '已在本单位' }],
      ['accept', { note: 'x'.repeat(5000) }],
    ] as const) {
      const r = await act('admin', n, action, body);
      expect(r.status, `${action} ${JSON.stringify(body)}`).toBe(400);
      expect(r.json.error!.code).toBe('bad_request');
    }
    const bad = await fetch(`${t.url}/api/cases/${n}/actions/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: '{"note":',
    });
    expect(bad.status).toBe(400);
    expect((await call('admin', 'GET', `/api/cases/${n}`)).json.status).toBe('submitted');
    expect(await auditOf(n)).toHaveLength(0);
  });

  it('a missing case and a case out of scope answer alike (404)', async () => {
    const housing = await fileCase({ category: 'housing', unit: 'zjj', coUnit: 'town:城关镇', township: '城关镇' });
    for (const n of [housing, 'XF209901019999', 'not-a-number']) {
      const r = await act('zrzy01', n, 'accept');
      expect(r.status).toBe(404);
      expect(r.json.error!.code).toBe('not_found');
    }
    expect((await call('admin', 'GET', `/api/cases/${housing}`)).json.status).toBe('submitted');
  });
});

describe('concurrency and the one extension', () => {
  it('two concurrent accepts: one 200, one 409, one event', async () => {
    const n = await caseIn('submitted');
    const results = await Promise.all([act('zrzy01', n, 'accept'), act('xfj01', n, 'accept')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const kase = (await call('admin', 'GET', `/api/cases/${n}`)).json as CaseJson;
    expect(kase.timeline.filter((e) => e.kind === 'accept')).toHaveLength(1);
    expect((await auditOf(n)).filter((a) => a.action === 'case.accept')).toHaveLength(1);
  });

  it('extends once: the second extension is refused, too many days are refused', async () => {
    const n = await caseIn('in_progress');
    const tooLong = await act('zrzy01', n, 'extend', { days: 31, reason: '太长' });
    expect(tooLong.status).toBe(400);
    expect((await act('zrzy01', n, 'extend', { days: 0, reason: '零天' })).status).toBe(400);
    const before = (await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } })).replyDueAt!;
    const kase = await ok('zrzy01', n, 'extend', { days: 30, reason: '需要会商' });
    expect(new Date(kase.replyDueAt!).getTime() - before.getTime()).toBe(30 * 86_400_000);
    const again = await act('zrzy01', n, 'extend', { days: 5, reason: '再延一次' });
    expect(again.status).toBe(409);
    expect(again.json.error!.code).toBe('conflict');
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    expect(row.extensionDays).toBe(30);
  });
});

describe('transfers', () => {
  it('never passes a report against officials to the unit it accuses', async () => {
    const n = await fileCase({
      category: 'conduct',
      unit: 'jw',
      coUnit: null,
      respondent: '东湖镇政府的干部',
      respondentUnits: ['town:东湖镇'],
    });
    const r = await act('xfj01', n, 'transfer', { unit: 'town:东湖镇', reason: '属地处理' });
    expect(r.status).toBe(400);
    // Named only in the respondent text (not recorded at filing): also refused.
    const m = await fileCase({ category: 'conduct', unit: 'jw', coUnit: null, respondent: '县自然资源局的某科长', respondentUnits: [] });
    expect((await act('xfj01', m, 'transfer', { unit: 'zrzy', reason: '职责' })).status).toBe(400);
    const moved = await ok('xfj01', n, 'transfer', { unit: 'xfj', reason: '由信访局直接办理' });
    expect(moved).toMatchObject({ status: 'transferred', unit: 'xfj' });
  });

  it('the new unit may accept a transferred case; the old one no longer sees it', async () => {
    const n = await caseIn('submitted');
    await ok('xfj01', n, 'transfer', { unit: 'town:东湖镇', reason: '属于镇政府职责' });
    expect((await act('zrzy01', n, 'accept')).status).toBe(404);
    const kase = await ok('town-donghu01', n, 'accept');
    expect(kase).toMatchObject({ status: 'accepted', unit: 'town:东湖镇', coUnit: null });
  });
});

describe('the citizen is told', () => {
  async function citizenCase(locale: 'zh' | 'en' = 'zh') {
    const c = new Citizen(t.url, locale);
    const first = await c.say(locale === 'zh' ? '你好' : 'hello');
    const n = await fileCase({ conversationId: first.conversationId, locale });
    return { c, n };
  }

  it('accept and reply reach the next /api/chat first, with the review date and body', async () => {
    const { c, n } = await citizenCase();
    await ok('zrzy01', n, 'accept');
    await ok('zrzy01', n, 'note', { note: '内部：已约谈村干部' });
    await ok('zrzy01', n, 'note', { note: '已到现场查看', public: true });
    await ok('zrzy01', n, 'reply', { answer: '经核查，补偿款将于12月底前发放到位。' });
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNumber: n } });
    const r = await c.say('你好');
    const pushed = r.replies.slice(0, 3).map((x) => x.text);
    expect(pushed).toHaveLength(3);
    expect(pushed[0]).toContain(n);
    expect(pushed[0]).toContain('已受理');
    expect(pushed[0]).toContain(formatDate(row.replyDueAt!, t.app.core.county, 'zh'));
    expect(pushed[1]).toContain('已到现场查看');
    expect(pushed[2]).toContain('经核查，补偿款将于12月底前发放到位。');
    expect(pushed[2]).toContain(`${formatDate(row.reviewDueAt!, t.app.core.county, 'zh')}前申请复查`);
    expect(pushed[2]).toContain('上一级');
    expect(r.replies.map((x) => x.text).join('\n')).not.toContain('内部：已约谈村干部');
    // Delivered once.
    const again = await c.say('你好');
    expect(again.replies.map((x) => x.text).join('\n')).not.toContain('经核查');
  });

  it('in English for an English case, with the lawful channel of a not-accepted case', async () => {
    const { c, n } = await citizenCase('en');
    await ok('xfj01', n, 'not_accept', { reason: 'The matter is before the court.', channel: 'Please follow the court proceedings.' });
    const r = await c.say('hello');
    const text = r.replies[0]!.text;
    expect(text).toContain(n);
    expect(text).toContain('not accepted');
    expect(text).toContain('The matter is before the court.');
    expect(text).toContain('Please follow the court proceedings.');
  });
});

describe('reveal', () => {
  it('shows personal data to the unit handler, audited with who, when and why', async () => {
    const n = await fileCase({ representatives: [{ name: '王建国', phone: '13900001111' }] });
    const r = await call('zrzy01', 'POST', `/api/cases/${n}/reveal`, { reason: '需要电话联系信访人核实情况' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      caseNumber: n,
      petitioner: { name: '张桂兰', phone: '13812345678', idNumber: '11010519491231002X' },
      representatives: [{ name: '王建国', phone: '13900001111' }],
    });
    const rows = await prisma().$queryRawUnsafe<{ actor_id: string; action: string; reason: string; at: Date }[]>(
      'SELECT actor_id, action, reason, at FROM audit_log WHERE target = $1',
      n,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: await staffId('zrzy01'), action: 'case.reveal', reason: '需要电话联系信访人核实情况' });
    expect(Math.abs(new Date(rows[0]!.at).getTime() - Date.now())).toBeLessThan(60_000);
    // Lists and the case stay masked.
    const kase = (await call('zrzy01', 'GET', `/api/cases/${n}`)).json as CaseJson;
    expect(kase.petitioner).toEqual({ name: '张**', phone: '138****5678', idNumber: '1101**********002X' });
    expect(JSON.stringify((await call('zrzy01', 'GET', '/api/cases')).json)).not.toContain('13812345678');
  });

  it('keeps the reason in the audit without a phone or ID number typed into it', async () => {
    const n = await fileCase();
    const r = await call('zrzy01', 'POST', `/api/cases/${n}/reveal`, { reason: '回拨13812345678核实，身份证11010519491231002X' });
    expect(r.status).toBe(200);
    const rows = await prisma().$queryRawUnsafe<{ reason: string }[]>('SELECT reason FROM audit_log WHERE target = $1', n);
    expect(rows.map((x) => x.reason)).toEqual(['回拨[phone]核实，身份证[id]']);
  });

  it('is refused to a supervisor and to a co-handler, and needs a reason; nothing is audited', async () => {
    const n = await fileCase();
    for (const user of ['leader01', 'town-donghu01'] as const) {
      const r = await call(user, 'POST', `/api/cases/${n}/reveal`, { reason: '看一下' });
      expect(r.status, user).toBe(403);
      expect(JSON.stringify(r.json)).not.toContain('13812345678');
    }
    expect((await call('admin', 'POST', `/api/cases/${n}/reveal`, { reason: ' ' })).status).toBe(400);
    expect((await call('xfj01', 'POST', `/api/cases/${n}/reveal`, {})).status).toBe(400);
    expect(await auditOf(n)).toHaveLength(0);
    expect((await call('xfj01', 'POST', `/api/cases/${n}/reveal`, { reason: '登记核对' })).status).toBe(200);
    expect(await auditOf(n)).toHaveLength(1);
  });
});

describe('console list and forms', () => {
  const page = async (path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { cookie: `xf_session=${tokens.xfj01}` } });
    return { status: res.status, body: await res.text() };
  };
  const rows = (body: string) => [...body.matchAll(/<tr data-case="(XF\d+)">/g)].map((m) => m[1]!);
  const form = (n: string, action: string, fields: Record<string, string>) =>
    fetch(`${t.url}/staff/cases/${n}/actions/${action}`, {
      method: 'POST',
      headers: { cookie: `xf_session=${tokens.xfj01}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      redirect: 'manual',
    });

  it('pages 20 at a time, newest first, and searches', async () => {
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      made.push(await fileCase({ facts: `分页测试第${i}件`, receivedAt: new Date(Date.UTC(2026, 10, 1, 0, i)), localDate: '2026-11-01' }));
    }
    const first = await page(`/staff?q=${encodeURIComponent('分页测试')}`);
    expect(first.status).toBe(200);
    expect(rows(first.body)).toEqual([...made].reverse().slice(0, 20));
    expect(first.body).toContain('共 23 件');
    expect(first.body).toContain('rel="next"');
    const second = await page(`/staff?q=${encodeURIComponent('分页测试')}&page=2`);
    expect(rows(second.body)).toEqual([...made].reverse().slice(20));
    expect(second.body).toContain('rel="prev"');
  });

  it('filters by status, category, township, unit, flag and due date', async () => {
    const tag = '筛选测试';
    const early = await fileCase({ facts: `${tag}一`, acceptDueAt: new Date('2026-12-01T15:59:59.999Z'), flags: ['risk'] });
    const late = await fileCase({ facts: `${tag}二`, acceptDueAt: new Date('2027-01-05T15:59:59.999Z'), category: 'labor', unit: 'rsj', township: '城关镇', coUnit: 'town:城关镇' });
    const q = `q=${encodeURIComponent(tag)}`;
    expect(rows((await page(`/staff?${q}&dueBefore=2026-12-01`)).body)).toEqual([early]);
    expect(rows((await page(`/staff?${q}&dueBefore=2026-11-30`)).body)).toEqual([]);
    expect(rows((await page(`/staff?${q}&flag=risk`)).body)).toEqual([early]);
    expect(rows((await page(`/staff?${q}&category=labor`)).body)).toEqual([late]);
    expect(rows((await page(`/staff?${q}&township=${encodeURIComponent('城关镇')}`)).body)).toEqual([late]);
    expect(rows((await page(`/staff?${q}&unit=${encodeURIComponent('town:东湖镇')}`)).body)).toEqual([early]);
    await ok('admin', early, 'accept');
    expect(rows((await page(`/staff?${q}&status=accepted`)).body)).toEqual([early]);
    expect((await page(`/staff?dueBefore=2026-02-30`)).status).toBe(400);
  });

  it('shows the forms the role may use, and a refused form again with the reason', async () => {
    const n = await caseIn('submitted');
    const detail = await page(`/staff/cases/${n}`);
    const actions = [...detail.body.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);
    expect(actions).toEqual(['accept', 'not_accept', 'transfer', 'note']);
    expect([...detail.body.matchAll(/name="_csrf" value="([^"]+)"/g)].every((m) => m[1] === csrf)).toBe(true);
    const accepted = await form(n, 'accept', {});
    expect(accepted.status).toBe(303);
    const again = await form(n, 'accept', {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('class="error"');
    const tooLong = await form(n, 'extend', { days: '45', reason: '太长' });
    expect(tooLong.status).toBe(400);
    const note = await form(n, 'note', { note: '公开的进展', public: 'true' });
    expect(note.status).toBe(303);
    const kase = (await call('admin', 'GET', `/api/cases/${n}`)).json as CaseJson;
    expect(kase.timeline.at(-1)).toMatchObject({ kind: 'note', public: true, note: '公开的进展' });
    const after = await page(`/staff/cases/${n}`);
    expect(after.body).toContain('公开 Public');
    expect([...after.body.matchAll(/data-action="(\w+)"/g)].map((m) => m[1])).toEqual(['transfer', 'start_handling', 'note', 'extend', 'reply']);
  });
});
