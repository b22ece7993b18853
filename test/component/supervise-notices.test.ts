/**
 * Supervision notices (督办): a supervisor issues one about a case, the unit's handler
 * sees it on top of the case list, answers it from there, and the counts of unit
 * performance follow; a conduct case's notice never reaches the unit it accuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const USERS = ['admin', 'xfj01', 'leader01', 'zrzy01', 'town-donghu01'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
const session = {} as Record<User, { token: string; csrf: string }>;
let landCase = '';
let conductCase = '';
let legacyConduct = '';
let closedCase = '';

const localDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const today = () => localDay(Date.now());
const tomorrow = () => localDay(Date.now() + 86_400_000);

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) {
    const res = await fetch(`${t.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: t.passwords[u] }) });
    const j = (await res.json()) as { token: string; csrfToken: string };
    session[u] = { token: j.token, csrf: j.csrfToken };
  }
  const now = new Date();
  const file = async (over: Parameters<typeof newCase>[0]) =>
    (await t.app.store.cases.create(newCase({ receivedAt: now, localDate: today(), queryCode: null, ...over }))).caseNumber;
  landCase = await file({});
  // Routed as the county does: the accused township is not the co-handler.
  conductCase = await file({ category: 'conduct', unit: 'jw', coUnit: null, respondent: '东湖镇政府', respondentUnits: ['town:东湖镇'], facts: '检举东湖镇某干部' });
  // Older data where the accused township was still recorded as co-handler.
  legacyConduct = await file({ category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇', respondent: '东湖镇政府', respondentUnits: ['town:东湖镇'], facts: '检举东湖镇另一干部' });
  closedCase = await file({ facts: '已办结的案件' });
  await t.app.store.handle.prisma.case.update({ where: { caseNumber: closedCase }, data: { status: 'closed', closedAt: now } });
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, unknown> & { error?: { code: string } };
async function api(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session[user].token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}
const page = async (user: User, path: string) => {
  const res = await fetch(`${t.url}${path}`, { headers: { cookie: `xf_session=${session[user].token}` } });
  return { status: res.status, body: await res.text() };
};
const form = (user: User, path: string, fields: Record<string, string>) =>
  fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { cookie: `xf_session=${session[user].token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session[user].csrf, ...fields }).toString(),
    redirect: 'manual',
  });
const unitItem = async (code: string) => {
  const { json } = await api('leader01', 'GET', `/api/stats/units?from=${today()}&to=${today()}`);
  return (json.items as { unit: string; superviseNotices: number; superviseAnswered: number }[]).find((i) => i.unit === code)!;
};

describe('supervision notices', () => {
  let noticeId = '';

  it('a supervisor issues a notice to the competent unit, with a timeline event, an audit entry and an alert', async () => {
    const before = await unitItem('zrzy');
    const { status, json } = await api('leader01', 'POST', `/api/cases/${landCase}/supervise-notices`, { dueAt: tomorrow(), message: '请三日内答复 <b>进展</b>' });
    expect(status).toBe(201);
    expect(json).toMatchObject({ caseNumber: landCase, unit: 'zrzy', issuedBy: 'leader01', answer: null, overdue: false });
    noticeId = String(json.id);
    const prisma = t.app.store.handle.prisma;
    const kase = await prisma.case.findUniqueOrThrow({ where: { caseNumber: landCase }, include: { events: true } });
    expect(kase.events.filter((e) => e.kind === 'supervision' && !e.public)).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: 'case.supervise_notice', target: landCase } })).toBe(1);
    expect(await prisma.alert.count({ where: { caseId: kase.id, unit: 'zrzy', kind: 'supervise_notice' } })).toBe(1);
    const after = await unitItem('zrzy');
    expect(after.superviseNotices).toBe(before.superviseNotices + 1);
    expect(after.superviseAnswered).toBe(before.superviseAnswered);
  });

  it('refuses the wrong roles, units, dates and cases', async () => {
    const body = { dueAt: tomorrow(), message: '督办' };
    expect((await api('zrzy01', 'POST', `/api/cases/${landCase}/supervise-notices`, body)).status).toBe(403);
    expect((await api('leader01', 'POST', `/api/cases/${landCase}/supervise-notices`, { ...body, unit: 'zjj' })).status).toBe(400);
    expect((await api('leader01', 'POST', `/api/cases/${landCase}/supervise-notices`, { ...body, dueAt: '2020-01-01' })).status).toBe(400);
    expect((await api('leader01', 'POST', `/api/cases/${landCase}/supervise-notices`, { dueAt: 'soon', message: '' })).status).toBe(400);
    expect((await api('leader01', 'POST', '/api/cases/XF202001019999/supervise-notices', body)).status).toBe(404);
    expect((await api('leader01', 'POST', `/api/cases/${closedCase}/supervise-notices`, body)).status).toBe(409);
    expect((await page('leader01', `/staff/cases/${closedCase}`)).body).not.toContain(`action="/staff/cases/${closedCase}/supervise-notices"`);
    // Never to a township a conduct case accuses, even where it was recorded as co-handler.
    expect((await api('leader01', 'POST', `/api/cases/${legacyConduct}/supervise-notices`, { ...body, unit: 'town:东湖镇' })).status).toBe(400);
  });

  it("shows the notice on top of the unit's case list, escaped, and not to other units", async () => {
    const mine = await page('zrzy01', '/staff');
    expect(mine.status).toBe(200);
    const banner = mine.body.indexOf('id="supervise-notices"');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(mine.body.indexOf('role="search"'));
    expect(mine.body).toContain(`data-notice="${noticeId}"`);
    expect(mine.body).toContain('请三日内答复 &lt;b&gt;进展&lt;/b&gt;');
    expect(mine.body).not.toContain('<b>进展</b>');
    expect(mine.body).toContain(`action="/staff/supervise-notices/${noticeId}/answer"`);
    const other = await page('town-donghu01', '/staff');
    expect(other.body).not.toContain(`data-notice="${noticeId}"`);
    const listed = await api('zrzy01', 'GET', '/api/supervise-notices?open=1');
    expect((listed.json.items as { id: string }[]).map((n) => n.id)).toEqual([noticeId]);
    expect((await api('zrzy01', 'GET', '/api/supervise-notices?unit=zjj')).status).toBe(403);
  });

  it('shows notices and the issue form on the case page to a supervisor', async () => {
    const detail = await page('leader01', `/staff/cases/${landCase}`);
    expect(detail.body).toContain('id="supervision"');
    expect(detail.body).toContain(`data-notice="${noticeId}"`);
    expect(detail.body).toContain(`action="/staff/cases/${landCase}/supervise-notices"`);
    const handler = await page('zrzy01', `/staff/cases/${landCase}`);
    expect(handler.body).not.toContain(`action="/staff/cases/${landCase}/supervise-notices"`);
    expect(handler.body).toContain(`action="/staff/supervise-notices/${noticeId}/answer"`);
  });

  it('the unit answers from the list; the answer is recorded once and counted', async () => {
    expect((await api('town-donghu01', 'POST', `/api/supervise-notices/${noticeId}/answer`, { answer: '不是我单位' })).status).toBe(403);
    const res = await form('zrzy01', `/staff/supervise-notices/${noticeId}/answer`, { answer: '已约谈信访人，补偿款下周发放', back: 'list' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff');
    const list = await page('zrzy01', '/staff');
    expect(list.body).not.toContain(`data-notice="${noticeId}"`);
    const again = await api('zrzy01', 'POST', `/api/supervise-notices/${noticeId}/answer`, { answer: '再次答复' });
    expect(again.status).toBe(409);
    const all = await api('leader01', 'GET', '/api/supervise-notices?unit=zrzy');
    expect(all.json.items).toEqual([expect.objectContaining({ id: noticeId, answer: '已约谈信访人，补偿款下周发放', answeredBy: 'zrzy01' })]);
    const item = await unitItem('zrzy');
    expect(item.superviseAnswered).toBe(item.superviseNotices);
    const prisma = t.app.store.handle.prisma;
    expect(await prisma.auditLog.count({ where: { action: 'case.supervise_answer', target: landCase } })).toBe(1);
    const detail = await page('leader01', `/staff/cases/${landCase}`);
    expect(detail.body).toContain('已约谈信访人，补偿款下周发放');
  });

  it("never lets a conduct case's notice reach the township it accuses", async () => {
    const issued = await api('leader01', 'POST', `/api/cases/${conductCase}/supervise-notices`, { dueAt: tomorrow(), message: '纪委请督办' });
    expect(issued.status).toBe(201);
    expect(issued.json.unit).toBe('jw');
    // A notice to the accused township (written around the use case) stays invisible to it.
    const kase = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: legacyConduct } });
    const hidden = await t.app.store.handle.prisma.superviseNotice.create({
      data: { caseId: kase.id, unit: 'town:东湖镇', issuedBy: 'leader01', dueAt: new Date(Date.now() + 86_400_000), message: '不应可见' },
    });
    const list = await page('town-donghu01', '/staff');
    expect(list.body).not.toContain('不应可见');
    expect(list.body).not.toContain('纪委请督办');
    expect(list.body).not.toContain(conductCase);
    const api1 = await api('town-donghu01', 'GET', '/api/supervise-notices');
    expect(api1.json.items).toEqual([]);
    expect((await api('town-donghu01', 'POST', `/api/supervise-notices/${hidden.id}/answer`, { answer: 'x' })).status).toBe(404);
    expect((await page('town-donghu01', `/staff/cases/${legacyConduct}`)).status).toBe(404);
    // The supervisor sees both.
    const sup = await api('leader01', 'GET', '/api/supervise-notices?open=1');
    expect((sup.json.items as { id: string }[]).map((n) => n.id)).toContain(hidden.id);
  });
});
