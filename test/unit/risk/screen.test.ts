/**
 * The risk screen: tiers, clear threats, negation and harmless mentions in zh and
 * en, the held-out targets. Sentences here are written for this test, not copied
 * from intents/risk or from any evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { loadRiskSet, splitRiskSet } from '../../../src/nlu/risk/data.ts';
import type { RiskModel } from '../../../src/nlu/risk/model.ts';
import { createRiskScreen, levelOf, RISK_THRESHOLDS, screenRisk, screenWith, type RiskCategory } from '../../../src/nlu/risk/screen.ts';
import { evaluate, precision, recall } from '../../../scripts/risk-eval.ts';

describe('risk tiers', () => {
  it.each([
    [0, 'none'],
    [RISK_THRESHOLDS.possible - 0.001, 'none'],
    [RISK_THRESHOLDS.possible, 'possible'],
    [RISK_THRESHOLDS.risk - 0.001, 'possible'],
    [RISK_THRESHOLDS.risk, 'risk'],
    [1, 'risk'],
  ])('score %f is %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });

  const stub = (score: number, categories: RiskCategory[]): RiskModel => ({ score: () => ({ score, categories }) });

  it('a possible risk carries its score and kinds, so staff see what to look at', () => {
    expect(screenWith(stub(0.5, ['self_harm'])).screen('…')).toEqual({ level: 'possible', score: 0.5, categories: ['self_harm'], selfHarm: true });
  });

  it('a clear risk names its kinds in a fixed order', () => {
    expect(screenWith(stub(0.9, ['capital', 'blocking'])).screen('…')).toEqual({ level: 'risk', score: 0.9, categories: ['blocking', 'capital'], selfHarm: false });
  });

  it('below the middle tier nothing is named, the score is kept', () => {
    expect(screenWith(stub(0.1, ['violence'])).screen('…')).toEqual({ level: 'none', score: 0.1, categories: [], selfHarm: false });
  });

  it('empty text is not screened', () => {
    expect(screenRisk('   ')).toEqual({ level: 'none', score: 0, categories: [], selfHarm: false });
    expect(screenRisk(undefined).level).toBe('none');
  });

  it('the thresholds are ordered', () => {
    expect(0 < RISK_THRESHOLDS.possible && RISK_THRESHOLDS.possible < RISK_THRESHOLDS.risk && RISK_THRESHOLDS.risk < 1).toBe(true);
  });
});

describe('clear threats are risk, with their kind', () => {
  const CLEAR: [string, string][] = [
    ['self_harm', '钱要是再不退，我今晚就从县政府楼上跳下去'],
    ['self_harm', '我已經買好農藥了'],
    ['self_harm', 'i am going to kill myself tonight if nobody calls me back'],
    ['violence', '明天我揣上菜刀去找那个包工头算账'],
    ['violence', 'I will burn his house down with him inside'],
    ['threat', '你们不处理，后果自负，他家住哪我清清楚楚'],
    ['blocking', '明天全村人开着拖拉机去把国道堵了'],
    ['blocking', 'we will block the highway on monday with our trucks'],
    ['gathering', '我们约好了五十多人一起去县政府门口静坐'],
    ['gathering', 'we are organising a protest of two hundred people at the county government'],
    ['capital', '实在不行我们村十几个人一起进京上访'],
    ['capital', 'twenty of us will go to beijing together to petition'],
  ];
  it.each(CLEAR)('%s: %s', (category, text) => {
    const r = screenRisk(text);
    expect(r.level).toBe('risk');
    expect(r.categories).toContain(category);
    expect(r.selfHarm).toBe(r.categories.includes('self_harm'));
  });
});

describe('a threat inside a long message is not drowned by the story around it', () => {
  it.each([
    '您好，我姓王，手机13900001111，西山乡王庄村人，家里有三亩承包地，去年修路占了，说好一亩两万，到现在一分没见，村干部推镇里，镇里推县里，再不给钱我们几家就去把县政府大门堵了，希望领导重视',
    'hello, my name is li ming, phone 13900002222, from xishan, the factory has not paid forty of us since june, the boss changed his number, the labour bureau keeps saying wait, if nothing happens by friday we will block the factory gate with our trucks, thank you',
  ])('%s', (text) => {
    const r = screenRisk(text);
    expect(r.level).toBe('risk');
    expect(r.categories).toContain('blocking');
  });

  it('a long harmless message with a negated threat stays quiet', () => {
    const text = '您好，我姓王，手机13900001111，西山乡王庄村人，家里有三亩承包地，去年修路占了，说好一亩两万，到现在一分没见，村干部推镇里，镇里推县里，我们不会去堵路闹事，就想按政策拿到补偿，希望领导重视';
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('negation keeps a message quiet', () => {
  it.each([
    '我不会去闹的',
    '我不会去跳楼的，你们放心，我就想要个说法',
    '我们不会去北京，只想在县里解决',
    '我们绝不会去堵路，只是问问进度',
    "I won't hurt anyone, I just want my wages",
    'I will not kill myself, I only want an answer',
    'we are not going to block any road, we just want to know the progress',
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('harmless mentions stay quiet', () => {
  it.each([
    // someone else's death
    ['death', '隔壁村有人跳河了，听说是欠了债，河边的护栏能不能加高'],
    ['death', 'a villager hanged himself last year after losing his land, his widow needs support'],
    // other people's vehicles blocking a road
    ['trucks', '渣土车天天把我家门口的路堵住，灰尘很大'],
    ['trucks', 'the road was blocked by fallen trees after the storm'],
    // a trip to Beijing for work, study or a doctor
    ['trip', '我下个月去北京出差，材料能不能先交'],
    ['trip', 'my son works in beijing, i want to report his work injury here'],
    // a question about the rules
    ['rules', '堵路违法吗，我就是问问'],
    ['rules', 'is it illegal to petition in beijing?'],
    // anger and size alone
    ['anger', '气死我了，再不解决我就去法院起诉'],
    ['size', 'more than forty households in our village were flooded'],
  ])('%s: %s', (_kind, text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('on the held-out quarter of intents/risk (trained on the rest)', () => {
  const { train, test } = splitRiskSet(loadRiskSet());
  const r = evaluate(createRiskScreen(train), test);

  it('risk and possible together: recall ≥ 0.95 and precision ≥ 0.85, in each language', () => {
    for (const scope of ['all', 'zh', 'en'] as const) {
      expect(recall(r.counts['risk+possible'][scope])).toBeGreaterThanOrEqual(0.95);
      expect(precision(r.counts['risk+possible'][scope])).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('risk alone stays precise: ≥ 0.9', () => {
    expect(precision(r.counts.risk.all)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('cost', () => {
  // Loose bounds so a busy machine does not fail them; measured figures are in model.ts.
  it('trains in well under 3 s and screens a message in well under a millisecond', () => {
    const all = loadRiskSet();
    const t0 = performance.now();
    const screen = createRiskScreen(all);
    expect(performance.now() - t0).toBeLessThan(6000);
    const t1 = performance.now();
    for (const e of all) screen.screen(e.text);
    expect((performance.now() - t1) / all.length).toBeLessThan(1);
  });
});
