/** The citizen's follow-up as pure turns: the exact effects, `expecting`, and what the citizen reads. */
import { describe, expect, it } from 'vitest';
import { readCountyConfig } from '../../../src/county-config-file.ts';
import { allMessages } from '../../../src/dialog/catalog/index.ts';
import { ratingIn, queryCodeIn } from '../../../src/dialog/follow-up/answers.ts';
import { followUpReprompt, handleFollowUpEvent, handleFollowUpMessage, startFollowUp } from '../../../src/dialog/follow-up/follow-up.ts';
import { remedyBody } from '../../../src/dialog/guide.ts';
import {
  initialState,
  type ConversationState,
  type EffectEvent,
  type FollowUpAction,
  type Locale,
  type PublicCaseView,
  type TurnContext,
  type TurnResult,
} from '../../../src/dialog/types.ts';
import type { CountyConfig, Guide } from '../../../src/domain/county/schema.ts';
import { extractEntities } from '../../../src/nlu/extractors/index.ts';

const demo = readCountyConfig();
const text = (s: string) => ({ zh: s, en: s });
/** The demo county's guide texts may still be in the works: a minimal guide stands in until they land. */
const TEST_GUIDE: Guide = {
  version: 'test-1',
  procedure: text('procedure'),
  conduct: text('conduct'),
  rights: text('rights'),
  summary: text('summary'),
  channels: {
    litigation: text('court'),
    arbitration: text('arbitration'),
    reconsideration: text('reconsideration'),
    discipline: text('discipline'),
    lowerLevel: text('lower level'),
    recheckClosed: text('closed'),
  },
  remedies: { reviewBody: text('复查向上一级机关提出。'), recheckBody: text('复核向再上一级机关提出。') },
  emergency: text('call 110'),
  officeHours: text('weekdays'),
};
const county: CountyConfig = demo.guide ? demo : { ...demo, guide: TEST_GUIDE };

const NOW = new Date('2026-12-10T02:00:00Z'); // 10:00 local
const CASE = 'XF202611270001';
const OTHER = 'XF202611270002';

function nluOf(s: string, intent: string, confidence: number, locale: Locale) {
  const entities = extractEntities(s, { now: NOW, townships: county.townships, utcOffsetMinutes: county.utcOffsetMinutes });
  return { intent: { name: intent, confidence }, entities, locale } as unknown as TurnContext['nlu'];
}

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

/** A conversation driven through the follow-up only; `null` answers are kept for the engine's part. */
class Flow {
  state: ConversationState;
  last: TurnResult | null = null;
  now = NOW;

  constructor(locale: Locale = 'zh', over: Partial<ConversationState> = {}) {
    this.state = { ...initialState(locale), ...over };
  }

  private ctx(s: string | null, intent: string, confidence: number): TurnContext {
    return { nlu: s ? nluOf(s, intent, confidence, this.state.locale) : null, now: this.now, county };
  }

  start(action: FollowUpAction, s: string | null = null, intent = 'case_status') {
    return this.apply(startFollowUp(this.state, action, { text: s, payload: null, locale: null }, this.ctx(s, intent, 0.9)));
  }

  say(s: string, intent = 'out_of_scope', confidence = 0.9) {
    return this.apply(handleFollowUpMessage(this.state, { text: s, payload: null, locale: null }, this.ctx(s, intent, confidence)));
  }

  press(payload: string) {
    return this.apply(handleFollowUpMessage(this.state, { text: null, payload, locale: null }, this.ctx(null, '', 0)));
  }

  event(e: EffectEvent) {
    return this.apply(handleFollowUpEvent(this.state, e, this.ctx(null, '', 0)));
  }

  get text(): string {
    return (this.last?.replies ?? []).map((r) => r.text).join('\n');
  }

  get payloads(): string[] {
    return (this.last?.replies ?? []).flatMap((r) => r.buttons ?? []).map((b) => b.payload);
  }

  get effects() {
    return this.last?.effects ?? [];
  }

  private apply(r: TurnResult | null) {
    this.last = r;
    if (r) this.state = r.state;
    return r;
  }
}

/** A flow whose case is already verified and shown. */
function opened(v: PublicCaseView, action: FollowUpAction = 'status', locale: Locale = 'zh'): Flow {
  const f = new Flow(locale);
  f.start(action);
  f.event({ type: 'case_opened', view: v });
  return f;
}

describe('finding the case by number and query code', () => {
  it('asks the number, then the code, and emits exactly one lookup', () => {
    const f = new Flow();
    f.start('status', '我想查一下办理进度');
    expect(f.effects).toEqual([{ type: 'list_my_cases' }]);
    expect(f.last!.replies).toEqual([]);

    f.event({ type: 'my_cases', items: [] });
    expect(f.state.expecting).toBe('caseNumber');
    expect(f.text).toContain('XF202611270001');
    expect(f.effects).toEqual([]);

    f.say('xf 2026-1127-0001');
    expect(f.state.expecting).toBe('queryCode');
    expect(f.text).toContain('8 位查询码');
    expect(f.effects).toEqual([]);

    f.say('查询码是 0123 4567');
    expect(f.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '01234567' }]);
    expect(f.last!.replies).toEqual([]);

    f.event({ type: 'case_opened', view: view() });
    expect(f.state.expecting).toBeNull();
    expect(f.state.followUp).toMatchObject({ verifiedCase: CASE, awaiting: null, failures: 0 });
    expect(f.text).toContain('当前状态：已受理');
    expect(f.text).toContain('承办单位：县自然资源局');
    expect(f.text).toContain('属地协办：东湖镇人民政府');
    expect(f.text).toContain('办理期限：2027年1月27日前答复您');
    expect(f.text).toContain('· 2026年11月27日 提交信访事项');
    expect(f.text).toContain('· 2026年11月28日 受理：已安排人员到现场核实');
    expect(f.payloads).toEqual(['fu:supplement', 'fu:rate:acceptance', 'case:other']);
  });

  it('takes number and code from one message, and a number without XF while the number is asked', () => {
    const f = new Flow();
    f.start('status', `查进度 ${CASE}，查询码 01234567`);
    expect(f.effects).toEqual([{ type: 'lookup_case', caseNumber: CASE, queryCode: '01234567' }]);

    const g = new Flow();
    g.start('status');
    g.event({ type: 'my_cases', items: [] });
    g.say('202611270001');
    expect(g.state.followUp?.caseNumber).toBe(CASE);
    expect(g.state.expecting).toBe('queryCode');
  });

  it('takes a typed case number even when the intent model reads something else', () => {
    const f = new Flow();
    f.start('status');
    f.event({ type: 'my_cases', items: [] });
    expect(f.say(`我的编号是${CASE}`, 'petition_start', 0.97)).not.toBeNull();
    expect(f.state.expecting).toBe('queryCode');
  });

  it('shows the acceptance deadline while the case waits for acceptance', () => {
    const f = opened(view({ status: 'submitted', acceptedAt: null, replyDueAt: null }));
    expect(f.text).toContain('当前状态：已登记，等待决定是否受理');
    expect(f.text).toContain('受理期限：2026年12月12日前告知您是否受理');
    expect(f.payloads).toEqual(['fu:supplement', 'case:other']);
  });

  it('gives one identical answer for a wrong code and an unknown number, naming neither', () => {
    const answer = (n: string, code: string) => {
      const f = new Flow();
      f.start('status', `${n} ${code}`);
      f.event({ type: 'case_not_verified', locked: false });
      return f;
    };
    const wrongCode = answer(CASE, '99999999');
    const unknown = answer('XF209901010001', '01234567');
    expect(wrongCode.last!.replies).toEqual(unknown.last!.replies);
    expect(wrongCode.text).not.toContain(CASE);
    expect(wrongCode.text).not.toContain('99999999');
    expect(wrongCode.state.expecting).toBe('caseNumber');
    expect(wrongCode.state.followUp).toMatchObject({ verifiedCase: null, caseNumber: null, failures: 1 });
  });

  it('says look-ups are paused for 15 minutes when locked, and stops asking', () => {
    const f = new Flow();
    f.start('status', `${CASE} 01234567`);
    f.event({ type: 'case_not_verified', locked: true });
    expect(f.text).toContain('暂停 15 分钟');
    expect(f.payloads).toEqual(['cmd:human']);
    expect(f.state.expecting).toBeNull();
  });

  it('after two failed answers explains with an example and offers a person', () => {
    const f = new Flow();
    f.start('status');
    f.event({ type: 'my_cases', items: [] });
    f.say('不知道啊');
    expect(f.text).toContain('编号好像不太对');
    expect(f.payloads).toEqual([]);
    expect(f.state.expecting).toBe('caseNumber');

    f.say(CASE);
    f.say('1234');
    expect(f.text).toContain('查询码是 8 位数字');
    expect(f.text).toContain('例如 XF202611270001');
    expect(f.text).toContain('登记成功时显示的 8 位数字');
    expect(f.payloads).toContain('cmd:human');
    expect(f.state.expecting).toBe('queryCode');
  });

  it('counts a refused look-up as a failed attempt too', () => {
    const f = new Flow();
    f.start('status', `${CASE} 11111111`);
    f.event({ type: 'case_not_verified', locked: false });
    expect(f.payloads).toEqual([]);
    f.say(`${CASE} 22222222`);
    f.event({ type: 'case_not_verified', locked: false });
    expect(f.payloads).toContain('cmd:human');
    expect(f.state.expecting).toBe('caseNumber');
  });

  it('lets the engine answer a digression, and asks the question again afterwards', () => {
    const f = new Flow();
    f.start('status');
    f.event({ type: 'my_cases', items: [] });
    expect(f.say('信访的流程是什么', 'guide_procedure', 0.92)).toBeNull();
    expect(f.say('你好', 'greet', 0.95)).toBeNull();
    expect(f.say('我要反映问题', 'petition_start', 0.93)).toBeNull();
    expect(f.state.expecting).toBe('caseNumber');
    expect(followUpReprompt(f.state).map((r) => r.text)).toEqual([allMessages('zh').fuAskCaseNumber]);
  });

  it('lets nothing through when no question is open', () => {
    const f = opened(view());
    expect(f.say('你好', 'greet')).toBeNull();
    expect(f.say('满意')).toBeNull();
    expect(followUpReprompt(f.state)).toEqual([]);
  });
});

describe("the citizen's own cases", () => {
  it('opens the case just filed on this channel at once', () => {
    const f = new Flow('zh', { lastSubmitted: { intakeId: 'i1', caseNumber: CASE, queryCode: '01234567' } });
    f.start('status');
    expect(f.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);
  });

  it('opens the only own case, and lists several with buttons', () => {
    const one = new Flow();
    one.start('supplement');
    one.event({ type: 'my_cases', items: [{ caseNumber: CASE, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' }] });
    expect(one.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);

    const f = new Flow();
    f.start('status');
    f.event({
      type: 'my_cases',
      items: [
        { caseNumber: OTHER, status: 'submitted', createdAt: '2026-11-27T03:00:00.000Z' },
        { caseNumber: CASE, status: 'replied', createdAt: '2026-11-27T02:00:00.000Z' },
      ],
    });
    expect(f.payloads).toEqual([`case:${OTHER}`, `case:${CASE}`, 'case:other']);
    expect(f.last!.replies[0]!.buttons![1]!.label).toBe(`${CASE}（已出具书面处理意见，2026年11月27日）`);
    expect(f.state.expecting).toBe('caseNumber');

    f.press(`case:${CASE}`);
    expect(f.effects).toEqual([{ type: 'open_own_case', caseNumber: CASE }]);
  });

  it('asks for a number when "another case" is chosen', () => {
    const f = new Flow();
    f.start('status');
    f.event({ type: 'my_cases', items: [{ caseNumber: CASE, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' }, { caseNumber: OTHER, status: 'accepted', createdAt: '2026-11-27T02:00:00.000Z' }] });
    f.press('case:other');
    expect(f.state.expecting).toBe('caseNumber');
    expect(f.effects).toEqual([]);
  });

  it('re-opens a verified case without asking again', () => {
    const f = opened(view());
    f.start('status', '再查一下');
    expect(f.effects).toEqual([{ type: 'reopen_case', caseNumber: CASE }]);
  });
});

describe('a replied case and review (复查)', () => {
  it('shows the review deadline date and the review body while the window is open', () => {
    const f = opened(replied());
    expect(f.text).toContain('当前状态：已出具书面处理意见');
    expect(f.text).toContain('可以在2026年12月31日前申请复查。');
    expect(f.text).toContain(remedyBody(county, 'reviewBody', 'zh'));
    expect(f.payloads).toEqual(['fu:rate:handling', 'fu:review', 'case:other']);
  });

  it('says the window has closed once it has, and offers no review', () => {
    const f = new Flow();
    f.now = new Date('2027-01-01T01:00:00Z');
    f.start('status', `${CASE} 01234567`);
    f.event({ type: 'case_opened', view: replied() });
    expect(f.text).toContain('申请复查的期限已于2026年12月31日届满');
    expect(f.payloads).not.toContain('fu:review');
  });

  it('inside the window: asks the reason in one message, then emits request_review', () => {
    const f = new Flow();
    f.start('review', `${CASE} 01234567`, 'complaint_review');
    f.event({ type: 'case_opened', view: replied() });
    expect(f.state.followUp?.awaiting).toBe('reviewReason');
    expect(f.text).toContain('哪些地方不服');
    f.say('补偿标准算错了，面积少算了两亩，我不认可这个答复');
    expect(f.effects).toEqual([{ type: 'request_review', caseNumber: CASE, reason: '补偿标准算错了，面积少算了两亩，我不认可这个答复' }]);
    f.event({ type: 'review_requested', caseNumber: CASE });
    expect(f.text).toContain('30 日内');
    expect(f.state.expecting).toBeNull();
  });

  it('outside the window: refuses with the date it closed and asks nothing', () => {
    const f = new Flow();
    f.now = new Date('2027-01-01T01:00:00Z');
    f.start('review', `${CASE} 01234567`, 'complaint_review');
    f.event({ type: 'case_opened', view: replied() });
    expect(f.text).toContain('申请复查的期限已于2026年12月31日届满，不能再申请复查');
    expect(f.state.followUp?.awaiting).toBeNull();
  });

  it('before a reply, and after a review was requested, explains instead of asking', () => {
    const early = opened(view(), 'review');
    expect(early.text).toContain('复查要在收到书面处理意见之后才能申请');
    const again = opened(view({ status: 'review_requested', repliedAt: '2026-12-01T02:00:00.000Z', reviewRequestedAt: '2026-12-05T02:00:00.000Z' }), 'review');
    expect(again.text).toContain('您已于2026年12月5日申请复查');
    expect(again.text).toContain('已经申请过复查');
  });

  it('explains each refusal of the use case', () => {
    const f = opened(replied());
    f.press('fu:review');
    f.say('不同意答复');
    f.event({ type: 'review_refused', reason: 'window_closed', dueAt: '2026-12-31T15:59:59.999Z' });
    expect(f.text).toContain('已于2026年12月31日届满');
    f.event({ type: 'review_refused', reason: 'already_requested', dueAt: null });
    expect(f.text).toContain('已经申请过复查');
    f.event({ type: 'review_refused', reason: 'not_replied', dueAt: null });
    expect(f.text).toContain('收到书面处理意见之后');
  });
});

describe('adding material', () => {
  it('asks for it, refuses empty and overlong text, and emits add_supplement', () => {
    const f = opened(view());
    f.press('fu:supplement');
    expect(f.state.expecting).toBe('supplement');
    f.say('   ');
    expect(f.text).toContain('没有收到文字内容');
    expect(f.state.expecting).toBe('supplement');
    f.say('字'.repeat(4001));
    expect(f.text).toContain('超过 4000 字');
    expect(f.effects).toEqual([]);
    expect(f.state.expecting).toBe('supplement');
    f.say('昨天村里又来人量地了，我拍了照片');
    expect(f.effects).toEqual([{ type: 'add_supplement', caseNumber: CASE, text: '昨天村里又来人量地了，我拍了照片' }]);
    f.event({ type: 'supplement_added', caseNumber: CASE });
    expect(f.text).toContain('已记入案件 XF202611270001');
    expect(f.state.expecting).toBeNull();
    expect(f.payloads).toEqual(['fu:supplement']);
  });

  it('continues a supplement request after the case is found', () => {
    const f = new Flow();
    f.start('supplement', `${CASE} 01234567`, 'case_supplement');
    f.event({ type: 'case_opened', view: view() });
    expect(f.state.expecting).toBe('supplement');
    const closed = opened(view({ status: 'closed' }), 'supplement');
    expect(closed.text).toContain('不能再补充材料');
    expect(closed.state.expecting).toBeNull();
  });

  it('asks again on an announcement of material, and lets a status question through', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('我要补充材料', 'case_supplement', 0.93);
    expect(f.effects).toEqual([]);
    expect(f.text).toContain('请把要补充的情况用文字发给我');
    expect(f.state.expecting).toBe('supplement');
    expect(f.say('查一下进度', 'case_status', 0.9)).toBeNull();
  });

  it('takes long material as material even when it mentions cancelling', () => {
    const f = opened(view());
    f.press('fu:supplement');
    f.say('他们把我家的低保取消了，理由是有车，可那辆车早就卖了', 'cancel', 0.9);
    expect(f.effects).toEqual([{ type: 'add_supplement', caseNumber: CASE, text: '他们把我家的低保取消了，理由是有车，可那辆车早就卖了' }]);
  });
});

describe('rating', () => {
  it('by button: asks with three buttons and emits rate_case', () => {
    const f = opened(replied());
    f.press('fu:rate:handling');
    expect(f.state.expecting).toBe('satisfaction');
    expect(f.payloads).toEqual(['rate:handling:satisfied', 'rate:handling:basically_satisfied', 'rate:handling:dissatisfied']);
    f.press('rate:handling:basically_satisfied');
    expect(f.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'handling', rating: 'basically_satisfied' }]);
    expect(f.state.expecting).toBeNull();
    f.event({ type: 'case_rated', caseNumber: CASE, stage: 'handling', rating: 'basically_satisfied' });
    expect(f.text).toContain('谢谢您的评价');
  });

  it('by text: 不满意 is read as dissatisfied, not as 满意, and the review remedy follows', () => {
    const f = opened(replied(), 'rate');
    expect(f.state.followUp).toMatchObject({ awaiting: 'satisfaction', rateStage: 'handling' });
    f.say('不满意', 'affirm', 0.6);
    expect(f.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' }]);
    f.event({ type: 'case_rated', caseNumber: CASE, stage: 'handling', rating: 'dissatisfied' });
    expect(f.text).toContain('可以在2026年12月31日前申请复查');
    expect(f.payloads).toEqual(['fu:review']);
  });

  it('re-asks when the answer is not a rating, and reports refusals', () => {
    const f = opened(view(), 'rate');
    expect(f.state.followUp?.rateStage).toBe('acceptance');
    f.say('这个怎么说呢');
    expect(f.text).toContain('请点下面的按钮');
    expect(f.payloads).toHaveLength(3);
    expect(f.state.expecting).toBe('satisfaction');
    f.say('满意');
    expect(f.effects).toEqual([{ type: 'rate_case', caseNumber: CASE, stage: 'acceptance', rating: 'satisfied' }]);
    f.event({ type: 'rating_refused', reason: 'already_rated' });
    expect(f.text).toContain('已经评价过了');
    f.event({ type: 'rating_refused', reason: 'not_yet' });
    expect(f.text).toContain('还没有办理到可以评价的环节');
  });

  it('says there is nothing to rate when every stage is rated', () => {
    const f = opened(replied({ ratings: { acceptance: 'satisfied', handling: 'satisfied' } }), 'rate');
    expect(f.text).toContain('没有需要您评价的环节');
    expect(f.state.expecting).toBeNull();
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
  it('stops the follow-up by intent or by button while a question is open', () => {
    const f = new Flow();
    f.start('status', CASE);
    expect(f.state.expecting).toBe('queryCode');
    f.say('算了不查了', 'cancel', 0.88);
    expect(f.state.followUp).toBeNull();
    expect(f.state.expecting).toBeNull();
    expect(f.text).toContain('已经停止了');

    const g = opened(view());
    g.press('fu:supplement');
    g.press('cmd:cancel');
    expect(g.state.followUp).toBeNull();
    expect(g.state.expecting).toBeNull();
  });

  it('leaves a cancel with nothing open to the engine', () => {
    const f = opened(view());
    expect(f.say('取消', 'cancel', 0.9)).toBeNull();
  });
});

describe('words and locales', () => {
  it('speaks English with natural dates', () => {
    const f = opened(replied(), 'status', 'en');
    expect(f.text).toContain('Status: a written reply has been given');
    expect(f.text).toContain('Responsible unit: County Natural Resources Bureau');
    expect(f.text).toContain('Local co-handler: 东湖镇 Government');
    expect(f.text).toContain('you may request a review until 31 December 2026.');
    expect(f.text).toContain('· 28 November 2026 accepted: 已安排人员到现场核实');
  });

  it('has every key in both languages and leaves no placeholder unfilled', () => {
    const zh = Object.keys(allMessages('zh')).filter((k) => k.startsWith('fu') || k.startsWith('st_') || k.startsWith('ev_'));
    expect(zh.length).toBeGreaterThan(60);
    for (const k of zh) expect(allMessages('en')[k], k).toBeTruthy();
    for (const locale of ['zh', 'en'] as const) {
      const f = opened(replied({ timeline: view().timeline }), 'status', locale);
      f.press('fu:rate:handling');
      f.say('not satisfied');
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
