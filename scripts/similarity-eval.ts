/**
 * Precision and recall of repeat/related detection on labelled pairs
 * (test/fixtures/repeat-pairs.tsv): a pair is predicted "same matter" when the text
 * similarity reaches the threshold. Prints the figures at the shipped thresholds and a
 * sweep. Run: node --import tsx scripts/similarity-eval.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textSimilarity } from '../src/domain/similarity.ts';
import { RELATED_THRESHOLD, REPEAT_THRESHOLD } from '../src/domain/case-links.ts';

export interface LabelledPair {
  same: boolean;
  a: string;
  b: string;
}

export const PAIRS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/repeat-pairs.tsv');

export function loadPairs(file = PAIRS_PATH): LabelledPair[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [label, a, b] = l.split('\t');
      return { same: label === 'same', a: a!, b: b! };
    });
}

export function scorePairs(pairs: readonly LabelledPair[], threshold: number): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const p of pairs) {
    const predicted = textSimilarity(p.a, p.b) >= threshold;
    if (predicted && p.same) tp++;
    else if (predicted) fp++;
    else if (p.same) fn++;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pairs = loadPairs();
  const line = (name: string, t: number) => {
    const s = scorePairs(pairs, t);
    console.log(`${name.padEnd(10)} ≥ ${t.toFixed(2)}  P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  };
  console.log(`${pairs.length} labelled pairs (${pairs.filter((p) => p.same).length} same matter)`);
  line('repeat', REPEAT_THRESHOLD);
  line('related', RELATED_THRESHOLD);
  console.log('sweep:');
  for (let t = 0.15; t <= 0.61; t += 0.05) line('', t);
  console.log('misses at the repeat threshold:');
  for (const p of pairs) {
    const s = textSimilarity(p.a, p.b);
    if ((s >= REPEAT_THRESHOLD) !== p.same) console.log(`  ${p.same ? 'same' : 'diff'} ${s.toFixed(2)}  ${p.a} | ${p.b}`);
  }
}
