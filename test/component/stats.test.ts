/**
 * The dashboard numbers (GET /api/stats), the page and the CSV export, against a
 * store seeded with a known mix whose expected figures are computed here from the
 * seed itself, independently of the implementation.
 */
import { seededInt } from '../helpers/random.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase } from '../../src/domain/routing.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'leader01'] as const;
type User = (typeof USERS)[number];

interface Spec {
  at: Date;
  category: string;
  township: string | null;
  status: string;
  flags: string[];
  ratingAcceptance: string | null;
  ratingHandling: string | null;
  repliedAt: Date | null;
  reviewRequestedAt: Date | null;
  /** The citizen's answer to the follow-up question: resolved, not resolved, or none. */
  followUpResolved?: boolean | null;
  unit?: string;
  coUnit?: string | null;
  caseNumber?: string;
}

const EVIL_TOWN = '<b>东湖&镇</b>';
const CATS = ['land', 'housing', 'labor', 'conduct', 'urban'];
const TOWNS = ['东湖镇', '城关镇', '西山乡', null, EVIL_TOWN];
const STATUSES = ['submitted', 'accepted', 'in_progress', 'replied', 'review_requested', 'closed'];
const RATINGS = [null, 'satisfied', 'basically_satisfied', 'dissatisfied'];
const DAY = 86_400_000;

/** Deterministic mix over 2025-02-25 … 2025-05-05 (all review windows long past), plus edge cases. */
function buildSpecs(): Spec[] {
  const specs: Spec[] = [];
  const rnd = seededInt(7);
  const base = Date.parse('2025-02-25T00:00:00Z');
  for (let i = 0; i < 48; i++) {
    const at = new Date(base + rnd(70) * DAY + rnd(86_400) * 1000);
    const status = STATUSES[rnd(STATUSES.length)]!;
    const replied = ['replied', 'review_requested', 'closed'].includes(status);
    const repliedAt = replied ? new Date(at.getTime() + (5 + rnd(20)) * DAY) : null;
    const flags = ['overdue', 'risk', 'group', 'repeat'].filter(() => rnd(4) === 0);
    specs.push({
      at,
      category: CATS[rnd(CATS.length)]!,
      township: TOWNS[rnd(TOWNS.length)]!,
      status,
      flags,
      ratingAcceptance: RATINGS[rnd(4)]!,
      ratingHandling: replied ? RATINGS[rnd(4)]! : null,
      repliedAt,
      reviewRequestedAt: status === 'review_requested' || (status === 'closed' && rnd(3) === 0) ? new Date(repliedAt!.getTime() + 3 * DAY) : null,
      // Not from rnd: the mix above stays what it was before follow-up answers existed.
      followUpResolved: replied ? [null, true, false][i % 3]! : null,
    });
  }
  const edge = (iso: string, over: Partial<Spec> = {}): Spec => ({
    at: new Date(iso), category: 'land', township: '东湖镇', status: 'submitted', flags: [], ratingAcceptance: null, ratingHandling: null, repliedAt: null, reviewRequestedAt: null, ...over,
  });
  // Local-day boundaries (UTC+8): 2025-03-01 00:00 local is 2025-02-28T16:00Z.
  specs.push(edge('2025-02-28T15:59:59.999Z'), edge('2025-02-28T16:00:00.000Z'), edge('2025-03-31T15:59:59.999Z'), edge('2025-03-31T16:00:00.000Z'));
  // Replied yesterday: its review window is still open, so it is not in the settlement rate.
  specs.push(edge('2025-03-15T02:00:00Z', { status: 'replied', repliedAt: new Date(Date.now() - DAY), ratingAcceptance: 'satisfied' }));
  // Replied yesterday but answered "not resolved" to the follow-up: already counts as not settled.
  specs.push(edge('2025-03-16T02:00:00Z', { status: 'replied', repliedAt: new Date(Date.now() - DAY), followUpResolved: false }));
  return specs;
}

const localDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const r4 = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000);

function expected(specs: Spec[], from: string, to: string, visible: (s: Spec) => boolean = () => true) {
  const inP = specs.filter((s) => localDay(s.at) >= from && localDay(s.at) <= to && visible(s));
  const count = (key: (s: Spec) => string | null) => {
    const o: Record<string, number> = {};
    for (const s of inP) {
      const k = key(s);
      if (k !== null) o[k] = (o[k] ?? 0) + 1;
    }
    return o;
  };
  const ratings = inP.flatMap((s) => [s.ratingAcceptance, s.ratingHandling]).filter((x): x is string => x !== null);
  const unresolved = (s: Spec) => s.followUpResolved === false;
  const decided = inP.filter((s) => s.repliedAt && (s.repliedAt.getTime() + 31 * DAY < Date.now() || unresolved(s)));
  return {
    total: inP.length,
    byStatus: count((s) => s.status),
    byCategory: count((s) => s.category),
    byTownship: count((s) => s.township),
    overdue: inP.filter((s) => s.flags.includes('overdue')).length,
    risk: inP.filter((s) => s.flags.includes('risk')).length,
    group: inP.filter((s) => s.flags.includes('group')).length,
    repeatRate: r4(inP.filter((s) => s.flags.includes('repeat')).length, inP.length),
    satisfactionRate: r4(ratings.filter((r) => r === 'satisfied' || r === 'basically_satisfied').length, ratings.length),
    settlementRate: r4(decided.filter((s) => !s.reviewRequestedAt && !unresolved(s)).length, decided.length),
  };
}

/** Drops the zero entries the API adds for known statuses, categories and townships. */
const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));

let t: TestApp;
const tokens = {} as Record<User, string>;
const specs = buildSpecs();

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const u of USERS) tokens[u] = await loginAs(t, u);
  const county = t.app.core.county;
  for (const s of specs) {
    const routing = routeCase(county, { category: s.category, township: s.township, respondentUnits: [] });
    s.unit = routing.unit;
    s.coUnit = routing.coUnit;
    const created = await t.app.store.cases.create(newCase({ category: s.category, township: s.township, ...routing, flags: s.flags, receivedAt: s.at, localDate: localDay(s.at), queryCode: null }));
    s.caseNumber = created.caseNumber;
    await t.app.store.handle.prisma.case.update({
      where: { caseNumber: created.caseNumber },
      data: {
        status: s.status,
        ratingAcceptance: s.ratingAcceptance,
        ratingHandling: s.ratingHandling,
        repliedAt: s.repliedAt,
        reviewRequestedAt: s.reviewRequestedAt,
        followUpResolved: s.followUpResolved ?? null,
        ...(s.followUpResolved != null && s.repliedAt ? { followUpSentAt: new Date(s.repliedAt.getTime() + 30 * DAY), followUpAnsweredAt: new Date(s.repliedAt.getTime() + 30 * DAY) } : {}),
      },
    });
  }
});
afterAll(async () => {
  await t?.stop();
});

const api = async (u: User, qs: string) => {
  const res = await fetch(`${t.url}/api/stats${qs}`, { headers: { authorization: `Bearer ${tokens[u]}` } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & ReturnType<typeof expected> };
};
const page = (u: User, path: string) => fetch(`${t.url}${path}`, { headers: { cookie: `xf_session=${tokens[u]}` }, redirect: 'manual' });

describe('GET /api/stats', () => {
  it.each([
    ['2025-03-01', '2025-03-31'],
    ['2025-04-01', '2025-05-10'],
  ])('matches the seeded mix for %s … %s', async (from, to) => {
    const exp = expected(specs, from, to);
    expect(exp.total).toBeGreaterThan(5);
    const { status, json } = await api('leader01', `?from=${from}&to=${to}`);
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['byCategory', 'byStatus', 'byTownship', 'group', 'overdue', 'repeatRate', 'risk', 'satisfactionRate', 'settlementRate', 'total']);
    expect(json.total).toBe(exp.total);
    expect(nonZero(json.byStatus)).toEqual(exp.byStatus);
    expect(nonZero(json.byCategory)).toEqual(exp.byCategory);
    expect(nonZero(json.byTownship)).toEqual(exp.byTownship);
    expect([json.overdue, json.risk, json.group]).toEqual([exp.overdue, exp.risk, exp.group]);
    expect(json.repeatRate).toBeCloseTo(exp.repeatRate, 4);
    expect(json.satisfactionRate).toBeCloseTo(exp.satisfactionRate, 4);
    expect(json.settlementRate).toBeCloseTo(exp.settlementRate, 4);
    for (const k of ['repeatRate', 'satisfactionRate', 'settlementRate'] as const) {
      expect(json[k]).toBeGreaterThanOrEqual(0);
      expect(json[k]).toBeLessThanOrEqual(1);
    }
    expect(exp.settlementRate).toBeGreaterThan(0);
    expect(exp.satisfactionRate).toBeGreaterThan(0);
    // The bureau's intake and the admin see the same county-wide numbers.
    expect((await api('xfj01', `?from=${from}&to=${to}`)).json).toEqual(json);
    expect((await api('admin', `?from=${from}&to=${to}`)).json).toEqual(json);
  });

  it('counts a "not resolved" follow-up answer as not settled, even inside the review window', async () => {
    const march = specs.filter((s) => localDay(s.at) >= '2025-03-01' && localDay(s.at) <= '2025-03-31');
    expect(march.some((s) => s.followUpResolved === false && !s.reviewRequestedAt)).toBe(true);
    const { json } = await api('admin', '?from=2025-03-01&to=2025-03-31');
    // The same cases without the answers: what the rate was before the follow-up counted.
    const unanswered = expected(march.map((s) => ({ ...s, followUpResolved: null })), '2025-03-01', '2025-03-31');
    expect(json.settlementRate).toBeCloseTo(expected(specs, '2025-03-01', '2025-03-31').settlementRate, 4);
    expect(json.settlementRate).toBeLessThan(unanswered.settlementRate);
  });

  it('counts local days inclusively at both ends', async () => {
    const { json } = await api('admin', '?from=2025-03-01&to=2025-03-01');
    expect(json.total).toBe(expected(specs, '2025-03-01', '2025-03-01').total);
    const feb = await api('admin', '?from=2025-02-28&to=2025-02-28');
    expect(feb.json.total).toBe(expected(specs, '2025-02-28', '2025-02-28').total);
    expect(feb.json.total).toBeGreaterThanOrEqual(1);
  });

  it('answers any span: since long before the first case until today', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const exp = expected(specs, '2000-01-01', today);
    const { status, json } = await api('leader01', `?from=2000-01-01&to=${today}`);
    expect(status).toBe(200);
    expect(json.total).toBe(specs.length);
    expect(json.total).toBe(exp.total);
    expect(nonZero(json.byStatus)).toEqual(exp.byStatus);
    expect(json.settlementRate).toBeCloseTo(exp.settlementRate, 4);
  });

  it('gives a handler the numbers of their own unit only', async () => {
    const mine = (s: Spec) => s.unit === 'zrzy' || s.coUnit === 'zrzy';
    const exp = expected(specs, '2025-02-01', '2025-05-31', mine);
    const all = expected(specs, '2025-02-01', '2025-05-31');
    expect(exp.total).toBeGreaterThan(0);
    expect(exp.total).toBeLessThan(all.total);
    const { status, json } = await api('zrzy01', '?from=2025-02-01&to=2025-05-31');
    expect(status).toBe(200);
    expect(json.total).toBe(exp.total);
    expect(nonZero(json.byCategory)).toEqual(exp.byCategory);
    expect(json.satisfactionRate).toBeCloseTo(exp.satisfactionRate, 4);
    expect(json.settlementRate).toBeCloseTo(exp.settlementRate, 4);
  });

  it.each(['?from=2025-02-30&to=2025-03-01', '?from=abc', '?to=2025-3-1', '?from=2025-04-01&to=2025-03-01'])('refuses %s with a 400 JSON error', async (qs) => {
    const { status, json } = await api('admin', qs);
    expect(status).toBe(400);
    expect((json as unknown as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('defaults to the last 30 days and needs a staff session', async () => {
    const { status, json } = await api('admin', '');
    expect(status).toBe(200);
    expect(json.total).toBe(0);
    expect(json.settlementRate).toBe(0);
    expect((await fetch(`${t.url}/api/stats`)).status).toBe(401);
    const viaCookie = await page('leader01', '/api/stats?from=2025-03-01&to=2025-03-31');
    expect(viaCookie.status).toBe(200);
  });
});

describe('GET /staff/dashboard', () => {
  it('renders the numbers and charts with township names escaped', async () => {
    const res = await page('leader01', '/staff/dashboard?from=2025-02-01&to=2025-05-31');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`<td id="stat-total">${expected(specs, '2025-02-01', '2025-05-31').total}</td>`);
    expect(body).toContain('&lt;b&gt;东湖&amp;镇&lt;/b&gt;');
    expect(body).not.toContain(EVIL_TOWN);
    expect(body).toContain('<svg');
    expect(body).not.toMatch(/<script(?![^>]*src=)/);
    expect(body).not.toMatch(/\sstyle=/);
  });

  it('is refused to a handler and redirects without a session', async () => {
    expect((await page('zrzy01', '/staff/dashboard')).status).toBe(403);
    expect((await fetch(`${t.url}/staff/dashboard`, { redirect: 'manual' })).status).toBe(303);
  });

  it('400s on a bad period', async () => {
    expect((await page('admin', '/staff/dashboard?from=nope')).status).toBe(400);
  });
});

describe('GET /staff/cases.csv', () => {
  it('exports the filtered list masked and writes an audit row', async () => {
    const prisma = t.app.store.handle.prisma;
    const before = await prisma.auditLog.count({ where: { action: 'cases.export' } });
    const res = await page('xfj01', '/staff/cases.csv?from=2025-03-01&to=2025-03-31&category=land');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    const exp = specs.filter((s) => s.category === 'land' && localDay(s.at) >= '2025-03-01' && localDay(s.at) <= '2025-03-31');
    expect(lines.length).toBe(exp.length + 1);
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('张桂兰');
    for (const s of exp) expect(text).toContain(s.caseNumber!);
    const audits = await prisma.auditLog.findMany({ where: { action: 'cases.export' }, orderBy: { at: 'desc' } });
    expect(audits.length).toBe(before + 1);
    expect(audits[0]!.data).toMatchObject({ username: 'xfj01', from: '2025-03-01', to: '2025-03-31', rows: exp.length, filter: { category: 'land' } });
  });

  it('is refused to a handler', async () => {
    expect((await page('zrzy01', '/staff/cases.csv')).status).toBe(403);
  });
});
