/**
 * The slot-answer readers' rules and parsers on answers the classifiers missed
 * (from the training split of intents/answers): each case is one way citizens answer.
 */
import { describe, expect, it } from 'vitest';
import { restated, splitCount } from '../../../src/dialog/forms/intake/text.ts';
import { readPeopleCount } from '../../../src/nlu/answers/people-count.ts';
import { findPlace, readPlace } from '../../../src/nlu/answers/place.ts';
import { county } from '../../helpers/dialog.ts';
import { readRepresentatives } from '../../../src/nlu/answers/representatives.ts';
import { ruleAnswer } from '../../../src/nlu/answers/rules.ts';

describe('a question is read by its topic only when it reads as a question', () => {
  it.each([
    ['学校乱收费该哪个部门管', 'unit'],
    ['which agency is in charge of pollution here', 'unit'],
    ['病历要原件还是复印件', 'materials'],
    ['材料会不会给村里看', 'retaliation'],
    ['提交以后啥时候有人跟我联系', 'human'],
    ['名字可以不填吗', 'anonymous'],
    ['is this free?', 'cost'],
  ])('%s → %s', (text, topic) => expect(ruleAnswer('question', text)).toBe(topic));

  it.each(['材料我都带着呢', '匿名不匿名无所谓 我就叫张二牛', 'I have all the photos ready', 'why would I lie?'])('a statement is none: %s', (text) =>
    expect(ruleAnswer('question', text)).toBe('none'),
  );

  it('a topic word without a question is left to the classifier', () => expect(ruleAnswer('question', '照片在我手机里')).toBeNull());
});

describe('closed answers with a negation or a slip', () => {
  it.each(['不是不反映 是刚才说错了', '谁说要取消了', 'I never said I wanted to cancel', '咋能取消 俺等了半年了'])('cancel check, go on: %s', (text) =>
    expect(ruleAnswer('cancelCheck', text)).toBe('continue'),
  );
  it.each(['唉 算了 还是不弄了', 'yeah I don\'t want to go on', '真的 老板刚把钱打过来了 不用登了'])('cancel check, stop: %s', (text) =>
    expect(ruleAnswer('cancelCheck', text)).toBe('cancel'),
  );
  it.each([
    ['等等 先别交 有地方要改', 'edit'],
    ['还有一处没改过来', 'edit'],
    ['嗯……应该没错 交吧', 'yes'],
    ['不要提交了 钱到账了', 'cancel'],
  ])('summary: %s → %s', (text, label) => expect(ruleAnswer('confirm', text)).toBe(label));
  it.each([
    ['没有仲裁 也没起诉 就是第一次来', 'none'],
    ['去年找过镇政府 说在查 后来就再没人提过', 'earlier_petition'],
    ['镇里说正在核实名单，让等通知，这都等了半年了', 'lower_level'],
  ])('prior handling: %s → %s', (text, label) => expect(ruleAnswer('priorPetition', text)).toBe(label));
  it.each([
    ['呵呵 真满意 又推回村里了', 'dissatisfied'],
    ['满意，不用复查了', null],
  ])('satisfaction: %s → %s', (text, label) => {
    const got = ruleAnswer('satisfaction', text);
    if (label === null) expect(got).not.toBe('dissatisfied');
    else expect(got).toBe(label);
  });
});

describe('counts', () => {
  it.each([
    ['俺们仨 一人三千五没给', 3],
    ['要求赔钱，就俺仨', 3],
    ['俺跟俺老伴 一人每月少发二百', 2],
    ['五十好几人', 50],
    ['me, my wife and our two kids', 4],
    ['my mother-in-law and me', 2],
    ['me + 2 kids', 3],
    ['fifteen, maybe more', 15],
  ])('%s → %i', (text, n) => expect(readPeopleCount(text)?.n).toBe(n));

  it('a story about others with "just me filing" is one person', () =>
    expect(readPeopleCount("All the parents are unhappy but nobody else dares to complain, so it's just me filing")?.n).toBe(1));

  it('a long request keeps its count clause apart', () => {
    expect(splitCount('让厂里把五年的社保补缴上，扣我的钱退回来，就我自己')).toMatchObject({ count: { n: 1 }, rest: '让厂里把五年的社保补缴上，扣我的钱退回来' });
    expect(splitCount('Refund the 1,600 yuan for the MRI and check their other bills, just my grandmother')).toMatchObject({ count: { n: 1 } });
    expect(splitCount('给批，俩人')).toMatchObject({ count: { n: 2 }, rest: '给批' });
  });

  it('money and slots are no people (round O)', () => {
    expect(splitCount('I want the hospital to pay the second surgery costs, about 45,000 yuan. Just my father.')).toMatchObject({
      count: { n: 1 },
      rest: 'I want the hospital to pay the second surgery costs, about 45,000 yuan.',
    });
    expect(readPeopleCount('把村里三个低保名额给了他亲戚')).toBeNull();
    expect(readPeopleCount('三个人')?.n).toBe(3);
  });
});

describe('representatives', () => {
  const read = (text: string) => readRepresentatives(text)?.map((r) => `${r.self ? 'SELF' : r.name}${r.phone ? `:${r.phone}` : ''}`);
  it('a name taken back is replaced, not added', () => expect(read('窦建军13849301276 哦不对 打错了 是窦建国')).toEqual(['窦建国:13849301276']));
  it('"我也算一个", "再加我一个" add the citizen', () => {
    expect(read('陆建业 15093760138，侯桂英 13461208837，再加我一个')).toEqual(['陆建业:15093760138', '侯桂英:13461208837', 'SELF']);
    expect(read('姬红军18203769654 蒙晓丽15937620418 我也算一个')).toEqual(['姬红军:18203769654', '蒙晓丽:15937620418', 'SELF']);
  });
  it('俺 before one\'s own name and phone is the citizen', () => expect(read('俺顾长松 电话15638921076 俺弟顾长林13603761847')).toEqual(['SELF:15638921076', '顾长林:13603761847']));
  it('how a name is written is no other name', () => expect(read('谷丰收 谷子的谷 丰收的丰收 15037628806')).toEqual(['谷丰收:15037628806']));
  it('a position beside a name is no name', () => expect(read('Liu Dezhu, our village party secretary, 18736201429')).toEqual(['Liu Dezhu:18736201429']));
  it('"no need for representatives" is none, even said of oneself', () => {
    expect(read('就俺自己的事 不用代表')).toEqual([]);
    expect(read('代表？没有 俺们就是普通老百姓')).toEqual([]);
  });
});

describe('a slip taken back in the same breath', () => {
  it.each([
    ['村会计，哦不对，是村主任，姓冷', '村主任，姓冷'],
    ['the school, I mean the education bureau', 'the education bureau'],
    ['村委会', '村委会'],
  ])('%s → %s', (text, want) => expect(restated(text)).toBe(want));
});

describe('places (round C)', () => {
  const towns = county.townships;
  it('"地叫村" of "俺家的地叫村里给占了" and "旁边村" are no places', () => {
    expect(findPlace('俺家的地叫村里给占了 一分钱没给', towns)).toBeNull();
    expect(findPlace('补偿太少 旁边村都给1500', towns)).toBeNull();
    expect(findPlace('南河镇后沟村的地叫修路的挖了', towns)).toBe('后沟村');
  });
  it('"先回答我" is no place', () => expect(readPlace('先回答我', towns)).not.toHaveProperty('place'));
});

describe('round D and fresh hard cases', () => {
  const read = (text: string) => readRepresentatives(text)?.map((r) => `${r.self ? 'SELF' : r.name}${r.phone ? `:${r.phone}` : ''}`);
  it('the accused struck out is no representative', () => {
    expect(read('代表是陈国栋13937162290，马秀英15036227741 村支书王德贵千万别写上 就是他把钱贪了')).toEqual(['陈国栋:13937162290', '马秀英:15036227741']);
    expect(read("myself, +86 18939016627. please don't put the village head Wu Qiang on it")).toEqual(['SELF:18939016627']);
  });
  it('年纪大了 and 孙子 are no names; a phone via a grandson is the citizen\'s', () => {
    expect(read('高文斌当代表 18203759921 我年纪大了跑不动')).toEqual(['高文斌:18203759921']);
    expect(read('代表就俺 俺不会使手机 有事打俺孙子电话18937406651 就说找他爷')).toEqual(['SELF:18937406651']);
  });
  it('"19838476602是我的", "再算上我", "im the second one" are the citizen', () => {
    expect(read('19838476602是我的 袁德胜16639201857 他是退休教师')).toEqual(['SELF:19838476602', '袁德胜:16639201857']);
    expect(read('代表：谢金凤13838026194 钟德福15239746620 再算上我 一共三个')).toEqual(['谢金凤:13838026194', '钟德福:15239746620', 'SELF']);
    expect(read('Deng Hui 16603722981 goes first, im the second one')).toEqual(['Deng Hui:16603722981', 'SELF']);
  });
  it('filing alone is no representatives', () => expect(read('代表啥 俺不懂 反正就俺一个人去告的')).toEqual([]));

  it.each([
    ['俺 俺老伴 俩儿子 还有一个闺女 就俺一家子', 5],
    ['八個人 都是同一個村的 一起出去打工的', 8],
    ['me, my wife, our three kids and my mother who lives with us', 6],
    ['my parents, my grandma, me, my wife and our 4 kids', 9],
    ['me and 4 others from the workshop, we were all let go the same week', 5],
    ['me plus ten other drivers from the same bus company', 11],
    ['六户…哦不对 是六个人', 6],
  ])('count: %s → %i', (text, n) => expect(readPeopleCount(text)?.n).toBe(n));
});

describe('the place in an answer that says more (round D)', () => {
  const towns = county.townships;
  it.each([
    ['俺以前在青石镇红星煤矿干了二十多年，现在得了矽肺病，找的是矿上和镇社保所', '青石镇红星煤矿'],
    ['就是幸福公寓，在桃源乡政府往东200米，房东叫周德海', '幸福公寓，桃源乡政府往东200米'],
    ['鱼塘在河口镇杨家湾村南边，我们杨家湾一共三户养鱼的都遭了', '杨家湾村南边'],
  ])('%s → %s', (text, place) => expect(readPlace(text, towns)).toEqual({ place }));
});

describe('round E: whom they speak for', () => {
  it('"俺替大伙一块说的，他们都叫俺来" files for all; "俺只管俺自己家的" for themselves', async () => {
    const { scopeOf } = await import('../../../src/nlu/answers/people-count.ts');
    expect(scopeOf('俺替大伙一块说的，他们都叫俺来')).toBe('all');
    expect(scopeOf('五六家吧，俺只管俺自己家的')).toBe('self');
  });
  it('"茶坪村么" keeps no particle', () => expect(readPlace('桃园乡茶坪村么', county.townships)).toEqual({ place: '茶坪村' }));
});

describe('satisfaction in marks and dialect, cancel checks with reasons (fresh lines)', () => {
  it.each([
    ['满分 一百分 东湖镇那边三天就来人把路修好了', 'satisfied'],
    ['及格吧 钱是退了一半 剩下的还说再等等', 'basically_satisfied'],
    ['不及格 零分都多给了', 'dissatisfied'],
    ['7 out of 10. got most of my wages back but still missing march', 'basically_satisfied'],
    ['说是已办结 可俺家房顶还漏着呢 办结个啥', 'dissatisfied'],
  ])('%s → %s', (text, label) => expect(ruleAnswer('satisfaction', text)).toBe(label));
  it.each([
    ['不想停 俺就是发发牢骚 该登还得登', 'continue'],
    ['俺不撤 撤了他们更嚣张', 'continue'],
    ['no i do not want to stop', 'continue'],
    ['不继续了 我去法院起诉', 'cancel'],
  ])('%s → %s', (text, label) => expect(ruleAnswer('cancelCheck', text)).toBe(label));
});

describe('round F details', () => {
  it('"就在俺们村后头那片" is vague; "李家村后头那片" a place', () => {
    expect(readPlace('就在俺们村后头那片', county.townships)).toEqual({ vague: true });
    expect(readPlace('李家村后头那片', county.townships)).toEqual({ place: '李家村后头那片' });
  });
  it('"以我家名义反映" files for themselves', async () => {
    const { scopeOf } = await import('../../../src/nlu/answers/people-count.ts');
    expect(scopeOf('不过我先以我家名义反映')).toBe('self');
  });
});

describe('round G details', () => {
  it('"三年了路还是烂泥路" names no place', () => expect(findPlace('俺们村的路修路钱拨下来了 三年了路还是烂泥路', county.townships)).toBeNull());
});

describe('round G: "place is the …"', () => {
  it('keeps no "is"', () => expect(readPlace('place is the Beiling township government building', county.townships)).not.toEqual({ place: expect.stringMatching(/^is\b/) }));
});

describe('fresh answers of 2026-12-07 (read before they joined the corpus)', () => {
  const read = (text: string) => readRepresentatives(text)?.map((r) => `${r.self ? 'SELF' : r.name}${r.phone ? `:${r.phone}` : ''}`);
  it.each([
    ['Uncle Zhao (Zhao Guoqing) 13603719872, he knows the whole story', ['Zhao Guoqing:13603719872']],
    ["Chen Hua, 13525087716. Liu Bo, 18737162209. actually Liu Bo can't do it, put Sun Li 15136728804", ['Chen Hua:13525087716', 'Sun Li:15136728804']],
    ['me and my brother Yang Fan, my no is 17637102258 his is 18838715506', ['SELF:17637102258', 'Yang Fan:18838715506']],
    ['rep is me, Shi Kai, 13598702216. and Cao Yan', ['SELF:13598702216', 'Cao Yan']],
    ['Lu Yong 15238807761... sorry typo, 15238807716', ['Lu Yong:15238807716']],
    ['我跟我表哥陈立 我的15093377120 他的13526640038', ['SELF:15093377120', '陈立:13526640038']],
    ['代表是林淑芬 電話13303712458 還有黃志明', ['林淑芬:13303712458', '黃志明']],
    ['李春生13783402267 哦不对 电话是13783402276', ['李春生:13783402276']],
    ['唐老三 大名叫唐德福 他没手机 还有我 17737105526', ['唐德福', 'SELF:17737105526']],
    ['柏云龙 13703712284 苗红霞 15617390025 算了苗红霞她说她不干了 就柏云龙一个', ['柏云龙:13703712284']],
    ['秦大柱 秦二柱', ['秦大柱', '秦二柱']],
    ['not chosen yet, we\'ll decide at the village meeting', []],
  ])('representatives: %s', (text, want) => expect(read(text)).toEqual(want));
  it.each([
    ['11 housholds', 11],
    ['我和我弟', 2],
  ])('count: %s → %i', (text, n) => expect(readPeopleCount(text)?.n).toBe(n));
  it.each([
    ['钱是给了 但是拖了半年', 'basically_satisfied'],
    ['good, the money came', 'satisfied'],
    ['不满 他们根本没来人看', 'dissatisfied'],
    ['钱给了 但是我不满意', 'dissatisfied'],
  ])('satisfaction: %s → %s', (text, label) => expect(ruleAnswer('satisfaction', text)).toBe(label));
  it('a landmark by the pier is a place', () => expect(readPlace('河口镇码头边上的鱼市', county.townships)).toEqual({ place: '码头边上的鱼市' }));
});
