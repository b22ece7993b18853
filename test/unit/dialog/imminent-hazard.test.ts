/**
 * A hazard to people now, told in the chat: the words that get people away and the number that sends help
 * first, a person called, nothing asked in that reply, the story kept in the draft; filing goes on after.
 */
import { describe, expect, it } from 'vitest';
import { Script } from '../../helpers/dialog.ts';

const intake = (s: Script) => s.state.forms.find((f) => f.form === 'intake');
const handedOver = (s: Script) => s.last.effects.some((e) => e.type === 'request_handoff' && e.reason === 'risk');
const nothingAsked = (s: Script) => s.state.expecting === null && s.state.forms.every((f) => f.asking === null);

describe('a hazard to people now', () => {
  it('a first message: get away and 119 first, a person, nothing asked; the story is the draft\'s, not flagged a threat', () => {
    const s = new Script();
    s.say('俺家房子裂了大缝随时要塌 一家人还住在里面');
    expect(s.last.replies[0]!.text).toMatch(/马上离开危险的地方[^]*119消防救援/);
    expect(handedOver(s)).toBe(true);
    expect(s.state.handoff?.reason).toBe('risk');
    expect(nothingAsked(s)).toBe(true);
    expect(intake(s)?.slots['facts']).toBe('俺家房子裂了大缝随时要塌 一家人还住在里面');
    expect(intake(s)?.meta['riskFlag']).toBeUndefined();
  });

  it('mid-form: the words and a person instead of the next question; the hazard joins the story, and filing goes on after', () => {
    const s = new Script();
    s.say('我叫李桂芳，电话13912345678，青石镇石门村的。村后采石场去年开始开采，占了我们组的山林，一直没给补偿');
    const id = intake(s)?.id;
    expect(s.state.expecting).not.toBeNull();
    s.say('孩子天天在采石场边上玩，他们放炮也不清场，早晚要炸死人');
    expect(s.last.replies[0]!.text).toContain('110报警');
    expect(handedOver(s)).toBe(true);
    expect(nothingAsked(s)).toBe(true);
    expect(intake(s)?.id).toBe(id);
    const facts = String(intake(s)?.slots['facts']);
    expect(facts).toContain('一直没给补偿');
    expect(facts).toContain('放炮也不清场');
    s.say('孩子们都叫回家了');
    expect(s.state.expecting).not.toBeNull();
    expect(intake(s)?.id).toBe(id);
  });

  it('in English, a gas leak: 119 and what not to do with gas about, then a person', () => {
    const s = new Script('en');
    s.say('The gas pipe in our building is leaking, you can smell it in the stairwell.');
    expect(s.last.replies[0]!.text).toMatch(/119 \(fire and rescue\)[^]*do not switch lights/);
    expect(handedOver(s)).toBe(true);
    expect(nothingAsked(s)).toBe(true);
    expect(intake(s)?.slots['facts']).toContain('gas pipe in our building is leaking');
  });

  it('said again while a person is on the way: the words again, before the usual answer', () => {
    const s = new Script();
    s.say('水库的坝在渗水 下游一个村的人还不知道');
    expect(handedOver(s)).toBe(true);
    s.say('坝上的水越渗越多了 下游的人还在家里');
    expect(s.last.replies[0]!.text).toContain('110报警');
  });

  it('a petition about a house, a gas bill or a quarry with nobody in danger now is filed as usual', () => {
    for (const text of ['危房改造补贴报了两年没发 俺家房子裂了大缝', '燃气费一个月收了三百多 比去年贵一倍', '采石场灰尘太大 庄稼叶子上全是白灰']) {
      const s = new Script();
      s.say(text);
      expect(s.text, text).not.toContain('119');
      expect(s.text, text).not.toContain('110');
      expect(handedOver(s), text).toBe(false);
    }
  });
});
