/**
 * The trained part of the intent model: node-nlp's NeuralNetwork, one network for
 * both locales (concept tokens are shared, so English lines teach Chinese ones and
 * back). Inputs are scaled to unit length so a long story does not outvote a
 * short request by its number of tokens.
 */
// The classifier module alone (it is @nlpjs/neural): node-nlp's entry loads every
// language, recognizer and the spreadsheet reader, ~110 MB of server RSS unused here.
import { NeuralNetwork } from 'node-nlp/src/classifiers/index.js';
import type { NeuralNetworkJSON } from 'node-nlp';

/**
 * Measured by cross-validation on the corpus: a smaller leak than the default
 * (0.07) generalises better, and stopping once the error changes < 2e-5 an epoch
 * (~130 epochs, ~2 s) scores the same as the default's ~1,000 epochs (~16 s).
 */
const SETTINGS = { learningRate: 0.3, alpha: 0.02, deltaErrorThresh: 2e-5, log: false } as const;

export interface Scored {
  intent: string;
  score: number;
}

/**
 * Keys are prefixed: node-nlp looks features up in a plain object, where a word
 * like "constructor" would hit Object.prototype and turn every weight into NaN.
 */
function input(features: readonly string[]): Record<string, number> {
  const v = 1 / Math.sqrt(Math.max(1, features.length));
  return Object.fromEntries(features.map((f) => [`~${f}`, v]));
}

export class IntentNetwork {
  private constructor(private readonly net: NeuralNetwork) {}

  static train(docs: ReadonlyArray<{ features: readonly string[]; intent: string }>): IntentNetwork {
    const net = new NeuralNetwork({ ...SETTINGS });
    net.train(docs.map((d) => ({ input: input(d.features), output: { [d.intent]: 1 } })));
    return new IntentNetwork(net);
  }

  static fromJSON(json: NeuralNetworkJSON): IntentNetwork {
    const net = new NeuralNetwork();
    net.fromJSON(json);
    return new IntentNetwork(net);
  }

  /** Weights rounded to 5 decimals: a third of the file size, no measurable change. */
  toJSON(): NeuralNetworkJSON {
    const json = this.net.toJSON();
    const perceptrons = json.perceptrons?.map((p) => p.map((w) => Math.round(w * 1e5) / 1e5));
    return { ...json, ...(perceptrons ? { perceptrons } : {}) };
  }

  /**
   * Intents by score, scores summing to 1 (squared outputs, as node-nlp's own NLU
   * does). Empty when no perceptron fires: nothing in the text is known.
   */
  score(features: readonly string[]): Scored[] {
    const out = this.net.run(input(features)) ?? {};
    const squared = Object.entries(out).map(([intent, s]) => ({ intent, score: s > 0 ? s * s : 0 }));
    const total = squared.reduce((a, s) => a + s.score, 0);
    if (total <= 0) return [];
    return squared.map((s) => ({ intent: s.intent, score: s.score / total })).sort((a, b) => b.score - a.score);
  }
}
