import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { foldWidth, matchAll } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

const SEP = '[\\s\\-_/.]';
/**
 * XF + YYYYMMDD + sequence, any case, separators anywhere between the groups
 * (xf 2026-1127-0001). The sequence is 4 digits, more past 9,999 cases a day.
 */
const CASE_RE = new RegExp(
  `(?<![A-Za-z0-9])[Xx][Ff]${SEP}*\\d{4}${SEP}?\\d{2}${SEP}?\\d{2}${SEP}?\\d{4,6}(?![0-9])`,
  'g',
);

/** Case numbers; value upper-case without separators (XF202611270001). */
export function extractCaseNumber(text: string, _ctx?: ExtractContext): Entity[] {
  const out: Entity[] = [];
  for (const m of matchAll(CASE_RE, foldWidth(text))) {
    const value = normalizeCaseNumber(m[0]);
    if (value) out.push({ type: 'case_number', value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
