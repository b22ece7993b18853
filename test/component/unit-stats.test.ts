/**
 * Unit performance (GET /api/stats/units) against a store seeded with a known mix:
 * the expected numbers are computed here from the seed itself (attribution to the
 * competent unit and the township, conduct cases kept from the units they accuse,
 * on-time and overdue rules, ratings, review requests, notices), not by the code
 * under test.
 */
import { seededInt } from '../helpers/random.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase } from '../../src/domain/routing.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const DAY = 86_400_000;
const OFFSET = 8 * 3600_000;
const NOW = Date.now();
const localDay = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 10);
/** The end of the local day `days` after the local day of `t` (the county counts calendar days). */
const endOfDayAfter = (t: number, days: number) => Date.parse(`${localDay(t)}T00:00:00.000Z`) + (days + 1) * DAY - 1 - OFFSET;

const ITEM_KEYS = ['acceptedOnTime', 'extensions', 'overdue', 'received', 'repeat', 'repliedOnTime', 'satisfactionRate', 'settlementRate', 'superviseAnswered', 'superviseNotices', 'unit'];
const OPEN = ['submitted', 'transferred', 'accepted', 'in_progress', 'extended'];
const REPLIED = ['replied', 'review_requested', 'closed'];
const STATUSES = ['submitted', 'transferred', 'accepted', 'in_progress', 'extended', 'not_accepted', 'replied', 'review_requested', 'closed'];
const CATS = ['land', 'housing', 'labor', 'conduct', 'urban', 'other'];
const TOWNS = ['东湖镇', '西山乡', '城关镇', null];
const RATINGS = [null, 'satisfied', 'basically_satisfied', 'dissatisfied'];

interface Spec {
  at: number;
  category: string;
  township: string | null;
  unit: string;
  coUnit: string | null;
  respondentUnits: string[];
  status: string;
  flags: string[];
  acceptDueAt: number;
  acceptedAt: number | null;
  replyDueAt: number | null;
  extensionDays: number | null;
  repliedAt: number | null;
  reviewDueAt: number | null;
  reviewRequestedAt: number | null;
  /** The follow-up answer: false is "not resolved". */
  followUpResolved: boolean | null;
  ratingAcceptance: string | null;
  ratingHandling: string | null;
}

interface NoticeSpec {
  caseIndex: number;
  unit: string;
  issuedAt: number;
  answered: boolean;
}


function buildSpecs(county: TestApp['app']['core']['county']): Spec[] {
  const rnd = seededInt(11);
  const base = Date.parse('2025-02-25T00:00:00Z');
  const specs: Spec[] = [];
  for (let i = 0; i < 90; i++) {
    const at = base + rnd(75) * DAY + rnd(86_400) * 1000;
    const category = CATS[rnd(CATS.length)]!;
    const township = TOWNS[rnd(TOWNS.length)]!;
    const respondentUnits = category === 'conduct' && township && rnd(2) === 0 ? [`town:${township}`] : [];
    const { unit, coUnit } = routeCase(county, { category, township, respondentUnits });
    const status = STATUSES[rnd(STATUSES.length)]!;
    const futureDue = OPEN.includes(status) && rnd(3) === 0; // open but not yet due
    const acceptDueAt = futureDue && ['submitted', 'transferred'].includes(status) ? NOW + 5 * DAY : at + 15 * DAY;
    const accepted = !['submitted', 'transferred', 'not_accepted'].includes(status);
    const acceptedAt = accepted ? at + rnd(26) * DAY + 3600_000 : null;
    const extensionDays = accepted && (status === 'extended' || (REPLIED.includes(status) && rnd(4) === 0)) ? 30 : null;
    let replyDueAt = acceptedAt === null ? null : acceptedAt + (60 + (extensionDays ?? 0)) * DAY;
    if (futureDue && accepted) replyDueAt = NOW + 5 * DAY;
    const replied = REPLIED.includes(status);
    const repliedAt = replied ? acceptedAt! + (10 + rnd(100)) * DAY : null;
    const storedReviewDue = replied && rnd(3) > 0;
    specs.push({
      at,
      category,
      township,
      unit,
      coUnit,
      respondentUnits,
      status,
      flags: ['repeat', 'group', 'risk'].filter(() => rnd(5) === 0),
      acceptDueAt,
      acceptedAt,
      replyDueAt,
      extensionDays,
      repliedAt,
      reviewDueAt: storedReviewDue ? endOfDayAfter(repliedAt!, 30) : null,
      reviewRequestedAt: status === 'review_requested' || (status === 'closed' && rnd(3) === 0) ? repliedAt! + 5 * DAY : null,
      followUpResolved: replied ? [null, true, false][rnd(3)]! : null,
      ratingAcceptance: accepted ? RATINGS[rnd(4)]! : null,
      ratingHandling: replied ? RATINGS[rnd(4)]! : null,
    });
  }
  const edge = (over: Partial<Spec>): Spec => ({
    at: Date.parse('2025-03-10T02:00:00Z'), category: 'land', township: '东湖镇', unit: 'zrzy', coUnit: 'town:东湖镇', respondentUnits: [], status: 'replied', flags: [],
    acceptDueAt: Date.parse('2025-03-25T15:59:59.999Z'), acceptedAt: Date.parse('2025-03-12T02:00:00Z'), replyDueAt: Date.parse('2025-05-11T15:59:59.999Z'),
    extensionDays: null, repliedAt: Date.parse('2025-04-01T02:00:00Z'), reviewDueAt: null, reviewRequestedAt: null, followUpResolved: null, ratingAcceptance: null, ratingHandling: null, ...over,
  });
  // Accepted and replied exactly at their deadlines: on time.
  specs.push(edge({ acceptedAt: Date.parse('2025-03-25T15:59:59.999Z'), repliedAt: Date.parse('2025-05-11T15:59:59.999Z'), reviewDueAt: Date.parse('2025-06-10T15:59:59.999Z') }));
  // Replied two days ago: the review window is still open, not in the settlement rate.
  specs.push(edge({ repliedAt: NOW - 2 * DAY, reviewDueAt: endOfDayAfter(NOW - 2 * DAY, 30), ratingHandling: 'satisfied' }));
  // …unless the citizen already answered the follow-up "not resolved": then it counts, unsettled.
  specs.push(edge({ repliedAt: NOW - 2 * DAY, reviewDueAt: endOfDayAfter(NOW - 2 * DAY, 30), followUpResolved: false }));
  // Legacy data: a conduct case with the accused township as co-handler must not count for it.
  specs.push(edge({ category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇', respondentUnits: ['town:东湖镇'], status: 'submitted', acceptedAt: null, replyDueAt: null, repliedAt: null }));
  return specs;
}

function buildNotices(specs: Spec[]): NoticeSpec[] {
  const rnd = seededInt(5);
  const out: NoticeSpec[] = [];
  specs.forEach((s, i) => {
    if (rnd(4) !== 0) return;
    const toTown = s.coUnit !== null && rnd(3) === 0;
    out.push({ caseIndex: i, unit: toTown ? s.coUnit! : s.unit, issuedAt: s.at + (1 + rnd(20)) * DAY, answered: rnd(2) === 0 });
  });
  return out;
}

const r4 = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

function codesOf(s: Spec): string[] {
  const codes = [...new Set([s.unit, s.coUnit].filter((c): c is string => c !== null))];
  return s.category === 'conduct' ? codes.filter((c) => !s.respondentUnits.includes(c)) : codes;
}

function expectedItem(specs: Spec[], notices: NoticeSpec[], code: string, from: string, to: string) {
  const inP = specs.filter((s) => localDay(s.at) >= from && localDay(s.at) <= to && codesOf(s).includes(code));
  const count = (f: (s: Spec) => boolean) => inP.filter(f).length;
  const ratings = inP.flatMap((s) => [s.ratingAcceptance, s.ratingHandling]).filter((x) => x !== null);
  // Settlement as the dashboard defines it: decided once the review window passed or the follow-up said "no".
  const windowPassed = (s: Spec) => s.repliedAt !== null && (s.reviewDueAt ?? endOfDayAfter(s.repliedAt, 30)) < NOW;
  const decided = inP.filter((s) => s.repliedAt !== null && (windowPassed(s) || s.followUpResolved === false));
  const settled = decided.filter((s) => windowPassed(s) && s.reviewRequestedAt === null && s.followUpResolved !== false);
  const ns = notices.filter((n) => n.unit === code && localDay(n.issuedAt) >= from && localDay(n.issuedAt) <= to);
  return {
    unit: code,
    received: inP.length,
    acceptedOnTime: count((s) => s.acceptedAt !== null && s.acceptedAt <= s.acceptDueAt),
    repliedOnTime: count((s) => s.repliedAt !== null && s.replyDueAt !== null && s.repliedAt <= s.replyDueAt),
    overdue: count(
      (s) => (['submitted', 'transferred'].includes(s.status) && s.acceptDueAt < NOW) || (['accepted', 'in_progress', 'extended'].includes(s.status) && s.replyDueAt! < NOW),
    ),
    extensions: count((s) => (s.extensionDays ?? 0) > 0),
    satisfactionRate: r4(ratings.filter((r) => r === 'satisfied' || r === 'basically_satisfied').length, ratings.length),
    settlementRate: r4(settled.length, decided.length),
    repeat: count((s) => s.flags.includes('repeat')),
    superviseNotices: ns.length,
    superviseAnswered: ns.filter((n) => n.answered).length,
  };
}

let t: TestApp;
let specs: Spec[];
let notices: NoticeSpec[];
const tokens: Record<string, string> = {};
let allCodes: string[];

beforeAll(async () => {
  t = await startTestApp('pglite');
  const county = t.app.core.county;
  allCodes = [...county.units.map((u) => u.code), ...county.townships.map((x) => `town:${x.name}`)];
  specs = buildSpecs(county);
  notices = buildNotices(specs);
  const prisma = t.app.store.handle.prisma;
  const ids: string[] = [];
  for (const s of specs) {
    const d = (x: number | null) => (x === null ? null : new Date(x));
    const c = await t.app.store.cases.create(
      newCase({ category: s.category, township: s.township, unit: s.unit, coUnit: s.coUnit, respondentUnits: s.respondentUnits, flags: s.flags, receivedAt: new Date(s.at), localDate: localDay(s.at), queryCode: null }),
    );
    const row = await prisma.case.update({
      where: { caseNumber: c.caseNumber },
      data: {
        status: s.status, acceptDueAt: d(s.acceptDueAt), acceptedAt: d(s.acceptedAt), replyDueAt: d(s.replyDueAt), extensionDays: s.extensionDays, repliedAt: d(s.repliedAt),
        reviewDueAt: d(s.reviewDueAt), reviewRequestedAt: d(s.reviewRequestedAt), followUpResolved: s.followUpResolved, ratingAcceptance: s.ratingAcceptance, ratingHandling: s.ratingHandling,
      },
    });
    ids.push(row.id);
  }
  for (const n of notices) {
    await prisma.superviseNotice.create({
      data: { caseId: ids[n.caseIndex]!, unit: n.unit, issuedBy: 'leader01', issuedAt: new Date(n.issuedAt), dueAt: new Date(n.issuedAt + 7 * DAY), message: '请尽快办理', ...(n.answered ? { answer: '已办理', answeredAt: new Date(n.issuedAt + DAY), answeredBy: 'zrzy01' } : {}) },
    });
  }
  for (const u of ['admin', 'xfj01', 'leader01', 'zrzy01', 'town-donghu01']) tokens[u] = await loginAs(t, u);
}, 240_000);
afterAll(async () => {
  await t?.stop();
});

type Item = ReturnType<typeof expectedItem>;
const get = async (user: string, qs: string) => {
  const res = await fetch(`${t.url}/api/stats/units${qs}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: res.status, json: (await res.json()) as { items: Item[]; error?: { code: string } } };
};

describe('GET /api/stats/units', () => {
  it('covers every feature of the seed', () => {
    const all = allCodes.map((c) => expectedItem(specs, notices, c, '2025-01-01', '2025-12-31'));
    const sum = (k: keyof Item) => all.reduce((a, x) => a + (x[k] as number), 0);
    for (const k of ['received', 'acceptedOnTime', 'repliedOnTime', 'overdue', 'extensions', 'repeat', 'superviseNotices', 'superviseAnswered'] as const) expect(sum(k)).toBeGreaterThan(1);
    const some = (f: (s: Spec) => boolean) => expect(specs.some(f)).toBe(true);
    some((s) => s.acceptedAt !== null && s.acceptedAt > s.acceptDueAt); // accepted late
    some((s) => s.repliedAt !== null && s.replyDueAt !== null && s.repliedAt > s.replyDueAt); // replied late
    some((s) => OPEN.includes(s.status) && (s.acceptDueAt > NOW || (s.replyDueAt ?? 0) > NOW)); // open, not yet due
    some((s) => s.reviewRequestedAt !== null);
    some((s) => s.repliedAt !== null && s.reviewDueAt === null);
    some((s) => s.followUpResolved === false && s.reviewRequestedAt === null);
    expect(notices.some((n) => n.unit.startsWith('town:'))).toBe(true);
    expect(all.some((x) => x.settlementRate !== null && x.settlementRate > 0 && x.settlementRate < 1)).toBe(true);
  });

  it.each([
    ['2025-03-01', '2025-03-31'],
    ['2025-04-01', '2025-04-30'],
    ['2025-01-01', '2025-12-31'],
  ])('matches the seed for every unit and township, %s … %s', async (from, to) => {
    const { status, json } = await get('leader01', `?from=${from}&to=${to}`);
    expect(status).toBe(200);
    expect(json.items.map((i) => i.unit)).toEqual(allCodes);
    for (const item of json.items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(item).toEqual(expectedItem(specs, notices, item.unit, from, to));
    }
    expect((await get('admin', `?from=${from}&to=${to}`)).json).toEqual(json);
    expect((await get('xfj01', `?from=${from}&to=${to}`)).json).toEqual(json);
  });

  it('keeps a conduct case from the township it accuses', async () => {
    const { json } = await get('leader01', '?from=2025-03-10&to=2025-03-10');
    const jw = json.items.find((i) => i.unit === 'jw')!;
    expect(jw.received).toBe(expectedItem(specs, notices, 'jw', '2025-03-10', '2025-03-10').received);
    expect(jw.received).toBeGreaterThanOrEqual(1);
    const town = json.items.find((i) => i.unit === 'town:东湖镇')!;
    expect(town).toEqual(expectedItem(specs, notices, 'town:东湖镇', '2025-03-10', '2025-03-10'));
  });

  it("gives a handler their own unit's item only", async () => {
    const all = (await get('leader01', '?from=2025-01-01&to=2025-12-31')).json.items;
    for (const [user, code] of [['zrzy01', 'zrzy'], ['town-donghu01', 'town:东湖镇']] as const) {
      const { status, json } = await get(user, '?from=2025-01-01&to=2025-12-31');
      expect(status).toBe(200);
      expect(json.items).toEqual([all.find((i) => i.unit === code)]);
    }
  });

  it('refuses a grid worker (403) and a caller without a session (401)', async () => {
    const created = await fetch(`${t.url}/api/staff/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ username: 'grid-donghu01', password: 'grid-password-123', role: 'grid', township: '东湖镇' }),
    });
    expect(created.status).toBe(201);
    const login = await fetch(`${t.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'grid-donghu01', password: 'grid-password-123' }) });
    tokens.grid = ((await login.json()) as { token: string }).token;
    const { status, json } = await get('grid', '');
    expect(status).toBe(403);
    expect(json.error?.code).toBe('forbidden');
    expect((await fetch(`${t.url}/api/stats/units`)).status).toBe(401);
  });

  it.each(['?from=2025-02-30', '?from=abc', '?to=2025-3-1', '?from=2025-04-01&to=2025-03-01'])('refuses %s with a 400 JSON error', async (qs) => {
    const { status, json } = await get('admin', qs);
    expect(status).toBe(400);
    expect(json.error?.code).toBe('bad_request');
  });
});

describe('GET /staff/performance', () => {
  it('shows units and townships, sorted by overdue', async () => {
    const res = await fetch(`${t.url}/staff/performance?from=2025-01-01&to=2025-12-31&sort=overdue`, { headers: { cookie: `xf_session=${tokens.leader01}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('id="performance-units"');
    expect(body).toContain('id="performance-townships"');
    expect(body).not.toMatch(/<script(?![^>]*src=)/);
    const unitRows = [...body.slice(body.indexOf('id="performance-units"'), body.indexOf('id="performance-townships"')).matchAll(/<tr data-unit="([^"]+)">/g)].map((m) => m[1]!);
    const overdue = (code: string) => expectedItem(specs, notices, code, '2025-01-01', '2025-12-31').overdue;
    expect(unitRows.length).toBe(t.app.core.county.units.length);
    for (let i = 1; i < unitRows.length; i++) expect(overdue(unitRows[i - 1]!)).toBeGreaterThanOrEqual(overdue(unitRows[i]!));
  });
});
