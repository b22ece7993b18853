/**
 * Scripted citizens through POST /api/chat on a real store with the trained NLU:
 * the contract's shape, petitions in zh and en, status with right and wrong codes,
 * double confirms, and a conversation that survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen } from '../helpers/chat.ts';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp('pglite');
  adminToken = await loginAs(t, 'admin');
});
afterAll(async () => {
  await t?.stop();
});

async function caseOf(caseNumber: string) {
  const res = await fetch(`${t.url}/api/cases/${caseNumber}`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { petitioner: Record<string, string>; flags: string[] };
}

/** Answers whatever is asked until the summary, from a table of answers per slot. */
async function answerUntilConfirm(c: Citizen, answers: Record<string, string>, maxTurns = 14, until = 'confirm') {
  const asked: string[] = [];
  for (let i = 0; i < maxTurns && c.last.expecting !== until; i++) {
    const exp = c.last.expecting!;
    expect(asked, `asked ${exp} twice; last: ${c.text}`).not.toContain(exp);
    asked.push(exp);
    const a = answers[exp];
    expect(a, `unexpected question ${exp}: ${c.text}`).toBeDefined();
    if (a!.startsWith('payload:')) await c.press(a!.slice(8));
    else await c.say(a!);
  }
  expect(c.last.expecting).toBe(until);
  return asked;
}

describe('POST /api/chat contract', () => {
  it.each([
    [{ userId: 'short', text: 'hi' }],
    [{ userId: 'x'.repeat(20) }],
    [{ userId: 'x'.repeat(20), text: '   ' }],
    [{ userId: 'x'.repeat(20), text: 5 }],
    [{ userId: 'x'.repeat(20), text: 'hi', locale: 'fr' }],
    [{ userId: 'x'.repeat(20), text: 'a'.repeat(4001) }],
  ])('refuses %j with a JSON 400', async (body) => {
    const res = await fetch(`${t.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('answers a greeting with the contract shape', async () => {
    const c = new Citizen(t.url);
    const r = await c.say('你好');
    expect(Object.keys(r).sort()).toEqual(['caseNumber', 'conversationId', 'expecting', 'replies']);
    expect(r.caseNumber).toBeNull();
    expect(r.replies.length).toBeGreaterThan(0);
    expect(r.replies[0]!.buttons!.length).toBeGreaterThan(0);
  });
});

describe('petitions through the chat API', () => {
  it('a rich first message in Chinese: few turns, committed case with every field', async () => {
    const c = new Citizen(t.url);
    await c.say('你好，我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，村里征地补偿款一直没发下来，我们三十多户都没拿到，要求尽快发放补偿款');
    const before = c.turns;
    await answerUntilConfirm(c, { representatives: '王建国 13900001111，李大山 13700002222', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none' });
    expect(c.last.caseNumber).toBeNull();
    await c.press('confirm:yes');
    expect(c.turns - before).toBeLessThanOrEqual(4);
    const caseNumber = c.last.caseNumber!;
    expect(caseNumber).toMatch(/^XF\d{12}$/);
    expect(c.text).toContain(caseNumber);
    expect(c.text).toMatch(/\d{8}/);
    const kase = await caseOf(caseNumber);
    expect(kase).toMatchObject({ status: 'submitted', category: 'land', township: '东湖镇', unit: 'zrzy', peopleCount: 30, channel: 'web', origin: 'petition' });
    expect(kase.flags).toContain('group');
    expect(kase.petitioner).toEqual({ name: '张**', phone: '138****5678', idNumber: '1101**********002X' });
    expect(kase.coUnit).toBe('town:东湖镇');
  });

  it('a slow citizen in English, slot by slot, with a declined ID number', async () => {
    const c = new Citizen(t.url);
    await c.say('hello, I want to make a complaint');
    expect(c.last.expecting).toBe('facts');
    const asked = await answerUntilConfirm(c, {
      facts: 'My boss at the construction site has not paid my wages for three months',
      township: 'Chengguan',
      address: 'skip',
      demands: 'I want the company to pay all my wages',
      peopleCount: 'just me',
      respondent: "don't know",
      priorPetition: 'no',
      name: 'Li Wei',
      phone: '139 1234 5678',
      idNumber: 'no thanks',
    });
    expect(asked).not.toContain('category');
    expect(c.text).toMatch(/labour|wages/i);
    await c.say('yes');
    const kase = await caseOf(c.last.caseNumber!);
    expect(kase).toMatchObject({ category: 'labor', unit: 'rsj', township: '城关镇' });
    expect(kase.petitioner.idNumber).toBeNull();
    expect(c.text).toMatch(/Case number/);
  });

  it('a double confirm, also concurrent, files one case', async () => {
    const c = new Citizen(t.url);
    await c.say('我叫刘德明，电话13912345678，南河镇王庄村的养猪场天天往河里排污水，河里的鱼都死了，要求关停养猪场');
    await answerUntilConfirm(c, { peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', idNumber: 'payload:skip:idNumber' });
    const [a, b] = await Promise.all([c.send({ payload: 'confirm:yes' }), c.send({ payload: 'confirm:yes' })]);
    const numbers = [a.caseNumber, b.caseNumber].filter(Boolean);
    expect(numbers).toHaveLength(1);
    const again = await c.say('确认');
    expect(again.caseNumber).toBeNull();
    expect(c.text).toContain(numbers[0]!);
    const list = await fetch(`${t.url}/api/cases?q=${encodeURIComponent('养猪场')}`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(((await list.json()) as { total: number }).total).toBe(1);
  });
});

describe('status through the chat API', () => {
  it('checks a case by number and code; a wrong code answers like an unknown number', async () => {
    const filer = new Citizen(t.url);
    await filer.say('我叫陈静，电话13600001234，桃源乡的学校乱收补课费，要求退还费用');
    await answerUntilConfirm(filer, { peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', idNumber: 'payload:skip:idNumber', address: '跳过' });
    await filer.press('confirm:yes');
    const caseNumber = filer.last.caseNumber!;
    const code = /\b(\d{8})\b/.exec(filer.text.replace(caseNumber, ''))![1]!;

    const other = new Citizen(t.url);
    await other.say(`查一下 ${caseNumber.toLowerCase()} 的进度`);
    expect(other.last.expecting).toBe('queryCode');
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await other.say(wrong);
    const wrongText = other.text;

    const stranger = new Citizen(t.url);
    await stranger.say('查一下 XF209901019999 的进度');
    await stranger.say('12345678');
    expect(stranger.text).toBe(wrongText);

    await other.say(`查询 ${caseNumber}`);
    if (other.last.expecting === 'queryCode') await other.say(code);
    expect(other.text).toMatch(/已登记|submitted|registered/);
    expect(other.text).toContain(caseNumber);
  });
});

describe('a conversation survives a restart', () => {
  it('continues from the last committed turn on a new server on the same store', async () => {
    const app = await startTestApp('pglite');
    const c = new Citizen(app.url);
    await c.say('我要反映问题');
    await c.say('小区旁边的工地每天晚上施工到凌晨两点，噪音吵得睡不着');
    const expecting = c.last.expecting;
    expect(expecting).toBe('township');
    // A new server on the same DATA_DIR: nothing of the first one's memory survives.
    await app.app.close();
    const again = await startTestApp('pglite', { DATA_DIR: app.dataDir });
    try {
      const c2 = new Citizen(again.url, undefined, c.userId);
      const r = await c2.say('城关镇');
      expect(r.expecting).not.toBe('township');
      expect(r.expecting).not.toBe('facts');
    } finally {
      await again.stop();
      await app.stop().catch(() => undefined);
    }
  });
});

describe('a slow citizen in Chinese who corrects, digresses and makes mistakes', () => {
  it('recovers from each and files with the corrected values', async () => {
    const c = new Citizen(t.url);
    await c.say('我想反映个事情');
    expect(c.last.expecting).toBe('facts');
    await c.say('信访一般多久能给答复？');
    expect(c.text).toMatch(/60/);
    expect(c.last.expecting).toBe('facts');
    await c.say('俺家的承包地被村里收回去给别人种了，也不给个说法，种粮补贴也没发');
    expect(c.last.expecting).toBe('township');
    // One character off one township is that township (a typed button label, nearly).
    await c.say('东胡镇');
    expect(c.last.expecting).not.toBe('township');
    await answerUntilConfirm(c, {
      address: '东湖镇张庄村',
      demands: '要求把地还给俺，把补贴补发了',
      peopleCount: '就我自己',
      respondent: '不知道',
      priorPetition: '没有',
      name: '王秀芝，13812345678，身份证110105194912310021',
    }, 9, 'idNumber');
    // A wrong checksum is refused with the reason; the right number is taken.
    await c.say('110105194912310021');
    expect(c.last.expecting).toBe('idNumber');
    expect(c.text).toContain('校验位');
    await c.say('11010519491231002X');
    expect(c.last.expecting).toBe('confirm');
    await c.say('电话说错了，应该是13987654321');
    expect(c.text).toContain('13987654321');
    expect(c.last.expecting).toBe('confirm');
    await c.press('confirm:yes');
    const kase = await caseOf(c.last.caseNumber!);
    expect(kase).toMatchObject({ category: 'rural', unit: 'nync', township: '东湖镇' });
    expect(kase.petitioner.phone).toBe('139****4321');
  });

  it('cancels in the middle and nothing is filed', async () => {
    const c = new Citizen(t.url);
    await c.say('我叫李大山，电话13700002222，城关镇幸福小区楼下烧烤摊天天营业到半夜，油烟噪音太大');
    await c.say('算了，不反映了');
    // A typed cancel is confirmed first; the draft ends on the citizen's yes.
    expect(c.last.expecting).toBe('confirm');
    expect(c.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload)).toContain('cancel:yes');
    await c.say('对，不反映了');
    expect(c.last.expecting).toBeNull();
    expect(c.text).toContain('已停止本次登记');
    const list = await fetch(`${t.url}/api/cases?q=${encodeURIComponent('烧烤摊')}`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });
});

describe('round Z9: a party struck out of a list on the summary', () => {
  it('"被反映对象里头那个县医院删了 只留交通局和公交公司" answers 200 and keeps the other two (was a 500)', async () => {
    const c = new Citizen(t.url);
    for (const m of ['西山乡石磨村 8路公交车停了 告县交通局、公交公司、县医院', '恢复8路车 就我自己', '被反映对象改成县交通局、公交公司、县医院', '没有，第一次', '张三 13800001111']) await c.say(m);
    expect(c.last.expecting).toBe('confirm');
    await c.say('被反映对象里头那个县医院删了 只留交通局和公交公司');
    expect(c.text).toMatch(/被反映对象：县交通局、公交公司\n/);
    expect(c.last.expecting).toBe('confirm');
  });
});

describe('messages written later reach the citizen', () => {
  it('come first in the next POST /api/chat response, once', async () => {
    const c = new Citizen(t.url);
    await c.say('你好');
    await t.app.store.outbox.enqueue(c.last.conversationId, [{ author: 'staff', text: '您好，我是信访局工作人员，已看到您的留言。' }], new Date());
    await c.say('有人吗');
    expect(c.last.replies[0]!.text).toBe('您好，我是信访局工作人员，已看到您的留言。');
    await c.say('谢谢');
    expect(c.text).not.toContain('信访局工作人员，已看到');
  });
});
