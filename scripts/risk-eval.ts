/**
 * Precision and recall of the risk screen: on test/fixtures/risk-heldout.tsv (written
 * independently of the lexicon and the training lines, never used to tune them), on the
 * fixed held-out split of intents/risk (classifier trained on the rest), then on the full
 * set (trained on everything). Run: node --import tsx scripts/risk-eval.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRiskSet, splitRiskSet, type RiskExample } from '../src/nlu/risk/data.ts';
import { createRiskScreen, RISK_CATEGORIES, type RiskScreen } from '../src/nlu/risk/screen.ts';

export interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

const score = (tp: number, fp: number, fn: number): Score => ({
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  tp,
  fp,
  fn,
});

/** Overall = risk vs none; per category = the category among the screen's categories. */
export function evaluate(screen: RiskScreen, set: readonly RiskExample[]): { overall: Score; perCategory: Record<string, Score>; errors: string[] } {
  const errors: string[] = [];
  let tp = 0, fp = 0, fn = 0;
  const cat = Object.fromEntries(RISK_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  for (const e of set) {
    const r = screen.screen(e.text);
    const gold = e.label !== 'none';
    const got = r.level === 'risk';
    if (gold && got) tp++;
    else if (got) fp++;
    else if (gold) fn++;
    if (gold !== got || (gold && !r.categories.includes(e.label as never))) errors.push(`${e.locale}\t${e.label}\t→ ${r.categories.join(',') || 'none'}\t${e.text}`);
    for (const c of RISK_CATEGORIES) {
      const inGold = e.label === c;
      const inGot = (r.categories as string[]).includes(c);
      if (inGold && inGot) cat[c]!.tp++;
      else if (inGot) cat[c]!.fp++;
      else if (inGold) cat[c]!.fn++;
    }
  }
  const perCategory = Object.fromEntries(Object.entries(cat).map(([c, s]) => [c, score(s.tp, s.fp, s.fn)]));
  return { overall: score(tp, fp, fn), perCategory, errors };
}

function print(title: string, r: ReturnType<typeof evaluate>, n: number): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`\n${title} (${n} lines)`);
  console.log(`  overall      P=${f(r.overall.precision)} R=${f(r.overall.recall)} (tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})`);
  for (const [c, s] of Object.entries(r.perCategory)) console.log(`  ${c.padEnd(12)} P=${f(s.precision)} R=${f(s.recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  if (r.errors.length > 0) console.log(`  errors:\n    ${r.errors.join('\n    ')}`);
}

export const HELDOUT_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/risk-heldout.tsv');

/** Lines `locale<TAB>label<TAB>text`; `#` starts a comment. */
export function loadHeldOut(file = HELDOUT_PATH): RiskExample[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [locale, label, text] = l.split('\t');
      return { locale: locale as RiskExample['locale'], label: label!, text: text! };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = loadRiskSet();
  const heldOut = loadHeldOut();
  print('independent held-out set (test/fixtures/risk-heldout.tsv)', evaluate(createRiskScreen(all), heldOut), heldOut.length);
  const { train, test } = splitRiskSet(all);
  print('held-out split (train on the other 3/4)', evaluate(createRiskScreen(train), test), test.length);
  print('full set (train on everything)', evaluate(createRiskScreen(all), all), all.length);
}
