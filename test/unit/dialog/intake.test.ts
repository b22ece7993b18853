/** The intake form as a pure function: what is asked, what is kept, what is emitted. */
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

describe('intake: a rich first message', () => {
  it('keeps every fact given and finishes in at most 4 more turns', () => {
    const s = new Script();
    s.say(RICH, 'petition_start');
    expect(s.state.expecting).toBe('consent');
    expect(s.text).toContain('张桂兰');
    expect(s.text).toContain('东湖镇');
    let turns = 0;
    s.press('consent:yes');
    turns++;
    // 30+ households is a group matter: representatives are asked, then prior handling.
    expect(s.state.expecting).toBe('representatives');
    expect(s.text).toMatch(/最多5名/);
    s.say('王建国 13900001111，李大山 13700002222');
    turns++;
    expect(s.state.expecting).toBe('priorPetition');
    s.press('prior:none');
    turns++;
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).toContain('土地征收与补偿');
    s.press('confirm:yes');
    turns++;
    expect(turns).toBeLessThanOrEqual(4);
    const d = draftOf(s);
    expect(d).toMatchObject({
      name: '张桂兰',
      phone: '13812345678',
      idNumber: '11010519491231002X',
      township: '东湖镇',
      address: '李家村',
      category: 'land',
      peopleCount: 30,
      priorPetition: 'none',
      representatives: [
        { name: '王建国', phone: '13900001111' },
        { name: '李大山', phone: '13700002222' },
      ],
    });
    expect(d.demands).toContain('尽快发放补偿款');
    // Personal data never stays in the free text.
    expect(d.facts).not.toContain('13812345678');
    expect(d.facts).not.toContain('11010519491231002X');
    expect(d.facts).not.toContain('张桂兰');
    expect(d.consent.version).toBe('2026-11-v1');
  });

  it('shows the case number only from the commit event, then forgets the intake', () => {
    const s = new Script();
    s.say(RICH, 'petition_start');
    s.press('consent:yes');
    s.say('王建国 13900001111');
    s.press('prior:none');
    s.press('confirm:yes');
    expect(s.text).not.toMatch(/XF\d+/);
    const intakeId = draftOf(s).intakeId;
    s.event({ type: 'petition_submitted', intakeId, caseNumber: 'XF202611270001', queryCode: '01234567' });
    expect(s.text).toContain('XF202611270001');
    expect(s.text).toContain('01234567');
    expect(s.state.intake).toBeNull();
    expect(s.state.expecting).toBeNull();
    // A second "确认" files nothing and repeats the number.
    s.say('确认', 'affirm');
    expect(s.last.effects).toEqual([]);
    expect(s.text).toContain('XF202611270001');
  });
});

describe('intake: slot by slot', () => {
  it('asks each missing slot once and never one already given', () => {
    const s = new Script();
    s.say('我要反映问题', 'petition_start');
    expect(s.state.expecting).toBe('consent');
    s.say('好的', 'affirm');
    const asked: string[] = [];
    const answers: Record<string, string> = {
      facts: '我家隔壁的养猪场天天往河里排污水，臭得不行，河里的鱼都死了',
      township: '南河',
      address: '南河镇王庄村',
      demands: '希望环保部门关停养猪场，治理河水',
      peopleCount: '就我自己',
      priorPetition: '没有',
      name: '刘德明',
      phone: '139 1234 5678',
      idNumber: '不想提供',
    };
    for (let i = 0; i < 15 && s.state.expecting !== 'confirm'; i++) {
      const exp = s.state.expecting!;
      expect(asked).not.toContain(exp);
      asked.push(exp);
      expect(answers[exp], `unexpected question ${exp}: ${s.text}`).toBeDefined();
      s.say(answers[exp]!);
    }
    expect(s.state.expecting).toBe('confirm');
    expect(asked).toEqual(['facts', 'township', 'address', 'demands', 'peopleCount', 'priorPetition', 'name', 'phone', 'idNumber']);
    s.press('confirm:yes');
    expect(draftOf(s)).toMatchObject({ category: 'environment', township: '南河镇', idNumber: null, peopleCount: 1, phone: '13912345678' });
  });
});

describe('intake: corrections, digressions, cancel', () => {
  function toConfirm(s: Script) {
    s.say(RICH.replace('我们三十多户都没拿到，', ''), 'petition_start');
    s.press('consent:yes');
    s.say('就我自己');
    s.press('prior:none');
    expect(s.state.expecting).toBe('confirm');
  }

  it('corrects the phone at the summary', () => {
    const s = new Script();
    toConfirm(s);
    s.say('刚才电话说错了，是13987654321');
    expect(s.text).toContain('已更正');
    expect(s.state.expecting).toBe('confirm');
    s.press('confirm:yes');
    expect(draftOf(s).phone).toBe('13987654321');
  });

  it('takes "not Donghu, Xishan" as Xishan', () => {
    const s = new Script('en');
    s.say('My name is Li Wei, phone 13812345678. The factory next to our village dumps waste water into the river. not Donghu, Xishan', 'petition_start');
    expect(s.state.intake!.slots.township).toBe('西山乡');
  });

  it('answers a guide question in the middle and comes back to the open slot', () => {
    const s = new Script();
    s.say('我要投诉', 'petition_start');
    s.press('consent:yes');
    expect(s.state.expecting).toBe('facts');
    s.say('信访多久能答复？', 'guide_procedure');
    expect(s.text).toMatch(/60/);
    expect(s.state.expecting).toBe('facts');
    expect(s.last.replies.at(-1)!.text).toContain('具体发生了什么事');
  });

  it('treats a bare "help" in a free-text slot as a call for help, not as the answer', () => {
    const s = new Script('en');
    s.say('I want to file a petition', 'petition_start');
    s.press('consent:yes');
    for (let i = 0; i < 12 && s.state.expecting !== 'address'; i++) {
      const exp = s.state.expecting;
      if (exp === 'facts') s.say('The factory dumps waste water into the river every night');
      else if (exp === 'name') s.say('Li Wei');
      else if (exp === 'phone') s.say('13812345678');
      else if (exp === 'idNumber') s.say('11010519491231002X');
      else if (exp === 'township') s.say('Donghu');
      else break;
    }
    expect(s.state.expecting).toBe('address');
    s.say('help', 'help');
    expect(s.state.intake!.slots.address ?? null).toBeNull();
    expect(s.state.expecting).toBe('address');
  });

  it('cancels at any time without submitting', () => {
    const s = new Script();
    s.say(RICH, 'petition_start');
    s.press('consent:yes');
    s.say('算了不办了', 'cancel');
    expect(s.state.intake).toBeNull();
    expect(s.last.effects).toEqual([]);
    expect(s.text).toContain('已取消');
  });
});

describe('intake: validation', () => {
  function toSlot(s: Script, slot: string) {
    s.say('我要反映问题', 'petition_start');
    s.press('consent:yes');
    const answers: Record<string, string> = {
      facts: '老板拖欠我们三个月工资一直不给',
      township: '城关镇',
      address: '跳过',
      demands: '要求老板马上把工资结清',
      peopleCount: '就我自己',
      priorPetition: '没有',
      name: '赵秀英',
      phone: '13812345678',
    };
    for (let i = 0; i < 12 && s.state.expecting !== slot; i++) s.say(answers[s.state.expecting!]!);
    expect(s.state.expecting).toBe(slot);
  }

  it('refuses an ID number with a wrong checksum and says why', () => {
    const s = new Script();
    toSlot(s, 'idNumber');
    s.say('110105194912310021');
    expect(s.text).toContain('校验位');
    expect(s.state.expecting).toBe('idNumber');
    s.say('11010519491231002X');
    expect(s.state.expecting).toBe('confirm');
  });

  it('suggests townships for an unknown one', () => {
    const s = new Script();
    toSlot(s, 'township');
    s.say('东胡镇');
    expect(s.payloads).toContain('township:东湖镇');
    s.press('township:东湖镇');
    expect(s.state.intake!.slots.township).toBe('东湖镇');
  });

  it('after two failed attempts explains with an example and offers a person', () => {
    const s = new Script();
    toSlot(s, 'phone');
    s.say('123');
    expect(s.text).toContain('11位');
    s.say('不知道');
    expect(s.text).toContain('13812345678');
    expect(s.payloads).toContain('cmd:human');
  });

  it('explains the lawful channel for a matter in court, and records it when the citizen stops', () => {
    const s = new Script();
    s.say('公司欠我工资，我已经起诉到法院了，还没判', 'petition_start');
    s.press('consent:yes');
    expect(s.state.expecting).toBe('priorPetition');
    expect(s.payloads).toEqual(['triage:continue', 'triage:stop']);
    expect(s.text).toContain('法院');
    s.press('triage:stop');
    expect(s.state.intake).toBeNull();
    expect(s.last.effects).toEqual([{ type: 'record_outcome', kind: 'redirected', detail: 'litigation' }]);
  });

  it('routes a report against an official as conduct and tells the citizen it stays confidential', () => {
    const s = new Script();
    s.say('我要举报东湖镇的村干部贪污扶贫款', 'petition_start');
    s.press('consent:yes');
    expect(s.state.intake!.slots.category).toBe('conduct');
    expect(s.text).toContain('纪委');
  });
});

describe('intake: declining is not cancelling', () => {
  it('takes "不想提供" classified as cancel as a declined ID number', () => {
    const s = new Script();
    s.say(RICH.replace('身份证11010519491231002X，', '').replace('我们三十多户都没拿到，', ''), 'petition_start');
    s.press('consent:yes');
    s.say('就我自己');
    s.press('prior:none');
    expect(s.state.expecting).toBe('idNumber');
    s.say('不想提供', 'cancel', 0.9);
    expect(s.state.intake).not.toBeNull();
    expect(s.state.intake!.slots.idNumber).toBeNull();
    expect(s.state.expecting).toBe('confirm');
  });
});

describe('intake: the citizen wanders off and comes back', () => {
  it('checks another case in the middle of filing, then is asked the open question again', () => {
    const s = new Script();
    s.say('我要反映问题', 'petition_start');
    s.press('consent:yes');
    s.say('村里修路占了我家的地，一分钱补偿都没给', 'petition_start');
    expect(s.state.expecting).toBe('township');
    s.say('另外查一下 XF202611200001 的进度', 'case_status');
    expect(s.state.expecting).toBe('queryCode');
    expect(s.text).not.toContain('哪个乡镇');
    s.say('12345678');
    expect(s.last.effects.map((e) => e.type)).toEqual(['lookup_case']);
    s.event({ type: 'case_not_verified', locked: false });
    expect(s.state.expecting).toBe('township');
    expect(s.text).toContain('没有找到');
    expect(s.text).not.toContain('重新发送案件编号');
    expect(s.text).toContain('哪个乡镇');
    s.say('东湖镇');
    expect(s.state.intake!.slots.township).toBe('东湖镇');
    expect(s.state.intake!.slots.facts).toContain('修路');
  });

  it('asks for a person in the middle of filing and keeps the petition open', () => {
    const s = new Script();
    s.say('我要反映问题', 'petition_start');
    s.press('consent:yes');
    expect(s.state.expecting).toBe('facts');
    s.say('我要转人工', 'handoff_human');
    expect(s.last.effects).toEqual([{ type: 'request_handoff', reason: 'requested' }]);
    expect(s.state.intake).not.toBeNull();
    expect(s.state.expecting).toBe('facts');
  });
});

describe('intake: an answer wins over a misread intent', () => {
  it('takes "就我自己" as the number of people even when classified as a rights question', () => {
    const s = new Script();
    s.say('我叫赵秀英，电话13812345678，城关镇幸福小区的，楼下饭店油烟太大，要求整改', 'petition_start');
    s.press('consent:yes');
    expect(s.state.expecting).toBe('peopleCount');
    s.say('就我自己', 'guide_rights', 0.97);
    expect(s.state.intake!.slots.peopleCount).toBe(1);
    expect(s.state.expecting).not.toBe('peopleCount');
  });
});
