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
