/**
 * Finds phone and ID numbers in free text and replaces them with placeholders: for logs,
 * previews, dead letters, anonymised facts and audit reasons — wherever text is kept or
 * shown outside the encrypted personal fields.
 */

// 18-char ID numbers, mainland mobiles (with optional +86), landlines with area code.
const ID_PATTERN = /(?<![0-9A-Za-z])\d{6}\s?\d{8}\s?\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE_PATTERN = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;

export function scrubPersonalData(s: string): string {
  return s.replace(ID_PATTERN, '[id]').replace(MOBILE_PATTERN, '[phone]').replace(LANDLINE_PATTERN, '[phone]');
}

/**
 * An 8-digit query code as citizens type it: 8 digits in a row, 4 and 4 with a space or
 * dash, or every digit spaced; ASCII or full width. Longer digit runs (phones, case
 * numbers, ID numbers) and dates (2026-11-27) are not codes.
 */
const D = '[0-9０-９]';
const QUERY_CODE_PATTERN = new RegExp(`(?<![0-9０-９])(?:${D}{8}|${D}{4}[ -]${D}{4}|${D}(?: ${D}){7})(?![0-9０-９])`, 'g');

/** Query codes never reach staff: every code-shaped number in a text is replaced. */
export function maskQueryCodes(s: string): string {
  return s.replace(QUERY_CODE_PATTERN, '[query code]');
}

/** A name as staff pages show it: the first character, then one star per character (at most 3). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** Every occurrence of the given names (two characters or more), masked; longest first. */
export function maskNames(s: string, names: readonly string[]): string {
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  return known.reduce((out, n) => out.split(n).join(maskName(n)), s);
}

/** A chat line as staff read it by default: phones, ID numbers, query codes and the known names masked. */
export function maskChatText(s: string, names: readonly string[]): string {
  return maskNames(maskQueryCodes(scrubPersonalData(s)), names);
}
