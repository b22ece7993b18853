import { parseChineseDigits, parseNumberToken } from './chinese-numerals.ts';
import type { DateRule, Ymd } from './calendar.ts';
import { addDays, formatYmd, isValidYmd, localToday, monthStart, pastYearFor } from './calendar.ts';
import { EN_DATE_RULES } from './date-en.ts';
import { foldWidth, matchAll, pickNonOverlapping } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

const MON = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '(\\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
/** A day needs 日/号 unless the text pauses right after it (2026年3月5。). */
const DAY_END = '(?:[日号]|(?=$|[\\s,.;:!?，。；：！？、]))';
const NOT_IN_NUMBER = '(?<![0-9〇零一二两三四五六七八九十百千万几第])';

const num = (s: string | undefined) => (s === undefined ? null : parseNumberToken(s));

/** Day given: that day; else the first of the month (去年10月 → 10-01). */
function dayOrFirst(y: number, m: number | null, d: string | undefined): Ymd | null {
  if (m === null) return null;
  const day = d === undefined ? 1 : num(d);
  return day === null ? null : { y, m, d: day };
}

const RELATIVE_YEAR: Readonly<Record<string, number>> = { 今年: 0, 去年: -1, 前年: -2, 大前年: -3 };
const RELATIVE_DAY: Readonly<Record<string, number>> = {
  今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 大前天: -3,
};

const ZH_DATE_RULES: readonly DateRule[] = [
  {
    // 2026-03-05, 2026/3/5, 2026.3.5; never a piece of a longer number (XF2026-11-27-0001).
    re: /(?<![0-9A-Za-z./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9]|[-/.]\d)/g,
    resolve: (m) => ({ y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) }),
  },
  {
    re: new RegExp(`(?<![0-9])(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*${MON}\\s*月份?(?:\\s*${DAY}${DAY_END})?`, 'g'),
    resolve: (m) => {
      const y = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : parseChineseDigits(m[1] ?? '');
      return y === null ? null : dayOrFirst(y, num(m[2]), m[3]);
    },
  },
  {
    re: new RegExp(`(大前年|前年|去年|今年)\\s*${MON}\\s*月份?(?:\\s*${DAY}${DAY_END})?`, 'g'),
    resolve: (m, today) => dayOrFirst(today.y + (RELATIVE_YEAR[m[1] ?? ''] ?? 0), num(m[2]), m[3]),
  },
  {
    // No year: the most recent such date (3月5号 in February means last year's).
    re: new RegExp(`${NOT_IN_NUMBER}${MON}\\s*月份?(?:\\s*${DAY}${DAY_END})?`, 'g'),
    resolve: (m, today) => {
      const month = num(m[1]);
      const day = m[2] === undefined ? 1 : num(m[2]);
      return month === null || day === null ? null : pastYearFor(month, day, today);
    },
  },
  {
    re: new RegExp(`(上上个?月|上个?月|这个?月|本月)(?:\\s*${DAY}\\s*[日号])?`, 'g'),
    resolve: (m, today) => {
      const delta = m[1]?.startsWith('上上') ? -2 : m[1]?.startsWith('上') ? -1 : 0;
      const first = monthStart(today, delta);
      const day = m[2] === undefined ? 1 : num(m[2]);
      return day === null ? null : { ...first, d: day };
    },
  },
  {
    re: /(大前天|前天|昨天|昨日|今天|今日)/g,
    resolve: (m, today) => addDays(today, RELATIVE_DAY[m[1] ?? ''] ?? 0),
  },
  {
    re: new RegExp(`${NOT_IN_NUMBER}(\\d{1,3}|[一二两三四五六七八九十]{1,3})\\s*天(?:以|之)?前`, 'g'),
    resolve: (m, today) => {
      const n = num(m[1]);
      return n === null ? null : addDays(today, -n);
    },
  },
];

interface Candidate {
  start: number;
  end: number;
  value: string;
}

/**
 * Dates in zh and en, absolute or relative to ctx.now in the county's local
 * time; value YYYY-MM-DD. A month without a day stands for its first day.
 */
export function extractDate(text: string, ctx: ExtractContext): Entity[] {
  const folded = foldWidth(text);
  const today = localToday(ctx.now, ctx.utcOffsetMinutes);
  const found: Candidate[] = [];
  for (const rule of [...ZH_DATE_RULES, ...EN_DATE_RULES]) {
    for (const m of matchAll(rule.re, folded)) {
      const date = rule.resolve(m, today);
      if (date && isValidYmd(date)) {
        found.push({ start: m.index, end: m.index + m[0].length, value: formatYmd(date) });
      }
    }
  }
  return pickNonOverlapping(found).map((c) => ({ type: 'date', ...c }));
}
