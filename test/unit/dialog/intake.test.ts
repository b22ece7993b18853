/**
 * The petition form on the form engine, one test per rule of the conversation:
 * the citizen types (rarely presses), and the models trained on our corpus read them.
 */
import { describe, expect, it } from 'vitest';
import type { PetitionDraft } from '../../../src/dialog/types.ts';
import { Script } from '../../helpers/dialog.ts';

const RICH =
  '我叫张桂兰，电话13812345678，身份证11010519491231002X，东湖镇李家村的，村里征地补偿款一直没发下来，我们三十多户都没拿到，要求尽快发放补偿款';

function draftOf(s: Script): PetitionDraft {
  const e = s.last.effects.find((x) => x.type === 'submit_petition');
  expect(e, `no submit effect; replies: ${s.text}`).toBeDefined();
  return (e as { draft: PetitionDraft }).draft;
}

/** Types the given answer to each question asked, until one it has no answer for (or the summary). */
function fileTyping(s: Script, answers: Record<string, string>, max = 20): void {
  const used = new Set<string>();
  for (let i = 0; i < max && s.state.expecting !== 'confirm' && s.state.expecting !== null; i++) {
    const key = s.state.expecting!;
    const text = answers[key];
    if (text === undefined || used.has(key)) return;
    used.add(key);
    s.say(text);
  }
}

describe('a rich first message', () => {
  it('keeps every fact given and finishes in three more turns: representatives, prior handling, confirm (the three understandings on the summary)', () => {
    const s = new Script();
    s.say(RICH);
    expect(s.text).toContain('张桂兰');
    expect(s.state.expecting).toBe('representatives');
    s.say('王建国 13900001111，李大山 13700002222');
    expect(s.state.expecting).toBe('priorPetition');
    s.say('没有，第一次反映');
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).toContain('三个明白');
    expect(s.text).toContain('确认提交，即表示您已了解以上内容');
    s.say('提交');
    const d = draftOf(s);
    expect(d.consent.version).toBeTruthy();
    expect(d).toMatchObject({
      name: '张桂兰',
      phone: '13812345678',
      idNumber: '11010519491231002X',
      township: '东湖镇',
      address: '李家村',
      category: 'land',
      peopleCount: 30,
      peopleUnit: 'households',
      priorPetition: 'none',
      representatives: [
        { name: '王建国', phone: '13900001111' },
        { name: '李大山', phone: '13700002222' },
      ],
    });
    expect(d.demands).toContain('尽快发放补偿款');
    expect(d.facts).not.toContain('13812345678');
    expect(d.facts).not.toContain('张桂兰');
  });

  it('shows the case number only from the commit event, and a second confirm files nothing', () => {
    const s = new Script();
    s.say(RICH);
    s.say('王建国 13900001111');
    s.say('没有');
    s.say('确认提交');
    expect(s.text).not.toMatch(/XF\d+/);
    s.event({ type: 'petition_submitted', intakeId: draftOf(s).intakeId, caseNumber: 'XF202611270001', queryCode: '01234567' });
    expect(s.text).toContain('XF202611270001');
    expect(s.state.forms).toEqual([]);
    expect(s.state.expecting).toBeNull();
    s.say('确认');
    expect(s.last.effects).toEqual([]);
    expect(s.text).toContain('XF202611270001');
  });
});

describe('rule: no question is asked a third time running', () => {
  it('prior handling in words it cannot place is kept as "raised before" with the words, and the form moves on', () => {
    const s = new Script();
    s.say('村里的路修了一半就停了，坑坑洼洼的，我要反映');
    fileTyping(s, { township: '河口镇王庄村', category: '修路的事', demands: '把路修完', peopleCount: '就我自己', name: '赵四 13912345678' }, 8);
    expect(s.state.expecting).toBe('priorPetition');
    const asked: string[] = [];
    for (const words of ['嗯嗯嗯', '啊这个嘛']) {
      s.say(words);
      asked.push(s.state.expecting ?? '');
    }
    expect(asked.filter((x) => x === 'priorPetition').length).toBeLessThanOrEqual(1);
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    expect(s.slots['priorDetail']).toBe('啊这个嘛');
  });

  it('an optional place is skipped after two unclear answers; a person is offered with the second ask', () => {
    const s = new Script();
    s.say('东湖镇的养猪场天天往河里排粪水，臭得没法住人');
    expect(s.state.expecting).toBe('address');
    s.say('那边');
    expect(s.state.expecting).toBe('address');
    expect(s.payloads).toContain('cmd:human');
    s.say('就那儿');
    expect(s.state.expecting).not.toBe('address');
  });
});

describe('rule: a draft ends only on a cancel the citizen confirms', () => {
  it('"算了 提交" on the summary files', () => {
    const s = new Script();
    s.say(RICH);
    s.say('王建国 13900001111');
    s.say('没有');
    s.say('算了 提交');
    expect(draftOf(s).name).toBe('张桂兰');
  });

  it('a typed cancel asks first; "我没说取消" goes on with everything kept', () => {
    const s = new Script();
    s.say(RICH);
    s.say('不办了');
    expect(s.payloads).toEqual(expect.arrayContaining(['cancel:yes', 'cancel:no']));
    expect(s.state.forms).toHaveLength(1);
    s.say('我没说取消啊，接着登记');
    expect(s.state.expecting).toBe('representatives');
    expect(s.slots['name']).toBe('张桂兰');
  });

  it('a confirmed cancel keeps the draft aside, and "还是登记吧" brings it back', () => {
    const s = new Script();
    s.say(RICH);
    s.say('算了，不反映了');
    s.say('对，不登记了');
    expect(s.state.forms).toEqual([]);
    s.say('想了想还是登记吧，刚才说的还在吗');
    expect(s.state.expecting).toBe('representatives');
    expect(s.slots['name']).toBe('张桂兰');
  });

  it('"仍然登记" and "register it anyway" typed after the lawful channel is explained go on', () => {
    const zh = new Script();
    zh.say('镇里征我家地的补偿款少给了一万，已经起诉了，法院还没开庭');
    fileTyping(zh, { township: '西山乡后沟村', demands: '按标准补足', peopleCount: '就我家', respondent: '不知道' }, 6);
    expect(zh.payloads).toContain('triage:continue');
    zh.say('仍然登记');
    expect(zh.state.expecting).toBe('name');
    const en = new Script('en');
    en.say('We applied for administrative reconsideration about the demolition of our house in Xishan, no decision yet.');
    fileTyping(en, { address: 'Houtou village', demands: 'Fair compensation', peopleCount: 'just my family', respondent: "don't know" }, 6);
    expect(en.payloads).toContain('triage:continue');
    en.say('Actually no, register it anyway.');
    expect(en.state.expecting).toBe('name');
  });

  it('"正在处理" during the petition is an answer, not a case lookup; a case number looks up and the draft resumes', () => {
    const s = new Script();
    s.say(RICH);
    s.say('王建国 13900001111');
    s.say('正在处理');
    expect(s.last.effects.some((e) => e.type === 'lookup_case' || e.type === 'list_my_cases')).toBe(false);
    expect(s.slots['priorPetition']).toBe('lower_level');
    s.say('先帮我查一下 XF202611200003 查询码 12345678');
    expect(s.last.effects).toContainEqual({ type: 'lookup_case', caseNumber: 'XF202611200003', queryCode: '12345678' });
    s.event({ type: 'case_not_verified', locked: false });
    expect(s.state.forms.at(-1)?.form).toBe('intake');
    expect(s.state.expecting).toBe('priorPetition');
  });
});

describe('rule: typing a button label is pressing it', () => {
  it('takes the exact label and a near one', () => {
    const s = new Script();
    s.say(RICH);
    expect(s.state.expecting).toBe('representatives');
    s.say('跳过');
    s.say('没有，第一次反映');
    expect(s.state.expecting).toBe('confirm');
    s.say('确认提交了');
    expect(draftOf(s).category).toBe('land');
  });
});

describe('rule: whose phone is whose', () => {
  it('a phone beside a representative is theirs, "我" among them is the citizen, and the citizen\'s own phone is asked', () => {
    const s = new Script();
    s.say('青石镇集上卖假化肥，我们村十几户都买了，麦子全黄了');
    fileTyping(s, { address: '石桥村', demands: '让店家赔钱', peopleCount: '十几户，我们一起反映', respondent: '集上的农资店' }, 6);
    expect(s.state.expecting).toBe('representatives');
    s.say('我和刘大海当代表，他电话13598120367');
    fileTyping(s, { priorPetition: '没有', name: '何建民' }, 3);
    expect(s.state.expecting).toBe('phone');
    s.say('15237760981');
    s.say('提交');
    const d = draftOf(s);
    expect(d.phone).toBe('15237760981');
    expect(d.representatives).toEqual([
      { name: '何建民', phone: '15237760981' },
      { name: '刘大海', phone: '13598120367' },
    ]);
  });
});

describe('rule: corrections in free words, at any step', () => {
  it('on the summary: the new value is shown and filed', () => {
    const s = new Script();
    s.say(RICH);
    s.say('王建国 13900001111');
    s.say('没有');
    s.say('地点说错了，是王庄村');
    expect(s.text).toContain('王庄村');
    expect(s.state.expecting).toBe('confirm');
    s.say('电话错了，我的电话是13566667777');
    expect(s.text).toContain('13566667777');
    s.say('提交');
    expect(draftOf(s)).toMatchObject({ address: '王庄村', phone: '13566667777' });
  });

  it('"not 12 people, 13" corrects the count; nothing claims a change it did not make', () => {
    const s = new Script('en');
    s.say('I work at the Jinlong textile factory in Chengguan town. The boss hasn\'t paid 12 of us for three months.');
    s.say('Actually not 12 people, 13.');
    expect(s.text).toContain('13');
    expect(s.slots['peopleCount']).toBe(13);
    const before = JSON.stringify(s.slots);
    s.say('hmm');
    expect(s.text).not.toMatch(/Corrected/);
    expect(JSON.stringify(s.slots)).toBe(before);
  });
});

describe('rule: an answer and a question in one message', () => {
  it('takes the place and answers which unit handles the matter', () => {
    const s = new Script();
    s.say('我在河口镇工地干了8个月，老板拖欠我们12个人的工资，要求结清');
    s.say('镇东头的安居小区工地。这事归哪个部门管？');
    expect(s.slots['address']).toContain('安居小区');
    expect(s.text).toContain('人力资源和社会保障局');
    expect(s.text).toContain('河口镇');
  });

  it('answers how long in dates, retaliation with the rights, and the anonymity rule', () => {
    const s = new Script();
    s.say('我要反映东湖镇的化工厂排污');
    s.say('要多久才有结果？');
    expect(s.text).toMatch(/15日内（\d{4}年\d{1,2}月\d{1,2}日前）/);
    s.say('会不会被打击报复？');
    expect(s.text).toContain('不得因为信访打击报复');
    s.say('能不能匿名？');
    expect(s.text).toContain('真实姓名');
  });
});

describe('rule: households stay households; one reporter for many is asked whom they speak for', () => {
  it('"三十来户" is 30 households, a group', () => {
    const s = new Script();
    s.say(RICH.replace('三十多户', '三十来户'));
    expect(s.slots['peopleCount']).toBe(30);
    expect(s.slots['peopleUnit']).toBe('households');
  });

  it('a lone reporter of 400 students is asked whether they file for all before representatives', () => {
    const s = new Script();
    s.say('南河镇二中每学期强制收500元补课费，不交不让上课');
    fileTyping(s, { address: '南河镇二中', demands: '退还补课费', peopleCount: '全年级400多个学生都交了' }, 3);
    expect(s.state.expecting).toBe('peopleCount');
    expect(s.payloads).toEqual(expect.arrayContaining(['scope:all', 'scope:self']));
    s.say('就我自己反映，别的家长不敢出头');
    expect(s.state.expecting).toBe('priorPetition');
    expect(s.slots['peopleCount']).toBe(1);
  });
});

describe('rule: a place is a place', () => {
  it('"俺们村" is asked for again; "杏花村啊" keeps 杏花村', () => {
    const s = new Script();
    s.say('桃源乡俺们村的低保被取消了，也没人说为啥');
    expect(s.state.expecting).toBe('address');
    s.say('俺们村');
    expect(s.state.expecting).toBe('address');
    s.say('杏花村啊');
    expect(s.slots['address']).toBe('杏花村');
  });
});

describe('rule: an English conversation shows no Chinese', () => {
  it('townships, units and categories in English; a passport number instead of an ID', () => {
    const s = new Script('en');
    s.say('A pig farm next to Liuying village in Donghu dumps manure into the reservoir. About 50 households are affected.');
    const seen: string[] = [s.text];
    fileTyping(s, { consent: 'OK, understood. I agree.', peopleCount: 'for all of them', representatives: 'Liu Jianguo 13623457789', demands: 'Shut the farm down', priorPetition: 'No, first time', name: 'Emma Clarke, 15890123476, passport E12345678' }, 12);
    seen.push(s.text);
    expect(seen.join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
    s.say('submit');
    const d = draftOf(s);
    expect(d).toMatchObject({ township: '东湖镇', idNumber: 'E12345678', idType: 'passport', name: 'Emma Clarke' });
  });
});

describe('anonymous reports about officials', () => {
  it('files a conduct report without name and phone, and says how to follow it', () => {
    const s = new Script();
    s.say('我要举报我们镇上的一个副镇长收受贿赂，他在危房改造补贴名额上收钱');
    fileTyping(s, { township: '南河镇', address: '不方便说', demands: '查清楚，钱退给老百姓', respondent: '分管城建的副镇长', peopleCount: '就我一个人来举报', priorPetition: '没有，第一次' }, 9);
    expect(s.state.expecting).toBe('name');
    expect(s.payloads).toContain('anon:yes');
    s.say('匿名');
    expect(s.state.expecting).toBe('confirm');
    s.say('提交');
    const d = draftOf(s);
    expect(d).toMatchObject({ category: 'conduct', anonymous: true, name: null, phone: null });
    s.event({ type: 'petition_submitted', intakeId: d.intakeId, caseNumber: 'XF202611270009', queryCode: '76543210' });
    expect(s.text).toContain('匿名');
  });
});
