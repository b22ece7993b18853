/**
 * Text → feature tokens for the intent classifiers. The same function runs at
 * training and at classification time; any change here bumps MODEL_VERSION.
 */
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Entity, EntityType } from './extractors/index.ts';
import type { Locale } from './intents.ts';
import { conceptFeatures } from './intent-lexicon.ts';

/** Masks keep the frame (我电话是 PHONE) and drop the digits, which say nothing about intent. */
const MASK: Readonly<Record<EntityType, string>> = {
  phone: 'PHONE',
  id_number: 'IDNUM',
  case_number: 'CASENO',
  date: 'DATE',
  people_count: 'COUNT',
  township: 'TOWNSHIP',
  person_name: 'PERSON',
};
// Private-use characters survive NFKC and case folding; they become tokens afterwards.
const TYPES = Object.keys(MASK) as EntityType[];
const marker = (t: EntityType) => String.fromCharCode(0xe000 + TYPES.indexOf(t));
const MARKER_RE = /[\ue000-\ue00f]/g;

const HAN = /\p{Script=Han}/u;
const HAN_SPLIT = /(\p{Script=Han}+)/u;
const UPPER_TOKEN = /^[A-Z]+$/;

function maskEntities(text: string, entities: readonly Entity[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    if (e.start < pos) continue;
    out += `${text.slice(pos, e.start)} ${marker(e.type)} `;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Masked, NFKC (full-width → half-width), lower case, simplified Chinese, `?` kept
 * as QMARK, other punctuation and emoji dropped, runs of one character cut to two
 * (！！！, 好好好好, hellooo), long numbers → NUM.
 */
export function normalizeForIntent(text: string, entities: readonly Entity[], t2s: ReadonlyMap<string, string>): string {
  return maskEntities(text, entities)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Script=Han}/gu, (c) => t2s.get(c) ?? c)
    .replace(MARKER_RE, (m) => ` ${MASK[TYPES[m.charCodeAt(0) - 0xe000] ?? 'date']} `)
    .replace(/\?+/g, ' QMARK ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\d{4,}/g, ' NUM ')
    .replace(/\s+/g, ' ')
    .trim();
}

const stem = (w: string) => (UPPER_TOKEN.test(w) ? w : porterStemmer.stem(w));

function hanGrams(run: string): string[] {
  const cs = [...run];
  const out = [...cs];
  for (let i = 0; i + 1 < cs.length; i++) out.push(`${cs[i]}${cs[i + 1]}`);
  return out;
}

/** Word tokens; Chinese runs become character unigrams and bigrams (no segmenter needed). */
function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word) continue;
    if (!HAN.test(word)) {
      out.push(stem(word));
      if (/^\d{1,3}$/.test(word)) out.push('NUM');
      continue;
    }
    for (const part of word.split(HAN_SPLIT)) {
      if (part) out.push(...(HAN.test(part) ? hanGrams(part) : [stem(part)]));
    }
  }
  return out;
}

/** The classifier's view of a message: distinct tokens plus concept tokens (@HUMAN …). */
export function intentFeatures(normalized: string, _locale: Locale): string[] {
  const out = new Set([...tokens(normalized), ...conceptFeatures(normalized)]);
  if (out.size === 0) out.add('EMPTY');
  return [...out];
}
