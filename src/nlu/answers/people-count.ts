/**
 * The answer to "how many people or households?": the number, whether it counts
 * people or households (a household stays a household: 三十来户 is 30 households),
 * and whether the citizen said they file for all of them or only for themselves.
 * Approximations give their lower bound (三十来户 → 30, 七八个人 → 7).
 */
import { CN_DIGIT_CLASS, parseApproxCount, parseNumberToken } from '../extractors/chinese-numerals.ts';
import { EN_NUMBER_SOURCE, parseEnglishNumber } from '../extractors/english-numerals.ts';
import { foldWidth, matchAll } from '../extractors/text.ts';

export type PeopleUnit = 'people' | 'households';
export type GroupScope = 'all' | 'self';

export interface PeopleCount {
  n: number;
  unit: PeopleUnit;
  /** null: the citizen did not say whom they file for. */
  scope: GroupScope | null;
}

const MAX = 1_000_000;
const BEFORE = `(?<![0-9.${CN_DIGIT_CLASS}几第每同这那哪任某单唯统之])`;
const NUMBER = `((?:好|数|上)?[${CN_DIGIT_CLASS}几]+[多余来]?|\\d{1,6}[十百千万]?[多余来]?)`;
const HOUSEHOLD_ZH = new RegExp(`${BEFORE}${NUMBER}\\s*(?:个)?(?:户人家|户(?![口籍])|家(?:人家|农户|住户)|家庭)`, 'g');
const PEOPLE_ZH = new RegExp(
  `${BEFORE}${NUMBER}\\s*(?:个|名|位)?(?:人(?!民)|口人|口(?![井塘池锅缸水子气袋鱼罐])|名(?![单字额])|位|村民|工人|学生|孩子|家长|职工|员工|业主|群众|农民工|老人|户主)`,
  'g',
);
/** 一家四口, 一家子五口人: the household's size in people. */
const FAMILY_ZH = /(?:一|俺|我|咱)家(?:子)?\s*([两二三四五六七八九十]{1,2}|\d{1,2})\s*口/g;
const EN_HOUSEHOLD = new RegExp(`\\b(?:about|around|roughly|nearly|almost|over|more than|at least|some)?\\s*(${EN_NUMBER_SOURCE})\\s+(?:\\w+\\s+)?(?:households?|famil(?:y|ies)|homes|houses)\\b`, 'gi');
const EN_PEOPLE = new RegExp(
  `\\b(?:about|around|roughly|nearly|almost|over|more than|at least|some)?\\s*(${EN_NUMBER_SOURCE})\\s+(?:\\w+\\s+)?(?:people|persons|person|workers?|villagers?|residents?|farmers?|employees?|students?|kids|children|parents|pupils|tenants?|owners?|colleagues|of us|of them|in total|altogether)\\b`,
  'gi',
);
const BARE = /^\s*(?:大概|大约|约|差不多|估计|about|around|roughly|maybe|approximately)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万几]+[多余来]?|[a-z]+(?:[- ][a-z]+)?)\s*(?:多|来|余|左右|上下|个?|ish)?\s*[。.!！~]*\s*$/i;

const ONLY_ME =
  /^(?:就|只有|只是|仅)?(?:我|俺|咱)(?:自己|自个儿?|一个人?|本人|1个人)(?:反映)?[吧啊呀的了。.!！~\s]*$|^(?:一个人|本人|个人|1个?人?)[。.!！\s]*$|就(?:我|俺|咱)(?:自己|自个儿?|一个人?)|只有(?:我|俺)(?:自己|一个人?|本人)?|(?:我|俺)自己(?:一个人)?(?:反映|来|举报)|\b(?:just|only) (?:me|myself)\b|^\s*(?:me|myself|me alone|one person|only one|i am alone|just one|1)\s*[.!]*\s*$/i;
/** 一共11个, 总共十来个: a number of people said with 个 alone. */
const GE = /(?:一共|总共|共|全部|加起来|算上)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万几]+[多余来]?)\s*个(?![\u4e00-\u9fff])/;
/** 俩, 仨, 老两口: two or three people in a word. */
const FEW = /(?:^|[^\u4e00-\u9fff])?(俩|仨)(?:人|个)?|老两口|两口子|小两口/;
/** 就我妈一个, 只有老人一个, "just my aunt": one person, not the citizen. */
const ONLY_ONE =
  /(?:就|只有|只是)\S{0,4}?(?:一|1)个(?:人)?\s*[。.!！了啊]*\s*$|\b(?:just|only) (?:my|our|her|his) (?:\w+ )?(?:aunt|uncle|mother|mum|mom|father|dad|son|daughter|grandmother|grandfather|grandma|granny|grandpa|wife|husband|brother|sister|child|kid|boy|girl|niece|nephew)\b|\b(?:just|only) (?:him|her)\b/i;
/** "just my parents", 老两口. */
const ONLY_TWO = /\b(?:just|only) (?:my|our|his|her) (?:parents|grandparents)\b/i;
/** A count the citizen denies ("不是12个人，是13个", "not 12 people, 13"). */
const NEGATED_BEFORE = /(?:不是|并非|不止|而非|\bnot|n't)\s*$/i;
const TRAILING_NUMBER = /[,，]\s*(?:是|而是|应该是|but|it'?s|rather|actually)?\s*(\d{1,6}|[零〇一二两三四五六七八九十百千万]+[多余来]?)\s*(?:个|名|位)?(人|户|people|households?|families)?\s*[.。!！]*\s*(?:[^\d]{0,30})$/i;
const OWN_FAMILY = /(?:就|只有|只是)?(?:我|俺|咱|我们|俺们)(?:一)?家(?:人|子)?(?!\S*?(?:还有|另外))|\b(?:just|only) (?:my|our) (?:own )?(?:family|household|home)\b/i;
const OTHERS_TOO = /(?:还有|另外还有|另有|加上)\s*/;

const SCOPE_SELF =
  /(?:就|只)?(?:说|讲|反映|为|替|代表)(?:我|俺)(?:自己|自个)|(?:我|俺)(?:就|只)(?:说|讲|反映)(?:我|俺)?自己|就(?:我|俺)(?:自己|一个人?)(?:来)?(?:反映|举报|投诉|登记)|只(?:为|替|代表)(?:我|俺)|(?:我|俺)(?:只|就)(?:为|替|代表)(?:自己|我家|俺家)|(?:别人|其他人|他们|别的\S{0,4})(?:都)?不敢|代表不了|(?:我|俺)一个人(?:来)?(?:反映|举报)|\b(?:only|just) (?:for )?(?:me|myself|my (?:own )?(?:family|household))\b|on my own behalf|by myself|\bi'?m (?:reporting|filing) (?:it )?(?:alone|for myself|on my own)/i;
const SCOPE_ALL =
  /\bone of (?:the )?\d+|\bone of (?:the )?(?:\w+ )?(?:workers|villagers|families|households|parents|residents|tenants|owners)\b|联名|大家(?:一起|都|伙)|(?:我们|俺们|咱们)(?:都|一起|大家|全村|全体|几[十百]?户)|代表(?:大家|全村|村民|大伙|我们|俺们|他们)|大伙(?:儿)?(?:让|推|都|一起)|集体反映|\ball of us\b|\b\w+ of us\b|on behalf of|\bfor (?:all|everyone|the whole|all of them|them all)\b|\bwe all\b|\btogether\b|everyone (?:agreed|asked|wants)/i;

function scopeOf(text: string): GroupScope | null {
  if (SCOPE_SELF.test(text)) return 'self';
  if (SCOPE_ALL.test(text)) return 'all';
  return null;
}

interface Found {
  n: number;
  unit: PeopleUnit;
  at: number;
}

function counts(t: string): Found[] {
  const out: Found[] = [];
  const add = (n: number | null, unit: PeopleUnit, at: number) => {
    if (n !== null && n >= 1 && n <= MAX) out.push({ n, unit, at });
  };
  for (const m of matchAll(FAMILY_ZH, t)) add(parseNumberToken(m[1] ?? ''), 'people', m.index);
  for (const m of matchAll(HOUSEHOLD_ZH, t)) add(parseApproxCount(m[1] ?? ''), 'households', m.index);
  for (const m of matchAll(PEOPLE_ZH, t)) {
    if (out.some((f) => f.at <= m.index && m.index < f.at + 4 && f.unit === 'people')) continue;
    add(parseApproxCount(m[1] ?? ''), 'people', m.index);
  }
  for (const m of matchAll(EN_HOUSEHOLD, t)) add(parseEnglishNumber(m[1] ?? ''), 'households', m.index);
  for (const m of matchAll(EN_PEOPLE, t)) add(parseEnglishNumber(m[1] ?? ''), 'people', m.index);
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Reads a count from an answer (or from a whole message when `narrative`: then a
 * bare number or "just me" is not taken, only counted nouns).
 */
export function readPeopleCount(text: string, opts: { narrative?: boolean } = {}): PeopleCount | null {
  const t = foldWidth(text).trim();
  if (!t) return null;
  const scope = scopeOf(t);
  const all = counts(t);
  const found = all.filter((f) => !NEGATED_BEFORE.test(t.slice(Math.max(0, f.at - 6), f.at)));
  if (found.length === 0 && all.length > 0) {
    const m = TRAILING_NUMBER.exec(t);
    const raw = m?.[1];
    const n = raw ? (/^\d+$/.test(raw) ? Number(raw) : parseApproxCount(raw)) : null;
    if (n === null || n < 1) return null;
    const unit: PeopleUnit = m?.[2] && /户|house|famil/i.test(m[2]) ? 'households' : all[0]!.unit;
    return { n, unit, scope };
  }
  if (found.length === 0) {
    if (opts.narrative) return null;
    if (ONLY_ME.test(t) || scope === 'self') return { n: 1, unit: 'people', scope: 'self' };
    if (ONLY_ONE.test(t)) return { n: 1, unit: 'people', scope: null };
    if (ONLY_TWO.test(t)) return { n: 2, unit: 'people', scope: null };
    const ge = GE.exec(t);
    if (ge) {
      const n = /^\d+$/.test(ge[1]!) ? Number(ge[1]) : parseApproxCount(ge[1]!);
      if (n !== null && n >= 1 && n <= MAX) return { n, unit: 'people', scope };
    }
    const few = FEW.exec(t);
    if (few) return { n: few[1] === '仨' ? 3 : 2, unit: 'people', scope };
    const bare = BARE.exec(t);
    if (bare) {
      const raw = bare[1]!;
      const n = /^\d+$/.test(raw) ? Number(raw) : /[a-z]/i.test(raw) ? parseEnglishNumber(raw) : parseApproxCount(raw);
      if (n !== null && n >= 1 && n <= MAX) return { n, unit: 'people', scope: n === 1 ? 'self' : scope };
    }
    if (OWN_FAMILY.test(t)) return { n: 1, unit: 'households', scope: 'self' };
    return null;
  }
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
  return { n, unit, scope };
}

/** Whether a message says the citizen files for a whole group (used on first messages). */
export const groupScopeIn = scopeOf;
