/**
 * Grid workers on the web chat (POST /api/chat) against a real PGlite store: an admin
 * creates a grid worker and issues a link code, the worker binds the web chat with
 * /bind, reports a dispute through the screening form (with a correction), lists and
 * opens the grid's reports; the console scope shows a grid worker the screening
 * reports of their own township only, never a citizen's petition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen } from '../helpers/chat.ts';
import { newCase } from '../helpers/cases.ts';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';

let t: TestApp;
let admin: string;

const api = async (path: string, token: string, body?: unknown) => {
  const res = await fetch(`${t.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

async function addGridWorker(username: string, township: string, villages?: string[]) {
  const r = await api('/api/staff/users', admin, { username, password: `${username}-password-1`, role: 'grid', township, ...(villages ? { villages } : {}) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  t.passwords[username] = `${username}-password-1`;
  return r.json;
}

async function linkCode(username: string, token = admin): Promise<string> {
  const r = await api('/api/staff/grid/link-codes', token, { username });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.code as string;
}

/** Answers the screening form's questions until the summary; `answers` by slot asked. */
async function fillReport(w: Citizen, answers: Record<string, string>) {
  for (let i = 0; i < 10; i++) {
    const buttons = w.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);
    if (buttons.includes('confirm:yes')) return;
    const asked = Object.keys(answers).find((k) => w.text.includes(catalog('zh', k as never, { township: '东湖镇', example: '李家村' }).slice(0, 8)));
    expect(asked, `unexpected question: ${w.text}`).toBeDefined();
    const a = answers[asked!]!;
    if (a.startsWith('payload:')) await w.press(a.slice(8));
    else await w.say(a);
  }
  throw new Error(`no summary: ${w.text}`);
}

beforeAll(async () => {
  t = await startTestApp('pglite');
  admin = await loginAs(t, 'admin');
});

afterAll(async () => {
  await t?.stop();
});

describe('a grid worker on the web chat', () => {
  const worker = new Citizen('http://placeholder');
  let w: Citizen;
  let caseNumber = '';
  let danger = '';

  it('binds the chat with a one-time code; wrong and used codes are refused', async () => {
    const created = await addGridWorker('grid-donghu01', '东湖', ['李家村', '王庄']);
    expect(created).toMatchObject({ role: 'grid', township: '东湖镇', villages: ['李家村', '王庄'] });
    w = new Citizen(t.url, 'zh', worker.userId);
    await w.say('/report');
    expect(w.text).toBe(catalog('zh', 'scrGridOnly'));

    await w.say('/bind 00000000');
    expect(w.text).toBe(catalog('zh', 'scrBindInvalid'));
    const code = await linkCode('grid-donghu01');
    expect(code).toMatch(/^\d{8}$/);
    await w.say(`/bind ${code}`);
    expect(w.text).toContain(catalog('zh', 'scrBound', { username: 'grid-donghu01', township: '东湖镇' }));

    // One use: another chat cannot take the same code.
    const other = new Citizen(t.url, 'zh');
    await other.say(`/bind ${code}`);
    expect(other.text).toBe(catalog('zh', 'scrBindInvalid'));
  });

  it('locks binding after five wrong codes', async () => {
    const guesser = new Citizen(t.url, 'zh');
    for (let i = 0; i < 4; i++) {
      await guesser.say(`/bind 1234567${i}`);
      expect(guesser.text).toBe(catalog('zh', 'scrBindInvalid'));
    }
    await guesser.say('/bind 12345679');
    expect(guesser.text).toBe(catalog('zh', 'scrBindLocked'));
    // Locked: even a right code is refused now.
    await guesser.say(`/bind ${await linkCode('grid-donghu01')}`);
    expect(guesser.text).toBe(catalog('zh', 'scrBindLocked'));
  });

  it('reports a dispute with a correction; the case number comes after the commit', async () => {
    await w.say('你好');
    expect(w.last.replies[0]!.buttons!.map((b) => b.payload)).toEqual(['grid:report', 'grid:reports']);
    await w.press('grid:report');
    expect(w.last.expecting).toBe('respondent');
    await fillReport(w, {
      scrAskParties: '李家村部分村民与东湖建筑公司',
      // The place must be in the worker's villages: the refusal comes first, then the right place.
      scrPlaceOutside: '李家村村口',
      scrAskPlaceVillages: '张湾',
      scrAskFacts: '建筑公司拖欠三十多名村民的务工工资，村民准备明天一起去公司讨要说法，情绪比较激动',
      scrAskPeople: '三十多人',
      scrAskUrgency: 'payload:urgency:urgent',
      scrAskCategory: 'payload:category:labor',
    });
    expect(w.text).toContain('东湖镇');
    expect(w.text).toContain('30人');
    await w.say('人数说错了，是40人');
    expect(w.text).toContain(catalog('zh', 'scrCorrected', { fields: `${catalog('zh', 'scrFPeople')} 40人` }));
    expect(w.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload)).toContain('confirm:yes');
    expect(w.last.caseNumber).toBeNull();
    await w.press('confirm:yes');
    caseNumber = w.last.caseNumber ?? '';
    expect(caseNumber).toMatch(/^XF\d{12}$/);
    expect(w.text).toContain(caseNumber);

    // A second press of the same confirm files nothing twice.
    await w.send({ payload: 'scr:confirm' });
    expect(w.text).toBe(catalog('zh', 'scrAlreadySubmitted', { caseNumber }));

    const kase = await api(`/api/cases/${caseNumber}`, admin);
    expect(kase.status).toBe(200);
    expect(kase.json).toMatchObject({ origin: 'screening', unit: 'rsj', coUnit: 'town:东湖镇', township: '东湖镇', category: 'labor', peopleCount: 40, channel: 'web' });
    expect(kase.json.flags).toContain('group');
    expect(kase.json.petitioner).toEqual({ name: null, phone: null, idNumber: null });
    expect(String(kase.json.address)).toContain('李家村');
    const list = await api('/api/cases?township=东湖镇', admin);
    expect((list.json.items as { caseNumber: string }[]).filter((c) => c.caseNumber === caseNumber)).toHaveLength(1);
  });

  it('flags a report of immediate danger `risk` and raises one early-warning alert', async () => {
    await w.say('/report 王庄两户村民因宅基地边界纠纷打了起来，一方扬言要拿刀砍人');
    expect(w.text).toContain(catalog('zh', 'scrAskParties'));
    await fillReport(w, {
      scrAskParties: '王庄村民甲户与乙户',
      scrAskPlaceVillages: '王庄',
      scrAskPeople: '6人',
      scrAskUrgency: 'payload:urgency:danger',
      scrAskCategory: 'payload:category:rural',
    });
    await w.press('confirm:yes');
    danger = w.last.caseNumber!;
    expect(danger).toMatch(/^XF\d{12}$/);
    expect(w.text).toContain(catalog('zh', 'scrSubmittedDanger'));
    // No calm-down words or handoff for the worker: the worker is not the person at risk.
    expect(w.text).not.toContain(catalog('zh', 'riskCalm'));
    const kase = await api(`/api/cases/${danger}`, admin);
    // "两户" in the first message was taken as the number of people.
    expect(kase.json).toMatchObject({ peopleCount: 2, flags: ['risk'], category: 'land', unit: 'zrzy', coUnit: 'town:东湖镇' });
    const prisma = t.app.store.handle.prisma;
    const id = (await prisma.case.findUniqueOrThrow({ where: { caseNumber: danger }, select: { id: true, reporterStaffId: true } }));
    const workerId = (await t.app.store.staff.findByUsername('grid-donghu01'))!.id;
    expect(id.reporterStaffId).toBe(workerId);
    expect(await prisma.alert.count({ where: { caseId: id.id, kind: 'risk' } })).toBe(1);
    // After the commit: the emergency plan of a risk case (src/app/cases/open-case-plan.ts).
    expect((await prisma.case.findUniqueOrThrow({ where: { id: id.id }, select: { planCode: true } })).planCode).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: 'case.screening_reported', target: `case:${danger}` } })).toBe(1);
  });

  it('lists and opens the reports of the grid', async () => {
    await w.say('/reports');
    expect(w.text).toContain(catalog('zh', 'scrReportsTitle'));
    expect(w.text).toContain(caseNumber);
    await w.press(`grid:open:${caseNumber}`);
    expect(w.text).toContain(caseNumber);
    expect(w.text).toContain(catalog('zh', 'st_submitted'));
    // Another number is not found for this worker (same answer as a missing one).
    await w.send({ payload: 'grid:open:XF209901010001' });
    expect(w.text).toBe(catalog('zh', 'scrReportNotFound'));
  });

  it('scopes the console: own screening reports only, 404 on a citizen petition', async () => {
    const petition = await t.app.store.cases.create(newCase({ township: '东湖镇', address: '东湖镇李家村', submissionKey: 'grid-web-petition' }));
    const elsewhere = await t.app.store.cases.create(
      newCase({ origin: 'screening', township: '西山乡', coUnit: 'town:西山乡', address: '张湾', queryCode: null, submissionKey: 'grid-web-other-grid' }),
    );
    const token = await loginAs(t, 'grid-donghu01');
    const list = await api('/api/cases', token);
    expect(list.status).toBe(200);
    expect((list.json.items as { caseNumber: string; origin: string }[]).map((c) => c.caseNumber).sort()).toEqual([caseNumber, danger].sort());
    expect((await api(`/api/cases/${petition.caseNumber}`, token)).status).toBe(404);
    expect((await api(`/api/cases/${elsewhere.caseNumber}`, token)).status).toBe(404);
    expect((await api(`/api/cases/${caseNumber}`, token)).status).toBe(200);
    // A grid worker may issue a code for themself only, and has no actions on cases.
    expect((await api('/api/staff/grid/link-codes', token, { username: 'grid-donghu01' })).status).toBe(201);
    expect((await api('/api/staff/grid/link-codes', token, { username: 'admin' })).status).toBe(403);
    expect((await api(`/api/cases/${caseNumber}/accept`, token, {})).status).toBeGreaterThanOrEqual(403);
  });

  it('shows the console page of grid workers and a new code once', async () => {
    const page = await fetch(`${t.url}/staff/grid`, { headers: { authorization: `Bearer ${admin}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('grid-donghu01');
    expect(html).toContain('李家村、王庄');
    const issued = await fetch(`${t.url}/staff/grid/link-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=grid-donghu01',
    });
    expect(issued.status).toBe(200);
    expect(await issued.text()).toMatch(/<strong id="link-code">\d{8}<\/strong>/);
    expect(await t.app.store.handle.prisma.auditLog.count({ where: { action: 'grid.link_code_issued' } })).toBeGreaterThanOrEqual(4);
  });

  it('unbinds: the chat is a citizen again', async () => {
    await w.say('/unbind');
    expect(w.text).toBe(catalog('zh', 'scrUnbound'));
    await w.say('/reports');
    expect(w.text).toBe(catalog('zh', 'scrGridOnly'));
  });
});
