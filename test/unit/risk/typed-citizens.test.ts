/** Harmless messages of the typed citizens' rounds that the screen once read as threats. */
import { describe, expect, it } from 'vitest';
import { screenRisk } from '../../../src/nlu/risk/screen.ts';

describe('the screen on demands and neighbours (round D)', () => {
  it.each([
    '我要求厂子赔我们的鱼钱，环保部门查处偷排，把排污口封了',
    'Hello, my english not so good. Neighbour build big extension 3 floor on his house, no permit, now our house no sun all day',
  ])('%s alerts nobody', (text) => expect(screenRisk(text).level).toBe('none'));

  it.each(['明天我们把镇政府大门封了', 'I know where his house is, he will pay'])('%s still does', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('victims and accidents (round E)', () => {
  it.each(['俺是北岭乡的 俺家草场叫一个公司给圈起来了，拉了铁丝网，羊没地方吃草，俺要告他们', '司机急刹车，孩子头撞到前排铁架子上缝了五针'])('%s alerts nobody', (text) =>
    expect(screenRisk(text).level).toBe('none'),
  );
  it('a wire fence around the government is still a blockade', () => expect(screenRisk('我们拉上铁丝网把镇政府门口围起来').level).toBe('risk'));
});

describe('round F', () => {
  it('"Block 3 … the same block" is an address, no blockade', () =>
    expect(screenRisk("We're at Block 3, Jinxiu Garden, Renmin Road. The bar is called \"Golden Voice KTV\", on the ground floor of the same block. Incidentally, is noise something your office deals with, or should I be ringing the police?").level).toBe('none'));
  it('"moved to the city to look after my grandpa" is no farewell', () =>
    expect(screenRisk('my parents moved to the city to look after my grandpa in 2022, and last spring the village re-allotted all 4.2 mu to another family').level).not.toBe('risk'));
  it.each(['we will block the road tomorrow', "please look after my kids, I won't be around"])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round G', () => {
  it('"俺家占了六亩" is a share of land, no occupation', () =>
    expect(screenRisk('俺要按合同把补偿款给了，一亩地八百块，俺家占了六亩。俺们村还有七八户也没拿到。等等，俺说错了，不是西山乡，是北岭乡石头沟村').level).toBe('none'));
  it('occupying the township government still alerts', () => expect(screenRisk('明天俺们去把乡政府占了').level).toBe('risk'));
});

describe('form answers of the corpus read as threats (2026-12-07)', () => {
  it.each([
    'me and 4 others from the workshop, we were all let go the same week',
    'chemical factory near Hekou Town river dump black water at night, fish all die, smell terrible',
    '申大勇 13598407123，他儿子申小勇也算一个',
    'the concrete plant at the edge of town, noise and dust day and night, and their trucks wreck the road too. mostly the dust, my kid has asthma',
    '打过12345 说记下了 就没下文了',
    '十六个人 今天都来了 我替大家填',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).not.toBe('risk'));

  it.each([
    "i'll just let go, nobody will miss me",
    '我知道他儿子在哪个学校上学',
    'they will wreck his car tonight, I swear',
    '你的车牌我记下了 你等着',
    '明天全村都来 把乡政府围了',
  ])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round H', () => {
  it('a calm question whether one may go to the city or Beijing is no threat', () =>
    expect(screenRisk('那我要是县里不管 能直接去市里或者北京上访不').level).toBe('none'));
  it.each(['如果县里不管，我们就去北京上访', '再不解决我就去北京'])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round M', () => {
  it.each([
    'Hi, I am Maria, from Philippines, married to Chinese man, live in Hekou town Majiazhuang village. our neighbour build a wall on our land and block our way',
    '修路的事归哪类俺哪知道 你看着办 对了地方是孙家坪村 从村口到小学那二里多地',
    '俺们南河镇黄河湾村跟旁边张庄村一共四十七户 2019年县里修高速占了俺们的地 每亩青苗补偿说好一千二 到现在还有一半没发',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));
  it.each(['我手上有汽油，你们看着办', '明天我们就去把高速堵了', 'we will block the road to the site tomorrow'])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round N', () => {
  it.each(['my landlord keep our deposit 3000 and lock the door when we not home. can you help', 'give back our 3000 deposit and stop lock the door. just me and my husband'])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));
  it('locking a government gate still alerts', () => expect(screenRisk('we will lock the gate of the township office tomorrow').level).toBe('risk'));
});

describe('round O (2026-12-07)', () => {
  it('"还不回来就按标准赔钱" is a demand, no farewell', () => expect(screenRisk('俺就要把地还回来，还不回来就按标准赔钱。就俺一家，四口人').level).toBe('none'));
  it('"…就不回来了" is still a farewell', () => expect(screenRisk('水库那边水挺深的，下回去了就不回来了').level).not.toBe('none'));
});

describe('round P (2026-12-07)', () => {
  it('"让他把堵路的那截墙拆了" is what blocks the citizen, no blockade', () => expect(screenRisk('让他把堵路的那截墙拆了，把路让出来').level).toBe('none'));
  it('"不知道算哪类，你看着办" leaves the kind to the bureau', () => expect(screenRisk('吃水问题，不知道算哪类，你看着办。全村有六十多户都没水吃').level).toBe('none'));
  it('"再不解决你们看着办" still warns', () => expect(screenRisk('再不解决你们看着办').level).not.toBe('none'));
  it('"把镇政府的路堵了" is still a blockade', () => expect(screenRisk('我们去把镇政府的路堵了').level).toBe('risk'));
});

describe('rounds W and X (2026-12-07 night)', () => {
  it.each([
    '隔壁老孙家，他盖了三层楼，把俺家光全挡了，城管也不管',
    'The new building next door blocks all our sunlight',
    '算了算了，等人工要到明天，我还是先自己登记吧。我儿子在南河镇中心小学读三年级，11月28号放学坐学校校车，司机急刹车，孩子头撞到座位上缝了5针',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));
  it.each(['那个拆我房子的队长，我知道他孩子每天几点放学坐校车', '俺们明天就去把镇政府大门堵了'])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round Y (2026-12-07 night)', () => {
  it.each([
    '我想匿名，不过又怕你们联系不上我……那就留个电话吧13037418862，名字不写了',
    "Place: Taoyuan town centre next to the post office. You cut off 'Taoyuan town'. Also in What happened, delete the first part about my wife",
    "ok good, submit. and cancel the staff thing, I don't need them",
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));
  it.each(['这是我最后一次反映了，以后你们也找不到我了', 'you will never find me again after this'])('%s still alerts', (text) => expect(screenRisk(text).level).not.toBe('none'));
  it('cutting off a road still alerts', () => expect(screenRisk('we will cut off the road to the township tomorrow').level).toBe('risk'));
});

describe('round Z false alarms', () => {
  it.each([
    "Hi. The primary school in our village was closed this September and merged into the township central school 6 km away. There's no school bus. Kids as young as 7 walk along the provincial road.",
    'My daughter is 8 and walks to school along the national highway every morning, there is no footpath',
    '乡政府呗 还有俺村支书刘长贵 钱是不是叫他扣下了 俺也不知道',
    '村里的补偿款叫会计扣下了一半，到现在也没个说法',
    '孩子们没校车，天天沿着省道走六七里地去镇上上学',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));

  it.each([
    "we'll block the provincial road",
    'If nothing is done we will walk onto the highway and lie down',
    'tomorrow we will park our tractors on the national road',
    '我们去堵省道',
    '老板不给钱，我们就把他扣下',
    '扣住镇长不让走',
    '不给钱就把会计扣下，不让他走',
    '补偿款不到位，明天就扣住来量地的干部',
  ])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));

  it('"把他扣下" alone is short: staff are still alerted', () => expect(screenRisk('把他扣下').level).not.toBe('none'));
});

describe('round Z3 false alarms', () => {
  it.each([
    'Hello. My daughter goes to Little Sprouts Kindergarten in Donghu Town. Yesterday they announced the kindergarten will close at the end of this month, in the middle of the school year. We already paid the whole year tuition.',
    'the kindergarten will close at the end of this month',
    'We want them to refund the tuition for the remaining months, about 9000 yuan, or help us find another kindergarten place nearby. Many families are affected, I think about 40 children. Who handles kindergartens, the education bureau?',
    '残疾人的事 算民政吧 我也不知道归哪个部门管 你给看着办',
    '你说算啥就算啥 你们看着办',
    '被反映对象还有那个租客 叫赵强 他才是赖着不走的人 派出所是不作为',
    '租客赖着不走，还不交房租',
    '他赖在我家不走 我们一家人没地方住',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));

  it.each([
    'tell the bureau chief i know which kindergarten his son goes to',
    'I know which kindergarten your kid goes to, think about it',
    "I'll be waiting outside his son's kindergarten",
    '我手上有汽油，你们看着办',
    '再不解决你们看着办',
    '不知道归哪个部门管 再不解决你们看着办',
    '我们就赖在镇政府不走了',
    '他不给钱我就赖在他家不走',
    '我知道他孩子在哪个幼儿园上学',
  ])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

describe('round Z4 false alarms', () => {
  it.each([
    "OK. The official is Deputy Town Head Gao (Gao Jianguo I believe). He uses the town government's black Passat, plate ending 3721, every weekend to drive his family to the lake resort and to his son's school in the county seat. I've seen it parked at Donghu Lake Resort on Saturdays at least 4 times since September, and I took photos.",
    '镇里的高副镇长每个周末开镇政府的公车拉家人去度假村，还送他儿子去县城上学，车牌尾号3721，我拍了照片',
    '单位的车他天天私用，车牌号我记着',
    'I took photos of his house',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));

  // Its words alone ("every weekend") still weigh a little: staff may be alerted quietly, no hand-over.
  it('a short report of an official car on family trips is no clear threat', () =>
    expect(screenRisk('He drives the official car to take his family to the resort every weekend, I took photos').level).not.toBe('risk'));

  it.each([
    "I know his plate and which school his son goes to, he'd better watch out",
    '我知道他车牌号 也知道他儿子在哪上学 让他小心点',
    "I've been following him home and took photos of his kids",
    "He uses the government car to drive his kids to school. I know his plate and which school his son goes to, he'd better watch out",
    'He takes the government car to the lake resort with his wife, I know his plate',
    '他开公车送儿子上学，我知道他儿子在哪上学，让他小心点',
    '他开公车拉家人去度假村，我知道他住哪，他家楼下我蹲了三天',
    "I'm going to the lake",
  ])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});

// Round Z7: false alarms at the risk tier, quoted as the simulated citizens typed them, each beside real threats it
// resembles (written for this test). The missed danger of that round ("今儿下午它又要放炮 俺孙子还在院里玩呢", a
// child near a quarry's blasting) is no case here: the screen's kinds are the citizen's own drastic steps, and a
// third party's hazard is none of them.
describe('round Z7 false alarms', () => {
  it.each([
    // "你们看着办" after asking which kind it is and guessing one: "you decide".
    '这算啥类？殡葬的事儿吧，你们看着办，反正是镇政府干的',
    // Offices visited in vain; "镇上统一搞的" is the town's own uniform action, no crowd organised.
    '找过村里，村支书说是镇上统一搞的，他管不了。镇上民政办也去了，没人理',
    // The office kept him out: no blockade.
    'first time. i went to their office one time but they not let me in, so i think is first time yes',
    // Past visits, "县里统一规划", and a corrected count of the households who signed.
    '去过教育局两趟 接待的说是县里统一规划 没法改。对了 签名的我数错了 是五十一户 不是四十九',
  ])('%s is no risk', (text) => expect(screenRisk(text).level).toBe('none'));

  it.each([
    '你们看着办，我手上有汽油',
    '这算啥类？殡葬的事儿吧，你们看着办，我手上有汽油',
    '这算啥类？再不解决你们看着办',
    '找过村里，他管不了，明天我们全村都去镇政府门口堵着',
    '镇上也去了，没人理，那就叫上全村人去县政府门口坐着',
    '县里统一规划，我们不服，明天全村统一去县政府门口',
    "they won't let me in so tomorrow we block the gate",
    'they did not let me in, so we will all sit in front of the gate',
    '明天我们五十一户都去教育局门口堵着',
    '签名的五十一户明天都去教育局门口堵着',
    '签名的有五十一户，都通知到了，周一统一去县政府',
  ])('%s still alerts', (text) => expect(screenRisk(text).level).toBe('risk'));
});
