/** Chinese numerals, exact and approximate ("三十多", "十几", "五六"). */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Character class of the numerals `parseChineseInteger` reads. */
export const CN_DIGIT_CLASS = '零〇一二两三四五六七八九十百千万';

/**
 * Parses a standard Chinese integer below 10^8: 十五, 一百二十, 三千零五, 两万,
 * colloquial 一百二 (=120). A leading 十/百/千 means one of it; a leading 万 is
 * not a number (万一). Digit-by-digit strings (二〇二六) go to `parseChineseDigits`.
 */
export function parseChineseInteger(s: string): number | null {
  if (s === '' || s.startsWith('万')) return null;
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const high = parseBelowWan(s.slice(0, wan));
    const rest = s.slice(wan + 1);
    if (high === null) return null;
    if (rest === '') return high * 10_000;
    // 一万二 = 12000: a bare trailing digit counts in thousands.
    const low = rest.length === 1 && rest in DIGITS ? (DIGITS[rest] ?? 0) * 1000 : parseBelowWan(rest.replace(/^零/, ''));
    return low === null ? null : high * 10_000 + low;
  }
  return parseBelowWan(s);
}

function parseBelowWan(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 10_000;
  for (const c of s) {
    const unit = UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      total += (pending ?? (total === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return null;
      lastUnit = unit;
      pending = null;
    } else if (c in DIGITS) {
      if (pending !== null && pending !== 0) return null;
      pending = DIGITS[c] ?? 0;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    // 一百二 = 120: a trailing digit right after a unit is one place lower.
    const prev = s[s.length - 2] ?? '';
    const scale = prev in UNITS && lastUnit > 10 ? lastUnit / 10 : 1;
    total += pending * scale;
  }
  return total;
}

/** 二〇二六 / 二零二六 → 2026. */
export function parseChineseDigits(s: string): number | null {
  let n = 0;
  for (const c of s) {
    const d = DIGITS[c];
    if (d === undefined || c === '两') return null;
    n = n * 10 + d;
  }
  return s === '' ? null : n;
}

/** Arabic or Chinese integer, as written in dates and counts. */
export function parseNumberToken(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseInteger(s);
}

/**
 * The lower bound of an approximate count, the rule the dialogue relies on:
 * - 多/余/来 after a number add nothing: 三十多 → 30, 二十来 → 20;
 * - 几 before a unit is 2 (几十 → 20, 好几十 → 20, 数百 → 200), after it 0
 *   (十几 → 10, 二十几 → 20); a bare 几 is no number;
 * - two adjacent digits are a range, its lower end wins: 五六 → 5, 三四十 → 30,
 *   十五六 → 15;
 * - 上 before 百/千/万 means one: 上百 → 100.
 * Arabic digits may carry the same suffixes (30多) or a unit (3千).
 */
export function parseApproxCount(token: string): number | null {
  let s = token.replace(/[多余来]$/, '');
  s = s.replace(/^好(?=几)/, '').replace(/^数(?=[十百千万])/, '几').replace(/^上(?=[百千万])/, '一');
  const arabic = /^(\d+)([十百千万]?)$/.exec(s);
  if (arabic) {
    const unit = arabic[2] ? (arabic[2] === '万' ? 10_000 : (UNITS[arabic[2]] ?? 1)) : 1;
    return Number(arabic[1]) * unit;
  }
  if (s === '几' || s === '') return null;
  s = s.replace(/几(?=[十百千万])/g, '二').replace(/(?<=[十百千万])几$/, '');
  s = s.replace(/([一二两三四五六七八九])([二两三四五六七八九])/g, (pair, a: string, b: string) =>
    (DIGITS[b] ?? 0) > (DIGITS[a] ?? 0) ? a : pair,
  );
  if (s.includes('几')) return null;
  return parseChineseInteger(s);
}
