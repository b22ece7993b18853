import { extractCaseNumber } from './case-number.ts';
import { extractDate } from './date.ts';
import { extractIdNumber } from './id-number.ts';
import { extractPeopleCount } from './people-count.ts';
import { extractPersonName } from './person-name.ts';
import { extractPhone } from './phone.ts';
import { pickNonOverlapping } from './text.ts';
import { extractTownship } from './township.ts';
import type { Entity, EntityType, ExtractContext, Extractor } from './types.ts';

export type { Entity, EntityType, ExtractContext, Extractor } from './types.ts';
export { suggestTownships } from './township.ts';

/**
 * Who keeps a contested span: the more specific pattern. A case number's digits
 * are no date or phone, an ID number's digits no phone; a name after 我叫 beats
 * a township alias inside it (王青石).
 */
const PRIORITY: Readonly<Record<EntityType, number>> = {
  case_number: 0,
  id_number: 1,
  phone: 2,
  date: 3,
  person_name: 4,
  township: 5,
  people_count: 6,
};

export const EXTRACTORS: readonly Extractor[] = [
  extractCaseNumber,
  extractIdNumber,
  extractPhone,
  extractDate,
  extractPersonName,
  extractTownship,
  extractPeopleCount,
];

/** Every entity in the text, non-overlapping, in text order. */
export function extractEntities(text: string, ctx: ExtractContext): Entity[] {
  const all = EXTRACTORS.flatMap((extract) => extract(text, ctx));
  return pickNonOverlapping(all, (e) => PRIORITY[e.type]);
}
