import { normalizeIdNumber, validateIdNumber } from '../../domain/petitioner/id-number.ts';
import { foldWidth, matchAll } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

/** 18 characters, optionally grouped 6-8-4 by a space or hyphen (330102 19900307 123X). */
const ID_RE = /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;

/**
 * Resident ID numbers. A candidate with a wrong checksum or an impossible birth
 * date is still returned (valid: false, reason) — an 18-digit number in a
 * petition chat is almost always a mistyped ID, and the dialogue says what is wrong.
 */
export function extractIdNumber(text: string, ctx: ExtractContext): Entity[] {
  const out: Entity[] = [];
  // (A letter O typed among the digits is the digit zero: "4127231953O3154826".)
  for (const m of matchAll(ID_RE, foldWidth(text).replace(/(?<=\d)[Oo](?=\d)/g, '0'))) {
    const span = { start: m.index, end: m.index + m[0].length };
    const v = validateIdNumber(m[0], ctx.now);
    if (v.ok) out.push({ type: 'id_number', value: v.value, ...span, valid: true });
    else if (v.reason !== 'format') {
      out.push({ type: 'id_number', value: normalizeIdNumber(m[0]), ...span, valid: false, reason: v.reason });
    }
  }
  return out;
}
