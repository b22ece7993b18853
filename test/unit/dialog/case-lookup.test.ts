/**
 * The citizen's follow-up on the form engine: the case lookup and the actions on a
 * verified case (material, rating, review) as forms. The exact effects, `expecting`,
 * and what the citizen reads; the models trained on our corpus read the messages.
 */
import { describe, expect, it } from 'vitest';
import { allMessages, t } from '../../../src/dialog/catalog/catalog.ts';
import { queryCodeIn, ratingIn } from '../../../src/dialog/forms/case-lookup/answers.ts';
import { remedyBody } from '../../../src/dialog/guide.ts';
import type { ConversationState, CaseLookupAction, FormState, Locale, PublicCaseView } from '../../../src/dialog/types.ts';
import type { IntentName } from '../../../src/nlu/intents.ts';
import { county, Script } from '../../helpers/dialog.ts';

const NOW = new Date('2026-12-10T02:00:00Z'); // 10:00 local
const CASE = 'XF202611270001';
const OTHER = 'XF202611270002';

function view(over: Partial<PublicCaseView> = {}): PublicCaseView {
  return {
    caseNumber: CASE,
    status: 'accepted',
    category: 'land',
    unit: 'zrzy',
    coUnit: 'town:东湖镇',
    createdAt: '2026-11-27T02:00:00.000Z',
    acceptDueAt: '2026-12-12T15:59:59.999Z',
    acceptedAt: '2026-11-28T02:00:00.000Z',
    replyDueAt: '2027-01-27T15:59:59.999Z',
    repliedAt: null,
    reviewRequestedAt: null,
    ratings: { acceptance: null, handling: null },
    timeline: [
      { at: '2026-11-27T02:00:00.000Z', kind: 'submitted', note: null },
      { at: '2026-11-28T02:00:00.000Z', kind: 'accept', note: '已安排人员到现场核实' },
    ],
    ...over,
  };
}

const replied = (over: Partial<PublicCaseView> = {}) =>
  view({ status: 'replied', repliedAt: '2026-12-01T02:00:00.000Z', ...over }); // review window ends 2026-12-31 local

/** How a citizen starts each follow-up: a button, or words the intent model reads as the action. */
const START: Record<CaseLookupAction, { payload: string; intent?: IntentName }> = {
  status: { payload: 'cmd:status', intent: 'case_status' },
  supplement: { payload: 'fu:supplement', intent: 'case_supplement' },
  review: { payload: 'fu:review', intent: 'complaint_review' },
  rate: { payload: 'fu:rate' },
};

/** A conversation on the follow-up's clock. */
function flow(locale: Locale = 'zh', over: Partial<ConversationState> = {}): Script {
  const s = new Script(locale);
  s.now = NOW;
  s.state = { ...s.state, ...over };
  return s;
}

/** Starts a follow-up by its button, or by words (with the action's intent fixed: the words are not what the test is about). */
function start(s: Script, action: CaseLookupAction, words: string | null = null) {
  return words ? s.say(words, START[action].intent) : s.press(START[action].payload);
}

/** A conversation whose case is already verified and shown, and `action` under way. */
function opened(v: PublicCaseView, action: CaseLookupAction = 'status', locale: Locale = 'zh'): Script {
  const s = flow(locale);
  start(s, action);
  s.event({ type: 'case_opened', view: v });
  return s;
}

const top = (s: Script): FormState | undefined => s.state.forms.at(-1);

describe('finding the case by number and query code', () => {
  it('asks the number, then the code, and emits exactly one lookup', () => {
    const f = flow();
    start(f, 'status', '我想查一下办理进度');
    expect(f.last.effects).toEqual([{ type: 'list_my_cases' }]);
    expect(f.last.replies).toEqual([]);

    f.event({ type: 'my_cases', items: [] });
    expect(f.state.expecting).toBe('caseNumber');
    expect(f.text).toContain('XF202611270001');
    expect(f.last.effects).toEqual([]);

    // A number typed alone switches the language today: see "keeps the conversation's language" below.
    f.say('编号 xf 2026-1127-0001');
    expect(f.state.expecting).toBe('queryCode');
    expect(f.text).toContain('8 位查询码');
    expect(f.last.effects).toEqual([]);

    f.say('查询码是 0123 4567');
    expect(f.last.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '01234567' }]);
    expect(f.last.replies).toEqual([]);

    f.event({ type: 'case_opened', view: view() });
    expect(f.state.expecting).toBeNull();
    expect(f.state.verified).toEqual({ caseNumber: CASE, reviewUntil: null });
    expect(f.state.forms).toEqual([]);
    expect(f.text).toContain('当前状态：已受理');
    expect(f.text).toContain('承办单位：县自然资源局');
    expect(f.text).toContain('属地协办：东湖镇人民政府');
    expect(f.text).toContain('办理期限：2027年1月27日前答复您');
    expect(f.text).toContain('· 2026年11月27日 提交信访事项');
    expect(f.text).toContain('· 2026年11月28日 受理：已安排人员到现场核实');
    expect(f.payloads).toEqual(['fu:supplement', 'fu:rate:acceptance', 'case:other']);
  });

  it('takes number and code from one message, and a number without XF while the number is asked', () => {
    const f = flow();
    start(f, 'status', `查进度 ${CASE}，查询码 01234567`);
    expect(f.last.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '01234567' }]);

    const g = flow();
    start(g, 'status');
    g.event({ type: 'my_cases', items: [] });
    g.say('202611270001');
    expect(top(g)?.form).toBe('lookup');
    expect(g.slots['caseNumber']).toBe(CASE);
    expect(g.state.expecting).toBe('queryCode');
  });

  it('takes number and code from one message while the number is asked', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say(`编号${CASE}，查询码01234567`);
    expect(f.last.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '01234567' }]);
  });

  it('takes a typed case number even when the intent model reads something else', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say(`我的编号是${CASE}`, 'petition_start', 0.97);
    expect(f.state.expecting).toBe('queryCode');
    expect(f.slots['caseNumber']).toBe(CASE);
  });

  it('shows the acceptance deadline while the case waits for acceptance', () => {
    const f = opened(view({ status: 'submitted', acceptedAt: null, replyDueAt: null }));
    expect(f.text).toContain('当前状态：已登记，等待决定是否受理');
    expect(f.text).toContain('受理期限：2026年12月12日前告知您是否受理');
    expect(f.payloads).toEqual(['fu:supplement', 'case:other']);
  });

  it('gives one identical answer for a wrong code and an unknown number, naming neither', () => {
    // Not the catalog's example number (XF202611270001), which the question itself shows.
    const n = 'XF202611270009';
    const answer = (number: string, code: string) => {
      const f = flow();
      start(f, 'status', `查进度 ${number} ${code}`);
      expect(f.last.effects).toEqual([{ type: 'lookup_case', caseNumber: number, queryCode: code }]);
      f.event({ type: 'case_not_verified', locked: false });
      return f;
    };
    const wrongCode = answer(n, '99999999');
    const unknown = answer('XF209901010001', '01234567');
    expect(wrongCode.last.replies).toEqual(unknown.last.replies);
    expect(wrongCode.text).toContain(t('zh', 'lookupNotVerified'));
    expect(wrongCode.text).not.toContain(n);
    expect(wrongCode.text).not.toContain('99999999');
    expect(wrongCode.payloads).toEqual([]);
    expect(wrongCode.state.expecting).toBe('caseNumber');
    expect(wrongCode.state.verified).toBeNull();
    expect(top(wrongCode)).toMatchObject({ form: 'lookup', meta: { failures: 1 } });
    expect(wrongCode.slots).toEqual({});
  });

  it('says look-ups are paused for 15 minutes when locked, and stops asking', () => {
    const f = flow();
    start(f, 'status', `查进度 ${CASE} 01234567`);
    f.event({ type: 'case_not_verified', locked: true });
    expect(f.text).toContain('暂停 15 分钟');
    expect(f.payloads).toEqual(['cmd:human']);
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
  });

  it('after two failed answers explains with an example and offers a person', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say('不知道啊');
    expect(f.text).toContain('编号好像不太对');
    expect(f.payloads).toEqual([]);
    expect(f.state.expecting).toBe('caseNumber');

    f.say(`编号${CASE}`);
    expect(f.state.expecting).toBe('queryCode');
    f.say('1234');
    expect(f.text).toContain('查询码是 8 位数字');
    expect(f.text).toContain('例如 XF202611270001');
    expect(f.text).toContain('登记成功时显示的 8 位数字');
    expect(f.payloads).toContain('cmd:human');
    expect(f.state.expecting).toBe('queryCode');

    // A second failed answer to the same question: no third ask; the example and a person, and the lookup ends.
    f.say('4321');
    expect(f.text).toContain('登记成功时显示的 8 位数字');
    expect(f.payloads).toContain('cmd:human');
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
  });

  it('counts a refused look-up as a failed attempt too', () => {
    const f = flow();
    start(f, 'status', `查进度 ${CASE} 11111111`);
    f.event({ type: 'case_not_verified', locked: false });
    expect(f.payloads).toEqual([]);
    expect(f.state.expecting).toBe('caseNumber');
    f.say(`编号 ${CASE}，查询码 22222222`);
    expect(f.last.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '22222222' }]);
    f.event({ type: 'case_not_verified', locked: false });
    expect(f.text).toContain(t('zh', 'lookupNotVerified'));
    expect(f.payloads).toContain('cmd:human');
    // Two failures close the lookup (the person is offered instead of a third try).
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
  });

  it('answers a question in the middle, and asks for the number again afterwards', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say('信访的流程是什么', 'guide_procedure', 0.92);
    expect(f.text).toContain(county.guide!.procedure.zh.split('\n')[0]!);
    expect(f.text).not.toContain('编号好像不太对');
    expect(f.last.replies.at(-1)!.text).toBe(allMessages('zh').lookupAskCaseNumber);
    expect(f.state.expecting).toBe('caseNumber');
    expect(f.last.effects).toEqual([]);
  });

  it('answers a greeting in the middle as a greeting, not as a wrong number', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say('你好', 'greet', 0.95);
    expect(f.text).toContain(t('zh', 'welcome', { county: county.county.name.zh }));
    expect(f.text).not.toContain('编号好像不太对');
    expect(f.last.replies.at(-1)!.text).toBe(allMessages('zh').lookupAskCaseNumber);
    expect(f.state.expecting).toBe('caseNumber');
  });

  it('takes another follow-up said while the number is asked as what the lookup is for now', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say('我想补充材料', 'case_supplement', 0.95);
    expect(f.text).not.toContain('编号好像不太对');
    expect(f.last.replies.at(-1)!.text).toBe(allMessages('zh').lookupAskCaseNumber);
    f.say(`编号${CASE}，查询码01234567`);
    f.event({ type: 'case_opened', view: view() });
    expect(top(f)).toMatchObject({ form: 'supplement', asking: 'supplement' });
    expect(f.state.expecting).toBe('supplement');
  });

  it('lets a citizen who would rather file a petition start one while the number is asked', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say('我要反映问题', 'petition_start', 0.93);
    expect(f.text).not.toContain('编号好像不太对');
    expect(f.state.expecting).toBe('facts');
    expect(top(f)?.form).toBe('intake');
  });

  it('leaves messages to the rest of the bot when no question is open', () => {
    const f = opened(view());
    f.say('你好', 'greet');
    expect(f.text).toContain(t('zh', 'welcome', { county: county.county.name.zh }));
    f.say('满意');
    expect(f.last.effects).toEqual([]);
    expect(f.state.forms).toEqual([]);
    expect(f.state.expecting).toBeNull();
    // The verified case stays for later actions.
    expect(f.state.verified?.caseNumber).toBe(CASE);
  });
});

describe("the citizen's own cases", () => {
  it('opens the case just filed on this channel at once', () => {
    const f = flow('zh', { lastSubmitted: { intakeId: 'i1', caseNumber: CASE, queryCode: '01234567' } });
    start(f, 'status');
    expect(f.last.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);
  });

  it('opens the only own case, and lists several with buttons', () => {
    const one = flow();
    start(one, 'supplement');
    one.event({ type: 'my_cases', items: [{ caseNumber: CASE, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' }] });
    expect(one.last.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);

    const f = flow();
    start(f, 'status');
    f.event({
      type: 'my_cases',
      items: [
        { caseNumber: OTHER, status: 'submitted', createdAt: '2026-11-27T03:00:00.000Z' },
        { caseNumber: CASE, status: 'replied', createdAt: '2026-11-27T02:00:00.000Z' },
      ],
    });
    expect(f.payloads).toEqual([`case:${OTHER}`, `case:${CASE}`, 'case:other']);
    expect(f.last.replies[0]!.buttons![1]!.label).toBe(`${CASE}（已出具书面处理意见，2026年11月27日）`);
    expect(f.state.expecting).toBe('caseNumber');

    f.press(`case:${CASE}`);
    expect(f.last.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);
  });

  it('asks for a number when "another case" is chosen', () => {
    const f = flow();
    start(f, 'status');
    f.event({
      type: 'my_cases',
      items: [
        { caseNumber: CASE, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' },
        { caseNumber: OTHER, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' },
      ],
    });
    f.press('case:other');
    expect(f.state.expecting).toBe('caseNumber');
    expect(f.text).toBe(t('zh', 'lookupAskCaseNumber'));
    expect(f.last.effects).toEqual([]);
  });

  it('re-opens a verified case without asking again', () => {
    const f = opened(view());
    start(f, 'status', '再查一下');
    expect(f.last.effects).toEqual([{ type: 'reopen_case', caseNumber: CASE }]);
  });
});

describe('a replied case and review (复查)', () => {
  it('shows the review deadline date and the review body while the window is open', () => {
    const f = opened(replied());
    expect(f.text).toContain('当前状态：已出具书面处理意见');
    expect(f.text).toContain('可以在2026年12月31日前申请复查。');
    expect(f.text).toContain(remedyBody(county, 'reviewBody', 'zh'));
    expect(f.payloads).toEqual(['fu:rate:handling', 'fu:review', 'case:other']);
    expect(f.state.verified).toEqual({ caseNumber: CASE, reviewUntil: '2026-12-31T15:59:59.999Z' });
  });

  it('says the window has closed once it has, and offers no review', () => {
    const f = flow();
    f.now = new Date('2027-01-01T01:00:00Z');
    start(f, 'status', `查进度 ${CASE} 01234567`);
    f.event({ type: 'case_opened', view: replied() });
    expect(f.text).toContain('申请复查的期限已于2026年12月31日届满');
    expect(f.payloads).not.toContain('fu:review');
    expect(f.state.verified).toEqual({ caseNumber: CASE, reviewUntil: null });
  });

  it('inside the window: asks the reason in one message, then emits request_review', () => {
    const f = flow();
    start(f, 'review', `申请复查 ${CASE} 01234567`);
    f.event({ type: 'case_opened', view: replied() });
    expect(top(f)).toMatchObject({ form: 'review', asking: 'reviewReason' });
    expect(f.state.expecting).toBeNull();
    expect(f.text).toContain('哪些地方不服');
    // Saying again what one wants is no reason yet.
    f.say('我要申请复查');
    expect(f.last.effects).toEqual([]);
    expect(f.text).toBe(t('zh', 'lookupAskReviewReason'));
    f.say('补偿标准算错了，面积少算了两亩，我不认可这个答复');
    expect(f.last.effects).toEqual([{ type: 'request_review', caseNumber: CASE, reason: '补偿标准算错了，面积少算了两亩，我不认可这个答复' }]);
    f.event({ type: 'review_requested', caseNumber: CASE });
    expect(f.text).toContain('30 日内');
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
    // Requested: no second review from this conversation's memory of the window.
    expect(f.state.verified).toEqual({ caseNumber: CASE, reviewUntil: null });
  });

  it('outside the window: refuses with the date it closed and asks nothing', () => {
    const f = flow();
    f.now = new Date('2027-01-01T01:00:00Z');
    start(f, 'review', `申请复查 ${CASE} 01234567`);
    f.event({ type: 'case_opened', view: replied() });
    expect(f.text).toContain('申请复查的期限已于2026年12月31日届满，不能再申请复查');
    expect(f.state.forms).toEqual([]);
    expect(f.state.expecting).toBeNull();
  });

  it('before a reply, and after a review was requested, explains instead of asking', () => {
    const early = opened(view(), 'review');
    expect(early.text).toContain('复查要在收到书面处理意见之后才能申请');
    expect(early.state.forms).toEqual([]);
    const again = opened(view({ status: 'review_requested', repliedAt: '2026-12-01T02:00:00.000Z', reviewRequestedAt: '2026-12-05T02:00:00.000Z' }), 'review');
    expect(again.text).toContain('您已于2026年12月5日申请复查');
    expect(again.text).toContain('已经申请过复查');
    expect(again.state.forms).toEqual([]);
  });

  it.each([
    ['window_closed', '2026-12-31T15:59:59.999Z', '已于2026年12月31日届满'],
    ['already_requested', null, '已经申请过复查'],
    ['not_replied', null, '收到书面处理意见之后'],
  ] as const)('explains the use case refusing a review: %s', (reason, dueAt, words) => {
    const f = opened(replied());
    f.press('fu:review');
    f.say('不同意答复');
    expect(f.last.effects).toEqual([{ type: 'request_review', caseNumber: CASE, reason: '不同意答复' }]);
    f.event({ type: 'review_refused', reason, dueAt });
    expect(f.text).toContain(words);
    expect(f.state.forms).toEqual([]);
  });
});

describe('adding material', () => {
  it('asks for it, refuses overlong text, and emits add_supplement', () => {
    const f = opened(view());
    f.press('fu:supplement');
    expect(f.state.expecting).toBe('supplement');
    f.say('字'.repeat(4001));
    expect(f.text).toContain('超过 4000 字');
    expect(f.last.effects).toEqual([]);
    expect(f.state.expecting).toBe('supplement');
    f.say('昨天村里又来人量地了，我拍了照片');
    expect(f.last.effects).toEqual([{ type: 'add_supplement', caseNumber: CASE, text: '昨天村里又来人量地了，我拍了照片' }]);
    f.event({ type: 'supplement_added', caseNumber: CASE });
    expect(f.text).toContain('已记入案件 XF202611270001');
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
    expect(f.payloads).toEqual(['fu:supplement']);
  });

  it('takes material that reads as a story, and does not take the announcement naming the case (round C)', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say(`我要给${CASE}补充材料`);
    expect(f.last.effects).toEqual([]);
    expect(f.state.expecting).toBe('supplement');
    f.say('城管罚过他一次 他交了罚款还是照样吵');
    expect(f.last.effects).toEqual([{ type: 'add_supplement', caseNumber: CASE, text: '城管罚过他一次 他交了罚款还是照样吵' }]);
  });

  it('says so when the material has no words', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('   ');
    expect(f.text).toContain('没有收到文字内容');
    expect(f.last.effects).toEqual([]);
    expect(f.state.expecting).toBe('supplement');
  });

  it('continues a supplement request after the case is found', () => {
    const f = flow();
    start(f, 'supplement', `补充材料 ${CASE} 01234567`);
    f.event({ type: 'case_opened', view: view() });
    expect(f.state.expecting).toBe('supplement');
    expect(top(f)).toMatchObject({ form: 'supplement', meta: { caseNumber: CASE } });
    const closed = opened(view({ status: 'closed' }), 'supplement');
    expect(closed.text).toContain('不能再补充材料');
    expect(closed.state.expecting).toBeNull();
    expect(closed.state.forms).toEqual([]);
  });

  it('asks again on an announcement of material, without counting it as a wrong answer', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('我要补充材料', 'case_supplement', 0.93);
    expect(f.last.effects).toEqual([]);
    expect(f.text).toContain('请把要补充的情况用文字发给我');
    expect(f.text).not.toContain(t('zh', 'formNotUnderstood'));
    expect(f.state.expecting).toBe('supplement');
    expect(top(f)?.fails ?? 0).toBe(0);
  });

  it('does not take a status question as material', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('查一下进度', 'case_status', 0.9);
    expect(f.last.effects).not.toContainEqual(expect.objectContaining({ type: 'add_supplement' }));
    // The status is looked up instead (the verified case, without asking again).
    expect(f.last.effects).toEqual([{ type: 'reopen_case', caseNumber: CASE }]);
  });

  it('takes long material as material even when it mentions cancelling', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('他们把我家的低保取消了，理由是有车，可那辆车早就卖了', 'cancel', 0.9);
    expect(f.last.effects).toEqual([{ type: 'add_supplement', caseNumber: CASE, text: '他们把我家的低保取消了，理由是有车，可那辆车早就卖了' }]);
  });
});

describe('rating', () => {
  it('by button: asks with three buttons and emits rate_case', () => {
    const f = opened(replied());
    f.press('fu:rate:handling');
    expect(f.state.expecting).toBe('satisfaction');
    expect(top(f)).toMatchObject({ form: 'rating', asking: 'satisfaction', meta: { stage: 'handling' } });
    expect(f.payloads).toEqual(['rate:handling:satisfied', 'rate:handling:basically_satisfied', 'rate:handling:dissatisfied']);
    f.press('rate:handling:basically_satisfied');
    expect(f.last.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'handling', rating: 'basically_satisfied' }]);
    expect(f.state.expecting).toBeNull();
    f.event({ type: 'case_rated', caseNumber: CASE, stage: 'handling', rating: 'basically_satisfied' });
    expect(f.text).toContain('谢谢您的评价');
    expect(f.state.forms).toEqual([]);
  });

  it('by text: 不满意 is read as dissatisfied, not as 满意, and the review remedy follows', () => {
    const f = opened(replied(), 'rate');
    expect(f.state.expecting).toBe('satisfaction');
    expect(top(f)).toMatchObject({ form: 'rating', asking: 'satisfaction', meta: { stage: 'handling' } });
    f.say('不满意', 'affirm', 0.6);
    expect(f.last.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' }]);
    f.event({ type: 'case_rated', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' });
    expect(f.text).toContain('可以在2026年12月31日前申请复查');
    expect(f.payloads).toEqual(['fu:review']);
  });

  it('re-asks when the answer is not a rating', () => {
    const f = opened(view(), 'rate');
    expect(top(f)?.meta['stage']).toBe('acceptance');
    f.say('这个怎么说呢');
    expect(f.text).toContain('请点下面的按钮');
    expect(f.payloads).toEqual(['rate:acceptance:satisfied', 'rate:acceptance:basically_satisfied', 'rate:acceptance:dissatisfied']);
    expect(f.state.expecting).toBe('satisfaction');
    f.say('满意');
    expect(f.last.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'acceptance', rating: 'satisfied' }]);
  });

  it.each([
    ['already_rated', '已经评价过了'],
    ['not_yet', '还没有办理到可以评价的环节'],
  ] as const)('reports the use case refusing a rating: %s', (reason, words) => {
    const f = opened(view(), 'rate');
    f.say('满意');
    expect(f.last.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'acceptance', rating: 'satisfied' }]);
    f.event({ type: 'rating_refused', reason });
    expect(f.text).toContain(words);
    expect(f.state.forms).toEqual([]);
  });

  it('says there is nothing to rate when every stage is rated', () => {
    const f = opened(replied({ ratings: { acceptance: 'satisfied', handling: 'satisfied' } }), 'rate');
    expect(f.text).toContain('没有需要您评价的环节');
    expect(f.state.expecting).toBeNull();
    expect(f.state.forms).toEqual([]);
  });

  it.each([
    ['满意', 'satisfied'],
    ['非常满意', 'satisfied'],
    ['不满意', 'dissatisfied'],
    ['很不满意！', 'dissatisfied'],
    ['不太满意', 'dissatisfied'],
    ['不是很满意', 'dissatisfied'],
    ['基本满意', 'basically_satisfied'],
    ['还行吧', 'basically_satisfied'],
    ['一般', 'basically_satisfied'],
    ['Satisfied', 'satisfied'],
    ['not satisfied', 'dissatisfied'],
    ['dissatisfied', 'dissatisfied'],
    ['basically satisfied', 'basically_satisfied'],
    ['ok', 'basically_satisfied'],
    ['not bad', 'basically_satisfied'],
    ['3', 'dissatisfied'],
    ['说不好', 'dissatisfied'],
    ['我想想', null],
  ])('reads %s as %s', (s, expected) => {
    expect(ratingIn(s)).toBe(expected);
  });
});

describe('cancel', () => {
  it('stops the follow-up by words or by button while a question is open', () => {
    const f = flow();
    start(f, 'status', `查进度 ${CASE}`);
    expect(f.state.expecting).toBe('queryCode');
    f.say('算了不查了', 'cancel', 0.88);
    expect(f.state.forms).toEqual([]);
    expect(f.state.expecting).toBeNull();
    expect(f.text).toContain('已经停止了');

    const g = opened(view());
    g.press('fu:supplement');
    g.press('cmd:cancel');
    expect(g.state.forms).toEqual([]);
    expect(g.state.expecting).toBeNull();
    expect(g.text).toContain('已经停止了');
  });

  it('answers a cancel with nothing open as such', () => {
    const f = opened(view());
    f.say('取消', 'cancel', 0.9);
    expect(f.text).toBe(t('zh', 'nothingToCancel'));
    expect(f.state.verified?.caseNumber).toBe(CASE);
  });
});

describe('words and locales', () => {
  it('speaks English with natural dates', () => {
    const f = opened(replied(), 'status', 'en');
    expect(f.text).toContain('Status: a written reply has been given');
    expect(f.text).toContain('Responsible unit: County Natural Resources Bureau');
    expect(f.text).toContain('Local co-handler: Donghu Town Government');
    expect(f.text).toContain('you may request a review until 31 December 2026.');
    expect(f.text).toContain('· 28 November 2026 accepted: 已安排人员到现场核实');
  });

  it('keeps the conversation’s language when a case number is typed alone', () => {
    const f = flow();
    start(f, 'status');
    f.event({ type: 'my_cases', items: [] });
    f.say(CASE);
    expect(f.state.locale).toBe('zh');
    expect(f.text).toBe(t('zh', 'lookupAskQueryCode'));
  });

  it('has every key in both languages and leaves no placeholder unfilled', () => {
    const zh = Object.keys(allMessages('zh')).filter((k) => k.startsWith('lookup') || k.startsWith('callback') || k.startsWith('st_') || k.startsWith('ev_'));
    expect(zh.length).toBeGreaterThan(60);
    for (const k of zh) expect(allMessages('en')[k], k).toBeTruthy();
    for (const locale of ['zh', 'en'] as const) {
      const f = opened(replied({ timeline: view().timeline }), 'status', locale);
      f.press('fu:rate:handling');
      f.say(locale === 'zh' ? '不满意' : 'not satisfied');
      expect(f.last.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' }]);
      f.event({ type: 'case_rated', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' });
      expect(f.text).not.toMatch(/\{\w+\}/);
    }
  });

  it('finds the query code among other digits', () => {
    expect(queryCodeIn('查询码是 0123 4567')).toBe('01234567');
    expect(queryCodeIn(`${CASE} 87654321`)).toBe('87654321');
    expect(queryCodeIn('０１２３４５６７')).toBe('01234567');
    expect(queryCodeIn('13812345678')).toBeNull();
    expect(queryCodeIn(CASE)).toBeNull();
  });
});
