import type { DateRule } from './calendar.ts';
import { addDays, monthStart, pastYearFor } from './calendar.ts';
import { EN_NUMBER_SOURCE, parseEnglishNumber } from './english-numerals.ts';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
const ORD = '(?:st|nd|rd|th)?';

/** 1-based month of a full or abbreviated English name. */
function monthOf(name: string | undefined): number | null {
  // Lower-case "may" is the verb far more often than the month.
  if (name === 'may') return null;
  const key = (name ?? '').toLowerCase().slice(0, 3);
  const i = MONTHS.findIndex((m) => m.startsWith(key));
  return key.length === 3 && i >= 0 ? i + 1 : null;
}

function fullOrRecent(m: number | null, d: string | undefined, y: string | undefined, today: { y: number; m: number; d: number }) {
  if (m === null || d === undefined) return null;
  return y === undefined ? pastYearFor(m, Number(d), today) : { y: Number(y), m, d: Number(d) };
}

export const EN_DATE_RULES: readonly DateRule[] = [
  {
    // March 5, 2026 / March 5th / Mar. 5 2026
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD}\\b(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
    resolve: (m, today) => fullOrRecent(monthOf(m[1]), m[2], m[3], today),
  },
  {
    // 5 March 2026 / 5th of March
    re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
    resolve: (m, today) => fullOrRecent(monthOf(m[2]), m[1], m[3], today),
  },
  {
    // March 2026: the first of the month.
    re: new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    resolve: (m) => {
      const month = monthOf(m[1]);
      return month === null ? null : { y: Number(m[2]), m: month, d: 1 };
    },
  },
  {
    re: /\b(?:the\s+)?(day\s+before\s+yesterday|yesterday|today)\b/gi,
    resolve: (m, today) => {
      const w = (m[1] ?? '').toLowerCase();
      return addDays(today, w === 'today' ? 0 : w === 'yesterday' ? -1 : -2);
    },
  },
  {
    re: /\b(last|this)\s+month\b/gi,
    resolve: (m, today) => monthStart(today, (m[1] ?? '').toLowerCase() === 'last' ? -1 : 0),
  },
  {
    re: new RegExp(`\\b(${EN_NUMBER_SOURCE})\\s+days?\\s+ago\\b`, 'gi'),
    resolve: (m, today) => {
      const n = parseEnglishNumber(m[1] ?? '');
      return n === null ? null : addDays(today, -n);
    },
  },
];
