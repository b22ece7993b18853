/**
 * Leaders' reception days in the conversation, through the real engine and the NLU
 * trained on intents/: typed questions get the days to come (zh and en), a typed
 * booking picks its day, name, phone and description from free words, is confirmed
 * before anything is booked, and the booking's event closes the form. The demo county
 * receives on the 1st Wednesday (bureau director), 2nd Tuesday (county head) and the
 * last Thursday (deputy head) of every month; NOW is Friday 2026-11-27.
 */
import { describe, expect, it } from 'vitest';
import { Script } from '../../helpers/dialog.ts';

describe('asking about reception days', () => {
  it.each(['领导哪天接访？', '我想见县长', '县长什么时候接待群众', '怎么才能见到书记'])('"%s" gets the days to come, soonest first', (text) => {
    const s = new Script();
    s.say(text);
    expect(s.text).toContain('12月2日（周三）09:00—11:30，县信访局局长 王德明。主要接待：');
    expect(s.text).toContain('12月8日（周二）09:00—11:30，县长 周建国。主要接待：征地拆迁');
    expect(s.text.indexOf('12月2日')).toBeLessThan(s.text.indexOf('12月8日'));
    expect(s.text).toContain('地点都在：县信访局领导接访室');
    expect(s.payloads).toContain('reception:book');
    expect(s.state.forms).toHaveLength(0);
  });

  it('in English, with English names only', () => {
    const s = new Script('en');
    s.say('when can I meet the county leader?');
    expect(s.text).toContain('8 December (Tuesday) 09:00–11:30: County Head Zhou Jianguo');
    expect(s.text).not.toMatch(/\p{Script=Han}/u);
  });

  it('a person asked for now is still a hand-over, not a reception day', () => {
    const s = new Script();
    s.say('叫你们领导来');
    expect(s.text).not.toContain('接访');
  });

  it('asked in the middle of a petition, answered, and the petition asks again', () => {
    const s = new Script();
    s.say('我要反映问题');
    const asking = s.state.forms.at(-1)!.asking;
    s.say('对了 领导哪天接访？');
    expect(s.text).toContain('县长 周建国');
    expect(s.state.forms.at(-1)!.form).toBe('intake');
    expect(s.state.forms.at(-1)!.asking).toBe(asking);
  });
});

describe('booking a slot by typing', () => {
  it('the leader named picks the day; name, phone and the matter are read from free words; confirmed before booking', () => {
    const s = new Script();
    s.say('我想预约见县长');
    expect(s.state.forms.at(-1)!.form).toBe('reception');
    expect(s.slots['session']).toBe('county-head@2026-12-08');
    s.say('俺叫张桂兰');
    expect(s.slots['name']).toBe('张桂兰');
    s.say('电话13812345678');
    expect(s.slots['phone']).toBe('13812345678');
    expect(s.state.expecting).toBe('facts');
    s.say('修路占了俺家承包地三年了 一分钱补偿没给');
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).toContain('12月8日（周二）09:00—11:30 县长 周建国');
    expect(s.last.effects).toHaveLength(0);
    s.say('对 确认预约');
    expect(s.last.effects).toEqual([
      {
        type: 'book_reception',
        draft: expect.objectContaining({ sessionId: 'county-head', day: '2026-12-08', name: '张桂兰', phone: '13812345678', description: '修路占了俺家承包地三年了 一分钱补偿没给', locale: 'zh' }),
      },
    ]);
    s.event({ type: 'reception_booked', sessionId: 'county-head', day: '2026-12-08', position: 3 });
    expect(s.text).toContain('第3位');
    expect(s.text).toContain('领导接访室');
    expect(s.state.forms).toHaveLength(0);
  });

  it('without a leader named, the day is asked and a typed ordinal or date picks it', () => {
    const s = new Script();
    s.say('预约接访');
    expect(s.payloads).toEqual(expect.arrayContaining(['session:bureau-director@2026-12-02', 'session:county-head@2026-12-08']));
    s.say('第二个');
    expect(s.slots['session']).toBe('county-head@2026-12-08');
    const t = new Script();
    t.say('预约接访');
    t.say('31号那天');
    expect(t.slots['session']).toBe('deputy-head@2026-12-31');
  });

  it('in English, start to the booking effect', () => {
    const s = new Script('en');
    s.say('I would like to book a slot with the deputy county head');
    expect(s.slots['session']).toBe('deputy-head@2026-12-31');
    s.say('My name is Li Wei');
    s.say('13912345678');
    s.say('The school charges fees for the bus that were never approved');
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).not.toMatch(/\p{Script=Han}/u);
    s.say('yes, book it');
    expect(s.last.effects[0]).toMatchObject({ type: 'book_reception', draft: { name: 'Li Wei', day: '2026-12-31', locale: 'en' } });
  });

  it('on the summary, typed corrections change the phone and the day; a question is answered; "算了不约了" stops', () => {
    const s = new Script();
    s.say('我想预约见县长，我叫张桂兰，电话13812345678');
    s.say('村里低保评得不公平，想当面跟县长说说');
    expect(s.state.expecting).toBe('confirm');
    s.say('电话写错了，是13900001111');
    expect(s.slots['phone']).toBe('13900001111');
    s.say('日期改成31号那天');
    expect(s.slots['session']).toBe('deputy-head@2026-12-31');
    expect(s.text).toContain('12月31日（周四）14:30—17:00 副县长 李淑芬');
    s.say('要带什么材料？');
    expect(s.text).toContain('材料');
    expect(s.state.expecting).toBe('confirm');
    expect(s.last.effects).toHaveLength(0);
    s.say('算了不约了');
    expect(s.text).toContain('这次不预约了');
    expect(s.state.forms).toHaveLength(0);
  });

  it('a full day is said so, with the way to book another', () => {
    const s = new Script();
    s.say('我想预约见县长，我叫张桂兰，电话13812345678');
    expect(s.state.expecting).toBe('facts');
    s.say('村里低保评得不公平，想当面跟县长说说');
    s.say('确认');
    s.event({ type: 'reception_refused', sessionId: 'county-head', day: '2026-12-08', reason: 'full' });
    expect(s.text).toContain('12月8日那天的名额已经约满了');
    expect(s.state.forms).toHaveLength(0);
  });
});
