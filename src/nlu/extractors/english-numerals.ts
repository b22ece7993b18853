/** English cardinal words up to the hundreds ("twenty-five", "two hundred"). */

const SMALL: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const small = Object.keys(SMALL).filter((w) => w !== 'a' && w !== 'an' && w !== 'dozen')
  .sort((a, b) => b.length - a.length)
  .join('|');
const tens = Object.keys(TENS).join('|');
const below100 = `(?:(?:${tens})(?:[- ](?:${small}))?|${small})`;

/**
 * Regex source (no groups) of a number in words or digits, including the
 * vague quantities that have a lower bound: "a dozen" (12), "dozens of" (24),
 * "hundreds of" (200).
 */
export const EN_NUMBER_SOURCE =
  `(?:\\d{1,6}|a\\s+dozen|dozens\\s+of|hundreds\\s+of|(?:a|${below100})\\s+hundred(?:\\s+(?:and\\s+)?${below100})?|${below100})`;

export function parseEnglishNumber(raw: string): number | null {
  const s = raw.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(s)) return Number(s);
  if (s === 'a dozen') return 12;
  if (s === 'dozens of') return 24;
  if (s === 'hundreds of') return 200;
  const hundred = /^(.+?) hundred(?: (?:and )?(.+))?$/.exec(s);
  if (hundred) {
    const high = hundred[1] === 'a' ? 1 : parseBelow100(hundred[1] ?? '');
    const low = hundred[2] ? parseBelow100(hundred[2]) : 0;
    return high === null || low === null ? null : high * 100 + low;
  }
  return parseBelow100(s);
}

function parseBelow100(s: string): number | null {
  const [first = '', second] = s.split(/[- ]/);
  const t = TENS[first];
  if (t !== undefined) {
    if (second === undefined) return t;
    const u = SMALL[second];
    return u !== undefined && u < 10 ? t + u : null;
  }
  if (second !== undefined || first === 'a' || first === 'an' || first === 'dozen') return null;
  return SMALL[first] ?? null;
}
