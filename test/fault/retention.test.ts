/**
 * The retention and inbound-pruning jobs on the embedded store with a controlled
 * clock: a case closed longer ago than the retention period loses its personal data
 * (raw rows checked; its written notices keep their record, not their document), a newer or an open case is untouched, the dashboard's numbers
 * stay the same, and a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { pruneInbound, PRUNE_INBOUND_AFTER_DAYS } from '../../src/jobs/prune-inbound.ts';
import { retention } from '../../src/jobs/retention.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { initialState } from '../../src/dialog/types.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const log = createLogger('silent');
const DAY = 86_400_000;
const NOW = new Date('2032-06-01T00:00:00Z');
const PERIOD = 1825;
const NAME = '张桂兰';
const PHONE = '13812345678';
const ID = '11010519491231002X';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp('pglite');
  token = await loginAs(t, 'admin');
});
afterAll(async () => {
  await t?.stop();
});

const prisma = () => t.app.store.handle.prisma;
const deps = () => ({ county: t.app.core.county, store: t.app.store, retentionDays: PERIOD });

/** A filed case with a chat, a transcript, an attachment and representatives, then moved to `status`. */
async function aCase(status: string, closedAt: Date | null) {
  const store = t.app.store;
  const conv = await store.conversations.open('web', `retention-${Math.random()}`, initialState('zh'));
  const facts = `我叫${NAME}，电话${PHONE}，身份证${ID}，村里征地补偿款一直没有发放`;
  const { caseNumber, id } = await store.cases.create(
    newCase({ conversationId: conv.id, facts, representatives: [{ name: '王建国', phone: '13900001111' }], peopleCount: 30, flags: ['group'] }),
  );
  await prisma().message.create({ data: { conversationId: conv.id, at: new Date('2026-11-27T02:00:00Z'), direction: 'in', author: 'citizen', text: store.cipher.encrypt(facts) } });
  const file = await store.files.put(Buffer.from(`material of ${caseNumber}`));
  await prisma().attachment.create({ data: { caseId: id, conversationId: conv.id, fileName: 'a.jpg', mime: 'image/jpeg', size: 10, sha256: file.sha256, storagePath: file.relativePath } });
  await prisma().case.update({ where: { id }, data: { status, closedAt, ratingHandling: 'satisfied' } });
  await prisma().writtenNotice.create({
    data: { caseId: id, kind: 'reply', locale: 'zh', title: '信访事项处理意见书', htmlEnc: store.cipher.encrypt(`<p>${NAME}：答复如下</p>`), issuedAt: new Date('2026-12-01T02:00:00Z'), delivery: 'chat', channel: 'web' },
  });
  return { id, caseNumber, conversationId: conv.id, file: path.join(t.dataDir, 'attachments', file.relativePath) };
}

const rawRow = async (id: string) => JSON.stringify(await prisma().$queryRaw`SELECT * FROM cases WHERE id = ${id}::uuid`);
const stats = async () => (await fetch(`${t.url}/api/stats?from=2026-01-01&to=2026-12-31`, { headers: { authorization: `Bearer ${token}` } })).json();

describe('retention', () => {
  it('reads RETENTION_DAYS (default five years, at least 30 days)', () => {
    expect(loadConfig({}).retentionDays).toBe(1825);
    expect(loadConfig({ RETENTION_DAYS: '365' }).retentionDays).toBe(365);
    expect(() => loadConfig({ RETENTION_DAYS: '3' })).toThrow(ConfigError);
  });

  it('anonymises a case closed before the period, keeps the statistics, and is idempotent', async () => {
    const old = await aCase('closed', new Date(NOW.getTime() - PERIOD * DAY - 1));
    const recent = await aCase('closed', new Date(NOW.getTime() - PERIOD * DAY + 1));
    const open = await aCase('accepted', null);
    const petitionerOf = async (id: string) => (await prisma().case.findUniqueOrThrow({ where: { id } })).petitionerId!;
    const oldPetitioner = await petitionerOf(old.id);
    const before = await stats();
    const untouched = [await rawRow(recent.id), await rawRow(open.id)];

    const first = await runJob(deps(), retention, log, NOW);
    expect(first).toMatchObject({ ran: true, counts: { anonymized: 1, files: 1 } });

    const row = await prisma().case.findUniqueOrThrow({ where: { id: old.id } });
    expect(row).toMatchObject({ anonymizedAt: NOW, petitionerId: null, address: null, representatives: null, queryCodeHash: null, queryCodeSalt: null });
    expect(row).toMatchObject({ status: 'closed', category: 'land', township: '东湖镇', unit: 'zrzy', peopleCount: 30, flags: ['group'], ratingHandling: 'satisfied' });
    const raw = await rawRow(old.id);
    for (const personal of [NAME, PHONE, ID, '王建国']) expect(raw).not.toContain(personal);
    expect(row.facts).toContain('征地补偿款');
    expect(await prisma().petitioner.count({ where: { id: oldPetitioner } })).toBe(0);
    expect(await prisma().attachment.count({ where: { caseId: old.id } })).toBe(0);
    expect(fs.existsSync(old.file)).toBe(false);
    expect(await prisma().message.count({ where: { conversationId: old.conversationId } })).toBe(0);
    // The written notice's record stays; its document (which names the petitioner) is erased.
    const notices = await prisma().writtenNotice.findMany({ where: { caseId: old.id } });
    expect(notices.map((n) => n.kind)).toEqual(['reply']);
    expect(t.app.store.cipher.decrypt(notices[0]!.htmlEnc)).not.toContain(NAME);
    const kept = await prisma().writtenNotice.findFirstOrThrow({ where: { caseId: recent.id } });
    expect(t.app.store.cipher.decrypt(kept.htmlEnc)).toContain(NAME);
    const conv = await prisma().conversation.findUniqueOrThrow({ where: { id: old.conversationId } });
    expect(conv.version).toBe(1); // its dialogue state was reset (sealed like any state)
    expect(JSON.parse(t.app.store.cipher.decrypt((conv.state as { enc: string }).enc))).toEqual(initialState('zh'));
    const events = await prisma().caseEvent.findMany({ where: { caseId: old.id, kind: 'anonymized' } });
    expect(events.map((e) => [e.actorType, e.public])).toEqual([['system', false]]);
    expect(await prisma().auditLog.count({ where: { target: old.caseNumber, action: 'case.anonymize' } })).toBe(1);
    const api = await fetch(`${t.url}/api/cases/${old.caseNumber}`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ status: 'closed', category: 'land', petitioner: { name: null, phone: null, idNumber: null } });

    // The newer closed case and the open one are exactly as they were, files and chat included.
    expect([await rawRow(recent.id), await rawRow(open.id)]).toEqual(untouched);
    for (const c of [recent, open]) {
      expect(fs.existsSync(c.file)).toBe(true);
      expect(await prisma().message.count({ where: { conversationId: c.conversationId } })).toBe(1);
      expect(await prisma().petitioner.count({ where: { id: await petitionerOf(c.id) } })).toBe(1);
    }
    expect(await stats()).toEqual(before);

    const again = await runJob(deps(), retention, log, NOW);
    expect(again).toMatchObject({ ran: true, counts: { due: 0, anonymized: 0 } });
    expect(await rawRow(old.id)).toBe(raw);
    expect(await prisma().auditLog.count({ where: { target: old.caseNumber, action: 'case.anonymize' } })).toBe(1);
  });
});

describe('prune-inbound', () => {
  it(`forgets delivery keys older than ${PRUNE_INBOUND_AFTER_DAYS} days and keeps newer ones`, async () => {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    await prisma().processedInbound.createMany({
      data: [
        { key: 'test:old-1', at: at(30) },
        { key: 'test:old-2', at: at(PRUNE_INBOUND_AFTER_DAYS + 0.01) },
        { key: 'test:new', at: at(PRUNE_INBOUND_AFTER_DAYS - 0.01) },
      ],
    });
    const r = await runJob(deps(), pruneInbound, log, NOW);
    expect(r).toMatchObject({ ran: true, counts: { deleted: 2 } });
    const left = await prisma().processedInbound.findMany({ where: { key: { startsWith: 'test:' } } });
    expect(left.map((x) => x.key)).toEqual(['test:new']);
    expect(await runJob(deps(), pruneInbound, log, NOW)).toMatchObject({ counts: { deleted: 0 } });
  });
});
