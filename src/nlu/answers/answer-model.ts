/**
 * Classifiers of the citizen's answer to one closed question (consent, confirm,
 * prior handling, category, …), one small network per slot over the same
 * features as the intent model, plus an exact-match memory of the corpus lines.
 * Trained with the intent model and cached with it (intent-model.ts).
 */
import type { NeuralNetworkJSON } from 'node-nlp';
import type { Entity } from '../extractors/extract-entities.ts';
import { intentFeatures, normalizeForIntent } from '../intent-features.ts';
import { IntentNetwork } from '../intent-network.ts';
import { CLASSIFIED_SLOTS, type AnswerExample, type AnswerSlot, type ClassifiedSlot } from './corpus.ts';
import { ruleAnswer } from './rules.ts';

export interface AnswerScore {
  label: string;
  /** 0..1, the label's share of the network's output; 1 for a remembered line. */
  confidence: number;
  /** How far ahead of the runner-up (0 when alone): a small margin means "unsure". */
  margin: number;
}

export interface AnswerModelJSON {
  memory: Record<string, string>;
  network: NeuralNetworkJSON;
}

export type AnswerModelsJSON = Partial<Record<ClassifiedSlot, AnswerModelJSON>>;

type Normalize = (text: string, entities?: readonly Entity[]) => string;

class SlotModel {
  private readonly memory: Map<string, string>;
  private readonly network: IntentNetwork;

  constructor(readonly json: AnswerModelJSON) {
    this.memory = new Map(Object.entries(json.memory));
    this.network = IntentNetwork.fromJSON(json.network);
  }

  remembered(normalized: string): AnswerScore | null {
    const label = this.memory.get(normalized);
    return label ? { label, confidence: 1, margin: 1 } : null;
  }

  score(normalized: string): AnswerScore | null {
    const [best, second] = this.network.score(intentFeatures(normalized));
    if (!best) return null;
    return { label: best.intent, confidence: round(best.score), margin: round(best.score - (second?.score ?? 0)) };
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
/** Words that settle an answer outright (rules.ts) are as sure as the classifier's best. */
const RULE_CONFIDENCE = 0.9;

export class AnswerModels {
  private readonly slots = new Map<ClassifiedSlot, SlotModel>();

  constructor(
    json: AnswerModelsJSON,
    private readonly normalize: Normalize,
  ) {
    for (const slot of CLASSIFIED_SLOTS) {
      const m = json[slot];
      if (m) this.slots.set(slot, new SlotModel(m));
    }
  }

  /** The best label for `text` as an answer to `slot`, or null when the slot has no model or nothing fires. */
  classify(slot: ClassifiedSlot, text: string, entities?: readonly Entity[]): AnswerScore | null {
    const model = this.slots.get(slot);
    if (!model || !text.trim()) return null;
    const normalized = this.normalize(text, entities);
    const remembered = model.remembered(normalized);
    if (remembered) return remembered.label === NOT_AN_ANSWER ? null : remembered;
    const ruled = ruleAnswer(slot, text);
    if (ruled) return { label: ruled, confidence: RULE_CONFIDENCE, margin: 1 };
    const score = model.score(normalized);
    return score && score.label !== NOT_AN_ANSWER ? score : null;
  }

  toJSON(): AnswerModelsJSON {
    return Object.fromEntries([...this.slots].map(([slot, m]) => [slot, m.json]));
  }
}

/** Lines whose normalised form has one label only. */
function memoryOf(rows: ReadonlyArray<{ normalized: string; label: string }>): Record<string, string> {
  const seen = new Map<string, string | null>();
  for (const { normalized, label } of rows) {
    const prev = seen.get(normalized);
    seen.set(normalized, prev === undefined || prev === label ? label : null);
  }
  return Object.fromEntries([...seen].filter((e): e is [string, string] => e[1] !== null));
}

/** The label of "this is no answer to the question" (learnt from other questions' answers). */
export const NOT_AN_ANSWER = '_none';

/**
 * Answers to other questions that are no answer to this one: a classifier that only
 * knows its own labels would read "孩子还得在那上学" as *some* earlier handling.
 */
const NEGATIVES: Readonly<Record<ClassifiedSlot, readonly AnswerSlot[]>> = {
  consent: ['address', 'peopleCount', 'representatives', 'category'],
  confirm: ['address', 'peopleCount', 'representatives', 'category'],
  triage: ['address', 'peopleCount', 'representatives', 'category'],
  cancelCheck: ['address', 'peopleCount', 'representatives', 'category'],
  priorPetition: ['address', 'peopleCount', 'representatives', 'satisfaction'],
  idNumber: ['address', 'peopleCount', 'category', 'priorPetition'],
  // None: a story is always some kind of matter, and "not understood" is left to the confidence.
  category: [],
  satisfaction: ['address', 'peopleCount', 'representatives', 'category', 'priorPetition'],
  question: [],
};
/** Questions asked to the bot are no answer either (they are answered, then the question comes again). */
const isTopicQuestion = (e: AnswerExample) => e.slot === 'question' && e.label !== 'none';

function negativesFor(slot: ClassifiedSlot, examples: readonly AnswerExample[], own: number): AnswerExample[] {
  const from = new Set(NEGATIVES[slot]);
  const pool = examples.filter((e) => from.has(e.slot) || (slot !== 'question' && isTopicQuestion(e)));
  // Every k-th line: a fixed, even sample about as large as the slot's own lines.
  const k = Math.max(1, Math.ceil(pool.length / Math.max(40, own)));
  return pool.filter((_, i) => i % k === 0);
}

export function trainAnswerModels(examples: readonly AnswerExample[], normalize: Normalize): AnswerModels {
  const json: AnswerModelsJSON = {};
  for (const slot of CLASSIFIED_SLOTS) {
    const mine = examples.filter((e) => e.slot === slot);
    if (mine.length === 0) continue;
    const texts = new Set(mine.map((e) => normalize(e.text)));
    const negatives = (NEGATIVES[slot].length > 0 ? negativesFor(slot, examples, mine.length) : [])
      .map((e) => ({ label: NOT_AN_ANSWER, normalized: normalize(e.text) }))
      .filter((r) => !texts.has(r.normalized));
    const rows = [...mine.map((e) => ({ label: e.label, normalized: normalize(e.text) })), ...negatives];
    const network = IntentNetwork.train(rows.map((r) => ({ features: intentFeatures(r.normalized), intent: r.label })));
    json[slot] = { memory: memoryOf(rows), network: network.toJSON() };
  }
  return new AnswerModels(json, normalize);
}

/** Normalisation as the intent model does it, given its traditional→simplified map. */
export function answerNormalizer(t2s: ReadonlyMap<string, string>, entitiesOf: (text: string) => Entity[]): Normalize {
  return (text, entities) => normalizeForIntent(text, entities ?? entitiesOf(text), t2s);
}
