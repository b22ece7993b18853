/**
 * Case numbers: "XF" + local date YYYYMMDD + daily sequence (4 digits, more only past
 * 9,999 a day). The sequence comes from the store (an atomic counter row per day), so
 * numbers stay unique across server processes.
 */
export const CASE_NUMBER_PATTERN = /^XF\d{8}\d{4,}$/;

export function formatCaseNumber(localDate: string, seq: number): string {
  const d = new Date(`${localDate}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== localDate) {
    throw new RangeError(`bad date ${localDate}`);
  }
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return `XF${localDate.replace(/-/g, '')}${String(seq).padStart(4, '0')}`;
}

/** Upper-cases and strips separators; returns null when it is not a case number. */
export function normalizeCaseNumber(raw: string): string | null {
  const s = raw.normalize('NFKC').toUpperCase().replace(/[\s\-_/.\u2010-\u2015\u2212]/g, '');
  return CASE_NUMBER_PATTERN.test(s) ? s : null;
}
