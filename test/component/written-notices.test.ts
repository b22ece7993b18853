/**
 * Written notices (书面告知) through the staff API on both stores: each decision
 * (accept, not_accept, extend, reply, review_reply) issues its notice, shown in
 * Case.notices exactly per the contract; citizen text is escaped in the document; a
 * chat case's notice is delivered (送达) with the chat message that carries it, on its
 * channel, with a signed link the citizen opens it by; a desk case's notice is marked for printing and staff record its delivery;
 * a staff member who cannot see the case cannot fetch its notice (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';
import { Citizen } from '../helpers/chat.ts';
import { STORE_KINDS } from '../helpers/stores.ts';
import { noticeDocumentFor } from '../../src/app/cases/notice-document.ts';
import { createLogger } from '../../src/log.ts';
import { NOTICE_VIEWS } from '../../src/channels/http/notice-link-routes.ts';

const USERS = ['admin', 'xfj01', 'zrzy01', 'leader01', 'fcb01'] as const;
type User = (typeof USERS)[number];
type Json = Record<string, unknown> & { error?: { code: string; message: string } };
type Notice = { kind: string; issuedAt: string; deliveredAt: string | null; channel: string | null };
type Listed = Notice & { id: string; title: string; print: boolean };

describe.each(STORE_KINDS)('written notices on %s', (kind) => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const u of USERS) tokens[u] = await loginAs(t, u);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json; text: string; type: string }> {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, text, type, json: type.includes('json') ? (JSON.parse(text) as Json) : {} };
  }
  async function ok(user: User, n: string, action: string, body: unknown = {}): Promise<Json> {
    const r = await call(user, 'POST', `/api/cases/${n}/actions/${action}`, body);
    expect(r.status, `${action}: ${r.text}`).toBe(200);
    return r.json;
  }
  const notices = async (n: string) => ((await call('admin', 'GET', `/api/cases/${n}`)).json.notices as Notice[]);
  const listed = async (n: string, user: User = 'admin') => ((await call(user, 'GET', `/api/cases/${n}/notices`)).json.items as Listed[]);
  const create = async (over: Partial<NewCase> = {}) => (await t.app.store.cases.create(newCase(over))).caseNumber;

  it('each decision issues its notice, in Case.notices with exactly the contract fields', async () => {
    const n = await create();
    await ok('zrzy01', n, 'accept');
    await ok('zrzy01', n, 'start_handling');
    await ok('zrzy01', n, 'note', { note: '已联系村委会', public: true });
    await ok('zrzy01', n, 'extend', { days: 10, reason: '需要现场核查' });
    await ok('zrzy01', n, 'reply', { answer: '经核查，补偿款已发放。' });
    await ok('xfj01', n, 'request_review', { reason: '不服' });
    const after = await ok('fcb01', n, 'review_reply', { answer: '经复查，维持原处理意见。' });
    const list = after.notices as Notice[];
    expect(list.map((x) => x.kind)).toEqual(['accept', 'extend', 'reply', 'review']);
    for (const x of list) {
      expect(Object.keys(x).sort()).toEqual(['channel', 'deliveredAt', 'issuedAt', 'kind']);
      expect(Number.isNaN(Date.parse(x.issuedAt))).toBe(false);
    }
    const other = await create();
    await ok('xfj01', other, 'not_accept', { reason: '已进入诉讼程序', channel: '请向县人民法院咨询' });
    expect((await notices(other)).map((x) => x.kind)).toEqual(['not_accept']);
    const [doc] = await listed(other);
    const html = (await call('xfj01', 'GET', `/api/cases/${other}/notices/${doc!.id}`)).text;
    expect(html).toContain('信访事项不予受理告知书');
    expect(html).toContain('已进入诉讼程序');
    expect(html).toContain('请向县人民法院咨询');
    expect(html).toContain('张桂兰');
    const review = (await listed(n)).find((x) => x.kind === 'review')!;
    const reviewHtml = (await call('admin', 'GET', `/api/cases/${n}/notices/${review.id}`)).text;
    expect(reviewHtml).toContain('信访事项复查意见书');
    expect(reviewHtml).toContain('经复查，维持原处理意见。');
    expect(reviewHtml).toContain('县人民政府信访复查办公室');
  });

  it('escapes every citizen and staff text in the document', async () => {
    const n = await create({ petitioner: { name: '<b>王</b>', phone: '13812345678', idNumber: null } });
    await ok('zrzy01', n, 'accept');
    await ok('zrzy01', n, 'reply', { answer: '<script>alert(1)</script> & "答复"' });
    const reply = (await listed(n)).find((x) => x.kind === 'reply')!;
    const r = await call('zrzy01', 'GET', `/api/cases/${n}/notices/${reply.id}`);
    expect(r.type).toContain('text/html');
    expect(r.text).not.toContain('<script>alert');
    expect(r.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;答复&quot;');
    expect(r.text).toContain('&lt;b&gt;王&lt;/b&gt;');
    expect(r.text).not.toContain('<b>王');
  });

  it('a chat case: the notice goes with the chat message and is delivered on its channel; English when the citizen spoke English', async () => {
    const c = new Citizen(t.url, 'en');
    const first = await c.say('hello');
    const n = await create({ conversationId: first.conversationId, locale: 'en', channel: 'web', petitioner: { name: 'Li Ming', phone: '13812345678', idNumber: null } });
    await ok('zrzy01', n, 'accept');
    const before = await notices(n);
    expect(before).toEqual([expect.objectContaining({ kind: 'accept', deliveredAt: null, channel: 'web' })]);
    const told = await c.say('hello');
    expect(told.replies.map((r) => r.text).join('\n')).toContain('Notice of Acceptance of a Petition');
    const [after] = await notices(n);
    expect(after!.deliveredAt).not.toBeNull();
    expect(after!.channel).toBe('web');
    const [doc] = await listed(n);
    expect(doc!.print).toBe(false);
    const html = (await call('zrzy01', 'GET', `/api/cases/${n}/notices/${doc!.id}`)).text;
    expect(html).toContain('Notice of Acceptance of a Petition');
    expect(html.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/[\u4e00-\u9fff]/);
    // The citizen's signed link opens the same document; a wrong signature is a 404.
    const link = /\/notices\/([0-9a-f-]{36})\?s=([A-Za-z0-9_-]+)/.exec(told.replies.map((r) => r.text).join('\n'));
    expect(link, 'a signed link in the chat').not.toBeNull();
    expect(link![1]).toBe(doc!.id);
    const opened = await fetch(`${t.url}${link![0]}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toBe(html);
    expect((await fetch(`${t.url}/notices/${doc!.id}?s=${link![2]!.slice(0, -2)}xx`)).status).toBe(404);
    expect((await fetch(`${t.url}/notices/${doc!.id}`)).status).toBe(404);
    // Anonymous: past the per-network limit, 429 like every anonymous route.
    const ip = { 'x-forwarded-for': '198.51.100.77' };
    for (let i = 0; i < NOTICE_VIEWS.limit; i++) expect((await fetch(`${t.url}/notices/${doc!.id}?s=x`, { headers: ip })).status).toBe(404);
    expect((await fetch(`${t.url}${link![0]}`, { headers: ip })).status).toBe(429);
    // Telegram sends the notice of the message that carries it as a PDF document.
    const row = await t.app.store.handle.prisma.writtenNotice.findUniqueOrThrow({ where: { id: doc!.id } });
    const pdf = { render: async (h: string) => Buffer.from(`PDF of ${h.length}`) };
    const sent = await noticeDocumentFor({ writtenNotices: t.app.store.writtenNotices, pdf, log: createLogger('silent') }, row.messageId!);
    expect(sent).toEqual({ fileName: 'Notice of Acceptance of a Petition.pdf', bytes: Buffer.from(`PDF of ${html.length}`) });
    expect(await noticeDocumentFor({ writtenNotices: t.app.store.writtenNotices, pdf, log: createLogger('silent') }, doc!.id)).toBeNull();
  });

  it('a desk case: the notice is marked for printing and staff record its delivery by hand, once', async () => {
    const reg = await call('xfj01', 'POST', '/api/cases', {
      origin: 'letter',
      petitioner: { name: '王秀英', phone: '13912345678' },
      township: '东湖镇',
      category: 'land',
      facts: '王家村修路占了我家两亩承包地，至今没有给补偿',
      demands: '按标准补偿占地款',
      peopleCount: 1,
    });
    expect(reg.status, reg.text).toBe(201);
    const n = reg.json.caseNumber as string;
    await ok('zrzy01', n, 'accept');
    expect(await notices(n)).toEqual([expect.objectContaining({ kind: 'accept', deliveredAt: null, channel: 'print' })]);
    const [doc] = await listed(n);
    expect(doc!.print).toBe(true);
    const page = (await call('zrzy01', 'GET', `/staff/cases/${n}`)).text;
    expect(page).toContain('待打印送达');
    expect(page).toContain(`/staff/cases/${n}/notices/${doc!.id}/delivery`);
    const path = `/api/cases/${n}/notices/${doc!.id}/delivery`;
    expect((await call('leader01', 'POST', path, { channel: 'in_person' })).status).toBe(403);
    expect((await call('fcb01', 'POST', path, { channel: 'in_person' })).status).toBe(404);
    expect((await call('zrzy01', 'POST', path, { channel: 'pigeon' })).status).toBe(400);
    const done = await call('zrzy01', 'POST', path, { channel: 'in_person', note: '本人签收' });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ kind: 'accept', channel: 'in_person' });
    const [delivered] = await notices(n);
    expect(delivered!.channel).toBe('in_person');
    expect(delivered!.deliveredAt).not.toBeNull();
    expect((await call('xfj01', 'POST', path, { channel: 'post' })).status).toBe(409);
    const audit = await t.app.store.handle.prisma.auditLog.findMany({ where: { target: n, action: 'case.notice_delivered' } });
    expect(audit).toHaveLength(1);
    expect((await call('zrzy01', 'GET', `/staff/cases/${n}`)).text).toContain('已送达');
  });

  it('a staff member who cannot see the case cannot fetch its notice (404), nor one of another case', async () => {
    const n = await create();
    await ok('zrzy01', n, 'accept');
    const [doc] = await listed(n);
    expect((await call('fcb01', 'GET', `/api/cases/${n}`)).status).toBe(404);
    expect((await call('fcb01', 'GET', `/api/cases/${n}/notices/${doc!.id}`)).status).toBe(404);
    expect((await call('fcb01', 'GET', `/api/cases/${n}/notices`)).status).toBe(404);
    expect((await call('fcb01', 'GET', `/staff/cases/${n}/notices/${doc!.id}`)).status).toBe(404);
    const other = await create();
    expect((await call('admin', 'GET', `/api/cases/${other}/notices/${doc!.id}`)).status).toBe(404);
    expect((await call('admin', 'GET', `/api/cases/${n}/notices/not-a-uuid`)).status).toBe(404);
  });
});
