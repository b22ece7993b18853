/**
 * Drives the pure dialogue engine in tests: real entity extractors, the intent given
 * by the test (so engine tests do not depend on the trained model).
 */
import { readCountyConfig } from '../../src/county-config-file.ts';
import { handleEvent, handleMessage } from '../../src/dialog/engine.ts';
import { initialState, type ConversationState, type EffectEvent, type TurnResult } from '../../src/dialog/types.ts';
import { extractEntities } from '../../src/nlu/extractors/index.ts';
import type { IntentName } from '../../src/nlu/intents.ts';
import type { NluResult } from '../../src/nlu/nlu.ts';
import { screenRisk } from '../../src/nlu/risk/screen.ts';

export const county = readCountyConfig();
export const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 local

export function nluOf(text: string, intent: IntentName = 'out_of_scope', confidence = 0.95, fallback: 'zh' | 'en' = 'zh'): NluResult {
  // Like the real NLU: Chinese characters → zh, Latin words → en, digits only → the conversation's.
  const locale = /[\u3400-\u9fff]/.test(text) ? 'zh' : /[A-Za-z]{2,}/.test(text.replace(/xf\s*\d+/gi, '')) ? 'en' : fallback;
  const entities = extractEntities(text, { now: NOW, townships: county.townships, utcOffsetMinutes: county.utcOffsetMinutes });
  return { intent: { name: intent, confidence }, entities, locale, risk: screenRisk(text) };
}

/** A scripted conversation: each step feeds the state of the previous one. */
export class Script {
  state: ConversationState;
  last!: TurnResult;
  now = NOW;

  constructor(locale: 'zh' | 'en' = 'zh') {
    this.state = initialState(locale);
  }

  say(text: string, intent?: IntentName, confidence?: number): TurnResult {
    const ctx = { nlu: nluOf(text, intent, confidence, this.state.locale), now: this.now, county };
    return this.apply(handleMessage(this.state, { text, payload: null, locale: null }, ctx));
  }

  press(payload: string): TurnResult {
    return this.apply(handleMessage(this.state, { text: null, payload, locale: null }, { nlu: null, now: this.now, county }));
  }

  event(e: EffectEvent): TurnResult {
    return this.apply(handleEvent(this.state, e, { nlu: null, now: this.now, county }));
  }

  get text(): string {
    return this.last.replies.map((r) => r.text).join('\n');
  }

  get payloads(): string[] {
    return this.last.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);
  }

  private apply(r: TurnResult): TurnResult {
    this.state = r.state;
    this.last = r;
    return r;
  }
}
