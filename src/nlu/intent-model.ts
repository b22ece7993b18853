/**
 * The intent model: normalisation and entity masking, an exact-match memory of
 * the corpus, a few documented keyword rules, and node-nlp's network for the rest.
 * `loadIntentModel` trains only when the cache has no model for the corpus hash.
 */
import type { NeuralNetworkJSON } from 'node-nlp';
import { readCountyConfig } from '../county-config-file.ts';
import { corpusHash, loadCorpus, MODEL_VERSION, type CorpusExample } from './corpus.ts';
import { extractEntities, type Entity, type ExtractContext } from './extractors/extract-entities.ts';
import { intentFeatures, normalizeForIntent } from './intent-features.ts';
import { readCachedModel, writeCachedModel } from './intent-model-cache.ts';
import { IntentNetwork } from './intent-network.ts';
import { ruleIntent } from './intent-rules.ts';
import { answerNormalizer, AnswerModels, trainAnswerModels, type AnswerModelsJSON, type AnswerScore } from './answers/answer-model.ts';
import { loadAnswerCorpus, type AnswerExample, type ClassifiedSlot } from './answers/corpus.ts';
import { isIntentName, type IntentName, type Locale } from './intents.ts';
import { buildT2sMap, packT2s, unpackT2s } from './traditional.ts';

export { INTENTS, type IntentName } from './intents.ts';

export interface IntentResult {
  name: IntentName;
  /** 0..1; the dialogue treats < 0.5 as "not understood". */
  confidence: number;
}

export interface IntentModel {
  /** Corpus hash the model was trained on (names the cache file). */
  readonly hash: string;
  /** True when this instance was trained now, false when imported from the cache. */
  readonly trained: boolean;
  /**
   * `entities`: spans already extracted with the county's townships (the NLU passes
   * them); without them the model extracts with the demo county's.
   */
  classify(text: string, locale: Locale, opts?: { entities?: readonly Entity[] }): Promise<IntentResult>;
  /** The same, synchronously: the dialogue classifies parts of a message inside a pure turn. */
  classifySync(text: string, entities?: readonly Entity[]): IntentResult;
  /** Traditional characters written as simplified, one for one ("訴求" → "诉求"), and punctuation spoken as words ("逗号") as punctuation; everything else as typed. */
  simplify(text: string): string;
  /** The answer to one of the bot's closed questions (see src/nlu/answers). */
  answer(slot: ClassifiedSlot, text: string, entities?: readonly Entity[]): AnswerScore | null;
}

/** What the cache file holds. */
export interface IntentModelData {
  version: string;
  hash: string;
  trainedAt: string;
  /** Traditional → simplified pairs, packed (see traditional.ts). */
  t2s: string;
  /** Normalised corpus line → intent, for lines no other line contradicts. */
  memory: Record<string, IntentName>;
  network: NeuralNetworkJSON;
  /** The slot-answer classifiers (intents/answers). */
  answers: AnswerModelsJSON;
}

export interface ModelLog {
  info(obj: object, msg?: string): void;
}

/** Messages longer than this are classified on their beginning. */
export const MAX_CLASSIFIED_CHARS = 2000;
/** No perceptron fires: nothing in the text is known to the model, out of scope by definition. */
const UNKNOWN_TEXT_CONFIDENCE = 0.6;
const RULE_CONFIDENCE = 0.95;

let demoTownships: ExtractContext['townships'] | undefined;
/**
 * The corpus is written for the demo county, so its township names are what
 * training masks. Spans only matter here, so the date is any fixed one.
 */
function trainingContext(): ExtractContext {
  demoTownships ??= readCountyConfig().townships;
  return { now: new Date('2026-01-01T00:00:00Z'), townships: demoTownships };
}

const entitiesOf = (text: string) => extractEntities(text, trainingContext());

class CorpusIntentModel implements IntentModel {
  private readonly t2s: Map<string, string>;
  private simplifiedChars: Set<string> | undefined;
  private readonly network: IntentNetwork;
  // A Map, not the plain object: "constructor" or "__proto__" typed by a user must not hit Object.prototype.
  private readonly memory: Map<string, IntentName>;
  private readonly answers: AnswerModels;

  constructor(
    readonly data: IntentModelData,
    readonly trained: boolean,
  ) {
    this.t2s = unpackT2s(data.t2s);
    this.network = IntentNetwork.fromJSON(data.network);
    this.memory = new Map(Object.entries(data.memory).filter((e): e is [string, IntentName] => isIntentName(e[1])));
    this.answers = new AnswerModels(data.answers ?? {}, answerNormalizer(this.t2s, entitiesOf));
  }

  answer(slot: ClassifiedSlot, text: string, entities?: readonly Entity[]): AnswerScore | null {
    return this.answers.classify(slot, text.slice(0, MAX_CLASSIFIED_CHARS), entities);
  }

  get hash() {
    return this.data.hash;
  }

  /** One network serves both languages, so the locale is not needed to classify. */
  async classify(text: string, _locale: Locale, opts: { entities?: readonly Entity[] } = {}): Promise<IntentResult> {
    return this.classifySync(text.slice(0, MAX_CLASSIFIED_CHARS), opts.entities);
  }

  simplify(text: string): string {
    // (A character that is the simplified form of another stays as typed: 么 is 麼's, never 幺.)
    this.simplifiedChars ??= new Set(this.t2s.values());
    const own = this.simplifiedChars;
    return (
      text
        .replace(/\p{Script=Han}/gu, (c) => (own.has(c) ? c : (this.t2s.get(c) ?? c)))
        // Punctuation spoken into voice input and typed out as words ("石门砍村逗号就是…", "…怎么就不符合了呢句号").
        .replace(/(?<=[\u4e00-\u9fff])(?:逗号|句号|问号|感叹号)(?=[\u4e00-\u9fff]|$)/g, (m) => ({ 逗号: '，', 句号: '。', 问号: '？', 感叹号: '！' })[m] ?? m)
    );
  }

  classifySync(text: string, entities?: readonly Entity[]): IntentResult {
    text = text.slice(0, MAX_CLASSIFIED_CHARS);
    const normalized = normalizeForIntent(text, entities ?? entitiesOf(text), this.t2s);
    const remembered = this.memory.get(normalized);
    if (remembered) return { name: remembered, confidence: 1 };
    const ruled = ruleIntent(normalized);
    if (ruled) return { name: ruled, confidence: RULE_CONFIDENCE };
    const best = this.network.score(intentFeatures(normalized))[0];
    if (!best || !isIntentName(best.intent)) return { name: 'out_of_scope', confidence: UNKNOWN_TEXT_CONFIDENCE };
    return { name: best.intent, confidence: Math.round(best.score * 1e4) / 1e4 };
  }
}

/** Lines whose normalised form maps to one intent only. */
function buildMemory(rows: ReadonlyArray<{ normalized: string; intent: IntentName }>): Record<string, IntentName> {
  const seen = new Map<string, IntentName | null>();
  for (const { normalized, intent } of rows) {
    const prev = seen.get(normalized);
    seen.set(normalized, prev === undefined || prev === intent ? intent : null);
  }
  return Object.fromEntries([...seen].filter((e): e is [string, IntentName] => e[1] !== null));
}

/** Trains on the given examples (no cache): the eval script's entry point. */
export function trainIntentModel(
  examples: readonly CorpusExample[],
  answerExamples: readonly AnswerExample[] = [],
  hash = corpusHash(examples, answerExamples),
): IntentModel & { data: IntentModelData } {
  const t2s = buildT2sMap();
  const rows = examples.map((e) => ({
    ...e,
    normalized: normalizeForIntent(e.text, entitiesOf(e.text), t2s),
  }));
  const network = IntentNetwork.train(rows.map((r) => ({ features: intentFeatures(r.normalized), intent: r.intent })));
  const data: IntentModelData = {
    version: MODEL_VERSION,
    hash,
    trainedAt: new Date().toISOString(),
    t2s: packT2s(t2s),
    memory: buildMemory(rows),
    network: network.toJSON(),
    answers: trainAnswerModels(answerExamples, answerNormalizer(t2s, entitiesOf)).toJSON(),
  };
  return new CorpusIntentModel(data, true);
}

/**
 * The model for the corpus in `corpusDir`: imported from `cacheDir` when a model
 * for its hash is there, else trained and cached (atomically; older models removed).
 */
export async function loadIntentModel(opts: { cacheDir: string; corpusDir?: string; log?: ModelLog }): Promise<IntentModel> {
  const examples = loadCorpus(opts.corpusDir);
  const answerExamples = loadAnswerCorpus(opts.corpusDir);
  const hash = corpusHash(examples, answerExamples);
  const started = performance.now();
  const cached = readCachedModel(opts.cacheDir, hash, opts.log);
  if (cached && cached.version === MODEL_VERSION) {
    const model = new CorpusIntentModel(cached, false);
    opts.log?.info({ hash, ms: Math.round(performance.now() - started) }, 'nlu model loaded from cache');
    return model;
  }
  const model = trainIntentModel(examples, answerExamples, hash);
  writeCachedModel(opts.cacheDir, model.data);
  opts.log?.info({ hash, examples: examples.length, ms: Math.round(performance.now() - started) }, 'nlu model trained');
  return model;
}
