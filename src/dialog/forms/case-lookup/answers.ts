/**
 * Reading the citizen's answers in a case lookup: case numbers, query codes, ratings
 * and picks from a list. Pure text functions; nothing here knows the state.
 */
import { normalizeCaseNumber } from '../../../domain/case/case-number.ts';
import { extractCaseNumber } from '../../../nlu/extractors/case-number.ts';
import { foldWidth } from '../../../nlu/extractors/text.ts';
import type { Entity } from '../../../nlu/extractors/types.ts';
import type { Rating, TurnContext, TurnInput } from '../../types.ts';

/** Same threshold as the engine's: below it an intent is not taken as meant. */
export const MIN_CONFIDENCE = 0.5;

/** Longest text accepted as material or as the reason of a review request. */
export const MAX_TEXT_LENGTH = 4000;

export function intentOf(ctx: TurnContext): string | null {
  const i = ctx.nlu?.intent;
  return i && i.confidence >= MIN_CONFIDENCE ? i.name : null;
}

export const isCancel = (input: TurnInput, ctx: TurnContext) => input.payload === 'cmd:cancel' || intentOf(ctx) === 'cancel';

/** Intents that restart or redirect a case lookup rather than leave it. */
export const CASE_LOOKUP_INTENTS: Readonly<Record<string, 'status' | 'supplement' | 'review'>> = {
  case_status: 'status',
  case_supplement: 'supplement',
  complaint_review: 'review',
};

/** Intents that are no answer to a callback question: the engine answers them (a digression). */
export const DIGRESSIONS = new Set([
  'greet',
  'goodbye',
  'thanks',
  'help',
  'petition_start',
  'guide_procedure',
  'guide_conduct',
  'guide_rights',
  'handoff_human',
]);

export function isDigression(ctx: TurnContext): boolean {
  const name = intentOf(ctx);
  return name !== null && DIGRESSIONS.has(name);
}

/**
 * The case number in a message: the NLU's entity (already normalised), else the
 * extractor on the raw text. With `bare`, 12 to 16 digits starting with a year are
 * taken as a case number typed without its "XF" (people often drop the letters).
 */
export function caseNumberIn(input: TurnInput, ctx: TurnContext, bare = false): string | null {
  const fromNlu = ctx.nlu?.entities.find((e: Entity) => e.type === 'case_number' && typeof e.value === 'string');
  if (fromNlu) return String(fromNlu.value);
  const text = input.text ?? '';
  const found = extractCaseNumber(text)[0];
  if (found) return String(found.value);
  if (!bare) return null;
  const m = /^\s*(20\d{10,14})\s*$/.exec(foldWidth(text));
  return m ? normalizeCaseNumber(`XF${m[1]}`) : null;
}

/**
 * The 8-digit query code in a message ("01234567", "查询码是 0123 4567"); digits of a
 * case number in the same message are not part of it.
 */
export function queryCodeIn(text: string): string | null {
  let folded = foldWidth(text);
  for (const e of extractCaseNumber(folded)) {
    folded = folded.slice(0, e.start) + ' '.repeat(e.end - e.start) + folded.slice(e.end);
  }
  for (const run of folded.match(/\d(?:[ -]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (digits.length === 8) return digits;
  }
  return null;
}

const DISSATISFIED = /不[^，。,.!！?？]{0,3}满意|很不满|非常不满|不认可|不接受|不同意|不好(?!意思)|太差|很差|dis-?satisfied|unsatisfied|not (very |really |at all )?(satisfied|happy|good)|unhappy|\bpoor\b|\bbad\b/i;
const BASIC = /基本满意|还行|一般|还可以|凑合|马马虎虎|过得去|basically|more or less|so-so|fairly|partly|partially|not bad|\bok\b|\bokay\b|acceptable|reasonable/i;
const SATISFIED = /满意|很好|非常好|挺好|不错|satisfied|happy|\bgood\b|great|excellent|\bfine\b/i;
const BY_NUMBER: Readonly<Record<string, Rating>> = { '1': 'satisfied', '2': 'basically_satisfied', '3': 'dissatisfied' };

/**
 * A rating from text ("1".."3" as the buttons are numbered). The qualified and the
 * negative forms are checked before the plain one: 不满意 and 基本满意 are not 满意.
 */
export function ratingIn(text: string): Rating | null {
  const s = foldWidth(text).trim();
  const byNumber = BY_NUMBER[s];
  if (byNumber) return byNumber;
  if (/not bad/i.test(s)) return 'basically_satisfied';
  if (DISSATISFIED.test(s)) return 'dissatisfied';
  if (BASIC.test(s)) return 'basically_satisfied';
  if (SATISFIED.test(s)) return 'satisfied';
  return null;
}
