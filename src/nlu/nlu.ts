/**
 * The NLU port the dialogue and the HTTP route use: intent (with confidence),
 * entities and the message's language, in one call; and the synchronous readers
 * the dialogue applies to parts of a message (an answer beside a question).
 */
import { foldDialect } from './dialect.ts';
import type { CountyConfig } from '../domain/county/schema.ts';
import type { AnswerScore } from './answers/answer-model.ts';
import type { ClassifiedSlot } from './answers/corpus.ts';
import { extractEntities, type Entity } from './extractors/extract-entities.ts';
import { loadIntentModel, MAX_CLASSIFIED_CHARS, type IntentModel, type IntentResult, type ModelLog } from './intent-model.ts';
import type { IntentName, Locale } from './intents.ts';
import { detectLocale } from './language.ts';
import { screenRisk, type RiskResult } from './risk/screen.ts';

export interface NluResult {
  intent: { name: IntentName; confidence: number };
  /** Every entity found, including defective ones (`valid: false`) the dialogue explains. */
  entities: Entity[];
  locale: Locale;
  /** Early-warning risk screening of the whole message (absent: not screened). */
  risk?: RiskResult;
}

/** Synchronous readers over the trained models, for the pure dialogue turn. */
export interface Readers {
  intent(text: string): IntentResult;
  /** How `text` answers one of the bot's closed questions; null: no model or nothing recognised. */
  answer(slot: ClassifiedSlot, text: string): AnswerScore | null;
  entities(text: string): Entity[];
}

export interface Nlu {
  /** `locale`: the conversation's, kept for messages without letters (a phone number). */
  parse(text: string, opts?: { locale?: Locale; now?: Date }): Promise<NluResult>;
  /** Readers bound to the county and the turn's time. */
  readers(now: Date): Readers;
  /** A message in traditional characters, as the readers and forms read it (simplified). */
  simplify(text: string): string;
}

export function nluFromModel(model: IntentModel, county: CountyConfig): Nlu {
  const extractCtx = (now: Date) => ({ now, townships: county.townships, utcOffsetMinutes: county.utcOffsetMinutes });
  return {
    async parse(text, opts = {}) {
      const locale = detectLocale(text, opts.locale ?? 'zh');
      const entities = extractEntities(text, extractCtx(opts.now ?? new Date()));
      const head = text.slice(0, MAX_CLASSIFIED_CHARS);
      const intent = await model.classify(head, locale, { entities: entities.filter((e) => e.end <= head.length) });
      return { intent, entities, locale, risk: screenRisk(text) };
    },
    simplify: (text) => model.simplify(text),
    readers(now) {
      const ctx = extractCtx(now);
      return {
        intent: (text) => model.classifySync(text, extractEntities(text.slice(0, MAX_CLASSIFIED_CHARS), ctx)),
        answer: (slot, text) => model.answer(slot, foldDialect(text), extractEntities(text.slice(0, MAX_CLASSIFIED_CHARS), ctx)),
        entities: (text) => extractEntities(text, ctx),
      };
    },
  };
}

/** Loads (or trains, first time for a corpus) the intent model and binds it to the county. */
export async function createNlu(opts: { cacheDir: string; county: CountyConfig; corpusDir?: string; log?: ModelLog }): Promise<Nlu> {
  const model = await loadIntentModel({ cacheDir: opts.cacheDir, corpusDir: opts.corpusDir, log: opts.log });
  return nluFromModel(model, opts.county);
}
