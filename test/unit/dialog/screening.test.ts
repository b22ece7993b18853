/** The grid worker's dialogue, pure: binding commands, the screening form's rules and its draft. */
import { describe, expect, it } from 'vitest';
import { handleEvent, handleMessage } from '../../../src/dialog/engine.ts';
import { t as catalog } from '../../../src/dialog/catalog/index.ts';
import type { GridWorkerContext } from '../../../src/dialog/screening/state.ts';
import { slashCommand } from '../../../src/dialog/screening/index.ts';
import { initialState, type ConversationState, type EffectEvent, type TurnResult } from '../../../src/dialog/types.ts';
import type { IntentName } from '../../../src/nlu/intents.ts';
import { county, NOW, nluOf } from '../../helpers/dialog.ts';
import { commandMenu, gridCommandMenu } from '../../../src/channels/telegram/commands.ts';

const GRID: GridWorkerContext = { staffId: 's1', username: 'grid-donghu01', township: '东湖镇', villages: [] };

class Worker {
  state: ConversationState = initialState('zh');
  last!: TurnResult;
  constructor(readonly grid: GridWorkerContext | null = GRID) {}
  private ctx(text: string | null, intent?: IntentName) {
    return { nlu: text ? nluOf(text, intent) : null, now: NOW, county, grid: this.grid };
  }
  say(text: string, intent?: IntentName) {
    return this.apply(handleMessage(this.state, { text, payload: null, locale: null }, this.ctx(text, intent)));
  }
  press(payload: string) {
    return this.apply(handleMessage(this.state, { text: null, payload, locale: null }, this.ctx(null)));
  }
  event(e: EffectEvent) {
    return this.apply(handleEvent(this.state, e, this.ctx(null)));
  }
  get text() {
    return this.last.replies.map((r) => r.text).join('\n');
  }
  private apply(r: TurnResult) {
    this.state = r.state;
    this.last = r;
    return r;
  }
}

describe('slash commands', () => {
  it.each([
    ['/bind 12345678', { name: 'bind', arg: '12345678' }],
    ['/bind@xf_bot 1234 5678', { name: 'bind', arg: '1234 5678' }],
    ['/start bind-12345678', { name: 'bind', arg: '12345678' }],
    ['/report', { name: 'report', arg: '' }],
    ['/reports', { name: 'reports', arg: '' }],
    ['/unbind', { name: 'unbind', arg: '' }],
    ['/start', null],
    ['bind 12345678', null],
  ])('%s', (text, expected) => {
    expect(slashCommand(text)).toEqual(expected);
  });

  it('asks the app to bind, and refuses grid commands to a citizen', () => {
    const c = new Worker(null);
    expect(c.say('/bind 1234-5678').effects).toEqual([{ type: 'bind_staff', code: '12345678' }]);
    expect(c.say('/report').effects).toEqual([]);
    expect(c.text).toBe(catalog('zh', 'scrGridOnly'));
  });
});

describe('the screening form', () => {
  it('keeps the worker’s own township, takes corrections and commits a draft', () => {
    const w = new Worker();
    w.say('/report');
    expect(w.state.expecting).toBe('respondent');
    w.say('河东村村民与东湖建筑公司');
    w.say('不是东湖镇，是西山乡的张湾');
    expect(w.text).toContain(catalog('zh', 'scrOnlyOwnTownship', { township: '东湖镇' }));
    w.say('东湖镇河东村');
    expect(w.state.expecting).toBe('facts');
    w.say('公司拖欠村民工资，村民准备去公司讨说法');
    w.say('二十来个人');
    expect(w.state.screening?.slots.peopleCount).toBe(20);
    // A question about the rules is answered, then the form asks again.
    w.say('信访的流程是什么？', 'guide_procedure');
    expect(w.text).toContain(catalog('zh', 'scrAskUrgency'));
    w.press('scr:urgency:normal');
    expect(w.state.screening?.asking).toBe('confirm');
    w.say('人数说错了，是25人');
    expect(w.state.screening?.slots.peopleCount).toBe(25);
    const r = w.press('scr:confirm');
    expect(r.effects).toEqual([
      {
        type: 'submit_screening',
        draft: expect.objectContaining({ township: '东湖镇', peopleCount: 25, urgency: 'normal', category: 'labor', riskFlag: false, parties: '河东村村民与东湖建筑公司' }),
      },
    ]);
    w.event({ type: 'screening_submitted', reportId: w.state.screening!.id, caseNumber: 'XF202611270001' });
    expect(w.text).toContain('XF202611270001');
    expect(w.state.screening).toBeNull();
  });

  it('flags a risk message in the report without the citizen’s calm-down and handoff', () => {
    const w = new Worker();
    w.say('/report');
    const r = w.say('有人扬言要去堵路，还说要跳楼');
    expect(r.effects.some((e) => e.type === 'request_handoff')).toBe(false);
    expect(w.state.screening?.riskFlag).toBe(true);
  });

  it('requires a place inside the worker’s villages when they are set', () => {
    const w = new Worker({ ...GRID, villages: ['李家村'] });
    w.say('/report');
    w.say('两户村民');
    expect(w.last.replies.at(-1)!.buttons!.map((b) => b.payload)).toEqual(['scr:place:李家村']);
    w.say('王庄');
    expect(w.text).toContain(catalog('zh', 'scrPlaceOutside', { villages: '李家村' }));
    w.press('scr:place:李家村');
    expect(w.state.screening?.slots.place).toBe('李家村');
  });
});

describe('the Telegram menu of a bound grid worker', () => {
  it('adds the grid commands to the citizen menu, in each language', () => {
    for (const l of ['zh', 'en'] as const) {
      const menu = gridCommandMenu(l);
      expect(menu.slice(0, commandMenu(l).length)).toEqual(commandMenu(l));
      expect(menu.map((c) => c.command).slice(-3)).toEqual(['report', 'reports', 'unbind']);
      expect(menu.at(-3)!.description).toBe(catalog(l, 'scrCmdReport'));
    }
  });
});
