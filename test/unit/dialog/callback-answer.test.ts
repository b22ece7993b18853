/** The pure side of the follow-up answer: which messages answer, the effects, the replies to the events. */
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/dialog/catalog/catalog.ts';
import { callbackAnswerIn } from '../../../src/dialog/callback-answer.ts';
import { Script } from '../../helpers/dialog.ts';

const N = 'XF202611270001';
const UNTIL = '2026-12-27T15:59:59.999Z';

describe('callbackAnswerIn', () => {
  it.each([
    ['是', 'yes'],
    ['是的。', 'yes'],
    ['解决了！', 'yes'],
    ['已经解决了', 'yes'],
    ['Ｙｅｓ', 'yes'],
    ['yes, resolved', 'yes'],
    ['没有', 'no'],
    ['还没有解决', 'no'],
    ['不是', 'no'],
    ['未解决', 'no'],
    ['No', 'no'],
    ['not resolved yet', 'no'],
    ['我要反映问题', null],
    ['是不是要交材料', null],
    ['没有人管我们村的事', null],
    ['', null],
  ])('%s → %s', (text, answer) => {
    expect(callbackAnswerIn(text)).toBe(answer);
  });
});

describe('the dialogue', () => {
  it('turns the button into an effect for that case, at any point (also during a petition)', () => {
    const s = new Script();
    expect(s.press(`followup:${N}:no`).effects).toEqual([{ type: 'answer_follow_up', caseNumber: N, answer: 'no' }]);
    s.say('我要反映问题', 'petition_start');
    expect(s.state.forms.map((f) => f.form)).toEqual(['intake']);
    expect(s.press(`followup:${N}:yes`).effects).toEqual([{ type: 'answer_follow_up', caseNumber: N, answer: 'yes' }]);
    // The petition waits for its answer as before.
    expect(s.state.forms.map((f) => f.form)).toEqual(['intake']);
    expect(s.state.expecting).toBe('facts');
  });

  it('takes typed yes/no only when no form waits for an answer', () => {
    const s = new Script();
    expect(s.say('还没有解决', 'deny').effects).toEqual([{ type: 'answer_follow_up', caseNumber: null, answer: 'no' }]);
    s.say('我要反映问题', 'petition_start');
    expect(s.state.expecting).toBe('facts');
    expect(s.say('是', 'affirm').effects.some((e) => e.type === 'answer_follow_up')).toBe(false);
    // The "是" went to the petition, which still waits for the story.
    expect(s.state.forms.map((f) => f.form)).toEqual(['intake']);
    expect(s.state.expecting).toBe('facts');
  });

  it('thanks for a yes, and says so once when the answer was on record already', () => {
    const s = new Script();
    s.event({ type: 'follow_up_recorded', caseNumber: N, resolved: true, already: false, review: 'open', reviewUntil: UNTIL });
    expect(s.text).toBe(t('zh', 'callbackThanks', { caseNumber: N }));
    s.event({ type: 'follow_up_recorded', caseNumber: N, resolved: true, already: true, review: 'open', reviewUntil: UNTIL });
    expect(s.text).toBe(t('zh', 'callbackAlready', { caseNumber: N }));
  });

  it('offers the review for a no within the window, and the review form follows', () => {
    const s = new Script();
    s.event({ type: 'follow_up_recorded', caseNumber: N, resolved: false, already: false, review: 'open', reviewUntil: UNTIL });
    expect(s.text).toContain(t('zh', 'callbackNoted', { caseNumber: N }));
    expect(s.text).toContain('2026年12月27日');
    expect(s.payloads).toEqual(['fu:review']);
    expect(s.state.verified).toEqual({ caseNumber: N, reviewUntil: UNTIL });
    s.press('fu:review');
    expect(s.state.expecting).toBeNull();
    expect(s.state.forms.at(-1)).toMatchObject({ form: 'review', asking: 'reviewReason', meta: { caseNumber: N } });
    expect(s.text).toBe(t('zh', 'lookupAskReviewReason'));
    expect(s.say('补偿标准没有依据，我不服处理意见，请求复查。').effects).toEqual([
      { type: 'request_review', caseNumber: N, reason: '补偿标准没有依据，我不服处理意见，请求复查。' },
    ]);
  });

  it('offers a person for a no once the window has passed', () => {
    const s = new Script('en');
    s.event({ type: 'follow_up_recorded', caseNumber: N, resolved: false, already: false, review: 'closed', reviewUntil: '2026-12-22T15:59:59.999Z' });
    expect(s.text).toContain(t('en', 'callbackWindowPassed', { date: '22 December 2026' }));
    expect(s.payloads).toEqual(['cmd:human']);
  });

  it('is polite about a case not found, and answers a stray yes/no as usual', () => {
    const s = new Script();
    s.event({ type: 'follow_up_not_found' });
    expect(s.text).toBe(t('zh', 'callbackNotFound'));
    s.event({ type: 'follow_up_not_pending', answer: 'no' });
    expect(s.text).toBe(t('zh', 'neutralAck'));
  });
});
