/**
 * Issue 15, item 6 — a co-handler notes and sees; decisions (accept, not accept,
 * start, extend, reply) belong to the competent unit and the bureau. The 属地
 * township of a land case may read it and add notes, through the API and the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { newCase } from '../helpers/cases.ts';

const USERS = ['xfj01', 'zrzy01', 'town-donghu01'] as const;
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

const act = async (u: User, n: string, action: string, body: unknown = {}) => {
  const res = await fetch(`${t.url}/api/cases/${n}/actions/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token[u]}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { status?: string; error?: { code: string } } };
};
const landCase = async () => (await t.app.store.cases.create(newCase({ unit: 'zrzy', coUnit: 'town:东湖镇' }))).caseNumber;

describe('a township co-handler', () => {
  it('may not accept, refuse, start, extend or reply; it may add notes and read the case', async () => {
    const n = await landCase();
    expect((await act('town-donghu01', n, 'accept')).status).toBe(403);
    expect((await act('town-donghu01', n, 'not_accept', { reason: '不属于本镇', channel: '法院' })).status).toBe(403);
    expect((await act('zrzy01', n, 'accept')).status).toBe(200);
    expect((await act('town-donghu01', n, 'start_handling')).status).toBe(403);
    expect((await act('town-donghu01', n, 'extend', { days: 10, reason: '需要时间' })).status).toBe(403);
    expect((await act('town-donghu01', n, 'reply', { answer: '已处理' })).json.error?.code).toBe('forbidden');
    expect((await act('town-donghu01', n, 'note', { note: '镇里已去现场了解情况' })).status).toBe(200);
    const read = await fetch(`${t.url}/api/cases/${n}`, { headers: { authorization: `Bearer ${token['town-donghu01']}` } });
    expect(((await read.json()) as { status: string }).status).toBe('accepted');
    // The competent unit and the bureau still decide.
    expect((await act('zrzy01', n, 'extend', { days: 10, reason: '需要时间' })).status).toBe(200);
    expect((await act('xfj01', n, 'reply', { answer: '经核查已处理' })).status).toBe(200);
  });

  it('sees only the note form in the console', async () => {
    const n = await landCase();
    const html = async (u: User) => (await fetch(`${t.url}/staff/cases/${n}`, { headers: { cookie: `xf_session=${token[u]}` } })).text();
    const forms = (body: string) => [...body.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);
    expect(forms(await html('town-donghu01'))).toEqual(['note']);
    expect(forms(await html('zrzy01'))).toEqual(['accept', 'not_accept', 'note']);
    expect(await html('town-donghu01')).not.toContain('/reveal"');
  });
});
