/**
 * Resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence, 1 check character (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Birth dates are compared in China Standard Time (no DST). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export type IdNumberInvalidReason = 'format' | 'checksum' | 'birthdate';
export type IdNumberValidation =
  | { ok: true; value: string }
  | { ok: false; reason: IdNumberInvalidReason };

/** Folds full-width characters, drops spaces and hyphens, upper-cases the check X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Checks shape, then birth date, then checksum, so the reason names the first
 * thing the citizen should re-read. `now` bounds the birth date when given.
 */
export function validateIdNumber(raw: string, now?: Date): IdNumberValidation {
  const s = normalizeIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return { ok: false, reason: 'format' };
  if (!isPlausibleBirthDate(s.slice(6, 14), now)) return { ok: false, reason: 'birthdate' };
  if (idNumberCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value: s };
}

/** First 4 and last 4 characters stay visible: `3301**********1234`. */
export function maskIdNumber(raw: string): string {
  const s = normalizeIdNumber(raw);
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

function isPlausibleBirthDate(yyyymmdd: string, now?: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return false;
  if (!now) return true;
  const today = new Date(now.getTime() + CST_OFFSET_MS);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return probe.getTime() <= todayUtc;
}
