import { matchAll } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

const TOKEN = "\\p{Lu}[\\p{L}'’-]*\\p{L}";
/** Up to three capitalised words; an honorific before them is skipped. */
const NAME = `(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?(${TOKEN}(?:\\s+${TOKEN}){0,2})`;
const STRONG_RE = new RegExp(`\\b(?:[Mm]y\\s+(?:full\\s+)?name\\s+is|[Mm]y\\s+name's|[Nn]ame\\s*:|[Nn]ame\\s+is|I\\s+am|I['’]m|[Cc]all\\s+me)\\s*${NAME}`, 'gu');
/** "this is Li Wei" only as a caller's introduction: followed by speaking/here/calling/from or a pause. */
const THIS_IS_RE = new RegExp(`\\b[Tt]his\\s+is\\s+${NAME}(?=\\s+(?:speaking|here|calling|from)\\b|\\s*[,.;!]|\\s*$)`, 'gu');

/** Capitalised words that follow "I'm" without being a name. */
export const NOT_NAME_WORDS = new Set(
  (
    'A An The From In At On Not Very So Here There Sorry Ok Okay OK Fine Good Well Really Just Also Still Now ' +
    'Calling Writing Living Going Trying Looking Asking Coming Worried Angry Happy Afraid Chinese English ' +
    'American British English Scottish Irish Welsh Italian German French Spanish Dutch Swiss Swedish Norwegian Danish Finnish Polish Russian ' +
    'Canadian Australian Korean Japanese Indian Pakistani Nigerian Kenyan Ghanaian Brazilian Mexican Filipino Thai Vietnamese Malaysian ' +
    'Singaporean Indonesian Turkish Egyptian Greek Portuguese Belgian Austrian Ukrainian New Zealander South African Foreign Retired Married ' +
    'Single Sure Glad Able Unable Tired Done Back Home Your Please Hello Hi And But Or I My We'
  ).split(' '),
);

/** Length of the leading words of `raw` that can be a name (0 when none). */
function nameLength(raw: string, places: ReadonlySet<string>): number {
  let end = 0;
  for (const w of raw.matchAll(/\S+/g)) {
    if (NOT_NAME_WORDS.has(w[0]) || places.has(w[0].toLowerCase())) break;
    end = w.index + w[0].length;
  }
  return end;
}

/** English self-introductions: my name is / I'm / name: / this is … speaking. */
export function extractPersonNameEn(text: string, ctx: ExtractContext): Entity[] {
  const places = new Set(ctx.townships.flatMap((t) => t.aliases).map((a) => a.toLowerCase()));
  const out: Entity[] = [];
  for (const re of [STRONG_RE, THIS_IS_RE]) {
    for (const m of matchAll(re, text)) {
      const raw = m[1] ?? '';
      // "boss name is Zhao Dehai", "his name is …", "the foreman's name: …": someone else's name.
      if (/^[Nn]ame/.test(m[0]) && /\b(?:his|her|their|boss|boss'?s|foreman|foreman'?s|manager'?s?|owner'?s?|landlord'?s?|neighbou?r'?s?|head'?s?|secretary'?s?|chief'?s?|director'?s?|contractor'?s?|official'?s?|teacher'?s?|doctor'?s?|the \w+'s|restaurant'?s?|company'?s?|factory'?s?|shop'?s?|store'?s?|firm'?s?|hotel'?s?|school'?s?|street'?s?|village'?s?|building'?s?|site'?s?|project'?s?|mine'?s?|farm'?s?|road'?s?|business'?s?)\s*$/i.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      const length = nameLength(raw, places);
      if (length === 0) continue;
      // "name is Jinxiu Garden": a site, a building or a firm, not a person.
      if (/\b(?:garden|gardens|road|street|building|site|plaza|estate|park|market|company|factory|village|town|school|hospital|mall|tower|apartments?|community|center|centre|hotel|restaurant)\b/i.test(raw.slice(0, length + 20).split(/[,.;!?]/)[0]!)) continue;
      const start = m.index + m[0].length - raw.length;
      const value = raw.slice(0, length).replace(/\s+/g, ' ');
      out.push({ type: 'person_name', value, start, end: start + length });
    }
  }
  return out;
}
