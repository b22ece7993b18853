/**
 * Issue 15, item 1 — the identity firewall in every path. A report against officials
 * that names the accused by position ("镇长", "我们镇的党委书记", "镇政府的干部", "the
 * deputy head of our township") or names no one is filed without a township
 * co-handler, and the township where it happened never finds it: not in the list, the
 * detail, search, stats, alerts, supervision notices, the inbox or the monthly report.
 * The citizen's status never names a co-handler; the bureau may assign one by hand
 * (audited, with a reason), never an accused one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpCase } from '../../src/app/case-lookup/look-up-case.ts';
import { buildNewCase } from '../../src/app/petition/submit-petition.ts';
import { caseViewText } from '../../src/dialog/forms/case-lookup/citizen-case-view.ts';
import type { PetitionDraft } from '../../src/dialog/types.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen } from '../helpers/chat.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
const token = {} as Record<User, string>;

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) token[u] = (await signIn(t, u)).token;
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, unknown> & { items?: { caseNumber?: string; id?: string; unit?: string; received?: number }[]; total?: number };
async function api(u: User, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token[u]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Json };
}
const page = async (u: User, path: string) => (await fetch(`${t.url}${path}`, { headers: { cookie: `xf_session=${token[u]}` } })).text();

const CODE = '24681357';
const localDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A conduct petition as the chat files it (buildNewCase, the filing use case), from 东湖镇. */
async function fileConduct(over: Partial<PetitionDraft>, conversationId = randomUUID()): Promise<string> {
  const draft: PetitionDraft = {
    intakeId: randomUUID(),
    name: '赵明',
    phone: '13912345678',
    idNumber: null,
    idType: null,
    township: '东湖镇',
    address: '东湖镇李家村',
    category: 'conduct',
    respondent: null,
    facts: '他收了修村道工程老板的好处费',
    demands: '请纪委查处',
    peopleCount: 1,
    peopleUnit: 'people',
    representatives: [],
    priorPetition: 'none',
    priorDetail: null,
    notes: {},
    anonymous: false,
    consent: { at: new Date().toISOString(), version: 'guide-v1' },
    locale: 'zh',
    ...over,
  };
  const kase = buildNewCase(draft, { conversationId, channel: 'web' }, new Date(), t.app.core.county);
  return (await t.app.store.cases.create({ ...kase, queryCode: CODE, flags: ['risk'] })).caseNumber;
}

const PROBES: [string, Partial<PetitionDraft>][] = [
  ['镇长收受贿赂', { respondent: '镇长', facts: '镇长收受贿赂，把工程给了亲戚' }],
  ['我们镇的党委书记', { respondent: '我们镇的党委书记', facts: '吃拿卡要，打压举报的群众' }],
  ['镇政府的干部', { respondent: '镇政府的干部', facts: '索要好处费才给办低保' }],
  ['the deputy head of our township', { respondent: 'the deputy head of our township', facts: 'He took bribes from the road contractor', demands: 'Investigate him', locale: 'en' }],
  ['declines to name anyone', { respondent: null, facts: '有人收了好处费，我不敢说是谁' }],
  ['the probe: named only in the facts', { respondent: null, facts: '我要举报我们镇的镇长，他收了修村道工程老板的好处费' }],
];

describe('a report against officials that names the township only by position', () => {
  const filed: string[] = [];
  beforeAll(async () => {
    for (const [, over] of PROBES) filed.push(await fileConduct(over));
  });

  it('is filed with jw, no township co-handler, and the township recorded as accused', async () => {
    for (const n of filed) {
      const row = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: n } });
      expect({ n, unit: row.unit, coUnit: row.coUnit }).toEqual({ n, unit: 'jw', coUnit: null });
      expect(row.respondentUnits, n).toContain('town:东湖镇');
    }
  });

  it('never reaches the township: list, search, detail, console, actions', async () => {
    const list = await api('town-donghu01', 'GET', '/api/cases?page=1');
    const mine = (list.json.items ?? []).map((c) => c.caseNumber);
    for (const n of filed) {
      expect(mine).not.toContain(n);
      expect((await api('town-donghu01', 'GET', `/api/cases/${n}`)).status).toBe(404);
      expect((await api('town-donghu01', 'POST', `/api/cases/${n}/actions/note`, { note: '看看' })).status).toBe(404);
      expect(await page('town-donghu01', `/staff?q=${encodeURIComponent('好处费')}`)).not.toContain(n);
      expect((await api('xfj01', 'GET', `/api/cases/${n}`)).status).toBe(200);
    }
    expect((await api('town-donghu01', 'GET', `/api/cases?q=${encodeURIComponent('好处费')}`)).json.total).toBe(0);
  });

  it('never counts for the township in stats, unit performance or its monthly report', async () => {
    const from = localDay(new Date(Date.now() - 86_400_000));
    const to = localDay(new Date(Date.now() + 86_400_000));
    const stats = await api('town-donghu01', 'GET', `/api/stats?from=${from}&to=${to}`);
    expect(stats.status).toBe(200);
    expect((stats.json.byCategory as Record<string, number>).conduct ?? 0).toBe(0);
    const units = await api('town-donghu01', 'GET', `/api/stats/units?from=${from}&to=${to}`);
    expect(units.json.items!.find((i) => i.unit === 'town:东湖镇')?.received ?? 0).toBe(0);
    const jw = await api('admin', 'GET', `/api/stats/units?from=${from}&to=${to}`);
    expect(jw.json.items!.find((i) => i.unit === 'jw')?.received).toBeGreaterThanOrEqual(filed.length);
    const month = localDay().slice(0, 7);
    const report = await page('town-donghu01', `/staff/reports/monthly?month=${month}&unit=${encodeURIComponent('town:东湖镇')}`);
    expect(report).toContain('东湖镇');
    for (const n of filed) expect(report).not.toContain(n);
    const county = await page('xfj01', `/staff/reports/monthly?month=${month}&unit=county`);
    expect(filed.some((n) => county.includes(n))).toBe(true);
  });

  it('never reaches the township as an alert or a supervision notice', async () => {
    const n = filed[0]!;
    const kase = await t.app.store.handle.prisma.case.findUniqueOrThrow({ where: { caseNumber: n } });
    for (const kind of ['deadline_overdue', 'risk', 'material']) {
      await t.app.store.handle.prisma.alert.create({ data: { kind, dedupeKey: `${kind}:fw:${n}`, caseId: kase.id, unit: 'jw', message: `${kind} ${n}` } });
    }
    const alerts = await api('town-donghu01', 'GET', '/api/staff/alerts');
    expect(JSON.stringify(alerts.json)).not.toContain(n);
    expect(JSON.stringify((await api('leader01', 'GET', '/api/staff/alerts')).json)).toContain(n);
    const refused = await api('leader01', 'POST', `/api/cases/${n}/supervise-notices`, { dueAt: localDay(new Date(Date.now() + 86_400_000)), message: '请督办', unit: 'town:东湖镇' });
    expect(refused.status).toBe(400);
    expect((await api('leader01', 'POST', `/api/cases/${n}/supervise-notices`, { dueAt: localDay(new Date(Date.now() + 86_400_000)), message: '请督办' })).status).toBe(201);
    expect(JSON.stringify((await api('town-donghu01', 'GET', '/api/supervise-notices')).json)).not.toContain(n);
  });

  it('never reaches the township through the inbox, even attached to the case', async () => {
    const c = new Citizen(t.url);
    const r = await c.say('我要转人工');
    expect((await api('xfj01', 'POST', `/api/inbox/${r.conversationId}/attach`, { caseNumber: filed[1] })).status).toBe(200);
    expect((await api('town-donghu01', 'GET', '/api/inbox')).json.items!.map((i) => i.id)).not.toContain(r.conversationId);
    expect((await api('town-donghu01', 'GET', `/api/inbox/${r.conversationId}`)).status).toBe(404);
  });
});

describe('the citizen’s status of a conduct case', () => {
  it('never names a co-handler, not even one the bureau assigned', async () => {
    const n = await fileConduct({ respondent: '镇长', facts: '镇长收受贿赂' });
    // A co-handler recorded on the case (legacy data, or assigned by the bureau).
    await t.app.store.handle.prisma.case.update({ where: { caseNumber: n }, data: { coUnit: 'zrzy' } });
    const who = { conversationId: randomUUID(), channel: 'web', channelUserId: `fw-${randomUUID()}` };
    const event = await lookUpCase(t.app.core.chat.caseEffects, n, CODE, who, new Date());
    if (event.type !== 'case_opened') throw new Error(`not opened: ${JSON.stringify(event)}`);
    expect(event.view.coUnit).toBeNull();
    for (const l of ['zh', 'en'] as const) {
      const text = caseViewText(event.view, new Date(), t.app.core.county, l);
      expect(text).not.toMatch(/属地协办|co-handler|自然资源|Natural Resources|东湖|Donghu/);
    }
  });

  it('of another category still names the township co-handler', async () => {
    const n = await fileConduct({ category: 'land', respondent: null, facts: '征地补偿款没有发' });
    const who = { conversationId: randomUUID(), channel: 'web', channelUserId: `fw-${randomUUID()}` };
    const event = await lookUpCase(t.app.core.chat.caseEffects, n, CODE, who, new Date());
    expect(event.type === 'case_opened' && event.view.coUnit).toBe('town:东湖镇');
  });
});

describe('the bureau assigns a co-handler by hand', () => {
  it('with a reason, audited and internal; never a unit the case accuses; only the bureau', async () => {
    const n = await fileConduct({ respondent: '县自然资源局李某', facts: '我们镇的镇长和李某一起收钱' });
    const assign = (u: User, body: unknown) => api(u, 'POST', `/api/cases/${n}/co-handler`, body);
    expect((await assign('xfj01', { unit: 'town:东湖镇', reason: '属地' })).status).toBe(400);
    expect((await assign('xfj01', { unit: 'zrzy', reason: '属地' })).status).toBe(400); // zrzy is accused too
    expect((await assign('xfj01', { unit: 'jw', reason: '主管' })).status).toBe(400); // the competent unit
    expect((await assign('xfj01', { unit: 'rsj', reason: '  ' })).status).toBe(400);
    expect((await assign('xfj01', { unit: 'nowhere', reason: '协办' })).status).toBe(400);
    expect((await assign('leader01', { unit: 'rsj', reason: '协办' })).status).toBe(403);
    expect((await assign('zrzy01', { unit: 'rsj', reason: '协办' })).status).toBe(404);
    expect((await api('zrzy01', 'GET', `/api/cases/${n}`)).status).toBe(404);

    const done = await assign('xfj01', { unit: 'rsj', reason: '涉及欠薪问题，请人社局协办' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ caseNumber: n, unit: 'jw', coUnit: 'rsj' });
    const audit = await t.app.store.handle.prisma.auditLog.findFirstOrThrow({ where: { action: 'case.assign_co_handler', target: n } });
    expect(audit).toMatchObject({ reason: '涉及欠薪问题，请人社局协办' });
    expect(audit.data).toMatchObject({ fromCoUnit: null, toCoUnit: 'rsj' });
    const kase = (await api('xfj01', 'GET', `/api/cases/${n}`)).json as { timeline: { kind: string; public: boolean }[] };
    expect(kase.timeline.at(-1)).toMatchObject({ kind: 'assign_co_handler', public: false });

    // The console offers the form to the bureau, without the accused units.
    const html = await page('xfj01', `/staff/cases/${n}`);
    expect(html).toContain(`action="/staff/cases/${n}/co-handler"`);
    expect(html).not.toContain(`<option value="town:东湖镇">`);
    expect(html).not.toContain(`<option value="zrzy">`);
    expect(await page('leader01', `/staff/cases/${n}`)).not.toContain('/co-handler"');

    expect((await assign('admin', { unit: null, reason: '不再需要协办' })).json).toMatchObject({ coUnit: null });
  });
});
