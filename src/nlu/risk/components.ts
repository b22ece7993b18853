/**
 * What a threat is made of, per language: a means (poison, fuel, a rope, a blade,
 * a height or deep water), an act or intent against oneself or others, a farewell,
 * a veiled warning, knowledge of someone's life, an occupation or blockade and its
 * place, a gathering and its size, a trip above the county, a deadline or
 * condition. None decides alone — "农药" is also bought for the fields, "北京" is
 * also where a son studies — a learned model weighs them (see model.ts); these are
 * its features beside the words themselves.
 *
 * The other side, also features: what makes a look-alike harmless (someone else's
 * death, the speaker as victim — also one who fears retaliation —, a past event,
 * hearsay, an ordinary trip, farming and trade, tools, medicine, hyperbole, lawful
 * procedure, a question, reassurance and denial, words taken back, "just asking",
 * lawful persistence, a lawful visit, papers, kindness, festivities, a letter or a
 * website). Each masks the components it speaks for in its clause (HARMLESS_MASKS) and
 * the lexicon's hits of those categories (HARMLESS_LEXICON_MASKS).
 *
 * A risk component is written for its threatening sense only, so that it is evidence
 * worth weighing: 跳 but not 跳过/跳舞/跳槽, 刀 but not 刀口, a floor number or a bridge
 * only with a movement to or a place on it, "goodbye" only as a farewell, "pay" only as
 * "you will pay". The core components (CORE_COMPONENTS) are evidence on their own
 * account; the others only add to it.
 *
 * Each pattern is a plain alternation with bounded repeats: it runs on every
 * message and must stay linear (see test/unit/risk/regex-bounds.test.ts).
 */
import type { RiskCategory } from './lexicon.ts';

export type RiskLocale = 'zh' | 'en';

export const RISK_COMPONENTS = [
  'poison', 'fire', 'rope', 'weapon', 'height',
  'selfAct', 'farewell', 'harmOthers', 'detain', 'desperate', 'warning', 'knowsTarget',
  'occupy', 'place', 'group', 'crowd', 'organise', 'above', 'travel', 'ultimatum', 'already', 'relative', 'publicity',
] as const;
export type RiskComponent = (typeof RISK_COMPONENTS)[number];

/** The components that are evidence on their own account; the others (a place, "we", "tomorrow", "already", a relative, going somewhere) only add to it. */
export const CORE_COMPONENTS: ReadonlySet<RiskComponent> = new Set<RiskComponent>([
  'poison', 'fire', 'rope', 'weapon', 'height', 'selfAct', 'farewell', 'harmOthers', 'detain', 'desperate', 'warning', 'knowsTarget', 'occupy', 'organise', 'above',
]);

export const HARMLESS_COMPONENTS = [
  'othersDeath', 'victim', 'past', 'hearsay', 'ordinaryTrip', 'trade', 'tools', 'medical', 'hyperbole', 'procedure', 'question',
  'reassure', 'denial', 'retract', 'asking', 'persist', 'lawfulVisit', 'paperwork', 'care', 'festive', 'remote', 'leisure', 'moving', 'pests', 'repairs', 'hazard', 'burden', 'publicCar', 'rebuffed', 'signed',
] as const;
export type HarmlessComponent = (typeof HARMLESS_COMPONENTS)[number];

/** The categories a component speaks for: a harmless mention of that category masks it in its clause. */
export const COMPONENT_CATEGORIES: Readonly<Record<RiskComponent, readonly RiskCategory[]>> = {
  poison: ['self_harm'],
  fire: ['self_harm', 'violence'],
  rope: ['self_harm'],
  weapon: ['violence'],
  height: ['self_harm'],
  selfAct: ['self_harm'],
  farewell: ['self_harm'],
  harmOthers: ['violence'],
  detain: ['violence'],
  desperate: ['violence', 'threat'],
  warning: ['threat'],
  knowsTarget: ['threat'],
  occupy: ['blocking'],
  place: ['blocking', 'gathering'],
  group: ['gathering', 'capital'],
  crowd: ['gathering', 'capital'],
  organise: ['gathering'],
  above: ['capital'],
  travel: ['capital'],
  ultimatum: [],
  already: [],
  relative: [],
  publicity: ['gathering'],
};

/** A harmless cue masks these components in its own clause ("邻居跳河了": the jump is someone else's). */
export const HARMLESS_MASKS: Readonly<Record<HarmlessComponent, readonly RiskComponent[] | 'all'>> = {
  othersDeath: ['poison', 'fire', 'rope', 'height', 'selfAct', 'farewell'],
  victim: ['harmOthers', 'detain', 'weapon', 'fire', 'occupy', 'warning', 'knowsTarget'],
  past: 'all',
  hearsay: 'all',
  ordinaryTrip: ['above', 'travel'],
  trade: ['poison', 'fire', 'selfAct', 'height'],
  tools: ['weapon'],
  medical: ['weapon'],
  hyperbole: ['farewell', 'selfAct', 'harmOthers'],
  procedure: ['knowsTarget', 'warning'],
  question: [],
  reassure: 'all',
  denial: 'all',
  retract: 'all',
  asking: 'all',
  persist: ['warning', 'ultimatum'],
  lawfulVisit: ['group', 'organise', 'travel', 'place'],
  paperwork: ['already', 'travel', 'ultimatum', 'group', 'organise'],
  care: ['warning'],
  festive: ['group', 'crowd', 'organise', 'travel', 'place'],
  remote: ['above', 'travel'],
  leisure: ['occupy', 'place', 'height', 'group', 'rope', 'selfAct'],
  moving: ['farewell'],
  pests: ['poison'],
  repairs: ['height', 'place', 'occupy'],
  hazard: ['warning', 'harmOthers', 'height', 'selfAct', 'desperate', 'weapon', 'fire', 'poison'],
  // "房租一个月一千多 实在撑不住了": a burden of money said beside it; "不想活" stays a farewell (lexicon).
  burden: ['farewell'],
  // A report of a government car used privately names its plate, where it is seen parked, the
  // family's trips and the son's school: the shape of 'knows his plate' without the threat.
  publicCar: ['knowsTarget', 'place', 'travel', 'group', 'ultimatum'],
  // "找过村里…他管不了。镇上民政办也去了，没人理": offices already visited, nobody helped — a past
  // petition, not a crowd going somewhere. Speaks for the visit before it (BACKWARD_HARMLESS); holds
  // only in a message that plans nothing and names no crowd, occupation or trip above (UNPLANNED_ONLY).
  rebuffed: ['group', 'organise', 'travel', 'place'],
  // "签名的我数错了 是五十一户": the households who signed a petition, counted — not a crowd brought
  // anywhere. Speaks for the count after it (FORWARD_HARMLESS); only in a message that plans nothing
  // (UNPLANNED_ONLY). Organising, a place and a trip stay evidence.
  signed: ['group', 'crowd'],
};

/** A harmless cue also marks the lexicon's hits of these categories in its clause. */
export const HARMLESS_LEXICON_MASKS: Readonly<Record<HarmlessComponent, readonly RiskCategory[] | 'all'>> = {
  othersDeath: ['self_harm'],
  victim: ['violence', 'threat', 'blocking'],
  past: 'all',
  hearsay: 'all',
  ordinaryTrip: ['capital'],
  trade: [],
  tools: [],
  medical: [],
  hyperbole: [],
  procedure: ['threat'],
  question: [],
  reassure: 'all',
  denial: 'all',
  retract: 'all',
  asking: 'all',
  persist: ['threat'],
  lawfulVisit: ['gathering'],
  paperwork: [],
  care: ['threat'],
  festive: ['gathering'],
  remote: ['capital'],
  leisure: ['blocking'],
  moving: [],
  pests: ['self_harm'],
  repairs: [],
  hazard: ['threat', 'violence'],
  burden: [],
  publicCar: [],
  rebuffed: ['gathering'],
  signed: [],
};

/**
 * Cues that speak for the clause before them too: "拉横幅那句别写上去 我就问问" takes back
 * what was just said, "is it illegal to hold a banner? just asking" asks about it, "我知道
 * 他家住哪，但我不会去找他" denies it, "这事跟你们没完，明天我还来" is a lawful return.
 */
export const BACKWARD_HARMLESS: ReadonlySet<HarmlessComponent> = new Set(['retract', 'asking', 'denial', 'persist', 'lawfulVisit', 'procedure', 'rebuffed']);

/** Cues that speak for the clause after them too: "我要投诉那个工作人员，他的工号我记下了". */
export const FORWARD_HARMLESS: ReadonlySet<HarmlessComponent> = new Set(['procedure', 'burden', 'signed']);

/**
 * Cues that hold only in a message that plans nothing: an office visited in vain or the households
 * who signed are a past petition, but "去了没人理，明天我们五十一户都去教育局门口堵着" is a plan. Dropped
 * when the message says a future step (PLAN) or an occupation anywhere (features.ts), and, like a
 * lawful visit, when it names a crowd or a trip above the county (except 'signed': the count of
 * signatures is itself the crowd-sized number).
 */
export const UNPLANNED_ONLY: ReadonlySet<HarmlessComponent> = new Set(['rebuffed', 'signed']);

/** A future step said anywhere in the message (UNPLANNED_ONLY). Broad on purpose: it only takes a harmless cue away. */
export const PLAN: Readonly<Record<RiskLocale, RegExp>> = {
  zh: /要|准备|打算|明天|明早|明儿|后天|下周|下礼拜|下个月|今晚|今天|周[一二三四五六日末]|礼拜[一二三四五六天日]|将|会|再去|还去|就去|到时候|约好|说好|这次|这回|下次|下回|想去|就想/u,
  en: /\b(?:will|wont|shall|going to|gonna|tomorrow|tonight|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|plan\w*|ill|well|were going|about to)\b/,
};

/** The private use the government's car needs beside it: trips with the family, holidays, the school run. */
const PRIVATE_USE: Readonly<Record<RiskLocale, RegExp>> = {
  zh: /私用|私事|办私事|拉(?:着)?(?:家人|老婆|媳妇|孩子|一家|亲戚)|(?:接送|送|接)(?:他|她)?(?:的)?(?:儿子|女儿|孩子|老婆|媳妇|家人)|带(?:着)?(?:家人|老婆|孩子|全家)|度假|旅游|钓鱼|回老家|自己家用|当私家车/u,
  en: /\b(?:private(?:ly)?|personal (?:use|trips?|errands?)|for (?:his|her) own|(?:drives?|driving|drove|takes?|taking|took|ferr\w{1,5}) (?:his|her) (?:family|wife|husband|kids?|children|sons?|daughters?|relatives|friends)|(?:holiday|vacation|resort|fishing|golf|shopping) trips?|to (?:the|a) (?:\w+ )?(?:resort|beach|hot springs?|golf (?:course|club))|school run|misus\w{1,4})\b/,
};

/**
 * Cues read on the whole message and then speaking for every clause (features.ts): a report of
 * a government car put to private use spreads over several clauses (the car, its plate, the
 * trips, where it was seen). Each holds only beside what it needs (PRIVATE_USE) and when
 * nothing else of a threat is said (MESSAGE_HARMLESS_GUARD).
 */
export const MESSAGE_HARMLESS: ReadonlyMap<HarmlessComponent, Readonly<Record<RiskLocale, RegExp>>> = new Map([['publicCar', PRIVATE_USE]]);

/** A message-wide cue holds only when none of these components is said anywhere in the message. */
export const MESSAGE_HARMLESS_GUARD: readonly RiskComponent[] = [
  'poison', 'fire', 'rope', 'weapon', 'selfAct', 'farewell', 'harmOthers', 'detain', 'desperate', 'warning', 'occupy', 'crowd', 'organise', 'above', 'publicity',
];

type Patterns<K extends string> = Readonly<Record<RiskLocale, Readonly<Record<K, RegExp>>>>;

const ZH_NUM = '(?:\\d{1,6}|[一二两三四五六七八九十百千几]{1,6})';
/** A crowd (not "几个", "三家"): a lawful visit by a few people is not a gathering, by a crowd it may be. */
const UNIT_ZH = '(?:号人|个人|户|口人|人|名|家(?!属|店|里|门)|个(?!月|小时|钟头|工作日|平方|亿|万|年|星期|礼拜|摊|店|铺|门面|鱼塘|塘|村|乡|镇|小区|工地|厂|公司|房|间|项目|标段|喇叭|摄像|监控))';
const LARGE_ZH = `全(?:屯|组|队|社|乡|街|镇|村)子?|集体|人多|只多不少|能来的都来|都叫上|叫上所有|所有(?:人|的人|受害|被骗|业主|工友|村民|家长|储户|投资人)|每家(?:出)?一个人|各家各户|(?:[二两三四五六七八九几]|好几)个(?:村|乡|镇|小区|工地|厂)|周边(?:几个|的)?(?:村|乡|镇)|几十|上百|几百|上千|成百|成千|全村|全镇|全厂|全体|所有人|越多越好|[二三四五六七八九]?十(?:多|来|几)?${UNIT_ZH}|[一二两三四五六七八九几]?[百千](?:多|来)?${UNIT_ZH}|\\d{2,6}(?:多|来)?${UNIT_ZH}`;
const LARGE_EN = '(?:\\d{2,6}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a|one|two|three|four|five|six|seven|eight|nine|several|a few) (?:hundred|thousand)|hundreds? of|dozens? of|thousands? of) (?:\\w+ )?(?:people|of us|households|families|workers|villagers|owners|homeowners|investors|parents|veterans|names|men|women|farmers|residents|folks|victims)|at least (?:\\d{2,6}|twenty|thirty|forty|fifty|a hundred)|every (?:\\w+ )?(?:farmer|worker|owner|household|family|villager|parent|investor|victim|homeowner)s?|one (?:person )?(?:from every|per|from each) (?:household|family)|one (?:person )?from every|how many we are|in numbers|(?:the )?whole (?:street|village|estate|factory|town|district)|more of us|every household|whole hamlet|(?:several|three|four|five|neighbouring|nearby|other) (?:villages|sites|estates|factories|townships)|hundreds|dozens|thousands|whole village|everyone|everybody|all of us|the more the better';

export const COMPONENT_PATTERNS: Patterns<RiskComponent> = {
  zh: {
    poison: /(?:一整瓶|整瓶|一瓶|一把|一板|一整板|所有的?)[^，。]{0,4}(?:药|片)|药[^，。]{0,4}(?:吃|吞|喝)(?:下去|了)|(?:吃|吞|喝)(?:下|了)[^，。]{0,3}(?:药|片)|(?:攒|囤)[^，。]{0,4}(?:药|片)|药[^，。]{0,8}(?:攒|囤)|农药|农要|敌敌畏|百草枯|草甘膦|除草剂|老鼠药|耗子药|安眠药|安定片|(?:吃|吞|攒|买)[^，。]{0,5}安定|[\d一二三四五六七八九十百几]{1,4}片(?:药|安定|安眠)?(?=[^，。]{0,4}(?:攒|够|吃|吞|了|呢))|毒药|乐果|甲胺磷|半瓶药|一瓶药|药片|硫酸|(?:所有的?|全部的?|家里的?)药[^，。]{0,4}(?:吃|吞|倒)|药[^，。]{0,4}(?:倒出来|全吃|都吃|全吞)|(?:哪种|什么|啥)药[^，。]{0,8}(?:不痛|不疼|没痛苦|不难受|死得快|吃了就)|吃[^，。]{0,3}(?:几十|一百|好几十|二十多|三十多)[粒片颗]/u,
    fire: /汽油|柴油|煤油|酒精|打火机|火柴|煤气|液化气|一把火|点火|放火|浇.{0,3}油|泼.{0,2}油|装满.{0,2}油|燃烧瓶|烧(?:了|掉|死|喽|个)|把[^，。]{0,10}点(?:了|喽)|点着|点燃|引燃|一桶油|油桶|煤气罐[^，。]{0,8}(?:阀|拧开|打开|点)|阀门一开/u,
    rope: /(?<!跳|晾衣|红|钢丝)绳|上吊|吊死|房梁|挂.{0,4}树上|裤腰带|(?:腰带|皮带|围巾|电线)[^，。]{0,6}(?:挂|吊|系|勒)|勒死|歪脖子树|(?:挂|吊)(?:在)?[^，。]{0,4}(?:树上|门框|暖气管|横梁)/u,
    weapon: /(?<!开|动手术的|剪|水果)刀(?!口|疤|片儿?厂)|斧|锄头|铁锹|铁锨|锤|榔头|棍|钢管|砖头|匕首|枪|雷管|炸药|抄家伙|带(?:上|着)?家伙|有家伙|镰刀|酒瓶/u,
    height: /(?:爬上|爬到)[^，。]{0,6}(?:塔吊|楼顶|屋顶|房顶|烟囱|电塔|铁塔|脚手架|广告牌)|(?:塔吊|烟囱|电塔|铁塔|脚手架|广告牌)[^，。]{0,6}(?:爬上来|爬上去|上来了|上去了)|楼顶|天台|顶楼|房顶|屋顶|窗台|窗户?边|(?:桥|楼)?栏杆(?:外|上)|桥栏|塔吊上|脚手架上|烟囱上?|电线杆上|电塔|铁塔|高压(?:线塔|电塔|塔|线杆)|广告牌上|悬崖|井里|卧轨|铁轨上|(?:跳|跃|翻|冲|栽|扎|从[^，。]{0,12})下去|往下(?:跳|跃|扎|冲|一跳)|(?<!住|家)(?:去|到|上|在|站|坐|蹲|转|走|爬)[^，。]{0,4}(?:大桥|桥上|桥底|桥中间|河边|河里|江边|江里|湖边|湖里|水库|河堤|井边|铁道|铁轨|铁路|火车道|(?:\d{1,3}|[十二三四五六七八九]{1,3})楼|楼上|塔吊|脚手架)(?!移民|住|上班|办公|开会|[^，。]{0,2}(?:买|卖|吃|玩|散步|钓鱼|上班))|阳台|桥墩|坝(?:上|顶|边)|江堤|河堤上|堤坝|窗(?:户)?外(?:面|边|头)?|从[^，。]{0,6}窗(?:户|口)?[^，。]{0,2}出去|高架|立交桥|天桥上|护栏外|崖边|(?:哪个|哪栋|哪座|哪幢)楼[^，。]{0,2}高|(?:水塘|池塘|河|江|水库|井|湖|塘|楼)[^，。]{0,4}够(?:深|高)/u,
    selfAct: /水(?:到|没过|淹到)(?:腰|胸|脖子)|(?:我|俺)(?:已经|现在|正)?在(?:河|江|湖|水库|海)里|(?<!心|蹦|弹|乱|活蹦|舞)跳(?!舞|涨|槽|绳|棋|过|闸|蚤|高|远|动|转|脚|级|票|伞|广场|操)|喝药|喝了(?=[^，。]{0,4}(?:药|敌敌畏|百草枯|瓶))|喝给|上吊|自杀|自殺|自沙|自焚|割腕|(?:手腕|胳膊|腕子|手上)[^，。]{0,4}划|划了[几一两]道|轻生|寻死|短见|傻事|服毒|(?<!独|侵|私|鲸)吞(?!并|没|吞吐吐)|绝食|不吃不喝|烧炭|炭盆|门窗[^，。]{0,4}封死|把自己|撞死|淹死|(?<!被[^，。]{0,6})轧|松手|倒下|冻死|饿死(?:在|自己)|(?:摸|抱|碰|爬)[^，。]{0,4}(?:高压线|电门|电线|变压器)|触电|烧炭|炭[^，。]{0,3}(?:点上|点着|烧上|生上|点了)|血止不住|(?:流|淌)了?(?:好多|很多|一地|一床|一缸)血|水是红的|迈下去|跨(?:过|出)[^，。]{0,4}(?:栏杆|护栏)|(?:几|两|三|四|五|六|七|好几)天(?:都)?不吃(?:饭|东西)?|(?:往|朝)[^，。]{0,6}(?:护栏|墙|桥墩|大车|货车|山)上?[^，。]{0,2}撞|撞(?:向|上)[^，。]{0,4}(?:护栏|桥墩|大车|货车|火车)/u,
    // (2026-12-08: 寿材, one's own coffin made ready, beside 寿衣; not the shop or the factory.)
    farewell: /不想(?:再)?熬|(?:我|俺)[^，。]{0,3}遗嘱|生不如死|活够|活腻|想不开|自尽|(?:我|俺)[^，。]{0,8}消失|离开这个世界|走投无路|无路可走|没有出路|绝路|没(?:了)?指望|长眠|见阎王|(?:跟|和)(?:房子|孩子|娃)一起|不想(?:再)?活(?!得)|活着受罪|活受罪|不活|活不下去|活够|活着(?:没|太|真|就是|也|干啥|有啥)|死了算|死了反倒|去死|想死(?![他她你])|死的心|怎么死|一死|死给|死在|收尸|后事|遗书|遗言|最后(?:一次|一条|几句|一面|的话)|找不到我|别找我|再也见不到|见不到(?:明天|太阳|我)|永别|告别|下辈子|来世|先走一步|走了之|解脱|了断|(?<!被[^，。]{0,4})了结|一了百了|结束(?:这一切|一切|自己|生命)|睡过去|不要醒|别醒|醒不过来|留恋|牵挂|托付(?![^，。]{0,8}(?:带|照看|接送|上学))|(?:以后|孩子|家里)[^，。]{0,6}拜托|(?:说声|说句)对不起|写好了?[^，。]{0,4}(?:给|留给)[^，。]{0,4}(?:信|话)|以后[^，。]{0,4}就靠|没法过了|过不下去|对不起(?:他|她|孩子|老婆|老公|爸|妈|家人|大家|你们了)|(?:准备|打算|该|要)走了$|用不上了|寿衣(?!店|铺)|寿材(?!店|铺|厂)|坟地[^，。]{0,6}(?:看好|选好|买好)|把我埋|给我烧(?:点)?纸|去见我(?:爹|妈|爸|娘|老伴|老头)|当我(?:从来)?没(?:来过|存在)|对不住|照顾好我(?:妈|爸|娘|爹|孩子|老婆|老公)|(?:存款|房本|存折|银行卡|房产证)[^，。]{0,8}(?:交给|留给)|后面的事[^，。]{0,4}(?:他|她)(?:会)?(?:处理|办)|(?:我|俺)走了(?:以后|之后|他|她|你们|大家)|(?:一直|就)饿下去|(?:用|拿)[^，。]{0,4}(?:这条)?(?:老)?命(?:换|去换)|这个家[^，。]{0,4}不要了|活下去的(?:勇气|意义|希望|理由)|没有(?:勇气)?活下去|打不通了|联系不上我|(?:以后|过了今晚|明天)[^，。]{0,6}(?:找不到|联系不上|打不通)|(?:我|俺)死了|下不了(?:那个|这个)?决心|下定(?:了)?决心|安安静静地?走|静静地走|悄悄地?走|(?:我|俺)(?:要是|如果)[^，。]{0,3}(?:死了|没了|不在了)|不想(?:再)?拖累|不用(?:再)?找我|别再找我|活不了(?:几天|多久)|活着还有(?:啥|什么)|(?:日子|这辈子)[^，。]{0,4}过够|过够了|活腻|(?:存折|银行卡|密码)[^，。]{0,10}(?:留给|交给|写给)|留给(?:儿子|女儿|孩子|老婆|老伴|家里|家人)|(?:带着|和|跟)(?:孩子|娃|老婆|老伴|全家)[^，。]{0,4}(?:一起)?走|一起去死|累赘|拖累|撑不住|撑不下去|熬不住|熬不下去|扛不住|没脸|我不在了|我人没了|我没了|命不值钱|贱命|这条命|下去陪|不回家了|(?<![要讨拿收追找还退给送交])不回来|(?:世上|人间|活着的)?最后一(?:天|晚|夜)|(?:明天|明早)的太阳|三长两短|不用(?:救|管|再管)我|(?<!(?:老板|经理|公司|厂里|店里|单位|主管|领导)[^，。]{0,8})让我走(?![^，。]{0,4}(?:人|路))|不孝|(?:在那边|在下面|在底下)等(?:我|着我)|去(?:找|陪)(?:我|俺)?(?:老伴|老头子|老婆子|爹|娘|爸|妈|老公|老婆)|留(?:了|下)?(?:一)?张?(?:纸条|字条)|说(?:了)?(?:声|句)?对不起|死了[^，。]{0,6}(?:就)?不用(?:还|再)|最后一步|(?:地方|位置|日子)(?:都)?(?:选|看|挑)好|忌日|遗照|(?:别|不要|不用)(?:再)?找(?:我|他|她)了?$|活着(?:干嘛|干什么|图啥|为了啥|还有什么意思)|(?:写|留)[^，。]{0,4}(?:纸条|字条)|以后(?:就)?(?:麻烦|拜托|交给)|(?:就)?不是现在这个样子|穿(?:上|好)[^，。]{0,3}(?:新衣服|寿衣|最好的衣服|干净衣服)|跟(?:着)?(?:我|俺)?(?:老伴|老头子|老婆子|爹|娘|爸|妈|老公|老婆)(?:一起)?(?:去|走)(?:了|吧)?$/u,
    harmOthers: /(?:让|叫)(?:他|她)[^，。]{0,8}(?:轮椅|残废|瘫)|整死|剁了|下毒|纵火|(?:找|叫|喊)(?:上)?(?:几个)?兄弟|有的是(?:兄弟|人)|[一挨]个一?个?(?:地)?找|(?:让|叫)(?:他|她)[^，。]{0,4}(?:走不出|出不了|活着走)|砍(?!价|树|了?[^，。]{0,6}(?:树|柴|竹|林|苗))|杀(?!价|毒|猪|虫|菌)|捅(?!娄子|破)|(?<!屠)宰(?!客|人的价)|弄死|打死|掐死|(?<!雷)劈|砸|敲碎|揍|打(?:他|她)(?!电话|手机|的电话|的手机|(?:家)?(?:儿子|闺女|女儿|孙子|孙女|老伴|媳妇|老婆|男人|家里|家人|亲戚)?的(?:电话|手机|号)?[\s:：]*(?:\d|$)|(?:家)?(?:儿子|闺女|女儿|孙子|孙女|老伴|媳妇|老婆|男人|家里|家人)的(?:电话|手机|号))|打(?:一顿|断|残|一回)|卸.{0,3}腿|废了(?:他|她|你)|收拾(?!东西|行李|一下|屋|房|好了|完|家)|(?<!打)招呼(?:他|她|你|他们)|(?<!捆)绑(?!定|卡|手机|号|架了我)|泼(?!脏水|冷水|辣)|(?<!被[^，。]{0,6})撞(?!见|衫|坏|伤|倒我|了我)|炸(?:了|掉|毁|死|平|飞|药|弹|他|楼)|见血|放血|拼了|拼命(?!干|工作|挣)|同归于尽|鱼死网破|一命换一命|偿命|拿命|动手(?!术)|站不起来|冲进|[见来]一个打一个|碾(?:过去|死)|只能活一个|[死活]一个算一个|全死光|死绝|横着(?:进|出|回)|(?:叫|让)(?:他|她)[^，。]{0,3}(?:进医院|住院)|削(?:他|她|死|服|一顿|了)|崩了|(?:往|在)[^，。]{0,6}(?:井|饭|水|锅|茶|菜|粥)里[^，。]{0,4}(?:倒|放|下|投|撒|拌)[^，。]{0,4}(?:药|毒)|投毒|刨[^，。]{0,4}坟|(?:见|来|碰)一个[^，。]{0,6}(?:打|砍|杀|弄|捅)一个|陪葬|你死我活|锤死|(?:见|碰)一次打一次/u,
    // Money held back ("钱是不是叫他扣下了", "补偿款被扣下") is no hostage; a person named as what is held
    // ("把他扣下", "扣住镇长") still is, money said before it or not ("不给钱就把会计扣下").
    detain: /把(?:他|她|他们|人|[^，。]{0,4}(?:书记|支书|镇长|乡长|村长|县长|干部|老板|经理|会计|领导|主任|队长|工头))扣(?:下|住|留|押|在)|扣(?:下|住|留|押)(?:了)?(?:他|她|他们|人|(?:那个|这个)?(?:书记|支书|镇长|乡长|村长|县长|干部|老板|经理|会计|领导|主任|队长|工头))(?![^，。]{0,2}(?:的|工资|钱|款))|(?<!(?:钱|款|工资|工钱|薪|补偿|补贴|补助|押金|低保|分红|奖金|资金|费|养老金|抚恤金|存折|银行卡)[^，。]{0,10})扣(?:下|住|留|押|在)(?![^，。]{0,2}(?:工资|钱|款|分|证|车|押金|设备|货|挖掘机|我|俺))|扣人|(?:关|锁)在[^，。]{0,8}(?:里|屋|房|室|棚|办公室|村委会)|不放(?:人|他|她|走)|别想(?:走出|离开|出去|出这个|出了)|(?:走|出)不了这个|绑(?:了|起来|到)|挟持|人质|不让(?:他|她|他们|书记|镇长|村长|干部|老板|经理|会计|领导)(?:走|离开|出去|回去)/u,
    desperate: /豁出去|烂命|大不了|(?<!要|会)坐牢(?!吗)|不怕死|死也要|死了也不怕|光脚的|干出什么|做出什么|(?:不敢保证|保证不了)(?![^，。]{0,3}(?:全对|都对|属实|是真|准确|对))(?![，。\s]{0,2}(?:我|有的|有些|好多)?也?是?(?:听|传))|会发生什么|憋着火|一点就着|什么都不怕/u,
    warning: /睡不(?:踏实|安稳|着觉)|你信不信|信不信我|看谁狠|跑不了|逃不掉|躲得了初一|记住你了|坐不稳|鸡犬不宁|这个仇|报仇|别以为我不敢|别后悔|有我的办法|不是动动嘴|没那么简单|(?<!说|都|已|也|给|帮|就|们|没)记下了|总有一天|后果(?!很|非常|太|特别|严重|不堪设想)|看着办|(?:你们?|他|她)(?:都)?(?:给我)?等着(?![^，。]{0,4}(?:答复|消息|结果|钱|用|看病|处理|回复|通知))|等着(?:瞧|吧)|走着瞧|走着看|有你们?好看|让你们?好看|后悔|代价|别怪|出了事|出什么事|出了什么事|出大事|兜不住|倒霉|算账|总账|好过|安生|安宁|小心|当心|注意点|心眼|睡得着|混不下去|(?<![还都也])没完(?!成|工)|报复|加倍|连本带利|找上(?!一级|级)|心里有数|打招呼|不得好死|有的是办法|(?:出门|走路|晚上|天黑)[^，。]{0,6}(?:最好)?(?:看着点|小心点|当心点|别一个人)|(?:他|她|你)家的?钥匙|命硬|刀硬|对付(?:他|她|你|他们|你们)|(?:控制|管)不住(?:我)?自己|(?:会|要)伤人|伤到人|(?:就|只能|我)自己(?:去)?解决(?!不)|我的(?:办法|方式)|(?:等我|我就|我要|我会)出手|(?:什么|啥)(?:事)?都(?:做|干)得出|(?:做|干)出(?:什么|啥)(?:事)?(?:来)?|别想过(?:个)?好年|(?:懂|明白)我(?:的)?意思|你懂的$|家破人亡|尝尝[^，。]{0,6}滋味|(?:谁|没人)(?:也)?拦不住我|不是好惹的/u,
    knowsTarget: /(?:他|她|你|领导|主任|镇长|书记|村长|老板)[^，。我]{0,4}(?:住哪|家住|住址|地址|车牌|照片)|住哪我|家庭住址|家也找到|(?:他|她|你|领导)[^，。]{0,4}孩子在(?:哪|[^，。]{0,6}(?:上学|读书|小学|中学|幼儿园|学校))|(?:他|她)(?:儿子|女儿|老婆|老公)[^，。]{0,6}(?:在哪|哪个|上学|读书|学校|幼儿园|上班|下班|放学|几点|住)|老婆在哪|哪上班|放学|哪条路|几点回家|几点下班|门儿清|(?:早就|已经|都)打听|(?:认识|认得|找)(?:他|她)(?:的)?(?:闺女|儿子|老婆|孩子|女儿|家人|爸妈)|(?:跟|盯)着(?:他|她)|碰见[^，。]{0,8}(?:就不是|不是)|不是说话的事|(?:他|她)家[^，。]{0,4}(?:小孩|孩子|闺女|儿子)[^，。]{0,10}(?:上学|放学)|跟了[^，。]{0,3}(?:天|次|回)|盯(?:了|着)(?:他|她)|(?:他|她)(?:每天|天天)[^，。]{0,8}点|(?:他|她)家(?:门口|楼下)[^，。]{0,4}(?:等|蹲|守)|打听(?:到了|清楚|好了)|摸清|工号(?![^，。]{0,2}(?:不知道|不清楚|不晓得|没有|多少|是啥|是什么))|认得他|(?:他|她|你)(?:家)?的?(?:闺女|儿子|女儿|孩子|老婆|媳妇|老公|爸妈|家人)[^，。]{0,8}(?:在哪|哪个|几点|每天)|(?:几点|啥时候|什么时候)(?:放学|下班|回家|出门)|门牌号|(?:蹲|盯|跟)了?(?:他|她)[^，。]{0,4}(?:天|回|次)|跟踪|(?:他|她)家楼下[^，。]{0,4}(?:蹲|等|守)|(?:他|她)(?:家)?(?:的)?(?:孩子|闺女|儿子|房子|老婆|女儿)[^，。]{0,4}照片|拍了?(?:他|她)(?:家)?[^，。]{0,8}照片|(?:老家|爹妈|爸妈|父母)[^，。]{0,4}(?:在哪|住哪|住在|还住)|(?:他|她)(?:的)?(?:爹妈|爸妈|父母)/u,
    occupy: /堵|拦(?!不住)|(?<!周|范|包|外|氛|重|入)围(?!墙|巾|裙|观|绕|棋|挡)|(?<![一两几信密查]|污口|排口|水口|管子|管道)封(?!信|面|建|号|存)|挡(?!不住)|(?<![车门])锁(?!定|屏|在[^，。]{0,8}(?:楼下|车棚|路边|下面|门口|院里))|缠死|占了(?![一二三四五六七八九十几两半\d]+(?:亩|分地|平|间|户))|占领|霸占|横在|横上|一横|躺在|一躺|躺着|卧轨|静坐|坐着|坐在|跪|守着|守在|住下|住到(?![^，。]{0,4}(?:家|宿舍|小区|老家|城里|养老院|敬老院))|搬到|搬进|睡在|打地铺|搭.{0,2}棚|帐篷|吃住|吃喝都在|不走|不挪|赖着|挖断|路给断|谁(?:也|都)别想[^，。]{0,8}(?:过|进|出|走)|别想(?:再)?(?:开工|出货|开门|营业|上班)|(?:车|拖拉机|三轮)[^，。]{0,4}停好了|(?:一辆|一个|谁)[^，。]{0,6}(?:也|都)(?:进不来|出不去|进不去|出不来)|铁丝网|睡袋|干粮|铺盖|(?:住|睡)到[^，。]{0,4}(?:政府|局|大院|大厅|办公)|阻工|不让施工|截停|扣(?:了)?(?:车|设备|挖掘机)|(?:就|我就|我们就)?不下(?:去|来)(?!了?[^，。]{0,2}(?:雨|班|课))|(?:一辆|一个)(?:车|人)?也别想|棺材|护栏一拉|大门一关|电闸|停着|停在|一停|抬到|躺(?:到|在)[^，。]{0,10}(?:前面|前头|底下|下面)|不让(?:上课|施工|开工|营业|开门|出货|进|出|走|过)|灵棚|垒(?:起来|上|死)|砌(?:上|死)|(?:都)?别走|谁(?:也|都)不(?:许|准)走|在[^，。]{0,6}等(?:领导|书记|镇长|县长|市长|他们|老板)(?:出来|下来|来)|(?:路|道)[^，。]{0,3}(?:给)?断了|躺(?:成|下|倒)|(?:不准|不许|别想)进|过不去|(?:摆|堆|放|垒)了?[^，。]{0,4}(?:石头|砖|障碍|土堆)/u,
    place: /政府|县委|市委|市里|镇上|乡里|信访局|局门|大院|大厅|办公室|办公楼|门口|大门|门前|国道|公路|高速|收费站|路口|道口|马路|进村的路|运输道|桥头|铁路|工地|厂门|厂子|售楼部|售楼处|公司|村委|总部|景区|广场/u,
    crowd: new RegExp(LARGE_ZH, 'u'),
    group: new RegExp(`我们|咱们|咱|俺们|大家|全村|全镇|全厂|全屯|全体|全部|所有|各家|每家|乡亲|老乡|工友|业主|村民|老少爷们|老兵|受害者|投资人|家长们|一起|一块|集体|组团|群里|${ZH_NUM}(?:多|来)?(?:号|个|户|人|名)|上百|上千|几百|几十|成百|越多|只多不少|带头|串`, 'u'),
    // 统一 is a crowd's uniform action ("统一穿白衣服", "统一行动"), not the government's: "镇上统一搞的", "县里统一规划",
    // "村里统一发的" say who decided the matter complained of (2026-12, round Z7).
    organise: /不见不散|准时到|建群|拉群|串联|举牌|标语|喊口号|请愿|时间地点|定好了?时间|白衣服|遗像|带上横幅|组织|召集|发动|号召|越多越好|人越多|声势|(?:都|全都|全部)(?:来|去|到)(?!过|哪|了)|通知(?:了|到)?(?:大家|所有|全村|各家|每家|工友|村民|业主|家长|乡亲|[一二三四五六七八九十几百\d]{1,6}(?:个|户|家|号))|约好|约了(?![^，。]{0,4}(?:时间|律师|调解|医生|号|下周|明天去(?:医院|法院)))|(?:都|已经|大家|我们)说好|说好了?(?:一起|一块|明天|周|礼拜|到时候)|商量好|商量了|报名(?:去|参加)|愿意去的报名|已经报(?:了|名)[^，。]{0,4}[\d一二三四五六七八九十百]|转发|集合|集中|凑|租.{0,3}(?:车|大巴)|拉上|叫上|喊上|(?<!(?:镇上|镇里|乡里|乡上|县里|市里|省里|区里|上面|上级|政府|国家|村里|局里|学校|公司|厂里)(?:说是|是|都是|也是)?)统一(?!规划|部署|标准|收费|征收|口径)|打过招呼|联系好|联系上|(?:[\d一二三四五六七八九十百]{1,6}(?:多|来)?(?:个|号)?人)(?:已经)?报(?:了)?名/u,
    above: /省里|省城|省委|省政府|北京(?!时间)|北经|首都|京城|京里|进京|上京|赴京|中央(?!空调|大街|公园|广场|厨房)|国务院|国家信访局|天安门|中南海|两会|(?<!村民|职工|代表|业主|股东|家长|运动|表彰)大会|部门递|往上(?:告|闹)|告到(?:省|中央|北京|上面|最高)/u,
    travel: /去|到(?!底|时候|了$|账|期|位|处|手)|上(?:北京|京|省|市|县)|奔|赴|动身|出发|车票|火车票|路费|大巴|行李|买票|坐车|开车|私家车|爬到|走小路|换了路线/u,
    ultimatum: /再不|不给|不解决|不处理|不管|要是|如果|否则|不然|要么|只要|到时候|等到|月底|明天|明早|明儿|今晚|今黑|今天|后天|下周|下礼拜|礼拜|周[一二三四五六日末]|过完年|这回|这次|再拖|再推|再逼|逼急|逼我|逼上|哪天|迟早|早晚|三天/u,
    already: /已经|正在|现在|在上面|准备好|备好|买好|买回来|磨好|写好|打开了|试过了|揣着|带着|兜里|包里|手里|刚/u,
    relative: /(?:我|俺)(?:爸|妈|爹|娘|哥|姐|弟|妹|老公|老婆|老伴|老头子|舅舅|叔|大伯)|老汉|老人家/u,
    publicity: /直播|抖音|快手|视频号|记者|媒体|曝光|发到网上|网上发|全国都(?:看|知道)/u,
  },
  en: {
    poison: /\b(?:pesticide|weedkiller|paraquat|dichlorvos|poison|sleeping pills|(?<!(?:pressure|heart|diabetes|cold|allergy|pain|vitamin|blood|contraceptive|control) )pills|(?<!(?:pressure|heart|diabetes|cold|allergy|pain|vitamin|blood) )tablets|overdose|acid)\b|\b(?:weed ?killer|rat poison|bleach|antifreeze|medicine (?:cabinet|box|drawer)|(?:took|swallowed|taken|take) (?:all|everything) (?:in|from) the)\b|\b(?:(?:saved|saving|hoard\w*|stockpil\w*|collect\w*) (?:up )?(?:\w+ ){0,3}(?:pills|tablets)|(?:pills|tablets) (?:\w+ ){0,4}(?:saved|enough))\b/,
    fire: /\b(?:petrol|gasoline|fuel|lighter(?! factory| shop)|matches|gas is on|alight|on fire|torch|burn(?!(?:t|ed|ing)? out|out)\w*|flames|molotov)\b/,
    rope: /\b(?:rope|hang(?! on| up| out| around| in there)|hanging(?! up| around| out)|noose|beam)\b/,
    weapon: /\b(?:knife|blade|axe|hoe|shovels?|hammer|brick(?! (?:kiln|factory|works|yard|house|wall|layer|maker))|iron bars?|(?<!(?:water|drain|gas|sewage|sewer|heating) )pipe(?!s? (?:burst|leak|broke|froze))|cleavers?|machete|gun|rifle|shotgun|explosives|weapon|fists)\b|\bbrought (?:a little )?something\b|\b(?:sickle|crowbar|baseball bat)\b/,
    height: /\b(?:roof|rooftop|overpass|ledge|pylon|railing|cliff|chimney|window ?sill|tallest building|(?:top of|roof of|off|from) (?:the |a |that |this )?(?:\w+ )?(?:building|bridge|tower|crane)|(?:to|on|onto|into|off|along|up|at|over) (?:the |a |that |this )?(?:\w+ )?(?:bridge|tower|crane|reservoir|river|canal|lake|railway|tracks|\d{1,3}(?:st|nd|rd|th) floor)(?! (?:resort|hotel|villa|restaurant|campsite|holiday|scenic)))\b|\b(?:(?:on|at|off) the edge(?! of (?:the )?(?:town|village|city|county|fields?|road|forest|woods|estate))|dam|weir|embankment|top floor|(?:\w+ )?floor window|window ledge|river wall)\b|\b(?:tallest|highest)\b|\b(?:outside|out of|out) the window\b/,
    selfAct: /\b(?:swallowed all|whole bottle|all (?:my|the|her|his|my \w+s) (?:\w+ )?(?:pills|tablets|medicine)|overdos\w*|water (?:is )?up to my (?:waist|chest|neck)|(?:im|i am) in the (?:river|lake|water|sea)|jump\w*(?! (?:to|ahead|the queue|in line|through hoops|at the chance|on the (?:bed|trampoline|sofa)|rope|around|up and down))|(?:drink|drank|drunk)\w* (?:\w+ ){0,4}(?:pesticide|poison|weedkiller|paraquat|bleach|acid|pills|it all)|swallow\w*|hang(?! on| up| out| around| in there)|cut myself|cut my (?:wrists?|arms?|throat)|cuts on my|overdose|suicid\w*|kill myself|starv(?:e|ing) myself|stop(?:ped)? eating|(?<!(?:was|were|been|got|be|being|get)(?: all| also| both)? )let go(?! of (?:the|my|our|his|her) (?:job|staff|workers)| (?:from|by|last|the same|this|in|after|because|without))|step(?:ped)? off|myself on fire)\b|\bend(?:ing)? (?:my life|it all|everything|it)\b|\b(?:cut(?:ting)? (?:again|deeper)|(?:walk|swim|drive|steer)\w* (?:my car |the car )?(?:into|in) the (?:sea|river|lake|ocean|water|reservoir|barrier|wall)|end(?:ing)? things|(?:refuse|refusing|wont|will not) (?:to )?come down)\b|\b(?:havent|have not|not) eaten (?:in|for)\b/,
    farewell: /\b(?:want to die|really want to die|dont want to live|die|being dead|better off dead|no reason to|nothing left|nothing in this world|end of the road|(?:goodbye|farewell) (?:everyone|all|world|forever|to (?:my|everyone|you all|this|the world))|(?:this is|say(?:ing)?|said) (?:my )?(?:goodbyes?|farewell)|last words|final letter|never wake|fall asleep(?! at| in| on)|sleep forever|be over|burden|(?:i am|im) sorry (?:for everything|to (?:my|everyone|you all))|(?:tell|say) (?:\w+ ){0,3}(?:i am|im) sorry|go quietly|slip away|(?:had )?enough of (?:living|life|this life|being alive)|no way out|except dying|wish i (?:was|were) dead|disappear forever|want to disappear|(?:wrote|written|made) (?:a|my) will|my will is|bury me|at my funeral|goodbye world|take my own life|give up on life|not worth living|(?:cant|cannot) (?:take|do) (?:it|this) any ?more|buried in|next to my (?:\w+ )?grave|(?:gave|given) away (?:everything|all (?:i|my))|gave my (?:dog|cat|things|stuff|savings|belongings) (?:away|to)|cleaned (?:up )?the house|its time$|(?:better off|happier|easier) without me|nobody will miss me|last time (?:youll|you will) hear from me|razor blades?|charcoal|sealed the (?:windows|doors)|let the (?:river|sea|lake|water) take me|(?:who gets|for) my (?:pension|savings|insurance) (?:after|when)|nothing matters|(?:dont|do not|cant|cannot) see (?:a|any) (?:reason|point) to (?:live|go on)|(?:a|any) reason to (?:live|go on)|tired of (?:everything|living|life|it all|being alive)|(?:wont|will not) be a (?:burden|problem)|(?:want|need) (?:it all|everything|this|it) to (?:stop|end)|for good|(?:when|after|once) im dead|(?:get|find|work up|build up) the (?:courage|nerve)|nobody will answer|(?:his|your|their) (?:dad|mum|mom|father|mother) is sorry|(?:number|phone) (?:wont|will not) work|(?:wont|will not|not) (?:go|going|come|coming) (?:back )?home(?! for| this| until)|(?:wont|will not|never) come back|not coming back|will not see (?:next|tomorrow|another)|(?:deal|handle) with the rest|affairs in order|bank (?:pin|card|book) (?:for|to) my|(?:know|decided|figured out) how (?:i will|im going to|to) do it|after im gone|once im gone|(?:letter|note) to my (?:family|wife|husband|kids|children|son|daughter|parents)|last night on earth|my last night|fade away|not wake up|(?:wont|will not|never) need (?:it|this|that|my \w+) (?:again|anymore|after)|will be sorry|(?:please |will you |can you |you (?:must|have to|need to) )look after my|my peace|wont be (?:a problem|anyones problem|around)|(?:if i|i will|i could|i might|i want to) disappear\w*|when im gone|wasnt alive|join my late|worth nothing|never born|cant (?:go on(?! (?:paying|working|waiting))|hold on|take it|face)|no point)\b|\b(?:not (?:going to )?be (?:around|here|alive)(?: much| for)? (?:longer|long|tomorrow|anymore|next)|(?:dont|do not|never) want to wake up|(?:dont|do not|no need to|stop) (?:bother )?(?:looking|search\w*) for me|(?:dont|do not) look for me|(?:tell|let) (?:my|her|his) (?:\w+ )?(?:mum|mom|mother|dad|father|kids?|children|wife|husband|family|son|daughter) (?:that )?i (?:love|loved)|(?:letters?|notes?) (?:to|for) (?:each of )?my|(?:gave|given|giving) (?:away )?my (?:dog|cat|things|stuff|savings|belongings)|paid off (?:what|everything|all)|(?:im|i am) ready$|alive (?:at|by|for|next)|(?:world|life|everything) is too much|sorry for everything|(?:phone|mobile) is (?:off|switched off|dead now)|left a (?:note|letter)|not come back|how easy it would be|see you on the other side)\b|\b(?:why am i (?:even )?(?:still )?(?:here|alive)|(?:kids|children|son|daughter) will be (?:fine|ok|okay|better) (?:with|without)|(?:my|the) last day|funeral photo|(?:ill|i will) be free|you (?:get|know|understand) what i mean)\b|\b(?:(?:good|best|nice) clothes|(?:follow|join) my (?:late )?(?:wife|husband|mum|mom|mother|dad|father|son|daughter)\b(?! (?:to|into|in|on|at|for|around)\b)|if i (?:die|was dead|were dead)|(?:its|it is) time (?:for me )?to go|time for me to go|take care of (?:mum|mom|dad|your (?:mum|mom|mother|dad|father)|the kids|my (?:kids|children|mum|mom))|(?:wont|will not|doesnt|dont) need (?:them|it|these|those)(?: anymore| again)?$|(?:she|he) (?:wont|will not) need (?:them|it))/,
    harmOthers: /\b(?:leaves? in a (?:box|coffin|body bag)|with a (?:pipe|bat|stick|crowbar|hammer|knife)|wait for (?:him|her|the \w+) (?:after|outside|with)|make (?:him|her|them) disappear|(?:wont|will not) walk out|burn (?:down|it down)|only one of us (?:walks|comes|gets) (?:away|out)|run (?:him|her|them) (?:over|down)|(?:leave|go home|end up) in an ambulance|kill|stab|(?<!(?:husband|wife|father|he|she|they|who) )beat(?! the deadline| the queue)|smash|(?<!(?:trucks?|lorries|vehicles|tractors|floods?|rain|storms?) )wreck|torch|burn|blow up|(?<!(?:heart|panic|asthma) )attack|punch|slap|kick|strangle|shoot|bash|break (?:his|her)|tie (?:him|her)|run (?:them|him|her) over|drive (?:my \w+ )?(?:into|through)|ram|bleed|blood(?! pressure| test| sugar| donation| work)|body bag|going down|take care of (?:that|him|her)|teach (?:him|her|them|that \w+|those \w+|the \w+) a lesson|fight (?:him|her|them|to the)|(?:pick|start) a fight|put a brick|throw acid|never walks)\b|\b(?:take (?:one of them|him|her|them|some of them) (?:down )?with me|end (?:him|her|them)|brains out|(?:blow|bash|cave|smash) (?:his|her|their) (?:\w+ )?(?:head|brains|skull|face)|its (?:him|her|them) or me)\b|\b(?:take (?:my|a|the) (?:\w+ )?(?:sickle|axe|knife|cleaver|hammer|bat|shovel|machete) to (?:him|her|them)|cripple|maim|driv\w* (?:my |the |a )?(?:\w+ )?(?:straight |right )?(?:into|through))\b/,
    detain: /\b(?:(?:holding|hold|held|keeping|kept|locked|lock|trapped) (?:the |that |their |our |this )?(?:\w+ )?(?:manager|boss|foreman|official|chief|director|secretary|accountant|head|cadres?|him|her|them) (?:in|inside|until|hostage)|hostage|(?:isnt|is not|not|wont be|nobody is|no one is) leaving (?:this|the) (?:\w+ )?(?:room|office|building|site|village|canteen)|took (?:his|her|their) (?:keys|phone|phones)|(?:tie|tied|tying) (?:him|her|them|the \w+) (?:up|to))\b/,
    desperate: /\b(?:nothing to lose|jail|prison|not afraid (?:of (?:dying|death|jail|prison|anything)|to die)|whatever it takes|cant promise (?:what|i wont|nothing|anything)|cannot guarantee|cant guarantee|what i will do|army training)\b|\b(?:nothing i (?:wont|will not|wouldnt) do|cornered)\b/,
    warning: /\b(?:(?:will|gonna|going to|ll|you|he|she|they|them|him|her) regret(?! not)|(?:will|gonna|going to|must|ll|make (?:him|her|them|you)) pay(?! (?:me|us|my|our|back|attention|the|for (?:the|my|our|his|her) (?:\w+ )?(?:fees?|bills?|treatment|tuition|rent)))|pay for (?:this|that|what)|consequences(?! (?:are|were|of))|warned|heads up|(?:be|better be|should be|stay) careful|watch out|over his shoulder|be sorry|(?:get|gets|turn|turns|getting|could get) (?:\w+ )?ugly|shame if|settle (?:this|it|things) (?:my|the old|another) way|settle (?:the|a|old) scores?|settle every account|(?:settle|square) (?:the |our |this )?accounts?|quiet day|sleeps well|come for you|(?:is|its|be|all) on you|go down|one way or another|(?:for|about) what (?:comes|happens) next|get what(?:s| is) coming|make (?:him|her|them|that \w+|the \w+) suffer|push (?:a man|me|us|people|someone) too far|find out what happens|believe it or not|(?:well|we will) see who|(?:i have|ive got) (?:brothers|friends|people) who|my brothers will|(?:his|her) (?:little )?(?:girl|boy|son|daughter|kid) walks (?:to|home)|(?:would be a|its a) pity if|wont be (?:talk|just talk|words)|not bluffing|(?:just )?wait(?:,)? (?:and )?you ?ll see|you ?ll see$|^just wait$|whatever happens (?:next )?(?:is on you|dont (?:come|blame))|(?:wont|will not|never) (?:have|has|get|gets|know|knows) a (?:quiet|peaceful) day|(?:he|she|they|you) (?:wont|will not|will never) (?:see|live to see|make it to) (?:christmas|new year|next|another|tomorrow|the)|think twice|never show his face|show his face|old way|something (?:big|bad|terrible) (?:will|is going to) happen|nobody (?:will be able to|can) cover|pay (?:double|dearly|for (?:this|that|it|what))|(?:make|let) \w+(?: \w+){0,5} pay\b(?! (?:me|us|my|our|back|the|attention)))\b|\b(?:you ?ll see what|see what happens|last warning|try me|(?:my|our) own way|the hard way|one eye open|under (?:his|her|their) car|(?:not|wont be|will not be) (?:held )?responsible for (?:my|what i)|what (?:ill|i will|i might|i could|im going to) do|not the same person|get what (?:they|he|she|you) deserve|not for long)\b|\b(?:see whose|(?:nobody|no one) (?:has|gets) a (?:happy|good|quiet|peaceful)|(?:walk|go out|be out) alone (?:after dark|at night))\b|\b(?:knows? what (?:\w+ ){0,2}feels like|never be easy|what goes around|karma|just you wait|you just wait|didnt (?:tell|warn) you|(?:not|no one) to mess with|(?:nobody|no one) can stop me)\b/,
    // A kindergarten only with knowing, following or waiting for someone's child ("the kindergarten will close" is a fee dispute).
    knowsTarget: /\b(?:where (?:he|she|they|you) (?:lives?|parks?|works?)|(?:his|her|their|your (?:\w+ )?(?:boss|chief|leaders?|director|officer|head)s?) (?:name and )?(?:home )?address|home address of|(?:know|found|where) (?:\w+ ){0,2}his house|his house is (?:at|on|in|near)|wife works|his son|his kid|kid goes|(?:his|her|their) (?:kids?|sons?|daughters?|child|children)\W(?:\w+ ){0,3}school|which school|gets home|parks it|car (?:your|his) \w+ drives|(?:his|her|your|their) (?:\w+ )?plate|staff number|photos of (?:his|her|their) (?:house|home|kids?|wife|car|family)|found out (?:where|his|her))\b|\b(?:follow(?:ed|ing)? (?:him|her|them|his \w+|her \w+) (?:home|to)|what time (?:he|she|his \w+|her \w+) (?:leaves|gets|comes|goes|finishes))\b|\b(?:know|knew|found out|which) (?:\w+ ){0,2}kindergarten (?:\w+ ){0,3}(?:his|her|their|your) (?:\w+ )?(?:kids?|sons?|daughters?|child|children|grandsons?|granddaughters?)\b|\b(?:wait\w*|follow\w*|watch\w*) (?:\w+ ){0,3}(?:his|her|their|your) (?:\w+ )?(?:kids?|sons?|daughters?|child|children|grandsons?|granddaughters?)s? kindergarten\b|\b(?:waiting|wait|waited) (?:downstairs|outside|at the door) (?:from |of )?(?:his|her|their)\b|\bwhere (?:the |his |her )?(?:\w+ )?(?:parents|family|mother|father) live\b|\b(?:\w+s )?parents live\b/,
    // ("we will park our tractors on the national road": a planned blockade, not only parking across a road.)
    occupy: /\b(?:block(?:ed|ing|s|ade)?\s+(?:off|up|the|their|his|her|our|all|every|it|them|traffic|roads?|gates?|entrances?|exits?|access)\b|barricade|surround\w*|occupy|take over|camp|tents?|(?:beds?|bedding|mattress\w*) (?:into|in|to)|shut (?:down )?the (?:\w+ )?(?:road|exit|entrance|gate|highway|expressway)|sleep(?:ing)? (?:there|in the|at the|outside|on the)|move into|moves into|(?<!(?:parcels?|packages?|letters?|files?|papers|documents?|applications?|goods|mail|money|cars?|trucks?|boxes|it) )(?:sit|sitting|sat)(?! down for| down a)(?: down| in| there| outside| at| on| in front)?|kneel|lie down|lie in (?:the|my) house|coffin|link arms|(?:goes|go|parked|park) across|nothing (?:gets|goes) (?:in|out|through)|stop (?:his car|the car|their cars?)|(?:park\w*|put|putting|lay\w*|lie|lying|block\w*|leave|leaving|drag\w*|pile\w*|lin(?:e|ed|ing))\b[^,.]{0,20}\bacross|none of them (?:gets|goes) (?:in|out|through)|(?:not|wont|will not) (?:be )?letting (?:\w+ ){0,3}(?:in|out|through|leave)|(?:wont|will not|not) let (?:\w+ ){0,3}(?:in|out|through|leave)|not leaving until|moved into the (?:\w+ )?(?:office|lobby|hall|compound)|camp(?:ing)? (?:outside|in front|at)|sleeping bags|across the (?:\w+ )?(?:road|gate|entrance|highway|street|bridge|lane)|lie (?:on|across|in front of)|chain\w*|wired? (?:shut|the gate|the door)|weld\w*|padlock|lock(?:ed|ing)? (?:the|their|his|up the|them)|no one (?:goes|gets) (?:in|out|through)|nobody (?:goes|gets) (?:in|out|through)|guard (?:the|their|it)|dig up|cut off|close the gate|stay(?:ing)? (?:there|here|in the (?:hall|office|lobby|compound)|until|overnight|the night)|wont leave|not move|live there|stop (?:the|all|any|their|every) (?:\w+ )?(?:cars?|trucks?|lorries|buses|trains?|traffic|work|construction|machines?|diggers?|excavators?|vehicles?)|exits covered)\b|\b(?:(?:keep(?:ing)?|kept) (?:the|their|his|all the) (?:\w+ ){0,2}(?:machines|trucks|diggers|excavators|equipment|vehicles)|stop(?:ped|ping) (?:the|all|any|their|every) (?:\w+ ){0,2}(?:cars?|trucks?|lorries|buses|trains?|traffic|vehicles?)|cut (?:off )?the (?:\w+ )?road|lie (?:down )?in a row)\b|\b(?:wrap\w* (?:\w+ ){0,3}(?:gates?|doors?) (?:in|with)|(?:drove|drive|driving) (?:\w+ ){0,3}onto the (?:\w+ )?(?:road|highway|expressway|bridge)|will (?:all |just )?park (?:\w+ ){0,3}(?:on|in|along) the (?:\w+ ){0,2}(?:road|highway|expressway|bridge|street))\b/,
    place: /\b(?:government|county|city|township|town|city hall|bureau|office|compound|committee|gates?|doors?|entrance|lobby|hall|road|highway|expressway|junction|crossing|toll|bridge|site|factory|plant|mine|sales office|school(?! year| term| semester| fees?)|headquarters|square|inspectorate)\b/,
    crowd: new RegExp(`\\b(?:${LARGE_EN})\\b`),
    group: /\b(?:we|us|our|everyone|everybody|all of us|whole (?:village|hamlet|family|factory)|every (?:family|household|uncle)|every (?:\w+ )?(?:farmer|worker|owner|household|family|villager|parent|investor)s?|villagers|workers|owners|homeowners|veterans|parents|investors|victims|families|households|folks|hundreds?|dozens?|thousand|\d{2,6}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|together|group|coaches|in numbers|how many we are)\b/,
    organise: /\b(?:wear white|photos of the dead|time and place|make (?:noise|a scene)|raise hell|plan(?:ning|ned)? (?:a (?:protest|march|sit|demonstration|blockade|rally)|to (?:block|march|protest|gather|occupy|surround|sit in))|(?:buses|coaches|vans) (?:are )?(?:booked|hired|ready)|preparing|more of us|organi[sz]\w*|mobili[sz]\w*|(?:all|everyone|everybody|we|they|have|has) agreed (?:to|on)|agreed to (?:go|meet|meet(?:ing)?(?: up)? (?:outside|at|in front)|gather|come)|sign(?:ed)? up (?:for|to) (?:go|come|join|the (?:trip|protest|march))|posted (?:in|on) the (?:group|chat)|posted a (?:call|notice)|forward (?:to|this to) (?:all|every)|spread the word|call everyone|bring (?:everyone|kids|banners)|contacted|hired|chip in|get ready|meet|gather(?:ing)? (?:at|outside|in front|everyone)|gathering|rally|(?<!(?:since|in|last|this|of|until|from|by|early|late|mid|before|after|next|till|to|and|or|through|during) )march(?:ed|ing|es)?\b(?! \d)|collective (?:visit|petition|protest|action|complaint)|protest|sit in|banners|roll up|get every)\b|\b(?:linked up|joined up|teamed up|coordinated|united action)\b/,
    // A provincial road or national highway (省道, 国道) is a class of road, no trip above the county;
    // a school bus (travel) is no trip either: "kids walk along the provincial road, no school bus".
    above: /\b(?:state (?:petition|bureau|letters)|beijing|bejing|peking|capital|central(?! (?:primary|middle|high|junior|school|kindergarten|hospital|clinic|park|square|street|road|avenue|heating|air|station|bus|market|district|business|garden|plaza|mall|hotel|bank))|state council|national(?! (?:highway|road|route))|ministry|province|provincial(?! (?:highway|road|route|expressway))|tiananmen|zhongnanhai|two sessions|congress|big meeting|big boss)\b/,
    travel: /\b(?:go|going|goes|head\w*|travel\w*|leav\w*|tickets?|train|(?<!school )bus|drive|fare|packed|on foot|take (?:this|it)|carry|different bus)\b/,
    ultimatum: /\b(?:if|unless|until(?! (?:\d|midnight|late|dawn|morning|the (?:early|small) hours|after midnight|one|two|three|four|five))|or else|either|otherwise|tomorrow|tonight|next (?:week|time|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|this month|again|one more time|once more|this time|three days|when|sooner or later|one day)\b/,
    already: /\b(?:already|now|right now|just|have been|bought|tested|sharpened|filled|packed|ready|in my (?:bag|pocket)|under my bed|im standing|i climbed|made up my mind)\b/,
    relative: /\bmy (?:dad|father|mum|mom|mother|brother|sister|husband|wife|grandfather|grandmother|uncle)\b|\bold man\b/,
    publicity: /\b(?:live ?stream\w*|going live|tiktok|douyin|journalists?|reporters?|the media|the press|viral|post (?:it )?online)\b/,
  },
};

export const HARMLESS_PATTERNS: Patterns<HarmlessComponent> = {
  zh: {
    othersDeath: /(?:他|她|邻居|有人|有个人|别人|人家|爷爷|奶奶|父亲|母亲|老伴|姐夫|大伯|表哥|老王|那个人)[^，。要想说准备就再]{0,8}(?:走了|去世|过世|身亡|没了|死了|淹死|(?:跳河|跳楼|喝药|喝农药|上吊|自杀)(?:了|死|身亡|走的|没的|的事)|出了事)|去世的|走了[三四五六七八九十几半一两]{1,3}年|死亡赔偿|丧葬|遗属|销户|(?:我|俺)(?:爸|妈|爹|娘|爷爷|奶奶|姥姥|姥爷|外公|外婆|公公|婆婆|老伴)(?:已经)?(?:走了|去世|过世|没了)|后事(?:办完|办好|已经办|料理完|都办)|丧事|白事|公证|继承|遗产/u,
    // (2026-12-08: "老板放话说谁去告他就找人收拾谁": a threat made against the citizen and reported, like 扬言.)
    victim: /(?:交警|城管|派出所|警察|民警|执法队?|公安|拆迁队)(?:大队|中队)?[^，。]{0,8}(?:扣|砸|拆|收|没收|拖)|扣车的(?:是|人是)|(?:扣|砸|打|抢|偷|骗)[^，。]{0,3}的(?:是|人是|$)|是(?:砸|打|抢|偷|骗)[^，。]{0,3}的|(?:让|叫|被)[^，。]{0,10}给?(?:圈|围|占|拦|堵|封|锁)(?:起来|上|住)?了|(?:撞|磕|碰|摔)(?:到|在|伤|破)[^，。]{0,10}(?:缝了|住院|流血|骨折)|缝了[一二三四五六七八九十几两\d]{1,3}针|(?:让|叫)[^，。]{0,10}(?:占|罚|扣|没收|拖走|骗|坑)了|挨了?(?:打|揍|一刀|一砖头|一棍|几拳|一拳|几棍)|打群架|收保护费|敲诈|勒索|占了[一二三四五六七八九十几两\d]{1,3}(?:年|个月)|(?:砸|烧|推|拆|占)了?(?:我|俺)(?:们)?家|往(?:我|俺)(?:们)?家[^，。]{0,4}(?:泼|扔|砸|倒)|泼油漆|上门(?:堵|要账|催债|逼债)|(?:叫|让|给)人[^，。]{0,4}(?:砸|打|偷|划|烧|推|抢)|被[^，。]{0,10}(?:围|占|挤占|侵占|罚|贴|扣|没收|拖走|抢|打|砍|捅|伤|堵|封|锁|截|恐吓|威胁|骂|推|报复|穿小鞋|找麻烦|开除|辞退)|(?:怕|害怕|担心|担忧|会不会|遭|遭到|打击)[^，。]{0,10}(?:报复|断|停|取消|卡|穿小鞋|找(?:我|俺)?麻烦|找上门|对(?:我|俺)不利|打击|开除|辞退)|报复(?:我|俺|举报人|反映人)|(?:我|俺)[^，。]{0,6}(?:安全吗|有没有危险|会不会有危险)|保护(?:我|俺|举报人)|扬言[^，。]{0,10}(?:我|俺|我们|俺们|我家|俺家)|(?:他|她|他们|对方|老板|包工头|开发商|村霸|那人|那帮人)[^，。我俺]{0,4}放(?:出)?话|威胁(?:我|说)|(?:恐吓|吓唬)过?(?:我|俺)|(?:被|遭)[^，。]{0,8}(?:恐吓|吓唬)|说要让我|把(?:我|俺)(?:们|家)?的?[^，。]{0,6}(?:砸|烧|拆|推|毁|占|堵|封|锁|点着)(?:了|坏|烂|掉)|(?:打|砍|捅|推|踹|撞)(?:伤|倒)?了(?:我|俺)|把(?:我|俺)(?:们)?[^，。]{0,3}(?:打|推|踹)|找了几个|(?:我|俺|我们|俺们)[^，。]{0,3}(?:进不了家|进不去|出不去|出不了门)|(?:车|别人|有人|他们|人家)[^，。]{0,6}(?:停|堵|挡|占)[^，。]{0,4}(?:我家|我们家)|(?:他|她|他们|对方|老板|村霸|那人)(?:说|扬言)要[^，。]{0,4}(?:弄死|打死|杀了|砍死|打|弄|收拾|整)(?:我|俺)/u,
    past: /去年|前年|以前|之前|上次|上回|当年|那年|[一二三四五六七八九十几两\d]年前|前几年|前些年|前两年|早些年|早几年|过一次|过一趟|过几次|了一趟|了一次|了几趟|了好几趟|曾经|报了警|报警了|已经报警|立案|被抓了|那些年|过去(?:的|那些|几年|[一二三四五六七八九十几两]{1,3}(?:年|个月))|被判|判了|判刑了|已经判|前段时间|前些日子|那阵子|之前有段时间|现在好多了|已经想通|想通了/u,
    // (2026-12-08: a rumour with its source named, "听邻居说老李要去北京告状", is 听说 too; not a relative —
    // "听我妈说她不想活了" is a report of a risk.)
    hearsay: /听说|听(?:隔壁|村里|对门|楼下|楼上)?(?:的)?(?:邻居|别人|人家|村里人|旁人|外人|有人|他们|她们)[^，。]{0,2}说|新闻|电视|网上(?:看到|说|传)|(?:在|从|刷)(?:抖音|快手)(?:上)?(?:看|刷)到|(?:抖音|快手)上(?:说|看到|有人)|视频里|据说|有人说|在说要|有人在群里|(?:村里|隔壁|邻村|外地|别的村|别的地方|外县)有人/u,
    ordinaryTrip: /(?:去|到|在|来|从|上)(?!哪)(?:北京|首都|京城|省城|省里|市里|外地)?[^，。]{0,4}(?:打工|工作|上班|上学|读书|上大学|读研|旅游|看病|治病|复查|出差|开会|探亲|学习|培训|当兵)|研究生|户口|出差|参加(?:纪念|活动|婚礼|比赛|培训|会议|考试|聚会|葬礼|典礼)/u,
    trade: /庄稼|麦苗|作物|鱼塘|鱼|猪|鸡|鸭|羊|牛|狗|打虫|虫|卖|摊|进货|价格|涨|补贴|市场|五金|软件|拼车|拼多多|秸秆|烧纸|假药|残留|开业|店铺|店面|店里|开店|小店|饭店|门店|商店|店主|横幅广告|广告|促销|加油站|油价|油费|厨房|做饭|切菜|菜刀(?:坏|钝|不快)|施工|装修|汽油车|油车|限行|燃气公司|漏气|管道|煤气罐|液化气站|电价|水费|电费|老鼠[^，。]{0,2}多|灭鼠|鼠害|医保|报销|能不能报|能报吗/u,
    tools: /卖[^，。]{0,4}(?:刀|斧|锄|锤)|刀具(?:店|厂|生意|摊)|(?:刀|锤|斧)[^，。]{0,2}(?:厂|店|铺)(?:的|里|老板|营业|执照)|开[^，。]{0,2}五金店|五金店(?:的|老板|营业|执照)|磨刀(?:师傅|的)|厨房|做饭|切菜|菜刀(?:坏|钝|不快|被偷|丢)|(?:锄头|镰刀|斧头|铁锹)[^，。]{0,6}(?:地|庄稼|麦|草|柴|树)|(?:下地|干活|种地|砍柴)[^，。]{0,6}(?:锄头|镰刀|斧头|铁锹)|(?:猎枪|枪)(?:证|执照|许可)|持枪证|屠宰|杀猪的|屠夫/u,
    medical: /刀伤|伤疤|疤痕|看病|治病|拿药|开药|抓药|药房|药费|医药|药品|(?<!(?:横着|躺着|抬着|送他|送她|让他|叫他|打进|打到)[^，。]{0,2})医院|医生|大夫|诊所|卫生院|住院|出院|手术|开刀|刀口|伤口|复查|体检|化疗|透析|输液|打针|处方|病历|医保|降压药|中药|西药|慢性病|吃药(?=[^，。]{0,6}(?:治|控制|降|的钱|费|报销|看病))/u,
    hyperbole: /笑死|累死|急死|烦死|气死|热死|冷死|饿死|吵死|困死|馋死|闷死|死机|(?<!拼了?这条|拼上这条|拼|用我这条|拿我这条|用这条|拿这条)老命|(?:结了|办完|办好|解决了)[^，。]{0,4}(?:就|也就)?解脱|要命|要疯|崩溃|想撞墙|服了|心都凉|(?:砸|摔)[了掉烂碎]?(?:这|那)?(?:个|台|部)?破?(?:手机|电脑|键盘|屏幕|电视|碗|杯子|盘子|遥控器|玩意)|手机[^，。]{0,6}(?:砸|摔)|跳脚|跳起来骂|想骂人|想哭|天打雷劈|死也不(?:服|签|同意|搬|答应|认|走)|到死都不|死活|死也要死个明白|死也要死在(?:老家|家里|自己家|村里)|落叶归根|死(?:个|得)明白|拼命(?:地)?(?:干|学|跑|赚|攒|挣|读|练|打工)/u,
    procedure: /法律|依法|律师|起诉|仲裁|复议|复核|程序|渠道|(?<!不派|不要|不选)代表|联名|纪委|举报|投诉|媒体|曝光|热线|申请|调解|走正规|上一级|上级(?:信访|部门|机关)/u,
    question: /吗$|(?:能|可以|准|允许)[^，。]{0,16}(?:不|么)[?？]?$|是不是|会不会|能不能|可不可以|行不行|怎么办|怎么处理|谁管|多少钱|有没有|算不算|要不要|需要什么|该怎么/u,
    reassure: /放心|不会乱来|不会干|不闹|不会闹|不会去闹|(?<!别|不用|不要|谁也别|谁都别)劝(?!我|俺)|骂了他|没去|不参加|没有威胁|不会去找/u,
    denial: /(?:我|俺)?(?:没|没有|并没有|不会|不是)(?:想不开|想死|寻死|轻生|寻短见|要死|不想活)|(?:你们?|您)?误会(?:了)?|别误会|不是那个意思|(?:但|可|不过)?(?:我|俺)(?:是)?不会(?:去)?(?:找他|找她|找他们|乱来|干傻事|做傻事|那样做|那么做|去那儿|动手)|没那个意思|不是要(?:威胁|闹|吓)|(?:我|俺)?(?:没去|没参加|不参加|没跟着去)|(?:就|也)?不(?:登|告|反映|办|上访|闹)了/u,
    retract: /那句|那话|那些话|刚才(?:说的|那)|(?<!不是|没|没有|不是说)(?:气话|说着玩|开玩笑|开个玩笑|随口一?说|随便说说)|别(?:写|记|录)|不要(?:写|记)|不用(?:写|记)|别当真|不是那个意思|不算数|收回/u,
    asking: /(?:就|只|只是|就是)(?:随便)?(?:问问|问一下|打听一下|了解一下)|随便问问|问问而已|好奇问/u,
    persist: /(?:我|俺)?(?:明天|后天|下周|以后)?(?:还|再|天天|每天|一直)(?:会)?(?:来|问|找|反映|打电话|写信)|来一天|反映到底|告到底|反映到有|坚持反映/u,
    lawfulVisit: /(?:去|到|找|来|上)[^，。]{0,12}(?:反映|问问|问一下|问[^，。]{0,8}(?:的事|政策|情况|进度|标准|怎么|为什么)|咨询|沟通|谈谈|交材料|递材料|送材料|办(?:事|理|证|卡|手续)|登记|体检|开会|培训|参观|学习|领(?:补贴|钱|卡|工资)|排队)|(?:只是|就是|只|就)想?(?:问问|问一下|了解)/u,
    care: /辛苦了|路上(?:小心|当心|注意|慢点)|(?:路|地)(?:很|太)?滑|别摔|注意安全|(?:当心|小心)(?:路|脚下|身体|着凉|台阶)|干活[^，。]{0,6}(?:小心|注意)|安全帽/u,
    remote: /网站|网上(?:留言|投诉|信访|提交|登记)|留言板?|信箱|(?:写|寄)(?:了)?(?:封)?信|邮寄|热线|小程序|公众号/u,
    festive: /祭祖|上坟|庙会|赶集|喜酒|吃席|拜年|过年|春节|婚礼|葬礼|白事|红白事|广场舞|比赛|演出|看电影|旅游|体检|开会|培训/u,
    paperwork: /证据|材料|发票|收据|票据|合同|协议|欠条|工资条|病历|照片|视频|录音|证明|复印件|户口本|身份证|截图|单据/u,
    leisure: /晒太阳|乘凉|纳凉|下棋|打牌|遛弯|散步|聊天|唠嗑|钓鱼|跳广场舞|锻炼|晾(?:衣服|被子)|晒被子/u,
    moving: /搬家|搬走了?|退休|换工作|调走|离职|辞职|毕业|换(?:手机)?号|换了号|新号/u,
    pests: /蚊子|苍蝇|蟑螂|杀虫|灭蚊|灭蝇|虫子|虫害|老鼠[^，。]{0,2}多|灭鼠|鼠害|打药|喷药|除草|病虫/u,
    repairs: /漏水|渗水|防水|维修|修缮|裂缝|裂了|违建|太阳能|电梯|水管|管道|物业|晾|积水|破损|坏了/u,
    hazard: /危桥|危房|井盖|隐患|危险|倒塌|塌了|要塌|漏电|汛期|加固|烟花|鞭炮|爆竹|采石场|放炮|炸鱼|矿上放炮|迟早出事|出人命的事故|事故|污染|异味|臭味|黑烟|烟尘|粉尘|废气|排污|废水/u,
    burden: /房租|租金|房贷|车贷|负担不起|交不起|付不起|还不起|开销|生活费|学费|医药费|药费|欠债|欠着(?:账|钱)/u,
    // A message-wide cue (MESSAGE_HARMLESS): the government's car.
    publicCar: /公车|公务车|公家的?车|单位的?车|(?:政府|镇里|乡里|县里|村委会?|单位|局里)的?[^，。]{0,4}(?:车|轿车|小车|越野车|商务车)(?!祸|费|补贴)/u,
    // A whole clause that says nobody helped ("没人理", "他管不了", "推来推去"), or a visit and its rebuff in one clause.
    rebuffed: /^(?:也|还是|都|就是|根本|压根|可|但|但是|可是|结果)?(?:(?:他|她|他们|人家|村里|镇上|镇里|乡里|县里|局里|村支书|支书)[^，。,]{0,3})?(?:没人理|没人管|没人搭理|没人问|不理(?:人|我|俺|我们|俺们)?|不给办|没下文|没结果|没用|推来推去|踢皮球|互相推|管不了|不管)(?:了|啊|呀|的|呢|事)?$|(?:去|找|跑|问)(?:过|了)[^，。,]{0,10}(?:没人理|没人管|没人搭理|不给办|没下文|没结果|推来推去|踢皮球)/u,
    // The households who signed, counted: "签名的我数错了", "联名的一共八十多户", "五十一户签了名" — not "不签字就断水"
    // or "签字的协议" (narrow: the cue's own weight, learnt from petitions, would lower any clause that has it).
    signed: /(?:签名|签字|联名|按了?手印)的(?!协议|合同|文件|字据|材料|表)|(?:签了?名|签了?字|联名|按了?手印)[^，。,]{0,3}(?:的有|一共|总共|共有)|(?:\d{1,4}|[一二两三四五六七八九十百几]{1,5})(?:多|来)?(?:户|家|个人|人|名)(?:都|已经|全)?(?:签了?名|签了?字|联名|按了?手印)/u,
  },
  en: {
    othersDeath: /\b(?:fish|crops?|trees|chickens?|hens|pigs?|cattle|cows?|sheep|goats?|ducks?|bees|plants|seedlings|animals|livestock|birds)(?: \w+){0,2} (?:die|died|dying|dead)\b|\b(?:(?:people|someone|somebody|kids|children|residents|customers|workers|they|he|she|pupils|patients|villagers) (?:could |will |might |would |may |can )?(?:die|get killed|burn to death))\b|\b(?:died|passed|drowned|took his own life|took her own life|hanged himself|hanged herself|killed himself|death|funeral|(?<!join my )late (?:father|mother|husband|wife)|fell from|nearly died)\b/,
    victim: /\bto pressure (?:us|me)\b|\b(?:our|my) (?:house|home|shop|barn|car|tractor) (?:burned|burnt|was burned|caught fire)|\brevenge (?:me|us)\b|\b(?:blocked|locked|fenced) (?:\w+ ){0,3}(?:our|my) way\b|\b(?:owners|we|residents|i) (?:cant|cannot|can not) get (?:home|in|out)\b|\b(?:someone|somebody|they|he|she|a man|men|thugs|a gang) (?:\w+ )?(?:beat|hit|attacked|stabbed|cut|robbed|smashed) (?:up )?(?:my|me|us|our)\b|\b(?:was|were|got|been|be|being|get) (?:\w+ )?(?:stabbed|robbed|beaten|attacked|hit|cut|cornered|threatened|locked out|intercepted|punished|fired|targeted|retaliated against)\b|\b(?:afraid|scared|worried|fear|frightened)\b[^,.]{0,40}\b(?:retaliat\w*|revenge|punish\w*|come after|fire (?:me|us)|find out|cut (?:my|our)|stop (?:my|our)|take away (?:my|our))|\b(?:will|would|could|can|might) (?:they|he|she|the \w+|my \w+) (?:retaliate|punish|come after|take revenge|find out|fire|hurt)\b|\b(?:am i|are we|is it) safe\b|\bprotect (?:me|us|my)\b|\b(?:retaliat\w*|revenge) (?:against|on) (?:me|us)\b|\bthreatened (?:me|my|us|to)\b|\bscare us\b|\bthey (?:said|broke|smashed)\b|\bmake me (?:regret|pay)\b|\b(?:someone|somebody|they|he|she|trucks?|cars?|vans?|lorries|buses|neighbou?rs?)\b (?:\w+ ){0,2}(?:parked|parks|park|parking|blocked|blocks|blocking) (?:\w+ ){0,2}(?:my|our)\b|\bcut off (?:our|my)\b|\bfire (?:burned|burnt|destroyed|damaged) (?:my|our)\b|\b(?:hired|sent|paid) (?:people|men|thugs|someone) to (?:block|beat|threaten|smash|burn|scare)\b|\b(?:scared|threatened|attacked|frightened) (?:me|us) with\b/,
    // ("the primary school in our village was closed this September": a school shut by others, already done.)
    past: /\b(?:school|kindergarten|nursery) (?:\w+ ){0,4}(?:was|were|has been|had been) (?:closed|shut|merged)\b|\b(?:last (?:year|month|spring|week)|years ago|ago|once (?:before|already|or twice)|(?:went|been|tried|did it) once|used to|already (?:reported|called)|police (?:have|already))\b|\b(?:sentenced|convicted|jailed)\b/,
    // ("they announced the kindergarten will close at the end of this month": someone else's notice and deadline.)
    hearsay: /\b(?:they|it was|the (?:\w+ )?(?:school|kindergarten|principal|management|company|boss|owner)) (?:announced|notified us|told us|informed us)\b|\b(?:heard|on tv|on television|on the news|in the news|on the internet|saw (?:a|some|people)|people (?:\w+ ){0,3}(?:say|said|talk)|talk(?:ed|s)? about|someone in the group|saw on)\b/,
    // ("my daughter goes to Little Sprouts Kindergarten": a child's schooling, no trip.)
    ordinaryTrip: /\b(?:my|our) (?:\w+ )?(?:sons?|daughters?|kids?|child|children|grandsons?|granddaughters?) (?:goes|go|went|attends?|is|are) (?:to |in |at )?(?:\w+ ){0,3}(?:kindergarten|nursery|preschool|school)\b|\b(?:(?:does|do|doing) business|business in|study|studies|university|works? in|business trip|training|medical|treatment|conference|in the army|joined the army|hukou|visiting|serves)\b|\bon (?:business|holiday|vacation|a (?:trip|tour))\b/,
    trade: /\b(?:crops?|field|fish|pond|pig|dog|chickens?|pests|sell|sells|selling|sold|counterfeit|fake (?:medicine|pills|drugs|tablets)|batch number|shop|stall|store|licence|market|straw|offerings|grand opening|promotion|burn\w* (?:plastic|rubbish|garbage|straw|waste|leaves|coal)|advert\w*|restaurant|kitchen|cooking|gas station|petrol price|fuel price|construction|renovat\w*|prices?|costs?|bills?|fees?|rent|tariffs?|electricity)\b|\b(?:petrol station|filling station)\b/,
    tools: /\b(?:(?:knife|knives|axe|hammer|tool)s? (?:factory|shop|store|maker|stall|seller|sharpen\w*|set|block)|sell\w* (?:\w+ )?(?:knives|tools|axes)|hardware|kitchen|cooking|chopping|farm tools?|(?:hoe|axe|shovel|sickle)s? (?:for|in) the (?:field|garden|farm))\b|\b(?:rifle range|shooting range|hunting (?:club|licen[cs]e|permit)|gun (?:licen[cs]e|permit))\b|\b(?:knife grinder|sharpen\w*)\b/,
    medical: /\b(?:(?<!(?:put|send|land) (?:him|her|them) in (?:the )?)hospital|doctor|clinic|medicine|medication|prescription|pharmacy|drug ?store|chemist|surgery|operation|stitches|wound|scar|treatment|check ?up|blood pressure|diabetes|chemo\w*|dialysis|injection|vaccin\w*|medical)\b|\b(?:migraine|headache|painkillers?|allergy|flu)\b/,
    hyperbole: /\b(?:killing me|death of me|dying to|crazy|losing my mind|last nerve|end of my rope|phone died|(?:battery|laptop|computer|screen) died|dead end|shoot me|blew up my phone|like a dog|peanuts|breaking point|im starving|starving hungry|(?:smash|throw|throwing|smashing) (?:my|this|the) (?:stupid |damn )?(?:phone|laptop|computer|screen|keyboard)|bored to death|scared to death|dead tired|dying of (?:boredom|laughter|hunger|thirst)|rather die than (?:sign|accept|agree|give in|give up|apologi\w*|pay|move)|over my dead body|dead set|die (?:in|at) (?:his|her|my|our) (?:own |old )?(?:home|house|village))\b|\b(?:could|want to|wanna|going to) (?:strangle|kill|murder|shoot|throttle) (?:the|my|this) (?:printer|computer|phone|laptop|machine|form|website|system|app)\b/,
    procedure: /\b(?:complain\w*|law|legal\w*|lawyer|sue|court|arbitration|review|procedure|channels|representatives|joint letter|discipline|report him|media|complaint|hotline|documents|papers|register\w*|appointment|apply\w*|mediate)\b|\b(?:next|higher) level\b/,
    question: /^(?:(?:is|are|can|could|do|does|will|would|should|may) (?:i|we|it|there|you|they|he|she|my|our|this|that|a|the)|(?:what|how|who|where|why|which)\b)|\b(?:want|wants|would like) to know (?:when|how|if|whether|what|why)\b/,
    reassure: /\b(?:dont worry|i wont make trouble|never do anything|never break the law|not threatening|told (?:him|them) (?:off|not to)|didnt go|did not go|(?:didnt|did not|wont|will not|not) join|i will not go there|i wont go there)\b|\b(?:i refused|refused to|i said no)\b/,
    denial: /\b(?:(?:i|im|i am) not (?:suicidal|going to (?:hurt|kill) myself|in danger)|you (?:misunderstood|misunderstand|got me wrong)|i (?:dont|do not) want to (?:die|hurt myself))\b|\b(?:i|we) (?:wont|will not|would never|am not going to|are not going to) (?:go there|do (?:it|that|anything like that)|touch (?:him|her|them)|look for (?:him|her|them))\b|\bnot what i meant\b/,
    retract: /\b(?:(?:dont|do not|no need to|please dont) (?:write|put|record|note|take) (?:that|it|this)(?: down)?|(?:dont|do not) (?:write|put) down|forget (?:what|that|the bit|the part) (?:i said|about)|(?<!not |wasnt |im not |i am not )(?:just|only) joking|i was joking|(?<!not )kidding|didnt mean (?:it|that)|(?:wasnt|not) serious|heat of the moment|take (?:that|it) back|scratch that|strike that)\b|\b(?:(?:it was|was just|out of|in) anger|i was (?:angry|upset))\b/,
    asking: /\b(?:just|only) (?:asking|wondering|curious)|out of curiosity|i want to know the rules|asking for the rules|(?:can|could) you tell me whether\b/,
    persist: /\b(?:(?:ill|i will|i am going to|im going to) (?:be back|come back|keep (?:coming|asking|petitioning|writing|calling)|return)|every day until|keep (?:petitioning|coming back|asking) until|(?:wont|will not|not) give up)\b/,
    lawfulVisit: /\b(?:send (?:it|them|this|everything) to|to ask|ask about|asking about|hand in|handing in|submit\w*|register\w*|apply\w*|meeting about|to discuss|talk to|talk about|check ?up|appointment|(?:to see|to meet|meet) the (?:\w+ )?(?:manager|head|leader|principal|director|boss)|about (?:the|our) (?:wages|subsidy|subsidies|compensation|handover|pensions?)|write to|letter to|a trip to|sightseeing)\b|\b(?:drop off|bring (?:the|my) (?:copies|documents|papers|forms)|pick up (?:the|my))\b/,
    care: /\b(?:icy|slippery|(?:be )?careful on the|watch out on the|take care on|drive (?:carefully|safely)|stay safe|safety helmets?)\b/,
    remote: /\b(?:website|online|e-?mail|by post|(?:write|wrote|send|sent) a letter|letter to|hotline|portal|app)\b/,
    festive: /\b(?:festival|wedding|funeral|dance|dancing|contest|concert|new year|temple fair|market day|sightseeing|health check|training)\b/,
    paperwork: /\b(?:evidence|documents?|papers|paperwork|receipts?|photos?(?! of (?:his|her|their))|videos?|recordings?|contract|certificate|records|statement|forms?|screenshots?|invoices?|id card)\b/,
    leisure: /\b(?:sunbathing|walk the dog|walking the dog|fishing|chess|cards|chatting|exercise|laundry|sunshine|picnic)\b/,
    moving: /\b(?:retir\w*|moving (?:house|out)|move date|new (?:flat|house|apartment|job|number)|colleagues|graduat\w*|change my number|old (?:flat|house|apartment|job))\b/,
    pests: /\b(?:mosquito\w*|flies|cockroach\w*|insects?|pests?|rats are|mice|vermin|weeds)\b/,
    repairs: /\b(?:leak\w*|repair\w*|crack\w*|broken|illegal (?:structure|building|extension)|rooftop structure|lift|elevator|maintenance|management|solar|pipe|drain\w*)\b/,
    hazard: /\b(?:dangerous|danger|hazard\w*|collapse\w*|manhole|fireworks|blast fishing|quarry|blasts|unsafe|an accident waiting|safety risk|smoke|fumes|soot|stench|(?:acid|chemical|burning) smell|pollut\w*|emissions?|downwind|recycl\w*|batter(?:y|ies)|casings?|plastic)\b/,
    burden: /\b(?:rent|mortgage|(?:cant|cannot) afford|bills|expenses|tuition|debts?)\b/,
    publicCar: /\b(?:government|official|public|state|council|office|bureau|department|work|unit)s? (?:\w+ ){0,2}(?:cars?|vehicles?|vans?|suvs?|jeeps?|sedans?|minibus|passat|audi|buick|santana|jetta|camry|accord)\b/,
    rebuffed: /^(?:but |and |so )?(?:nobody|no one|they|he|she) (?:helped|listened|cared|answered|did anything|would help|would not help|wouldnt help|did not help|didnt help|ignored (?:me|us))$/,
    signed: /\b(?:\d{1,4}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred) (?:\w+ )?(?:households|families|people|residents|villagers|owners|parents|of us) (?:have |had )?signed\b(?! up)|\b(?:signatures|signed) (?:\w+ )?(?:from|by) (?:\d{1,4}|\w+ty)\b/,
  },
};
