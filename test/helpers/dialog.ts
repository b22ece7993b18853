/**
 * Drives the pure dialogue engine in tests: real entity extractors and the models
 * trained on our corpus (intents and slot answers); a test may still fix the
 * message's intent when it is not what the test is about.
 */
import { readCountyConfig } from '../../src/county-config-file.ts';
import { handleEvent, handleMessage } from '../../src/dialog/engine.ts';
import { initialState, type ConversationState, type EffectEvent, type TurnContext, type TurnResult } from '../../src/dialog/types.ts';
import { loadIntentModel } from '../../src/nlu/intent-model.ts';
import type { IntentName } from '../../src/nlu/intents.ts';
import { nluFromModel, type NluResult } from '../../src/nlu/nlu.ts';
import { detectLocale } from '../../src/nlu/language.ts';
import { screenRisk } from '../../src/nlu/risk/screen.ts';
import { SHARED_NLU_CACHE } from './nlu-cache.ts';

export const county = readCountyConfig();
export const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 local

const model = await loadIntentModel({ cacheDir: SHARED_NLU_CACHE });
export const nlu = nluFromModel(model, county);
export const readers = (now = NOW) => nlu.readers(now);

/** The NLU of a message as the app computes it; `intent` overrides the model's. */
export function nluOf(text: string, intent?: IntentName, confidence = 0.95, fallback: 'zh' | 'en' = 'zh', now = NOW): NluResult {
  const r = readers(now);
  const locale = detectLocale(text, fallback);
  const entities = r.entities(text);
  const classified = intent ? { name: intent, confidence } : r.intent(text);
  return { intent: classified, entities, locale, risk: screenRisk(text) };
}

export const ctxOf = (nluResult: NluResult | null, now = NOW): TurnContext => ({ nlu: nluResult, now, county, readers: readers(now) });

/** A scripted conversation: each step feeds the state of the previous one. */
export class Script {
  state: ConversationState;
  last!: TurnResult;
  now = NOW;

  constructor(locale: 'zh' | 'en' = 'zh') {
    this.state = initialState(locale);
  }

  say(typed: string, intent?: IntentName, confidence?: number): TurnResult {
    // As the app reads a message: traditional characters in simplified ones.
    const text = nlu.simplify(typed);
    return this.apply(handleMessage(this.state, { text, payload: null, locale: null }, ctxOf(nluOf(text, intent, confidence, this.state.locale, this.now), this.now)));
  }

  press(payload: string): TurnResult {
    return this.apply(handleMessage(this.state, { text: null, payload, locale: null }, ctxOf(null, this.now)));
  }

  event(e: EffectEvent): TurnResult {
    return this.apply(handleEvent(this.state, e, ctxOf(null, this.now)));
  }

  get text(): string {
    return this.last.replies.map((r) => r.text).join('\n');
  }

  get payloads(): string[] {
    return this.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);
  }

  /** The open form's slots (the petition draft while filing). */
  get slots(): Record<string, unknown> {
    return this.state.forms.at(-1)?.slots ?? {};
  }

  private apply(r: TurnResult): TurnResult {
    this.state = r.state;
    this.last = r;
    return r;
  }
}
