import { validatePhone } from '../../domain/petitioner/phone.ts';
import { foldChineseDigits, foldWidth, matchAll } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

const SEP = '[ \\t\\-–]';
// (A space may stand between any two digits: "1 3 9 0 3 8 5 6 6 1 2", as some elderly citizens type.)
const MOBILE = `(?:(?:\\+|00)?86${SEP}?)?1${SEP}?[3-9]${SEP}?\\d(?:${SEP}?\\d){8}`;
const AREA = '0[1-9]\\d{1,2}';
const LANDLINE = `(?:\\(${AREA}\\)|${AREA})${SEP}?\\d{3,4}${SEP}?\\d{4}`;
/**
 * Not glued to letters or digits on either side, so no phone is read out of an
 * ID number, a case number or a longer account number.
 */
const PHONE_RE = new RegExp(`(?<![0-9A-Za-z+])(?:${MOBILE}|${LANDLINE})(?![0-9A-Za-z])`, 'g');

/** Mainland mobiles and landlines with area code; value = digits only. */
export function extractPhone(text: string, _ctx?: ExtractContext): Entity[] {
  const out: Entity[] = [];
  for (const m of matchAll(PHONE_RE, foldChineseDigits(foldWidth(text)))) {
    const v = validatePhone(m[0]);
    if (v.ok) out.push({ type: 'phone', value: v.value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
