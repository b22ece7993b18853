/** The grid worker's dialogue, pure: binding commands, the screening form's rules and its draft (on the form engine). */
import { describe, expect, it } from 'vitest';
import { handleEvent, handleMessage } from '../../../src/dialog/engine.ts';
import { t as catalog } from '../../../src/dialog/catalog/catalog.ts';
import { slashCommand } from '../../../src/dialog/forms/screening/grid.ts';
import type { GridWorkerContext } from '../../../src/dialog/forms/screening/types.ts';
import { initialState, type ConversationState, type EffectEvent, type FormState, type TurnContext, type TurnResult } from '../../../src/dialog/types.ts';
import type { IntentName } from '../../../src/nlu/intents.ts';
import { ctxOf, nluOf } from '../../helpers/dialog.ts';
import { commandMenu, gridCommandMenu } from '../../../src/channels/telegram/commands.ts';

const GRID: GridWorkerContext = { staffId: 's1', username: 'grid-donghu01', township: '东湖镇', villages: [] };

class Worker {
  state: ConversationState = initialState('zh');
  last!: TurnResult;
  constructor(readonly grid: GridWorkerContext | null = GRID) {}
  private ctx(text: string | null, intent?: IntentName): TurnContext {
    return { ...ctxOf(text ? nluOf(text, intent) : null), grid: this.grid };
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
  get payloads() {
    return this.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);
  }
  /** The open report, if any. */
  get report(): FormState | undefined {
    return this.state.forms.find((f) => f.form === 'screening');
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
    expect(w.report?.slots['township']).toBe('东湖镇');
    w.say('河东村村民与东湖建筑公司');
    w.say('不是东湖镇，是西山乡的张湾');
    expect(w.text).toContain(catalog('zh', 'scrOnlyOwnTownship', { township: '东湖镇' }));
    expect(w.report?.slots['township']).toBe('东湖镇');
    w.say('东湖镇河东村');
    expect(w.state.expecting).toBe('facts');
    w.say('公司拖欠村民工资，村民准备去公司讨说法');
    w.say('二十来个人');
    expect(w.report?.slots['peopleCount']).toBe(20);
    // A question about the rules is answered, then the form asks again.
    w.say('信访的流程是什么？', 'guide_procedure');
    expect(w.text).toContain(catalog('zh', 'scrAskUrgency'));
    expect(w.payloads).toEqual(['urgency:normal', 'urgency:urgent', 'urgency:danger']);
    w.press('urgency:normal');
    expect(w.report?.asking).toBe('confirm');
    expect(w.state.expecting).toBe('confirm');
    expect(w.payloads).toEqual(['confirm:yes', 'confirm:edit', 'cmd:cancel']);
    w.say('人数说错了，是25人');
    expect(w.report?.slots['peopleCount']).toBe(25);
    const r = w.press('confirm:yes');
    expect(r.effects).toEqual([
      {
        type: 'submit_screening',
        draft: expect.objectContaining({ township: '东湖镇', peopleCount: 25, urgency: 'normal', category: 'labor', riskFlag: false, parties: '河东村村民与东湖建筑公司' }),
      },
    ]);
    w.event({ type: 'screening_submitted', reportId: w.report!.id, caseNumber: 'XF202611270001' });
    expect(w.text).toContain('XF202611270001');
    expect(w.report).toBeUndefined();
    expect(w.state.expecting).toBeNull();
    expect(w.state.lastReport).toEqual({ reportId: expect.any(String), caseNumber: 'XF202611270001' });
  });

  it('still takes the old summary buttons (scr:confirm, scr:edit, scr:urgency)', () => {
    const w = new Worker();
    w.say('/report');
    w.say('河东村村民与东湖建筑公司');
    w.say('东湖镇河东村');
    w.say('公司拖欠村民工资，村民准备去公司讨说法');
    w.say('二十来个人');
    w.press('scr:urgency:urgent');
    expect(w.report?.slots['urgency']).toBe('urgent');
    expect(w.report?.asking).toBe('confirm');
    w.press('scr:edit');
    expect(w.payloads).toContain('edit:peopleCount');
    const r = w.press('scr:confirm');
    expect(r.effects).toEqual([{ type: 'submit_screening', draft: expect.objectContaining({ urgency: 'urgent', peopleCount: 20 }) }]);
  });

  it('flags a risk message in the report without the citizen’s calm-down and handoff', () => {
    const w = new Worker();
    w.say('/report');
    const r = w.say('有人扬言要去堵路，还说要跳楼');
    expect(r.effects.some((e) => e.type === 'request_handoff')).toBe(false);
    expect(w.state.handoff).toBeNull();
    expect(w.report?.meta['riskFlag']).toBe(true);
  });

  it('requires a place inside the worker’s villages when they are set', () => {
    const w = new Worker({ ...GRID, villages: ['李家村'] });
    w.say('/report');
    w.say('两户村民');
    expect(w.last.replies.at(-1)!.buttons!.map((b) => b.payload)).toEqual(['place:李家村']);
    w.say('王庄');
    expect(w.text).toContain(catalog('zh', 'scrPlaceOutside', { villages: '李家村' }));
    expect(w.report?.slots['place']).toBeUndefined();
    w.press('place:李家村');
    expect(w.report?.slots['place']).toBe('李家村');
  });

  it('does not skip the place when the worker has villages (an old skip button included)', () => {
    for (const skip of ['skip:place', 'scr:skip:place']) {
      const w = new Worker({ ...GRID, villages: ['李家村'] });
      w.say('/report');
      w.say('两户村民');
      w.press(skip);
      expect(w.report?.slots['place']).toBeUndefined();
      expect(w.state.expecting).toBe('address');
      expect(w.payloads).toContain('place:李家村');
    }
    const open = new Worker();
    open.say('/report');
    open.say('两户村民');
    expect(open.payloads).toEqual(['skip:place']);
    open.press('skip:place');
    expect(open.report?.slots['place']).toBeNull();
    expect(open.state.expecting).toBe('facts');
  });

  it('keeps the township out of the edit list (it is the worker\'s own), and the summary goes on', () => {
    const w = new Worker();
    w.say('/report');
    w.say('河东村村民与东湖建筑公司');
    w.say('东湖镇河东村');
    w.say('公司拖欠村民工资，村民准备去公司讨说法');
    w.say('二十来个人');
    w.press('urgency:normal');
    w.press('confirm:edit');
    expect(w.payloads).toContain('edit:place');
    expect(w.payloads).not.toContain('edit:township');
    const r = w.press('confirm:yes');
    expect(r.effects).toEqual([{ type: 'submit_screening', draft: expect.objectContaining({ township: '东湖镇', peopleCount: 20 }) }]);
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
