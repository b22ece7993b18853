/** The labelled risk set: `intents/risk/<locale>.tsv`, `label<TAB>text`, `#` comments. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RISK_CATEGORIES } from './lexicon.ts';

export type RiskLocale = 'zh' | 'en';
export const RISK_LABELS: readonly string[] = [...RISK_CATEGORIES, 'none'];
export const DEFAULT_RISK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../intents/risk');

export interface RiskExample {
  locale: RiskLocale;
  label: string;
  text: string;
}

export function loadRiskSet(dir: string = DEFAULT_RISK_DIR): RiskExample[] {
  const out: RiskExample[] = [];
  for (const locale of ['zh', 'en'] as const) {
    const file = path.join(dir, `${locale}.tsv`);
    fs.readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (line.trim() === '' || line.startsWith('#')) return;
        const [label = '', text = '', ...rest] = line.split('\t');
        if (!RISK_LABELS.includes(label) || !text.trim() || rest.length > 0) throw new Error(`${file}:${i + 1}: expected label<TAB>text`);
        out.push({ locale, label, text: text.trim() });
      });
  }
  return out;
}

/** The fixed split: every fourth line of each label and locale is held out. */
export function splitRiskSet(all: readonly RiskExample[]): { train: RiskExample[]; test: RiskExample[] } {
  const seen = new Map<string, number>();
  const train: RiskExample[] = [];
  const test: RiskExample[] = [];
  for (const e of all) {
    const key = `${e.locale}:${e.label}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    (i % 4 === 3 ? test : train).push(e);
  }
  return { train, test };
}
