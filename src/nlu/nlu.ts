/**
 * The NLU port the dialogue and the HTTP route use: intent (with confidence),
 * entities and the message's language, in one call.
 */
import type { CountyConfig } from '../domain/county/schema.ts';
import { extractEntities, type Entity } from './extractors/index.ts';
import { loadIntentModel, MAX_CLASSIFIED_CHARS, type IntentModel, type ModelLog } from './intent-model.ts';
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

export interface Nlu {
  /** `locale`: the conversation's, kept for messages without letters (a phone number). */
  parse(text: string, opts?: { locale?: Locale; now?: Date }): Promise<NluResult>;
}

export function nluFromModel(model: IntentModel, county: CountyConfig): Nlu {
  return {
    async parse(text, opts = {}) {
      const locale = detectLocale(text, opts.locale ?? 'zh');
      const ctx = { now: opts.now ?? new Date(), townships: county.townships, utcOffsetMinutes: county.utcOffsetMinutes };
      const entities = extractEntities(text, ctx);
      const head = text.slice(0, MAX_CLASSIFIED_CHARS);
      const intent = await model.classify(head, locale, { entities: entities.filter((e) => e.end <= head.length) });
      return { intent, entities, locale, risk: screenRisk(text) };
    },
  };
}

/** Loads (or trains, first time for a corpus) the intent model and binds it to the county. */
export async function createNlu(opts: { cacheDir: string; county: CountyConfig; corpusDir?: string; log?: ModelLog }): Promise<Nlu> {
  const model = await loadIntentModel({ cacheDir: opts.cacheDir, corpusDir: opts.corpusDir, log: opts.log });
  return nluFromModel(model, opts.county);
}
