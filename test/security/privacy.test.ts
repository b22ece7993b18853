/**
 * Personal data at rest and in logs: petitions with phone and ID numbers go through
 * the app (chat, staff reads and reveal), then every log line and every text column
 * of every table (information_schema) is scanned for the plaintext numbers, on the
 * embedded store and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../helpers/stores.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen } from '../helpers/chat.ts';

const PHONE = '13812345678';
const ID = '11010519491231002X';
const PHONE_2 = '13987654321';
const ID_2 = '44030119800101001X';
/** Every way the numbers may be written that a scan must not find. */
const NEEDLES = [PHONE, ID, ID.toLowerCase(), PHONE_2, ID_2, '138 1234 5678', '1381234', '110105194912'];
const NAME = '张桂兰';

async function filePetition(url: string, text: string): Promise<string> {
  const c = new Citizen(url);
  await c.say(text);
  for (let i = 0; i < 14 && c.last.expecting !== 'confirm'; i++) {
    if (c.last.expecting === 'consent') await c.press('consent:yes');
    else if (c.last.expecting === 'priorPetition') await c.press('prior:none');
    else if (c.last.expecting === 'peopleCount') await c.say('就我自己');
    else if (c.last.expecting === 'address') await c.say('跳过');
    else {
      const b = c.last.replies.flatMap((r) => r.buttons ?? [])[0];
      if (!b) throw new Error(`unexpected question ${c.last.expecting}: ${c.text}`);
      await c.press(b.payload);
    }
  }
  await c.press('confirm:yes');
  const caseNumber = c.last.caseNumber!;
  expect(caseNumber, c.text).toMatch(/^XF\d{12}$/);
  // After filing, the numbers once more in free talk.
  await c.say(`我的电话是${PHONE_2}，身份证${ID_2}`);
  return caseNumber;
}

async function textColumns(t: TestApp): Promise<{ table: string; column: string }[]> {
  const rows = await t.app.store.handle.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

describe.each(STORE_KINDS)('personal data on %s', (kind) => {
  let t: TestApp;
  let caseNumbers: string[];
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseNumbers = [
      await filePetition(t.url, `你好，我叫张桂兰，电话${PHONE}，身份证${ID}，东湖镇李家村的，村里征地补偿款一直没发下来，要求尽快发放补偿款`),
      await filePetition(t.url, `我叫刘德明，手机 ${PHONE_2}，身份证号${ID_2}，南河镇王庄村的养猪场天天往河里排污水，要求关停养猪场`),
    ];
    const token = await loginAs(t, 'admin');
    for (const n of caseNumbers) {
      await fetch(`${t.url}/api/cases/${n}`, { headers: { authorization: `Bearer ${token}` } });
      const reveal = await fetch(`${t.url}/api/cases/${n}/reveal`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '核实身份' }) });
      expect(reveal.status, await reveal.text()).toBe(200);
    }
    await fetch(`${t.url}/api/cases?q=${PHONE}`, { headers: { authorization: `Bearer ${token}` } });
    // What careless code might hand the app's logger: every shape must come out scrubbed.
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: PHONE } } } } } } } };
    t.app.log.info({ phone: PHONE, name: '张桂兰', text: `身份证${ID}`, deep, asNumber: Number(PHONE_2) }, `look-up for ${PHONE}`);
    t.app.log.child({ caller: PHONE_2, idNumber: ID_2 }).warn({ err: new Error(`bad id ${ID}`) }, 'child %s', ID_2);
    await fetch(`${t.url}/api/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `电话${PHONE}身份证${ID}` }) });
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('no log line holds a phone or ID number', () => {
    expect(t.logs.length).toBeGreaterThan(20);
    const leaks = t.logs.filter((line) => [...NEEDLES, NAME].some((n) => line.toLowerCase().includes(n.toLowerCase())));
    expect(leaks).toEqual([]);
    expect(t.logs.some((l) => l.includes('look-up for [phone]'))).toBe(true);
  });

  it('no text column of any table holds a plaintext phone or ID number', async () => {
    const columns = await textColumns(t);
    expect(columns.length).toBeGreaterThan(30);
    const prisma = t.app.store.handle.prisma;
    const leaks: string[] = [];
    for (const { table, column } of columns) {
      const hits = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table}" WHERE ${NEEDLES.map((_, i) => `lower("${column}"::text) LIKE $${i + 1}`).join(' OR ')}`,
        ...NEEDLES.map((n) => `%${n.toLowerCase()}%`),
      );
      if (Number(hits[0]!.n) > 0) leaks.push(`${table}.${column}`);
    }
    expect(leaks).toEqual([]);
    // The scan can find something: the case numbers are stored in clear.
    const probe = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM cases WHERE case_number = $1`, caseNumbers[0]);
    expect(Number(probe[0]!.n)).toBe(1);
  });
});
