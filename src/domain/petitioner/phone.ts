/**
 * Mainland phone numbers, kept as digits only: mobiles (11 digits, 1[3-9]…) and
 * landlines with their area code (0 + 2–3 digits, then 7–8 digits).
 */

export type PhoneKind = 'mobile' | 'landline';
export type PhoneInvalidReason = 'empty' | 'format' | 'length' | 'prefix';
export type PhoneValidation =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; reason: PhoneInvalidReason };

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;

/**
 * Folds full-width characters, drops separators and the country code. Anything
 * else (letters, stray symbols) is kept so that validation reports 'format'.
 */
export function normalizePhone(raw: string): string {
  const folded = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
  const international = /^(?:\+|00)\s*86/.test(folded);
  let s = folded.replace(/[\s\u3000()\-–—.]/g, '');
  if (international) {
    s = s.replace(/^(?:\+|00)86/, '');
    // +86 571 8888 6666: the trunk 0 of the area code is dropped abroad.
    if (/^[2-9]\d{8,10}$/.test(s)) s = `0${s}`;
  } else if (/^861[3-9]\d{9}$/.test(s)) {
    s = s.slice(2);
  }
  return s;
}

export function validatePhone(raw: string): PhoneValidation {
  const s = normalizePhone(raw);
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(s)) return { ok: false, reason: 'format' };
  if (MOBILE.test(s)) return { ok: true, value: s, kind: 'mobile' };
  if (LANDLINE.test(s)) return { ok: true, value: s, kind: 'landline' };
  if (s.length === 11 || (s.length >= 10 && s.length <= 12 && s.startsWith('0'))) {
    return { ok: false, reason: 'prefix' };
  }
  return { ok: false, reason: 'length' };
}

/**
 * Area-code length by the national plan: 010 and 02X are three digits, every
 * other area code four.
 */
export function landlineAreaCode(digits: string): string {
  return digits.slice(0, /^0[12]/.test(digits) ? 3 : 4);
}

/** Mobiles `138****5678`; landlines keep area code and last 4 (`0571****6666`). */
export function maskPhone(raw: string): string {
  const v = validatePhone(raw);
  if (v.ok && v.kind === 'mobile') return `${v.value.slice(0, 3)}****${v.value.slice(-4)}`;
  if (v.ok) {
    const area = landlineAreaCode(v.value);
    return area + '*'.repeat(v.value.length - area.length - 4) + v.value.slice(-4);
  }
  const s = normalizePhone(raw);
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
