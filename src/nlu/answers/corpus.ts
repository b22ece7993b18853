/**
 * The slot-answer corpus: how citizens answer the bot's own questions,
 * `intents/answers/<slot>/<locale>.tsv`, one `label<TAB>text` a line (see the
 * README there). Classified slots train a model; parsed slots (counts,
 * representatives, places) only test their parsers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS_DIR } from '../corpus.ts';
import type { Locale } from '../intents.ts';

/** Slots whose answers a trained classifier reads; the label set is the classifier's output. */
export const CLASSIFIED_SLOTS = [
  'consent',
  'confirm',
  'triage',
  'cancelCheck',
  'priorPetition',
  'idNumber',
  'category',
  'satisfaction',
  'question',
] as const;
export type ClassifiedSlot = (typeof CLASSIFIED_SLOTS)[number];

/** Slots read by rules (a structured value), scored on the corpus by the eval. */
export const PARSED_SLOTS = ['peopleCount', 'representatives', 'address'] as const;
export type ParsedSlot = (typeof PARSED_SLOTS)[number];

export type AnswerSlot = ClassifiedSlot | ParsedSlot;

export interface AnswerExample {
  slot: AnswerSlot;
  locale: Locale;
  label: string;
  text: string;
}

const LOCALES: readonly Locale[] = ['zh', 'en'];
const ALL: readonly AnswerSlot[] = [...CLASSIFIED_SLOTS, ...PARSED_SLOTS];

export const answersDir = (corpusDir: string = DEFAULT_CORPUS_DIR) => path.join(corpusDir, 'answers');

/** Parses one TSV file's text; a line without exactly one tab is an error naming the line. */
export function parseAnswerLines(slot: AnswerSlot, locale: Locale, text: string, where: string): AnswerExample[] {
  const out: AnswerExample[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = raw.split('\t');
    if (parts.length !== 2) throw new Error(`${where}:${i + 1}: expected label<TAB>text`);
    const label = parts[0]!.trim();
    const body = parts[1]!.trim();
    if (label && body) out.push({ slot, locale, label, text: body });
  });
  return out;
}

/** Every answer example, in slot, locale and line order; missing files are simply absent. */
export function loadAnswerCorpus(corpusDir?: string): AnswerExample[] {
  const dir = answersDir(corpusDir);
  const out: AnswerExample[] = [];
  for (const slot of ALL) {
    for (const locale of LOCALES) {
      const file = path.join(dir, slot, `${locale}.tsv`);
      if (!fs.existsSync(file)) continue;
      out.push(...parseAnswerLines(slot, locale, fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file)));
    }
  }
  return out;
}

export const isClassifiedSlot = (s: string): s is ClassifiedSlot => (CLASSIFIED_SLOTS as readonly string[]).includes(s);
