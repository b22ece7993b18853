/**
 * Staff confirm or unlink repeat/related links, through the case API and the console
 * on the whole app (PGlite): read-only roles get 403, cases outside the scope 404,
 * one timeline event and one audit entry per decision, the `repeat` flag follows the
 * only repeat link, and an unlinked pair is never suggested again. Cases are created
 * outside the chat and linked with `linkRelatedCases`, as grid-worker reports are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkRelatedCases } from '../../src/app/petition/link-related-cases.ts';
import { PrismaCaseLinkRepository } from '../../src/store/prisma/case-link-repository.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const DAY = 86_400_000;
const USERS = ['admin', 'xfj01', 'zrzy01', 'town-donghu01', 'leader01'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
let links: PrismaCaseLinkRepository;
const sessions = {} as Record<User, { token: string; csrf: string }>;
const c = {} as Record<'older' | 'repeat' | 'other' | 'labor' | 'conduct' | 'conduct2', { id: string; caseNumber: string }>;

let seq = 0;
const person = () => ({ name: '测试人', phone: `137${String(++seq).padStart(8, '0')}`, idNumber: null });
const ALICE = person();

async function create(over: Partial<NewCase>, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  const made = await t.app.store.cases.create(newCase({ receivedAt: at, localDate: at.toISOString().slice(0, 10), queryCode: null, ...over }));
  await linkRelatedCases({ caseLinks: links }, made.id);
  return { id: made.id, caseNumber: made.caseNumber };
}

beforeAll(async () => {
  t = await startTestApp('pglite');
  links = new PrismaCaseLinkRepository(t.app.store.handle.prisma);
  for (const u of USERS) {
    const { token, csrfToken } = await signIn(t, u);
    sessions[u] = { token, csrf: csrfToken };
  }
  c.older = await create({ petitioner: ALICE, facts: '东湖镇李家村征地补偿款一直没有发放到户' }, 20);
  c.other = await create({ petitioner: person(), facts: '李家村征地补偿款一直没有发放到户，村民很着急' }, 10);
  c.repeat = await create({ petitioner: ALICE, facts: '李家村的征地补偿款到现在还没有发放到户' }, 1);
  c.labor = await create({ petitioner: person(), category: 'labor', unit: 'rsj', coUnit: null, facts: '公司拖欠工资三个月' }, 1);
  const conduct = { category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇' } as const;
  c.conduct = await create({ ...conduct, petitioner: person(), respondentUnits: ['town:东湖镇'], facts: '东湖镇干部在低保名额分配中优亲厚友' }, 5);
  c.conduct2 = await create({ ...conduct, petitioner: person(), facts: '东湖镇低保名额分配中干部优亲厚友' }, 1);
});
afterAll(async () => {
  await t?.stop();
});

const post = (u: User, path: string) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${sessions[u].token}`, 'content-type': 'application/json' }, body: '{}' });
const getCase = async (u: User, n: string) =>
  (await (await fetch(`${t.url}/api/cases/${n}`, { headers: { authorization: `Bearer ${sessions[u].token}` } })).json()) as { relatedCases: string[]; flags: string[] };
const page = async (u: User, n: string) => (await fetch(`${t.url}/staff/cases/${n}`, { headers: { cookie: `xf_session=${sessions[u].token}` } })).text();
const prisma = () => t.app.store.handle.prisma;
const eventsOf = (id: string, kind: string) => prisma().caseEvent.findMany({ where: { caseId: id, kind } });

describe('linking cases created outside the chat', () => {
  it('links the repeat and the related case and flags the repeat', async () => {
    const seen = await getCase('admin', c.repeat.caseNumber);
    expect(seen.flags).toContain('repeat');
    expect(new Set(seen.relatedCases)).toEqual(new Set([c.older.caseNumber, c.other.caseNumber]));
    expect(await linkRelatedCases({ caseLinks: links }, c.repeat.id)).toEqual([]);
    expect(await prisma().caseLink.count({ where: { caseId: c.repeat.id } })).toBe(2);
  });
});

describe('POST /api/cases/:n/links/:other/confirm|unlink', () => {
  it('refuses a supervisor (403) and a case outside the caller scope (404)', async () => {
    expect((await post('leader01', `/api/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/unlink`)).status).toBe(403);
    expect((await post('zrzy01', `/api/cases/${c.labor.caseNumber}/links/${c.repeat.caseNumber}/unlink`)).status).toBe(404);
    expect((await post('zrzy01', `/api/cases/${c.repeat.caseNumber}/links/${c.labor.caseNumber}/confirm`)).status).toBe(404);
    // Both in scope but not linked.
    expect((await post('admin', `/api/cases/${c.repeat.caseNumber}/links/${c.labor.caseNumber}/confirm`)).status).toBe(404);
    expect((await post('admin', `/api/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/merge`)).status).toBe(404);
    expect(await prisma().caseLink.count({ where: { OR: [{ confirmedAt: { not: null } }, { unlinkedAt: { not: null } }] } })).toBe(0);
  });

  it('needs the CSRF token with a cookie session', async () => {
    const res = await fetch(`${t.url}/api/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/confirm`, {
      method: 'POST',
      headers: { cookie: `xf_session=${sessions.xfj01.token}` },
    });
    expect(res.status).toBe(403);
  });

  it('confirms a repeat (flag kept), then unlinks it (flag gone), one event and audit entry each', async () => {
    const res = await post('xfj01', `/api/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/confirm`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ caseNumber: c.repeat.caseNumber, otherCaseNumber: c.older.caseNumber, kind: 'repeat', status: 'confirmed', decidedBy: 'xfj01', changed: true });
    expect((await getCase('admin', c.repeat.caseNumber)).flags).toContain('repeat');
    expect(await eventsOf(c.repeat.id, 'link_confirmed')).toHaveLength(1);

    // From the older case's side, by a handler of the unit.
    const un = await post('zrzy01', `/api/cases/${c.older.caseNumber}/links/${c.repeat.caseNumber}/unlink`);
    expect(un.status).toBe(200);
    expect(await un.json()).toMatchObject({ status: 'unlinked', decidedBy: 'zrzy01', changed: true });
    const after = await getCase('admin', c.repeat.caseNumber);
    expect(after.flags).not.toContain('repeat');
    expect(after.relatedCases).toEqual([c.other.caseNumber]);
    const ev = await eventsOf(c.older.id, 'link_unlinked');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ public: false, actorType: 'staff', note: c.repeat.caseNumber });
    const audits = await prisma().auditLog.findMany({ where: { action: { in: ['case.link_confirmed', 'case.link_unlinked'] } } });
    expect(audits.map((a) => [a.action, a.target]).sort()).toEqual([
      ['case.link_confirmed', c.repeat.caseNumber],
      ['case.link_unlinked', c.older.caseNumber],
    ]);

    // The same decision again writes nothing.
    const again = await post('zrzy01', `/api/cases/${c.older.caseNumber}/links/${c.repeat.caseNumber}/unlink`);
    expect(await again.json()).toMatchObject({ status: 'unlinked', changed: false });
    expect(await eventsOf(c.older.id, 'link_unlinked')).toHaveLength(1);
  });

  it('never suggests an unlinked pair again', async () => {
    expect(await linkRelatedCases({ caseLinks: links }, c.repeat.id)).toEqual([]);
    expect((await getCase('admin', c.repeat.caseNumber)).flags).not.toContain('repeat');
    const row = await prisma().caseLink.findFirstOrThrow({ where: { caseId: c.repeat.id, otherCaseId: c.older.id } });
    expect(row.unlinkedAt).not.toBeNull();
  });
});

describe('the case page', () => {
  it('lists related and repeat petitions with their status and the forms', async () => {
    const body = await page('xfj01', c.repeat.caseNumber);
    expect(body).toContain('关联与重复信访 Related and repeat petitions');
    expect(body).toContain(`<a href="/staff/cases/${c.older.caseNumber}">${c.older.caseNumber}</a>`);
    expect(body).toMatch(new RegExp(`data-other="${c.older.caseNumber}">[\\s\\S]*?重复信访 Repeat[\\s\\S]*?已解除 Unlinked`));
    expect(body).toMatch(new RegExp(`data-other="${c.other.caseNumber}">[\\s\\S]*?相关案件 Related[\\s\\S]*?系统建议 Suggested`));
    expect(body).toContain(`action="/staff/cases/${c.repeat.caseNumber}/links/${c.other.caseNumber}/confirm"`);
    expect(body).toContain(`action="/staff/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/confirm"`);
    expect(body).not.toContain(`action="/staff/cases/${c.repeat.caseNumber}/links/${c.older.caseNumber}/unlink"`);
    // A supervisor sees the links but no forms.
    const leader = await page('leader01', c.repeat.caseNumber);
    expect(leader).toContain(`href="/staff/cases/${c.other.caseNumber}"`);
    expect(leader).not.toContain('data-link-action');
  });

  it('never shows a conduct case to the unit it accuses', async () => {
    expect(await page('admin', c.conduct2.caseNumber)).toContain(`href="/staff/cases/${c.conduct.caseNumber}"`);
    const town = await page('town-donghu01', c.conduct2.caseNumber);
    expect(town).toContain('关联与重复信访');
    expect(town).not.toContain(c.conduct.caseNumber);
    expect((await getCase('town-donghu01', c.conduct2.caseNumber)).relatedCases).toEqual([]);
  });

  it('confirms through the console form and comes back to the case', async () => {
    const res = await fetch(`${t.url}/staff/cases/${c.repeat.caseNumber}/links/${c.other.caseNumber}/confirm`, {
      method: 'POST',
      headers: { cookie: `xf_session=${sessions.xfj01.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(sessions.xfj01.csrf)}`,
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${c.repeat.caseNumber}#case-links`);
    expect(await page('xfj01', c.repeat.caseNumber)).toMatch(new RegExp(`data-other="${c.other.caseNumber}">[\\s\\S]*?已确认 Confirmed`));
    const refused = await fetch(`${t.url}/staff/cases/${c.repeat.caseNumber}/links/${c.other.caseNumber}/unlink`, {
      method: 'POST',
      headers: { cookie: `xf_session=${sessions.leader01.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(sessions.leader01.csrf)}`,
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
  });
});
