/**
 * The risk screen: tiers, clear threats, negation and harmless mentions in zh and
 * en, the held-out targets, false alarms on ordinary traffic. Sentences here are
 * written for this test, not copied from intents/risk or from any evaluation set,
 * except the false alarms quoted from real conversations (marked so).
 */
import { describe, expect, it } from 'vitest';
import { loadRiskSet, splitRiskSet } from '../../../src/nlu/risk/data.ts';
import type { RiskModel } from '../../../src/nlu/risk/model.ts';
import { createRiskScreen, levelOf, RISK_THRESHOLDS, screenRisk, screenWith, type RiskCategory } from '../../../src/nlu/risk/screen.ts';
import { evaluate, falseAlarms, loadIntentTraffic, loadScenarioTraffic, precision, recall } from '../../../scripts/risk-eval.ts';

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

  const STRONG = { phrase: true, core: true, short: false };
  const stub = (score: number, categories: RiskCategory[], evidence = STRONG): RiskModel => ({ score: () => ({ score, categories, evidence }) });

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

  it('a score above the risk threshold without enough evidence stays a quiet alert, under the threshold', () => {
    const weak = { phrase: false, core: false, short: false };
    const short = { phrase: false, core: true, short: true };
    for (const evidence of [weak, short]) {
      const r = screenWith(stub(0.95, ['self_harm'], evidence)).screen('…');
      expect(r.level).toBe('possible');
      expect(r.score).toBeLessThan(RISK_THRESHOLDS.risk);
    }
    expect(screenWith(stub(0.95, ['self_harm'], { phrase: true, core: false, short: true })).screen('…').level).toBe('risk');
    expect(screenWith(stub(0.95, ['blocking'], { phrase: false, core: true, short: false })).screen('…').level).toBe('risk');
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
    // chat-style, without punctuation or with spaces between clauses
    ['self_harm', '再拖下去我就在镇政府门口喝敌敌畏'],
    ['self_harm', '我已经爬到厂房楼顶了 老板不来我就跳'],
    ['violence', '谁敢动我家祖坟 我就拿斧头劈了谁'],
    ['threat', '他家的地址和他儿子的学校我都摸清了'],
    ['blocking', '明天一早我们把村口的路用拖拉机横上'],
    ['gathering', '三十多个工友约好周一去人社局门口静坐'],
    ['capital', '下个月我们十几户一起进京上访'],
    ['self_harm', "i've got the rope ready, tonight is the night"],
    ['violence', "if they touch my house again i'll burn theirs down"],
    ['blocking', "we'll block the county road with our tractors at dawn"],
    ['gathering', 'fifty of us will sit outside the labour bureau until we are paid'],
    ['capital', "i'm taking the night train to beijing to petition"],
  ];
  it.each(CLEAR)('%s: %s', (category, text) => {
    const r = screenRisk(text);
    expect(r.level).toBe('risk');
    expect(r.categories).toContain(category);
    expect(r.selfHarm).toBe(r.categories.includes('self_harm'));
  });
});

describe('a short text reaches risk only as a phrase that is a threat by itself', () => {
  it.each([
    ['self_harm', '真不想活了'],
    ['self_harm', '我要去跳河'],
    ['self_harm', 'gonna kill myself'],
    ['threat', '你们给我等着'],
    ['capital', '我要进京'],
  ])('%s: %s', (category, text) => {
    const r = screenRisk(text);
    expect(r.level).toBe('risk');
    expect(r.categories).toContain(category);
  });

  it.each(['先跳过', '算了吧', '死机了', '我先走了', 'goodbye then', 'scrap that', 'sorry', 'next one', '饿死了', '笑死'])('%s stays quiet', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('false alarms seen in real conversations stay quiet (quoted as they were typed)', () => {
  it.each([
    '跳过',
    '会不会因为我们找来了被老板报复',
    '411526197806065517 会不会因为我们找来了被老板报复',
    '拉横幅那句也别写上去 我就问问',
    '算了 说了也白说',
    '看病拿药的事',
    '我想砸了这破手机，打了半天字又没了',
    '这事我跟你们没完，明天我还来',
    '我们家拆迁快两年了 安置房还没交 房租一个月一千多 实在撑不住了',
    '你们误会了 我没想不开 就是说房租负担不起了',
    'force them to clear the exit and remove the grille, before people die in a fire',
    'he worked on a construction site in nanhe town for hongsheng construction company since march and they havent paid him since july',
    "I'm a British English teacher at Donghu Town Central Primary School and I'm writing about my son's school",
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('a risk character inside an ordinary word is not a threat', () => {
  it.each([
    '小区里跳舞的音响一直放到半夜',
    '孩子跳槽以后社保断了',
    '手机死机了，刚才的话没发出去',
    '这个回复笑死人，问东答西',
    '气死我了，电话又没人接',
    '排了一上午队，累死了',
    '饿了，我先去吃碗面再来',
    '村口的药店不收医保卡',
    '去卫生院拿药还得排队',
    '手术的刀口发炎了，医院不管',
    '我是坐火车来县里的，能不能快点办',
    'my phone died halfway through the form',
    'this queue is killing me',
    'the pharmacy ran out of my mum\'s heart pills',
    'can i jump to the compensation question',
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('the citizen as a possible victim: asking about retaliation and safety', () => {
  it.each([
    '我反映了以后会不会遭到打击报复',
    '怕村长知道是我举报的，会报复我家',
    '举报了老板会不会被开除',
    '实名反映的话我安全吗',
    'will the foreman punish us for coming here',
    'i am scared the village head will retaliate against my family',
    'is it safe for me to give my real name',
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('quoted, withdrawn and asked-about words', () => {
  it.each([
    '去县政府门口拉横幅犯法吗',
    '堵路那话是气头上说的，别记上',
    '刚才说去北京那句不算，我就是随口一说',
    '上次说要去闹的是我表弟，我没去',
    '电视上看见有人在政府门口静坐，我们可不那样',
    'please don\'t put down what i said about the road, i was upset',
    'is a sit in outside the bureau against the law? just asking',
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
  });
});

describe('ordinary petitions with loaded words stay quiet', () => {
  it.each([
    '派出所的民警来做了笔录，后来就没消息了',
    '上个月赶集时跟人打了一架，我被打伤了，对方不赔钱',
    '我爸在县医院住院半个月还是走了，医院说不清原因',
    '店里开业挂的横幅被城管收走了',
    '我要去北京复查，材料能晚点交吗',
    'my father passed away in the county hospital and they won\'t give us the records',
    'the inspectors took down the banner for my shop opening',
  ])('%s', (text) => {
    expect(screenRisk(text).level).toBe('none');
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

describe('ordinary traffic: harmless lines written by others for other purposes', () => {
  // The intent and slot-answer corpora and every line the scripted citizens type; measured rates are in screen.ts.
  const screen = createRiskScreen(loadRiskSet());
  const sets = { intents: loadIntentTraffic, 'scripted citizens': loadScenarioTraffic };
  it.each(Object.keys(sets))('%s: under 0.5 %% reach risk and under 3 %% alert staff at all (recall first: screen.ts)', (name) => {
    const r = falseAlarms(screen, sets[name as keyof typeof sets]());
    expect(r.n).toBeGreaterThan(500);
    expect(r.risk / r.n).toBeLessThan(0.005);
    expect((r.risk + r.possible) / r.n).toBeLessThan(0.03);
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

describe('round Z8: a calm widow adding a detail after filing', () => {
  it('"…粮食局工号俺不知道" (she does not know his staff number) is no threat; knowing one still is', () => {
    expect(screenRisk('再补充一下 留的电话是俺闺女刘红的 打过去找她就中 还有俺老头子叫刘长河 粮食局工号俺不知道').level).not.toBe('risk');
    expect(screenRisk('我知道他工号 也知道他住哪').level).toBe('risk');
  });
});

describe('round Z9: a daughter reporting a pharmacy for fake pills', () => {
  it('is no clear self-harm; swallowing pills after selling everything still is', () => {
    expect(screenRisk("This is the daughter typing now. It's Kangjian Pharmacy on Nanhe Street. In May they sold my father 'Amlodipine' blood pressure pills for 68 yuan, the box had no batch number, the pills were a different colour, and his pressure went up to 190.").level).not.toBe('risk');
    expect(screenRisk('I sold everything, tomorrow I will swallow all my sleeping pills').level).toBe('risk');
  });
});
