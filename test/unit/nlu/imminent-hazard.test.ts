/** A hazard to people now, told by a citizen: which messages are one, which number sends help, and which are not. */
import { describe, expect, it } from 'vitest';
import { imminentHazard, type HazardCall, type HazardKind } from '../../../src/nlu/imminent-hazard.ts';
import { loadIntentTraffic, loadScenarioTraffic } from '../../../scripts/risk-eval.ts';

const POSITIVE: Array<[HazardKind, HazardCall, string]> = [
  ['blasting', '110', '孩子天天在采石场边上玩，他们放炮也不清场，早晚要炸死人'],
  ['collapse', '119', '俺家房子裂了大缝随时要塌 一家人还住在里面'],
  ['gas', '119', 'the gas pipe in our building is leaking, you can smell it in the stairwell'],
  ['dam', '110', '水库的坝在渗水 下游一个村的人还不知道'],
  ['power', '110', '村里的高压线断了掉在路上 还有电 孩子放学都从那过'],
  ['chemical', '119', '化工厂的罐子在漏 味道刺鼻 附近住户都在家'],
  ['gas', '119', '楼道里全是煤气味 不知道哪家漏气了'],
  ['gas', '119', '小区地下的燃气管道被挖断了 正在往外冒气 好多人围着看'],
  ['flood', '119', '河水已经漫进村里了 好几户老人还没撤出来'],
  ['flood', '119', '发大水了 俺爹娘还困在屋里出不来'],
  ['fire', '119', '对面楼着火了 火越烧越大 三楼还有人没出来'],
  ['fire', '119', '隔壁厂房起火了，里面还有工人'],
  ['collapse', '119', '俺们村小学的教室房梁断了 随时会掉下来 孩子们还在里面上课'],
  ['collapse', '119', '后山裂了一条大缝 随时要滑下来 下面就是十几户人家'],
  ['dam', '110', '下了三天雨 水库快漫坝了 下游的人还不知道'],
  ['blasting', '110', '采石场放炮从来不警戒 石头飞到村小学的操场上'],
  ['pit', '110', '工地挖的大坑灌满了水 也没围挡 天天有小孩在边上玩'],
  ['pit', '110', '村口的鱼塘有好几米深 没有护栏 孩子们天天在边上玩'],
  ['power', '110', '路边的电线掉下来了 还带着电 刚才电死了一条狗'],
  ['chemical', '119', '厂里的硫酸罐漏了 流得满地都是 工人还在干活'],
  ['collapse', '119', 'The school wall is cracked and leaning over the playground, it could fall on the kids any minute'],
  ['collapse', '119', 'our old house is about to collapse and grandma still sleeps inside'],
  ['fire', '119', 'There is a fire in the building next door and people are still inside'],
  ['gas', '119', 'There is a strong smell of gas in our stairwell and nobody knows where it comes from'],
  ['dam', '110', 'The dam above our village is seeping and the people downstream have not been told'],
  ['power', '110', 'A high-voltage line is down on the road to the school and it is still sparking'],
  ['blasting', '110', 'The quarry does blasting without clearing the area, the kids play right next to it'],
  ['chemical', '119', 'A tanker is leaking ammonia on the highway near the village'],
  ['flood', '119', 'The river has burst its banks and water is pouring into the village, people are stuck on roofs'],
  ['pit', '110', 'Kids are swimming in the quarry pond every day, it is deep and there is no fence'],
];

/** Past, negated, supposed, or a grievance about houses, gas, dams, quarries with nobody in danger now. */
const NEGATIVE: string[] = [
  '去年塌过一回 村里到现在也没给修',
  '俺家房子去年塌过一回，现在修好了，就是补助没发',
  '没有漏气，就是燃气公司乱收费',
  '燃气管道没有漏气 但是燃气公司非要换表收三百',
  '燃气泄漏检测费凭什么要我们出',
  '燃气公司泄露了我的电话号码 天天有人打推销电话',
  '液化气又涨价了 一罐要一百二',
  '危房改造补贴没发',
  '危房改造补助村里报给了村干部亲戚 我家房子都快塌了反而没有',
  '我家房子快塌了 现在只能借住在亲戚家 危改一直不批',
  '房东快倒闭了 押金不退 我们一家还住在里面',
  '西山乡的厂子快垮了 工人天天上访',
  '村里到处是安全隐患 也没人管',
  '村里那座大桥裂了好几条缝，车过的时候晃得厉害，啥时候修',
  '采石场灰尘太大 庄稼叶子上全是白灰',
  '采石场放炮震得俺家墙都裂了 要求赔偿',
  '后山采石场天天放炮 灰大得很 俺家玉米地叫石头砸了',
  '我弄了炸药，谁来强拆就炸谁',
  '养猪场的粪味熏得人睡不着',
  '修水库占了俺家的地 补偿款到现在没给',
  '水库大坝加固工程款被挪用了',
  '河口镇砂场半夜还在抽沙 河堤也被挖垮了',
  '家里着火了，保险公司不赔',
  '邻居家着火了，幸好消防来得快，想问灾后补助找谁',
  '厂里失火 现在工人的工资没人发',
  '镇上的烟花爆竹仓库离居民区太近了，万一着火后果不堪设想',
  '电动车在楼道里充电 早晚着火 物业不管',
  '车打不着火了 现在还在路边',
  '村后头的水塘太深了，小孩子容易掉下去，能不能围起来',
  '我邻居家孩子在水库游泳淹死了，那里能不能拉个网',
  '下水道堵了 一下雨整条街都淹了 店里货全泡了',
  '电线断了 停电三天了 供电所不来修',
  '化工厂晚上偷偷排放废水 河里的鱼都死了',
  '化工厂烟囱冒黄烟 闻着呛嗓子',
  '一家人差点被煤气熏死，燃气公司要负责',
  '我把煤气打开了，门窗都关死了',
  'The gas price went up again this winter',
  'There is no gas leak, the gas company just wants to charge us for a new meter',
  'gas leak nearly killed my family, the gas company must answer for it',
  'the gas company leaks our personal data to sellers',
  'Last year the dam was leaking and they fixed it, but our compensation never came',
  'What if the dam bursts? Nobody checks it',
  'The quarry is so dusty our crops are white',
  'The blasting at the quarry cracked our walls and we want compensation',
  'The subsidy for dilapidated housing was never paid',
  'The bridge has cracks and needs repair',
  'My house was damaged in the flood last summer and I never got relief money',
  'The chemical plant is leaking waste water into the river',
  'The power line has been down for a week and we have no electricity',
  'My e-bike caught fire and the shop will not refund me',
  'they are burning straw right now and the smoke is everywhere',
];

describe('imminentHazard', () => {
  it.each(POSITIVE)('%s, call %s: %s', (kind, call, text) => {
    expect(imminentHazard(text)).toEqual({ kind, call });
  });

  it.each(NEGATIVE)('none: %s', (text) => {
    expect(imminentHazard(text)).toBeNull();
  });

  it('both languages are covered on both sides', () => {
    const zh = (t: string) => /\p{Script=Han}/u.test(t);
    expect(POSITIVE.filter(([, , t]) => zh(t)).length).toBeGreaterThanOrEqual(15);
    expect(POSITIVE.filter(([, , t]) => !zh(t)).length).toBeGreaterThanOrEqual(10);
    expect(NEGATIVE.filter(zh).length).toBeGreaterThanOrEqual(15);
    expect(NEGATIVE.filter((t) => !zh(t)).length).toBeGreaterThanOrEqual(10);
  });
});

describe('ordinary traffic: lines written by others for other purposes', () => {
  // The intent and slot-answer corpora and every line the scripted citizens type: none tells a hazard now.
  it.each([['intents', loadIntentTraffic], ['scripted citizens', loadScenarioTraffic]] as const)('%s: no line fires', (_name, load) => {
    const lines = load();
    expect(lines.length).toBeGreaterThan(500);
    expect(lines.filter((e) => imminentHazard(e.text)).map((e) => e.text)).toEqual([]);
  });
});

describe('cost', () => {
  // Every citizen message passes here: no pattern may backtrack super-linearly (a loose bound for a busy machine).
  it.each(['房'.repeat(20_000), '孩子天天'.repeat(5_000), '煤气'.repeat(10_000), 'gas '.repeat(5_000), 'kids playing '.repeat(1_500), '井'.repeat(20_000)])('20,000 hostile characters in well under a second', (text) => {
    const t0 = performance.now();
    imminentHazard(text);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
