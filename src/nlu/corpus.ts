/**
 * The intent corpus: `intents/<locale>/<intent>.txt`, one utterance a line, `#`
 * comments. The hash names the cached model, so a corpus or feature change retrains.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICON_FINGERPRINT } from './intent-lexicon.ts';
import { isIntentName, type IntentName, type Locale } from './intents.ts';
import type { AnswerExample } from './answers/corpus.ts';

/**
 * Bump whenever normalisation, features or the network settings change: a cached
 * model trained with other features would be read with new ones. (Lexicon edits
 * need no bump: the lexicon itself is part of the hash.)
 */
export const MODEL_VERSION = 'intent-9';

export const DEFAULT_CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../intents');

export interface CorpusExample {
  locale: Locale;
  intent: IntentName;
  text: string;
}

const LOCALES: readonly Locale[] = ['zh', 'en'];

function readLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Every example, sorted by locale, intent file name and line order. Unknown file names are an error. */
export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): CorpusExample[] {
  const out: CorpusExample[] = [];
  for (const locale of LOCALES) {
    const localeDir = path.join(dir, locale);
    if (!fs.existsSync(localeDir)) continue;
    for (const file of fs.readdirSync(localeDir).filter((f) => f.endsWith('.txt')).sort()) {
      const intent = file.slice(0, -4);
      if (!isIntentName(intent)) throw new Error(`${locale}/${file}: not a contract intent name`);
      for (const text of readLines(path.join(localeDir, file))) out.push({ locale, intent, text });
    }
  }
  if (out.length === 0) throw new Error(`no intent examples under ${dir}`);
  return out;
}

/** sha256 over MODEL_VERSION, the lexicon and the examples (intents and slot answers) in a canonical order (first 16 hex digits). */
export function corpusHash(examples: readonly CorpusExample[], answers: readonly AnswerExample[] = []): string {
  const lines = [
    ...examples.map((e) => `${e.locale}\t${e.intent}\t${e.text}`),
    ...answers.map((a) => `answer:${a.slot}\t${a.locale}\t${a.label}\t${a.text}`),
  ].sort();
  return createHash('sha256')
    .update(`${MODEL_VERSION}\n${LEXICON_FINGERPRINT}\n${lines.join('\n')}`)
    .digest('hex')
    .slice(0, 16);
}
