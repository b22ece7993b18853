/**
 * The answer to "how many people or households?": the number, whether it counts
 * people or households (a household stays a household: 三十来户 is 30 households),
 * and whether the citizen said they file for all of them or only for themselves.
 * Approximations and ranges give their lower bound (三十来户 → 30, 七八个人 → 7,
 * "50-60 people" → 50).
 */
import { CN_DIGIT_CLASS, parseApproxCount } from '../extractors/chinese-numerals.ts';
import { parseEnglishNumber } from '../extractors/english-numerals.ts';
import { foldWidth, matchAll } from '../extractors/text.ts';
import { restated } from './restated.ts';

export type PeopleUnit = 'people' | 'households';
export type GroupScope = 'all' | 'self';

export interface PeopleCount {
  n: number;
  unit: PeopleUnit;
  /** null: the citizen did not say whom they file for. */
  scope: GroupScope | null;
  /** The count is the citizen's own family ("就俺一家 五口人"): its size, not many others. */
  family?: true;
}

const MAX = 1_000_000;

// ---- Chinese -------------------------------------------------------------------

// (老三家: a nickname, no count — "王老三家" is one family; "老两口" still counts two.)
// ("那三十户" counts: 那 before a number of households or people is "those".)
const BEFORE = `(?<![0-9.${CN_DIGIT_CLASS}几第每同这哪任某单唯统之]|那(?![一二两三四五六七八九十百几\\d]+[多来余]?(?:户|个人|口人|人|家)))(?<!老(?=[一三四五六七八九十][家户]))`;
const NUM = `((?:好|数|上)?[${CN_DIGIT_CLASS}几]+(?:好几)?[多余来把]?|\\d{1,6}[十百千万]?[多余来]?)`;
/** Businesses are no households (3家公司). */
const NOT_HOUSEHOLD = '公司|企业|工厂|厂|单位|店|银行|医院|商|机构|超市|饭店|酒店|宾馆|学校|门面|铺';
const HOUSEHOLD_ZH = new RegExp(`${BEFORE}${NUM}\\s*(?:个)?(?:户人家|户(?![口籍])|家(?!长|属|${NOT_HOUSEHOLD})(?:人家|农户|住户|人)?)`, 'g');
/** People: a counting word and who they are (十来个工友, 三十来号人, 百十来口人, 八个老乡). */
const NOT_PEOPLE = '月|小时|钟头|星期|礼拜|工作日|亿|点|平方|平米|亩|年|季度|学期|地方|村|项目|问题|事|条|版|号码|证|章|字|班|组|队|车间|宿舍|院|楼|单元|部门|小区|厂|价|数|样|理|办法|说法|钱|准|标准|意思|机会|电话|手机|星|礼|晚上|早上';
const PEOPLE_ZH = new RegExp(
  `${BEFORE}${NUM}\\s*(?:(?:个|名|位)(?!${NOT_PEOPLE})(?![\\u4e00-\\u9fff]{0,3}(?:名额|指标|补贴|项目|文件|材料|证明|手续|合同|协议|申请|房间|门面|摊位))(?:[\\u4e00-\\u9fff]{1,3})?|号人|口人|口(?![井塘池锅缸水子气袋鱼罐])|人(?!民|家|情|手|工)|村民|工人|学生|孩子|家长|职工|员工|业主|群众|农民工|老人|户主|工友|老乡)`,
  'g',
);
/** 一家四口, 俺一家五口人: the household's size in people. */
const FAMILY_ZH = /(?:一|俺|我|咱)家(?:子)?[\s，,]*([两二三四五六七八九十]{1,2}|\d{1,2})\s*口/g;
/** 我和俺娘, 我跟我媳妇, 老两口: two people. */
const COUPLE_ZH = /(?:我|俺)\s*(?:和|跟|与|带着|\+|加)\s*(?:我|俺)?(?:的)?(?:娘|妈|爹|爸|媳妇|老婆|老伴|丈夫|男人|老公|孩子|儿子|闺女|女儿|爱人|婆婆|公公|弟弟?|哥哥?|姐姐?|妹妹?|兄弟|侄子|孙子|孙女)(?![\u4e00-\u9fff]{0,2}(?:家|户|们))|老两口|两口子|小两口/;
/** 俺家和隔壁家: households named one by one. */
const HOUSES_ZH = /[\u4e00-\u9fff]{1,3}家(?:\s*[和跟与、及]\s*[\u4e00-\u9fff]{1,4}家)+/;
const FEW_ZH = /(?<![\u4e00-\u9fff])(俩|仨)(?:人|个)?|^(俩|仨)|(?:我们|俺们|咱们|我|俺|咱|就|算)(俩|仨)(?![\u4e00-\u9fff]*(?:钱|块|月|年|天))/;

// ---- English -------------------------------------------------------------------

const EN_WORDS = 'seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|thousand|hundred|seventy|twenty|thirty|eleven|twelve|eighty|ninety|forty|fifty|sixty|three|seven|eight|dozen|four|five|nine|half|one|two|six|ten|and|an|a';
const EN_NUM = `((?:\\d{1,3}(?:,\\d{3})+|\\d{1,6})(?:\\s*\\+)?|(?:(?:${EN_WORDS})\\b(?:[\\s-]+(?:${EN_WORDS})\\b)*)|dozens|hundreds|thousands)`;
const EN_NOUN =
  '(?:people|persons|person|workers?|villagers?|residents?|farmers?|employees?|staff|students?|kids|children|pupils|parents|tenants?|owners?|homeowners?|colleagues?|co-?workers?|others|ppl|members|patients|passengers|vendors|drivers|teachers|elderly|pensioners|neighbou?rs|families|famil(?:ys|ies)|famlies|family|households?|housholds?|homes|houses|of us|of them|in total|altogether)';
const EN_COUNT = new RegExp(`\\b${EN_NUM}(?:\\s*(?:-?odd|or so|\\+|plus|or more|and more))?(?:\\s*(?:or|to|-|–|~)\\s*${EN_NUM})?\\s*(?:(?:[a-z'-]+\\s+){0,2})${EN_NOUN}\\b`, 'gi');
const EN_FAMILY_OF = /\b(?:(?:a|my|our|his|her)\s+)?family\s+of\s+(\w+)\b/i;
/** "me, my wife and our two kids", "my mother-in-law and me", "me + 2 kids": the people named one by one. */
const EN_SELF = /\b(?:me|myself)\b/i;
const EN_RELATIVE = /^(?:(?:my|our|his|her)\s+)?(?:(\w+)\s+)?(?:wife|husband|partner|mother(?:-in-law)?|father(?:-in-law)?|mum|mom|dad|sons?|daughters?|kids?|child(?:ren)?|boys?|girls?|brothers?|sisters?|aunt|uncle|grandma|grandpa|grandmother|grandfather|granny|parents|grandparents|niece|nephew|baby|twins)\b/i;
/** "俺 俺老伴 俩儿子 还有一个闺女": the family named one by one. */
const ZH_MEMBER = /(?:(俩|仨|两个|三个|四个|一个|\d)\s*)?(老伴|媳妇|老婆|丈夫|男人|老公|爱人|儿子|闺女|女儿|孙子|孙女|爹|娘|爸|妈|公公|婆婆|弟弟|哥哥|妹妹|姐姐)/g;
function enumeratedZh(t: string): number | null {
  if (!/[\u4e00-\u9fff]/.test(t) || /\d{3,}/.test(t)) return null;
  let n = /(?:^|[\s，,、])(?:俺|我)(?=[\s，,、]|$)|(?:俺|我)(?:和|跟|带着)/.test(t) ? 1 : 0;
  let members = 0;
  for (const m of t.matchAll(ZH_MEMBER)) {
    const k = m[1] ? ({ 俩: 2, 两个: 2, 仨: 3, 三个: 3, 四个: 4, 一个: 1 } as Record<string, number>)[m[1]] ?? Number(m[1]) : 1;
    n += k;
    members++;
  }
  return members >= 2 && n >= 3 ? n : null;
}

function enumerated(t: string): number | null {
  if (!EN_SELF.test(t) || /\d{3,}/.test(t) || t.length > 120) return null;
  let n = 0;
  let relatives = 0;
  for (const raw of t.split(/\s*(?:,|;|\band\b|\+|&|\bwith\b|\bplus\b)\s*/i)) {
    const part = raw.trim().replace(/^(?:just|only|it'?s)\s+/i, '').replace(/[.!]+$/, '');
    if (!part || /^(?:a |my |our )?family of \w+$/i.test(part) || /^(?:us|them|him|her)$/i.test(part)) continue;
    if (/^(?:me|myself|i)$/i.test(part)) {
      n += 1;
      continue;
    }
    // Only a list of people (a relative may have a few words after: "my mother who lives with us").
    const m = EN_RELATIVE.exec(part);
    if (!m || (m[0].length < part.length && !/^\s+(?:who|that|and|living|from|in)\b/i.test(part.slice(m[0].length)))) return null;
    relatives++;
    const k = m[1] ? enNumber(m[1]) : null;
    n += k ?? (/parents|grandparents|twins/i.test(part) ? 2 : 1);
  }
  return relatives > 0 && n >= 2 ? n : null;
}
const EN_COUPLE = /\b(?:me and my|my \w+ and (?:me|i))\b|\b(?:me|i)\s*(?:\+|&|and|with|plus)\s*(?:my\s+)?(?:wife|husband|mother|mum|mom|father|dad|son|daughter|partner|kid|child|brother|sister)\b|\bmy (?:parents|grandparents)\b|\bboth of (?:us|them)\b/i;

function enNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/,/g, '').replace(/\s*\+$/, '').replace(/-odd$/, '').trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (s === 'dozens') return 24;
  if (s === 'hundreds') return 200;
  if (s === 'thousands') return 2000;
  if (/^half (?:a )?dozen$/.test(s)) return 6;
  if (/^a dozen$|^dozen$/.test(s)) return 12;
  const thousand = /^(.+?)\s+thousand$/.exec(s);
  if (thousand) {
    const high = thousand[1] === 'a' || thousand[1] === 'one' ? 1 : parseEnglishNumber(thousand[1]!);
    return high === null ? null : high * 1000;
  }
  const n = parseEnglishNumber(s.replace(/^two dozen$/, '24'));
  return s === 'two dozen' ? 24 : n;
}

// ---- who files ------------------------------------------------------------------

const SCOPE_SELF =
  /(?:不过|但是?|可是)?(?:就|只)(?:我|俺)(?:自己|自个儿?|一个人?|一家)?(?:来)?(?:反映|反应|投诉|告|说|登记)|\b(?:i'?m|i am) only (?:writing|filing|reporting|complaining) for (?:my|me|myself)\b|以(?:我|俺)(?:家|自己|个人)?(?:的)?名义|\b(?:writing|filing|reporting|complaining) (?:only |just )?for (?:our|my) (?:own )?(?:household|family)(?: only)?\b|只管(?:我|俺)(?:自己)?(?:家|一家)|filing (?:this |it )?(?:only |just )?for myself|only filing (?:this |it )?for (?:me|myself)|谁(?:也|都)不代表|不代表任何人|(?:我|俺)?自己(?:来)?(?:举报|检举)|(?:以|用)?(?:我)?个人(?:的)?名义|(?:我|俺)个人(?:反映|举报|投诉)|没(?:有)?人推(?:我|俺)|不是代表(?:他们|大家|大伙|谁|别人|全村)|不代表(?:谁|他们|大家|别人|大伙)|不当(?:这个)?代表|只为(?:我|俺)?自己|只替(?:我|俺)?自己|就(?:我|俺)(?:自己)?一个人(?:来)?(?:说|反映|举报)?|(?:就|只)说(?:我|俺)(?:自|自己)?家(?:里)?的(?:事)?|\bnot (?:on behalf of|for) (?:them|everyone|all|the others|anyone else)\b|\b(?:writing|filing|reporting) (?:only |just )?for my (?:own )?(?:family|household|self)\b|\bjust for my (?:own )?family\b|(?:就|只)?(?:说|讲|反映|为|替|代表)(?:我|俺)(?:自己|自个)|(?:我|俺)(?:就|只)(?:说|讲|反映)(?:我|俺)?自己|就(?:我|俺)(?:自己|一个人?)(?:来)?(?:反映|举报|投诉|登记)|只(?:为|替|代表)(?:我|俺)|(?:我|俺)(?:只|就)(?:为|替|代表)(?:自己|我家|俺家)|(?:别人|其他人|他们|别的\S{0,4})(?:都)?不敢|代表不了|(?:我|俺)一个人(?:来)?(?:反映|举报)|(?<!\bnot )\b(?:only|just) (?:for )?(?:me|myself|my (?:own )?(?:family|household))\b|on my own behalf|by myself|\bi'?m (?:only |just )?(?:reporting|filing) (?:it )?(?:alone|for myself|on my own|my own)|\bi'?m the only one\b|\bonly (?:reporting|filing) (?:for )?(?:myself|my own)/i;
const SCOPE_ALL =
  /\bone of (?:the )?\d+|\bone of (?:the )?(?:\w+ )?(?:workers|villagers|families|households|parents|residents|tenants|owners)\b|(?:我们|俺们|咱们)(?:村|组|厂|小区|这)?(?:里)?\s*(?:\d+|[一二两三四五六七八九十百几]+)[多来余]?\s*(?:户|家|个人|人|名)|联名|大家(?:一起|都|伙|推)|(?:替|为|帮)(?:大家|大伙|全村|村民|乡亲们|他们)(?:一块|一起|一块儿)?(?:说|反映|登记|出头|问)|(?:他们|大伙|大家)都?(?:叫|让|推|同意)(?:我|俺)(?:来|出面|出头|反映|代表)|(?:我|俺)(?:来)?(?:当|做)(?:这个)?代表|(?:我们|俺们|咱们)(?:都|一起|大家|全村|全体|几[十百]?户)|代表(?:大家|全村|村民|大伙|我们|俺们|他们)|大伙(?:儿)?(?:让|推|都|一起)|集体反映|\ball of us\b|\b\w+ of us\b(?!(?:\s+\w+){0,2}\s+(?:in|with) the same\b)|on behalf of|\bfor (?:all|everyone|the whole|all of them|them all)\b|\b(?:i'?m|i am|we'?re|we are) (?:speaking|writing|filing|here) for (?:the |our |all (?:the )?)?(?:parents|villagers|workers|families|households|residents|tenants|owners|neighbou?rs|group|others|rest)\b|\bi represent (?:the |our |all (?:the )?)?(?:parents|villagers|workers|families|households|residents|tenants|owners|neighbou?rs|group)\b|\bwe all\b|\btogether\b|all signed|everyone (?:agreed|asked|wants)/i;

/** "不是只为我自己", "not just for me": filing for them all, said by denying the other. */
const NOT_ONLY_SELF = /不是只(?:为|替|代表)?(?:我|俺)(?:自己|一家|家)?|不只(?:是)?(?:为|替)?(?:我|俺)(?:自己)?|\bnot (?:just|only) for (?:me|myself|my (?:own )?family)\b|\b(?:filing|writing|reporting|speaking|complaining|here) not (?:just|only) (?:for )?(?:me|myself|my (?:own )?family)\b/i;

export function scopeOf(text: string): GroupScope | null {
  if (NOT_ONLY_SELF.test(text)) return 'all';
  if (SCOPE_SELF.test(text)) return 'self';
  if (SCOPE_ALL.test(text)) return 'all';
  return null;
}

// ---- few words ------------------------------------------------------------------

const ONLY_ME =
  /^(?:就|只有|只是|仅)?(?:我|俺|咱)(?:自己|自个儿?|一个人?|本人|1个人)(?:反映)?[吧啊呀的了。.!！~\s]*$|^(?:一个人|本人|个人|1个?人?)[。.!！\s]*$|就(?:我|俺|咱)(?:自己|自个儿?|一个人?)|只有(?:我|俺)(?:自己|一个人?|本人)?|(?:我|俺)自己(?:一个人)?(?:反映|来|举报)|(?:只|就)?涉及(?:我|俺)(?:本人|自己)?|^就(?:我|俺)\b|^(?:就|只)(?:我|俺)(?![们家])|自己\s*$|^(?:我|俺)自己(?=[\s，,])|\bjust my own\b|\bmy own case\b|\b(?:just|only) (?:me|myself)\b|^\s*(?:me|myself|me alone|one person|only one|i am alone|just one|1)\s*[.!]*\s*$/i;
/** 就我妈一个, 只有老人一个, "just my aunt": one person, not the citizen. */
const ONLY_ONE =
  /(?:就|只有|只是)\S{0,4}?(?:一|1)个(?:人)?\s*[。.!！了啊]*\s*$|\b(?:just|only) (?:my|our|her|his) (?:\w+ )?(?:aunt|uncle|mother|mum|mom|father|dad|son|daughter|grandmother|grandfather|grandma|granny|grandpa|wife|husband|brother|sister|child|kid|boy|girl|niece|nephew)\b|\b(?:just|only) (?:him|her)\b/i;
/** "就我们一家", "只有俺自己家": the family alone. */
const ONLY_FAMILY = /(?:就|只有|只是|只)(?:我|俺|咱)(?:们)?(?:自己)?(?:这)?一?家|(?:我|俺|咱)(?:们)?自己(?:一)?家|\b(?:just|only) (?:my|our) (?:own )?(?:family|household)\b/i;

/** "俺一家五口", "我家4口人": the size of the citizen's own family. */
const FAMILY_SIZE = /(?:我|俺|咱)(?:们)?(?:这|自己)?(?:一)?家(?:子)?(?:人)?(?:一共|总共|共)?[一二两三四五六七八九十\d]+口/;
/** 俺一家, 我们家, "just my family": one household. */
const OWN_FAMILY = /(?:就|只有|只是)?(?:我|俺|咱|我们|俺们)(?:这)?(?:一|自)?家(?:人|子)?|\b(?:just|only) (?:my|our) (?:own )?(?:family|household|home)\b|\bmy (?:own )?household\b/i;
const PLUS_ONE =
  /\b(?:me|him|her|i|myself|my (?:dad|father|mum|mom|mother|husband|wife|son|daughter))(?: and| plus| with)(?: about| around| roughly| some| like| another| other| my| our)* (?:a dozen|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens of) (?:other )?(?:co-?workers?|workers?|colleagues?|others|people|neighbou?rs?|villagers?|parents|tenants?|drivers?|friends?)\b|(?:我|俺|他|她|我爸|我妈)(?:和|跟|加上)(?:另外|其他)(?:的)?[\d一二两三四五六七八九十几]+[多来]?个/i;
const OTHERS_TOO = /(?:还有|另外还有|另有|加上|跟俺一样的还有)\s*|\b(?:and|plus) (?:also )?(?:another|other)\b/i;
/** "my family and two neighbours' families", "my family and my brother's family". */
const EN_HOUSES = /\bmy (?:own )?family and (?:(?:my|our) \w+'s family|(\w+) (?:(?:neighbou?rs?'?|other|more) )?families)\b/i;
/** "十个左右", "13", "about 40": a bare number. */
const BARE = /^\s*(?:大概|大约|约|差不多|估计|一共|总共|about|around|roughly|maybe|approximately|some|more like|closer to)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万几]+[多余来]?|[a-z]+(?:[- ][a-z]+)?)\s*(?:多|来|余|左右|上下|个|ish|或者|吧|\+)*\s*(?:[,，]?\s*(?:maybe|perhaps|probably|possibly|or)?\s*(?:more|less|so)\b)?(?:\s+(?:now|in total|altogether|total|all told))?(?:\s*[—–]+\s*[^\d—–]{0,40}?|\s+-\s+[^\d]{0,40}?|,\s*[^\d,]{0,40}?)?\s*[。.!！~]*\s*$/i;
/** 一共11个, 总共十来个. */
const GE = /(?:一共|总共|共|全部|加起来|算上)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万几]+[多余来]?)\s*个(?![\u4e00-\u9fff])/;
const NEGATED_BEFORE = /(?:不是|并非|不止|而非|\bnot|n't)\s*(?:我们?|俺们?|咱们?)?\s*$/i;
const TRAILING_NUMBER = /[,，]\s*(?:是|而是|应该是|but|it'?s|rather|actually|more like|closer to|more|about|around)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万]+[多余来]?)\s*(?:个|名|位)?(人|户|people|households?|families)?\s*[.。!！]*\s*(?:[^\d]{0,30})$/i;

interface Found {
  n: number;
  unit: PeopleUnit;
  at: number;
}

const cn = (raw: string) => (/^\d+[多余来]?$/.test(raw) ? Number(raw.replace(/[多余来]/, '')) : parseApproxCount(raw.replace(/把$/, '').replace(/好几$/, '').replace(/^百十/, '一百')));

function counts(t: string): Found[] {
  const out: Found[] = [];
  const add = (n: number | null, unit: PeopleUnit, at: number) => {
    if (n !== null && n >= 1 && n <= MAX) out.push({ n, unit, at });
  };
  for (const m of matchAll(FAMILY_ZH, t)) add(parseApproxCount(m[1] ?? ''), 'people', m.index);
  for (const m of matchAll(HOUSEHOLD_ZH, t)) add(cn(m[1] ?? ''), 'households', m.index);
  // "我和三个同事", "three colleagues and I": the others counted, and the citizen with them.
  const plusMe = (m: RegExpMatchArray) =>
    /(?:我|俺)(?:和|跟|与|同|带着|还有)$/.test(t.slice(Math.max(0, m.index! - 3), m.index)) ||
    /(?:^|[\s,])(?:me|myself)\s*(?:\+|&)\s*(?:my|our)?\s*$/i.test(t.slice(Math.max(0, m.index! - 14), m.index)) ||
    /^(?:和|跟|加上)?(?:我|俺)(?![们家])|^\s*(?:and|plus|with)\s+(?:I|me|myself)\b(?!['’]|\s+(?:am|was|have|had|speak|want|would|will|can)\b)|^\s*including me\b/i.test(t.slice(m.index! + m[0].length))
      ? 1
      : 0;
  for (const m of matchAll(PEOPLE_ZH, t)) {
    if (out.some((f) => f.at <= m.index && m.index < f.at + 4)) continue;
    // "一人三千五", "一人每月少发二百": per person, not one person.
    if (m[1] === '一' && /^\s*(?:每|[\d一二两三四五六七八九十百千万]+(?:块|元|千|百|万)?)/.test(t.slice(m.index + m[0].length))) continue;
    const n = cn(m[1] ?? '');
    add(n === null ? null : n + plusMe(m), 'people', m.index);
  }
  for (const m of matchAll(EN_COUNT, t)) {
    const words = m[0].toLowerCase();
    const unit: PeopleUnit = /\b(?:families|famil(?:ys|ies)|famlies|family|households?|housholds?|homes|houses)\b/.test(words) ? 'households' : 'people';
    const n = enNumber(m[1] ?? '');
    // "144,000 in total", "¥3000 for 4 of us": an amount of money is no count of people.
    const money = /^\s*(?:yuan|rmb|dollars?|euros?|kuai)\b/i.test(t.slice(m.index + m[1]!.length)) || /(?:[¥$]|rmb|yuan)\s*$/i.test(t.slice(Math.max(0, m.index - 5), m.index));
    if (money || (/(?:in total|altogether)$/i.test(m[0]) && (n ?? 0) >= 1000)) continue;
    add(n === null || unit === 'households' ? n : n + plusMe(m), unit, m.index);
  }
  const houses = EN_HOUSES.exec(t);
  if (houses) add(1 + (houses[1] ? (enNumber(houses[1]) ?? 1) : 1), 'households', houses.index);
  const familyOf = EN_FAMILY_OF.exec(t);
  if (familyOf && !out.length) add(enNumber(familyOf[1]!), 'people', familyOf.index);
  // "me, my wife and our two kids": the people named one by one, when more than any count said.
  const listed = enumerated(t) ?? enumeratedZh(t);
  if (listed !== null && listed > Math.max(0, ...out.filter((f) => f.unit === 'people').map((f) => f.n))) {
    out.splice(0, out.length);
    add(listed, 'people', 0);
  }
  // "一家四口", "四口人 我们一家": one household of that many people — the people are the count.
  const people = out.some((f) => f.unit === 'people');
  return out.filter((f) => !(people && f.unit === 'households' && f.n === 1)).sort((a, b) => a.at - b.at);
}

/**
 * Reads a count from an answer (or from a whole message when `narrative`: then a
 * bare number or "just me" is not taken, only counted nouns).
 */
export function readPeopleCount(text: string, opts: { narrative?: boolean } = {}): PeopleCount | null {
  // Traditional characters of counting ("八個人", "三戶").
  // "六户…哦不对 是六个人": what follows a slip taken back.
  const said = restated(text);
  const t = foldWidth(said).trim().replace(/個/g, '个').replace(/戶/g, '户').replace(/兩/g, '两').replace(/幾/g, '几').replace(/來/g, '来');
  if (!t) return null;
  const scope = scopeOf(t);
  // In a story, "two old people have fallen", "有个老太太摔了" count the harmed, not those the matter concerns.
  const harmed = (f: Found) => /^[^,.;，。]{0,25}?(?:fell|fallen|injured|hurt|died|killed|in hospital|摔|受伤|伤了|死了|住院|病倒|晕倒)/i.test(t.slice(f.at));
  // (In a story "一个拖了很多年的问题", "一位老人" are no count: one is only "just me" said so.)
  const lone = (f: Found) => f.n === 1 && !/就(?:我|俺)|只有(?:我|俺)|(?:我|俺)一个|\b(?:just|only) me\b/i.test(t);
  // "来了三四个不认识的人 …把我摊子砸了": those who did it, not those it concerns.
  // ("来了两个人 …", "来了四五个人把俺车子拉走了": those who came, not those it concerns.)
  const doers = (f: Found) => /^[^,.;，。]{0,24}?(?:把(?:我|俺)|(?:打|砸|抢|偷|骗)(?:了)?(?:我|俺))/.test(t.slice(f.at)) || /(?:来了|来过|派了|开来|下来了?)\s*$/.test(t.slice(Math.max(0, f.at - 4), f.at));
  const all = counts(t).filter((f) => !opts.narrative || (!harmed(f) && !lone(f) && !doers(f)));
  const found = all.filter((f) => !NEGATED_BEFORE.test(t.slice(Math.max(0, f.at - 6), f.at)));
  if (found.length === 0 && all.length > 0) {
    const m = TRAILING_NUMBER.exec(t);
    const raw = m?.[1];
    const n = raw ? cn(raw) : null;
    // Only counts taken back ("不止我一家"): what else the answer says ("就我自己举报").
    if (n === null || n < 1) return opts.narrative ? null : fewWords(t, scope);
    const unit: PeopleUnit = m?.[2] && /户|house|famil/i.test(m[2]) ? 'households' : all[0]!.unit;
    return { n, unit, scope };
  }
  // "就我们一家 五口人", "just my family, 4 people": the family's own matter, however many they are.
  if (found.length > 0) {
    const family = (ONLY_FAMILY.test(t) || (FAMILY_SIZE.test(t) && found.every((f) => f.unit === 'people'))) && !OTHERS_TOO.test(t);
    // ("就俺一家 俺家五口人", "just my family, 5 of us": the family's size, for themselves.)
    if (family && found.every((f) => f.unit === 'people') && /口|\b(?:of us|people in (?:my|our) family|in (?:my|our) family)\b/i.test(t)) return { ...fromCounts(t, found, 'self'), family: true };
    return fromCounts(t, found, family ? 'self' : scope);
  }
  if (opts.narrative) return null;
  return fewWords(t, scope);
}

function fromCounts(t: string, found: Found[], scope: GroupScope | null): PeopleCount {
  // Households win over people when both are said ("30多户，一百多口人").
  const households = found.filter((f) => f.unit === 'households');
  const pick = households.length > 0 ? households : found;
  let n = Math.max(...pick.map((f) => f.n));
  const unit = pick[0]!.unit;
  // "俺家一户 村里还有三四户跟俺一样": the citizen's own and the others.
  const others = OTHERS_TOO.exec(t);
  if (others) {
    const after = pick.filter((f) => f.at > others.index);
    const before = pick.filter((f) => f.at < others.index);
    const own = before.length > 0 ? Math.max(...before.map((f) => f.n)) : OWN_FAMILY.test(t.slice(0, others.index)) ? 1 : 0;
    if (after.length > 0) n = own + Math.max(...after.map((f) => f.n));
  }
  // A range or an approximation said first is the lower bound ("50-60 people", "seven or eight").
  const first = pick[0]!;
  if (pick.length === 1 || first.unit === pick[1]!.unit) n = others ? n : Math.min(n, Math.max(...pick.map((f) => f.n)));
  // "him and about a dozen coworkers", "我和另外十几个工友": one more than those counted.
  // ("SIX people not 5. me plus 5 coworker": the total is said beside it, and is the answer.)
  const plus = !others && unit === 'people' ? PLUS_ONE.exec(t) : null;
  if (plus) {
    const joined = pick.find((f) => f.at >= plus.index);
    const total = joined ? pick.find((f) => f !== joined && f.n === joined.n + 1) : undefined;
    n = total ? total.n : n + 1;
  }
  return { n, unit, scope };
}

/** Answers without a counted noun: "就我自己", "俺一家", "俩人", "十个左右", "13". */
function fewWords(said: string, scope: GroupScope | null): PeopleCount | null {
  // "不止我一家": a family taken back is not the answer.
  const t = said.replace(/(?:不止|不只|不光|不仅|不是)(?:我|俺|咱)(?:们)?(?:一)?家/g, '');
  if (OWN_FAMILY.test(t) && !/\b(?:of|family of)\b/i.test(t) && !HOUSES_ZH.test(t)) return { n: 1, unit: 'households', scope: 'self' };
  if (HOUSES_ZH.test(t)) return { n: (HOUSES_ZH.exec(t)![0].match(/家/g) ?? []).length, unit: 'households', scope };
  if (COUPLE_ZH.test(t) || EN_COUPLE.test(t)) return { n: 2, unit: 'people', scope };
  const few = FEW_ZH.exec(t);
  // "就俺仨", "我们俩": the pronoun counts them, it does not mean alone.
  if (few?.[3]) return { n: few[3] === '仨' ? 3 : 2, unit: 'people', scope: null };
  if (ONLY_ME.test(t) || scope === 'self') return { n: 1, unit: 'people', scope: 'self' };
  if (ONLY_ONE.test(t)) return { n: 1, unit: 'people', scope: null };
  if (few) return { n: (few[1] ?? few[2] ?? few[3]) === '仨' ? 3 : 2, unit: 'people', scope };
  const ge = GE.exec(t);
  if (ge) {
    const n = cn(ge[1]!);
    if (n !== null && n >= 1 && n <= MAX) return { n, unit: 'people', scope };
  }
  const bare = BARE.exec(t);
  if (bare) {
    const raw = bare[1]!;
    const n = /^\d+$/.test(raw) ? Number(raw) : /[a-z]/i.test(raw) ? enNumber(raw) : cn(raw);
    if (n !== null && n >= 1 && n <= MAX) return { n, unit: 'people', scope: n === 1 ? 'self' : scope };
  }
  return null;
}

/** Whether a message says the citizen files for a whole group (used on first messages). */
export const groupScopeIn = scopeOf;
