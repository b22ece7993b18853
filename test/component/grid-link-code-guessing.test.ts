/**
 * Issue 15, item 4 — guessing a grid worker's link code with made-up web identities.
 * A web identity costs nothing, so failures are also limited per client network, and
 * every failure counts against each code still valid: after LINK_CODE_MAX_FAILURES
 * failed binds a code is dead, even for the right worker typing it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_CODE_MAX_FAILURES } from '../../src/app/grid/bind-chat-account.ts';
import { t as catalog } from '../../src/dialog/catalog/catalog.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp('pglite');
  admin = await loginAs(t, 'admin');
});
afterAll(async () => {
  await t?.stop();
});

const api = async (path: string, body: unknown) => {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

async function workerWithCode(username: string): Promise<string> {
  expect((await api('/api/staff/users', { username, password: `${username}-password-1`, role: 'grid', township: '东湖镇' })).status).toBe(201);
  const issued = await api('/api/staff/grid/link-codes', { username });
  expect(issued.status).toBe(201);
  return issued.json.code as string;
}

/** A new made-up web identity sends /bind from a network (behind the local proxy). */
async function bind(code: string, network: string): Promise<string> {
  const res = await fetch(`${t.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': network },
    body: JSON.stringify({ userId: randomBytes(16).toString('hex'), text: `/bind ${code}` }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const wrong = (code: string, i: number) => String((Number(code) + 1 + i) % 100_000_000).padStart(8, '0');
const LOCKED = catalog('zh', 'scrBindLocked');
const INVALID = catalog('zh', 'scrBindInvalid');

describe('link codes against rotating web identities', () => {
  it('locks binding for a network after five failures, whatever identity it uses', async () => {
    const code = await workerWithCode('grid-guess-1');
    for (let i = 0; i < 4; i++) expect(await bind(wrong(code, i), '203.0.113.61')).toBe(INVALID);
    expect(await bind(wrong(code, 4), '203.0.113.61')).toBe(LOCKED);
    // Even the right code, from a fresh identity of that network.
    expect(await bind(code, '203.0.113.61')).toBe(LOCKED);
    // The code itself is still good for the worker elsewhere.
    expect(await bind(code, '198.51.100.61')).toContain('grid-guess-1');
  });

  it(`kills a code after ${LINK_CODE_MAX_FAILURES} failures from anywhere, audited`, async () => {
    const code = await workerWithCode('grid-guess-2');
    for (let i = 0; i < LINK_CODE_MAX_FAILURES; i++) expect(await bind(wrong(code, i), `198.51.100.${100 + i}`)).toBe(INVALID);
    expect(await bind(code, '198.51.100.200')).toBe(INVALID);
    const row = await t.app.store.handle.prisma.staffLinkCode.findFirstOrThrow({ where: { createdBy: 'admin', usedAt: null }, orderBy: { createdAt: 'desc' } });
    expect(row.failures).toBe(LINK_CODE_MAX_FAILURES);
    expect(await t.app.store.handle.prisma.auditLog.count({ where: { action: 'grid.link_code_locked' } })).toBe(1);
    // A new code works.
    const fresh = await api('/api/staff/grid/link-codes', { username: 'grid-guess-2' });
    expect(await bind(fresh.json.code as string, '198.51.100.201')).toContain('grid-guess-2');
  });
});
