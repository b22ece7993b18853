/** Early warning in the dialogue: calm words, emergency numbers, a person, the petition goes on. */
import { describe, expect, it } from 'vitest';
import type { PetitionDraft } from '../../../src/dialog/types.ts';
import { buildNewCase } from '../../../src/app/petition/submit-petition.ts';
import { county, Script } from '../../helpers/dialog.ts';

describe('risk in the dialogue', () => {
  it('self-harm: the emergency numbers first and a handoff with reason risk', () => {
    const s = new Script();
    s.say('补偿款拿不到，我不想活了', 'petition_start');
    const first = s.last.replies[0]!.text;
    expect(first).toContain('110');
    expect(first).toContain('120');
    expect(first).toContain('12356');
    expect(s.last.effects).toContainEqual({ type: 'request_handoff', reason: 'risk' });
    expect(s.state.handoff?.reason).toBe('risk');
  });

  it('english self-harm gets the english emergency text', () => {
    const s = new Script('en');
    s.say('I am going to kill myself');
    expect(s.last.replies[0]!.text).toContain('12356');
    expect(s.text).not.toMatch(/didn.t understand|not sure/i);
    expect(s.last.effects).toContainEqual({ type: 'request_handoff', reason: 'risk' });
  });

  it('an angry message is not a risk', () => {
    const s = new Script();
    s.say('气死我了，再不解决我就去法院起诉');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(false);
    expect(s.state.handoff).toBeNull();
  });

  it('a risk message mid-intake keeps the intake, and the draft and the case carry the risk flag', () => {
    const s = new Script();
    s.say('我叫张桂兰，电话13812345678，东湖镇李家村的，村里征地补偿款一直没发下来，就我一家', 'petition_start');
    s.press('consent:yes');
    const intake = () => s.state.forms.find((f) => f.form === 'intake');
    const intakeId = intake()?.id;
    expect(intakeId).toBeDefined();
    expect(intake()?.meta['riskFlag']).toBeUndefined();
    expect(s.state.expecting).not.toBeNull();
    s.say('再不给钱我们就去堵国道', 'out_of_scope');
    expect(s.last.effects).toContainEqual({ type: 'request_handoff', reason: 'risk' });
    expect(intake()?.meta['riskFlag']).toBe(true);
    // The message is still handled as an answer; the petition goes on.
    expect(intake()?.id).toBe(intakeId);
    expect(s.state.expecting).not.toBeNull();
    // Finish the petition: answer whatever is asked.
    const answers: Record<string, () => void> = {
      demands: () => s.say('要求尽快发放补偿款'),
      peopleCount: () => s.say('就我一个人'),
      priorPetition: () => s.press('prior:none'),
      idNumber: () => s.say('不想提供'),
      address: () => s.say('李家村'),
      category: () => s.say('征地补偿'),
      confirm: () => s.press('confirm:yes'),
    };
    for (let i = 0; i < 12 && !s.last.effects.some((e) => e.type === 'submit_petition'); i++) {
      const step = answers[s.state.expecting ?? ''];
      expect(step, `unexpected question ${s.state.expecting}: ${s.text}`).toBeDefined();
      step!();
    }
    const draft = (s.last.effects.find((e) => e.type === 'submit_petition') as { draft: PetitionDraft }).draft;
    expect(draft.riskFlag).toBe(true);
    const c = buildNewCase(draft, { conversationId: 'c1', channel: 'web' }, s.now, county);
    expect(c.flags).toContain('risk');
  });

  it('facts that screen as risk flag the case even without the intake mark', () => {
    const base: PetitionDraft = {
      intakeId: 'x', name: '张桂兰', phone: '13812345678', idNumber: null, idType: null, township: county.townships[0]!.name, address: null,
      category: 'land', respondent: null, facts: '补偿款一直没发，我们准备组团去北京上访', demands: '发放补偿款', peopleCount: 1, peopleUnit: 'people',
      representatives: [], priorPetition: 'none', priorDetail: null, notes: {}, anonymous: false, consent: { at: new Date().toISOString(), version: 'v' }, locale: 'zh',
    };
    expect(buildNewCase(base, { conversationId: 'c', channel: 'web' }, new Date(), county).flags).toContain('risk');
    expect(buildNewCase({ ...base, facts: '补偿款一直没发，气死我了' }, { conversationId: 'c', channel: 'web' }, new Date(), county).flags).not.toContain('risk');
  });
});
