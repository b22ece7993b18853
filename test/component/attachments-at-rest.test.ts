/**
 * Issue 15, item 8 — attachments (ID card photos among them): sealed on disk with the
 * personal-data key and still served as sent; files stored in the clear before are
 * served and then sealed by the retention run; uploads no case takes within 24 hours
 * expire (a filing no longer takes them, the prune job deletes them); a conversation
 * may send at most ATTACHMENT_QUOTA files a day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_QUOTA } from '../../src/app/chat-turn/add-attachment.ts';
import { initialState } from '../../src/dialog/types.ts';
import { pruneInbound } from '../../src/jobs/prune-inbound.ts';
import { retention } from '../../src/jobs/retention.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const HOUR = 3_600_000;
const log = createLogger('silent');

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
const onDisk = (relativePath: string) => path.join(t.dataDir, 'attachments', relativePath);
const download = async (caseNumber: string, id: string) =>
  Buffer.from(await (await fetch(`${t.url}/staff/cases/${caseNumber}/attachments/${id}`, { headers: { cookie: `xf_session=${token}` } })).arrayBuffer());

async function caseWithFile(bytes: Buffer, storagePath?: string) {
  const kase = await t.app.store.cases.create(newCase({}));
  const stored = storagePath ? { sha256: 'legacy', relativePath: storagePath } : await t.app.store.files.put(bytes);
  const a = await t.app.store.attachments.add({
    conversationId: randomUUID(), caseNumber: kase.caseNumber, fileName: 'id-card.png', mime: 'image/png', size: bytes.length, sha256: stored.sha256, storagePath: stored.relativePath, at: new Date(),
  });
  return { caseNumber: kase.caseNumber, id: a.id, relativePath: stored.relativePath };
}

describe('files at rest', () => {
  it('are sealed on disk (no plain bytes, a name that says nothing) and served as sent', async () => {
    const f = await caseWithFile(PNG);
    const disk = fs.readFileSync(onDisk(f.relativePath));
    expect(disk.includes(PNG)).toBe(false);
    expect(disk.subarray(0, 4).toString()).toBe('XFA1');
    expect(f.relativePath).not.toContain((await prisma().attachment.findUniqueOrThrow({ where: { id: f.id } })).sha256);
    expect((await download(f.caseNumber, f.id)).equals(PNG)).toBe(true);
  });

  it('a file stored in the clear before is still served, and the retention run seals it', async () => {
    const plain = path.join('aa', 'a'.repeat(64));
    fs.mkdirSync(path.dirname(onDisk(plain)), { recursive: true });
    fs.writeFileSync(onDisk(plain), PNG);
    const f = await caseWithFile(PNG, plain);
    expect((await download(f.caseNumber, f.id)).equals(PNG)).toBe(true);
    const r = await runJob({ county: t.app.core.county, store: t.app.store }, retention, log, new Date());
    expect(r).toMatchObject({ ran: true, counts: { sealed: 1 } });
    const moved = await prisma().attachment.findUniqueOrThrow({ where: { id: f.id } });
    expect(moved.storagePath).not.toBe(plain);
    expect(fs.existsSync(onDisk(plain))).toBe(false);
    expect(fs.readFileSync(onDisk(moved.storagePath)).includes(PNG)).toBe(false);
    expect((await download(f.caseNumber, f.id)).equals(PNG)).toBe(true);
  });
});

describe('uploads no case takes', () => {
  it('expire after 24 hours: a filing no longer takes them and the prune job deletes row and file', async () => {
    const conv = await t.app.store.conversations.open('web', `uploads-${randomUUID()}`, initialState('zh'));
    const now = Date.now();
    const upload = async (hoursAgo: number) => {
      const bytes = randomBytes(64);
      const stored = await t.app.store.files.put(bytes);
      const a = await t.app.store.attachments.add({
        conversationId: conv.id, caseNumber: null, fileName: 'x.png', mime: 'image/png', size: 64, sha256: stored.sha256, storagePath: stored.relativePath, at: new Date(now - hoursAgo * HOUR),
      });
      return { id: a.id, file: onDisk(stored.relativePath) };
    };
    const stale = await upload(25);
    const fresh = await upload(1);
    const { id: caseId } = await prisma().$transaction((tx) => t.app.store.cases.createIn(tx, newCase({ conversationId: conv.id, receivedAt: new Date(now) }), { attachmentsFrom: conv.id }));
    expect((await prisma().attachment.findMany({ where: { caseId } })).map((a) => a.id)).toEqual([fresh.id]);

    const loose = await upload(30);
    const r = await runJob({ county: t.app.core.county, store: t.app.store }, pruneInbound, log, new Date(now));
    expect(r).toMatchObject({ ran: true, counts: { uploadsExpired: 2 } });
    for (const gone of [stale, loose]) {
      expect(await prisma().attachment.count({ where: { id: gone.id } })).toBe(0);
      expect(fs.existsSync(gone.file)).toBe(false);
    }
    expect(fs.existsSync(fresh.file)).toBe(true);
  });

  it(`are limited to ${ATTACHMENT_QUOTA.files} a day per conversation`, async () => {
    const userId = randomBytes(16).toString('hex');
    const send = () =>
      fetch(`${t.url}/api/chat/attachments`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-chat-user-id': userId, 'x-file-name': 'p.png' }, body: PNG }).then(
        (r) => r.json() as Promise<{ accepted: boolean; reply: { text: string } }>,
      );
    for (let i = 0; i < ATTACHMENT_QUOTA.files; i++) expect((await send()).accepted).toBe(true);
    const refused = await send();
    expect(refused.accepted).toBe(false);
    expect(refused.reply.text).toContain(String(ATTACHMENT_QUOTA.files));
  });
});
