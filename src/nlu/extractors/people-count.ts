import { CN_DIGIT_CLASS, parseApproxCount, parseNumberToken } from './chinese-numerals.ts';
import { EN_NUMBER_SOURCE, parseEnglishNumber } from './english-numerals.ts';
import { foldWidth, matchAll, pickNonOverlapping } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

/**
 * Not inside another number or an ordinal/distributive phrase (第三户, 每户, 同一个人, 统一).
 */
const ZH_BEFORE = `(?<![0-9.${CN_DIGIT_CLASS}几第每同这那哪任某单唯统之])`;
const ZH_NUMBER = `(?:(?:好|数|上)?[${CN_DIGIT_CLASS}几]+|\\d{1,6}[十百千万]?)[多余来]?`;
/**
 * Counting words. Lookaheads drop the readings that are not people:
 * 3家公司, 5口井, 户口, 村民小组, 名单, 人民币.
 */
const ZH_NOUN =
  '(?:个|名|位)?(?:户人家|农民工|村民(?!小组|委员会)|工人|群众|职工|业主|家庭|' +
  '户(?![口籍])|家(?!公司|企业|工厂|厂|单位|店|银行|医院|商|机构|超市|饭店)|' +
  '口人|口(?![井塘池锅缸水子气袋鱼罐])|人(?!民)|名(?![单字额])|位)';

const ZH_COUNT_RE = new RegExp(`${ZH_BEFORE}(${ZH_NUMBER})${ZH_NOUN}`, 'g');
/** 一家三口: the household's size, not "one household". */
const ZH_FAMILY_RE = /一家([两二三四五六七八九十]{1,2}|\d{1,2})口人?/g;

const EN_QUALIFIER = '(?:about|around|approximately|roughly|nearly|almost|over|more\\s+than|at\\s+least|some|up\\s+to)';
const EN_ADJ = '(?:affected|migrant|local|other|elderly|retired|laid-off|poor|rural|more)';
const EN_NOUN =
  '(?:people|persons|person|households?|famil(?:y|ies)|workers?|villagers?|residents?|farmers?|employees?|' +
  'home-?owners?|owners?|tenants?|petitioners?)';
const EN_COUNT_RE = new RegExp(
  `\\b(?:${EN_QUALIFIER}\\s+)?(${EN_NUMBER_SOURCE})(?:\\s+${EN_ADJ}){0,2}\\s+${EN_NOUN}\\b`,
  'gi',
);
/** "five of us": only for two or more, "one of us" is about a person, not a count. */
const EN_OF_US_RE = new RegExp(`\\b(?:all\\s+)?(${EN_NUMBER_SOURCE})\\s+of\\s+us\\b`, 'gi');

/** Counts above this are not people in a petition (an ID or account number). */
const MAX_COUNT = 1_000_000;

/**
 * Number of people or households concerned; value = the lower bound of what
 * was said (三十多户 → 30, 十几个人 → 10, 好几十户 → 20, a dozen → 12).
 * Money, ages, durations and areas never match: they lack a counting word.
 */
export function extractPeopleCount(text: string, _ctx?: ExtractContext): Entity[] {
  const folded = foldWidth(text);
  const found: Entity[] = [];
  const add = (m: RegExpExecArray, n: number | null, min = 1) => {
    if (n !== null && n >= min && n <= MAX_COUNT) {
      found.push({ type: 'people_count', value: n, start: m.index, end: m.index + m[0].length });
    }
  };
  for (const m of matchAll(ZH_FAMILY_RE, folded)) add(m, parseNumberToken(m[1] ?? ''));
  for (const m of matchAll(ZH_COUNT_RE, folded)) add(m, parseApproxCount(m[1] ?? ''));
  for (const m of matchAll(EN_COUNT_RE, folded)) add(m, parseEnglishNumber(m[1] ?? ''));
  for (const m of matchAll(EN_OF_US_RE, folded)) add(m, parseEnglishNumber(m[1] ?? ''), 2);
  return pickNonOverlapping(found);
}
