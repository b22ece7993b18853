/**
 * Issue 15, items 12 and 13.
 * - Item 12: an acknowledgement hides an alert for everyone only when someone
 *   responsible for it gives it (the competent unit, the bureau, the holder); a
 *   co-handler or a supervisor hides it for themself only.
 * - Item 13: the Telegram staff relay sends hand-overs and new material only, and
 *   nothing about a report against officials (the staff chat is one unscoped group).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAlertRelay } from '../../src/channels/telegram/staff-alerts.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

describe('acknowledging an alert (item 12)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp('pglite');
    for (const u of ['xfj01', 'zrzy01', 'town-donghu01', 'leader01']) token[u] = (await signIn(t, u)).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const alertIds = async (u: string) => {
    const res = await fetch(`${t.url}/api/staff/alerts`, { headers: { authorization: `Bearer ${token[u]}` } });
    return ((await res.json()) as { items: { id: string }[] }).items.map((a) => a.id);
  };
  const ack = async (u: string, id: string) => (await fetch(`${t.url}/api/staff/alerts/${id}/ack`, { method: 'POST', headers: { authorization: `Bearer ${token[u]}` } })).status;

  async function alertOnLandCase(kind: string): Promise<string> {
    const kase = await t.app.store.cases.create(newCase({ unit: 'zrzy', coUnit: 'town:东湖镇', receivedAt: new Date() }));
    const a = await t.app.store.handle.prisma.alert.create({
      data: { kind, dedupeKey: `${kind}:ack:${kase.caseNumber}`, caseId: kase.id, unit: 'zrzy', message: `${kind} ${kase.caseNumber}` },
    });
    return a.id;
  }

  it.each(['deadline_overdue', 'material'])('a %s alert: the co-handler and the supervisor hide it for themselves, the competent unit for everyone', async (kind) => {
    const id = await alertOnLandCase(kind);
    for (const u of ['xfj01', 'zrzy01', 'town-donghu01', 'leader01']) expect(await alertIds(u), u).toContain(id);
    expect(await ack('town-donghu01', id)).toBe(200);
    expect(await alertIds('town-donghu01')).not.toContain(id);
    for (const u of ['xfj01', 'zrzy01', 'leader01']) expect(await alertIds(u), u).toContain(id);
    expect(await ack('leader01', id)).toBe(200);
    expect(await alertIds('leader01')).not.toContain(id);
    expect(await alertIds('zrzy01')).toContain(id);
    expect(await ack('zrzy01', id)).toBe(200);
    for (const u of ['xfj01', 'zrzy01']) expect(await alertIds(u), u).not.toContain(id);
    const row = await t.app.store.handle.prisma.alert.findUniqueOrThrow({ where: { id } });
    expect(row.acknowledgedBy).toBe('zrzy01');
  });
});

describe('the Telegram staff relay (item 13)', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await openTestStore('pglite');
  });
  afterAll(async () => {
    await s?.cleanup();
  });

  it('sends hand-overs and material only, never about a conduct case', async () => {
    const prisma = s.store.handle.prisma;
    const land = await s.store.cases.create(newCase({ receivedAt: new Date() }));
    const conduct = await s.store.cases.create(newCase({ category: 'conduct', unit: 'jw', coUnit: null, respondentUnits: ['town:东湖镇'], receivedAt: new Date() }));
    const alert = (kind: string, caseId: string | null, message: string) =>
      prisma.alert.create({ data: { kind, dedupeKey: `${kind}:relay:${message}`, caseId, unit: 'zrzy', message } });
    await alert('handoff', null, 'handoff-waiting');
    await alert('material', land.id, `material ${land.caseNumber}`);
    await alert('material', conduct.id, `material ${conduct.caseNumber}`);
    for (const kind of ['risk', 'deadline_overdue', 'deadline_due_soon', 'plan_opened', 'plan_step_late', 'supervise_notice']) await alert(kind, land.id, `${kind} ${land.caseNumber}`);
    const sent: string[] = [];
    const relay = new StaffAlertRelay({
      chatId: '-100123',
      alerts: s.store.alerts,
      send: async (_chat, text) => {
        sent.push(text);
        return true;
      },
      now: () => new Date(),
      utcOffsetMinutes: 480,
      log: { warn: () => undefined, info: () => undefined },
    });
    await relay.round();
    await relay.round();
    expect(sent.map((x) => x.split('\n')[0])).toEqual(['handoff-waiting', `material ${land.caseNumber}`]);
    expect(sent.join('\n')).not.toContain(conduct.caseNumber);
    expect(sent.join('\n')).toContain(land.caseNumber);
  });
});
