/** The risk screen: each category in zh and en, negations, anger and group size alone. */
import { describe, expect, it } from 'vitest';
import { loadRiskSet, splitRiskSet } from '../../../src/nlu/risk/data.ts';
import { createRiskScreen, screenRisk } from '../../../src/nlu/risk/screen.ts';
import { evaluate, loadHeldOut } from '../../../scripts/risk-eval.ts';

// Written for this test, not copied from intents/risk.
const FIRES: [string, string][] = [
  ['self_harm', '钱再不还我，我就从镇政府楼上跳下去'],
  ['self_harm', '我不想活了'],
  ['self_harm', '我已經買好農藥了'],
  ['self_harm', 'i am going to kill myself tonight'],
  ['violence', '我明天带刀去找那个包工头'],
  ['violence', 'I will burn down his house'],
  ['threat', '你们不处理，后果自负'],
  ['threat', 'he will regret this, I know where he lives'],
  ['blocking', '明天全村去堵国道'],
  ['blocking', 'we will block the highway on monday'],
  ['gathering', '我们约好了五十多人一起去县政府静坐'],
  ['gathering', 'we are organising a protest at the county government'],
  ['capital', '实在不行我们村十几个人一起进京'],
  ['capital', 'twenty of us will go to beijing together'],
];

const QUIET = [
  '气死我了',
  '再不解决我就去法院起诉',
  '我们村三十多户都受影响了',
  '我不会去跳楼的，你们放心',
  '我们不会去北京，只想在县里解决',
  '堵路违法吗',
  '急死我了，到底什么时候答复',
  '那个路口天天堵车',
  'I am furious',
  'we will complain to the higher level through proper channels',
  "I won't hurt anyone",
  'I will not kill myself, I just want my money',
  'is it illegal to petition in beijing?',
  'more than forty households in our village were flooded',
  '',
];

describe('risk screen', () => {
  it.each(FIRES)('%s: %s', (category, text) => {
    const r = screenRisk(text);
    expect(r.level).toBe('risk');
    expect(r.categories).toContain(category);
    expect(r.selfHarm).toBe(category === 'self_harm');
  });

  it.each(QUIET)('does not fire: %s', (text) => {
    expect(screenRisk(text)).toEqual({ level: 'none', categories: [], selfHarm: false });
  });

  it('holds precision ≥ 0.9 and recall ≥ 0.85 on the held-out split of the labelled set', () => {
    const all = loadRiskSet();
    expect(all.filter((e) => e.locale === 'zh' && e.label !== 'none').length).toBeGreaterThanOrEqual(60);
    expect(all.filter((e) => e.locale === 'zh' && e.label === 'none').length).toBeGreaterThanOrEqual(60);
    expect(all.filter((e) => e.locale === 'en' && e.label !== 'none').length).toBeGreaterThanOrEqual(60);
    expect(all.filter((e) => e.locale === 'en' && e.label === 'none').length).toBeGreaterThanOrEqual(60);
    const { train, test } = splitRiskSet(all);
    const r = evaluate(createRiskScreen(train), test);
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.overall.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('holds precision ≥ 0.95 and recall ≥ 0.9 on the independent set (test/fixtures/risk-heldout.tsv), none of whose angry but lawful lines fire', () => {
    const heldOut = loadHeldOut();
    expect(heldOut.length).toBeGreaterThanOrEqual(140);
    const r = evaluate(createRiskScreen(loadRiskSet()), heldOut);
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.overall.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.overall.fp).toBe(0);
  });

  it('does not read 解决不了 ("cannot be solved") as the negation 决不 ("never")', () => {
    expect(screenRisk('解决不了我就去北京上访').categories).toEqual(['capital']);
    expect(screenRisk('我决不会去北京').level).toBe('none');
  });
});

// Veiled wording and harmless look-alikes; written for this test, not copied from intents/risk or the fixtures.
describe('risk screen: euphemisms and harmless mentions', () => {
  const VEILED: [string, string][] = [
    ['self_harm', '我把遗言都写好了，放在枕头底下'],
    ['self_harm', '这次再被驳回，我就去水库那边做个了断'],
    ['self_harm', 'i have written goodbye notes to my children'],
    ['violence', '他要是敢再来，我让他躺着出去'],
    ['violence', 'ill be waiting outside his house with a baseball bat'],
    ['threat', '你们领导住哪个小区、孩子在哪上学我一清二楚'],
    ['threat', 'ive got his home address, he should be careful'],
    ['blocking', '我拉一车石头横在工地门口'],
    ['blocking', 'we will park our tractors across the highway'],
    ['gathering', '下周一我们七十多号人去区政府门口坐着'],
    ['gathering', 'forty of us will go together to the county hall'],
    ['capital', '实在没办法我就上京城告御状'],
    ['capital', 'i am going to beijing to petition next week'],
  ];
  it.each(VEILED)('%s: %s', (category, text) => {
    expect(screenRisk(text).categories).toContain(category);
  });

  const HARMLESS = [
    '隔壁村有人跳河了，听说是欠了赌债，我们村的河堤护栏能不能加高',
    '农药店卖给我们过期的农药，怎么投诉',
    '我被村霸打伤了，派出所只是调解，我不服',
    '大货车天天把我家门口的路堵住，灰尘很大',
    '我下个月去北京看病，材料能不能先交',
    '我以前去北京反映过，这次想在县里解决',
    '老人出门一定要当心点，路太滑了',
    '村民准备去公司讨说法',
    'a villager hanged himself last year after losing his land, his widow needs support',
    'i was beaten by security guards last month and filed a police report',
    'the road was blocked by fallen trees after the storm',
    'someone parked across my driveway and the police will not help',
    'i will go to beijing next month for my sons wedding, can my sister submit papers for me',
    'i know where the office is, i just need the opening hours',
    'i will be there tomorrow morning at 9 with my documents',
  ];
  it.each(HARMLESS)('quiet: %s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});
