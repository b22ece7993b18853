/**
 * How the risk model was chosen: word features (Chinese character n-grams or Jieba
 * words) × the parts of a threat and the lexicon × learners (the hand-written naive
 * Bayes the screen had, natural's BayesClassifier and LogisticRegressionClassifier,
 * our logistic regression), trained on the fixed split of intents/risk and scored on
 * its held-out quarter and on the two old fixture sets (development data: written
 * apart from the corpus, but the lexicon was tuned on them, so the rows that use the
 * lexicon flatter themselves there). Figures: model.ts.
 *
 * Run: node --import tsx scripts/risk-compare.ts [--natural-lr] (Jieba rows appear
 * when @node-rs/jieba is installed: npm install --no-save @node-rs/jieba).
 */
import { createRequire } from 'node:module';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier.js';
import { loadRiskSet, splitRiskSet, type RiskExample } from '../src/nlu/risk/data.ts';
import { riskFeatures, type FeatureOptions, type Segmenter } from '../src/nlu/risk/features.ts';
import { trainLogistic } from '../src/nlu/risk/logistic.ts';
import { LOGISTIC_OPTIONS, trainRiskModel } from '../src/nlu/risk/model.ts';
import { loadFixture, loadIntentTraffic, loadScenarioTraffic, OLD_FIXTURES } from './risk-eval.ts';

type Scorer = (text: string) => number;
type Trainer = (train: readonly RiskExample[]) => Scorer;

const isRisk = (e: RiskExample) => e.label !== 'none';

/** Precision at the highest threshold that keeps recall ≥ 0.95, average precision, and P/R at 0.5. */
export function summarise(scores: number[], gold: boolean[]): { pAtR95: number; ap: number; p50: number; r50: number } {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const positives = gold.filter(Boolean).length;
  let tp = 0, fp = 0, ap = 0, pAtR95 = 0;
  for (const i of idx) {
    if (gold[i]) {
      tp++;
      ap += tp / (tp + fp) / positives;
    } else fp++;
    if (pAtR95 === 0 && tp / positives >= 0.95) pAtR95 = tp / (tp + fp);
  }
  const hit = scores.map((s) => s >= 0.5);
  const tp50 = hit.filter((h, i) => h && gold[i]).length;
  const fp50 = hit.filter((h, i) => h && !gold[i]).length;
  return { pAtR95, ap, p50: tp50 + fp50 ? tp50 / (tp50 + fp50) : 1, r50: tp50 / positives };
}

const lr = (o: FeatureOptions, binary: boolean): Trainer => (train) => {
  const m = trainLogistic(train.map((e) => ({ label: binary ? (isRisk(e) ? 'risk' : 'none') : e.label, features: riskFeatures(e.text, o).features })), LOGISTIC_OPTIONS);
  const none = m.labels.indexOf('none');
  return (t) => 1 - m.predict(riskFeatures(t, o).features)[none]!;
};

/**
 * A multinomial naive Bayes with Laplace smoothing (alpha 0.5), in log space: the
 * classifier the screen had (src/nlu/risk/classifier.ts until issue 14), here over
 * any features; `seven` trains on the seven labels and one model per locale as it did.
 */
const nb = (o: FeatureOptions, seven = false): Trainer => (train) => {
  const labelOf = (e: RiskExample) => (seven ? e.label : isRisk(e) ? 'risk' : 'none');
  const models = new Map<string, (features: string[]) => Map<string, number>>();
  for (const locale of seven ? (['zh', 'en'] as const) : (['all'] as const)) {
    const docs = train.filter((e) => locale === 'all' || e.locale === locale);
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    const vocab = new Set<string>();
    for (const e of docs) {
      const c = counts.get(labelOf(e)) ?? new Map<string, number>();
      counts.set(labelOf(e), c);
      for (const f of riskFeatures(e.text, o).features) {
        c.set(f, (c.get(f) ?? 0) + 1);
        totals.set(labelOf(e), (totals.get(labelOf(e)) ?? 0) + 1);
        vocab.add(f);
      }
    }
    const prior = (l: string) => docs.filter((e) => labelOf(e) === l).length / docs.length;
    models.set(locale, (features) => {
      const fs = features.filter((f) => vocab.has(f));
      const logp = new Map([...counts.keys()].map((l) => [l, fs.reduce((acc, f) => acc + Math.log(((counts.get(l)!.get(f) ?? 0) + 0.5) / (totals.get(l)! + 0.5 * vocab.size)), Math.log(prior(l)))]));
      const max = Math.max(...logp.values());
      const z = [...logp.values()].reduce((a, v) => a + Math.exp(v - max), 0);
      return new Map([...logp].map(([l, v]) => [l, Math.exp(v - max) / z]));
    });
  }
  return (t) => {
    const model = models.get(seven ? (/\p{Script=Han}/u.test(t) ? 'zh' : 'en') : 'all')!;
    return 1 - (model(riskFeatures(t, o).features).get('none') ?? 0);
  };
};

/** The screen's old classifier: per locale, seven labels, character uni+bigrams and English words, no marks. */
const currentNb = nb({ zhWords: 'char12', enWords: 'uni', components: false, lexicon: false, marking: false }, true);

function naturalTrainer(kind: 'bayes' | 'lr', o: FeatureOptions): Trainer {
  return (train) => {
    const c = kind === 'bayes' ? new BayesClassifier() : new LogisticRegressionClassifier();
    for (const e of train) c.addDocument(riskFeatures(e.text, o).features, isRisk(e) ? 'risk' : 'none');
    c.train();
    return (t) => {
      const cls = c.getClassifications(riskFeatures(t, o).features);
      const z = cls.reduce((a, x) => a + x.value, 0);
      return z > 0 ? (cls.find((x) => x.label === 'risk')?.value ?? 0) / z : 0.5;
    };
  };
}

function loadJieba(): Segmenter | null {
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): { cut(s: string): string[] } } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    return (s) => j.cut(s);
  } catch {
    return null;
  }
}

function row(name: string, trainer: Trainer, train: RiskExample[], sets: [string, RiskExample[]][]): void {
  const t0 = performance.now();
  const score = trainer(train);
  const trainMs = performance.now() - t0;
  const cells = sets.map(([, set]) => {
    const s = summarise(set.map((e) => score(e.text)), set.map(isRisk));
    return `${s.pAtR95.toFixed(3)}  ${s.ap.toFixed(3)}  ${s.p50.toFixed(2)}/${s.r50.toFixed(2)}`;
  });
  const t1 = performance.now();
  const probe = sets[0]![1];
  for (const e of probe) score(e.text);
  const perMsg = (performance.now() - t1) / probe.length;
  console.log(`${name.padEnd(46)} ${cells.join(' | ')} | ${trainMs.toFixed(0).padStart(6)} ms ${perMsg.toFixed(3)} ms`);
}

/** Out-of-fold scores over the whole corpus, four folds (every fourth line of a label and locale, as the fixed split). */
export function crossValidate(trainer: Trainer, all: readonly RiskExample[]): number[] {
  const seen = new Map<string, number>();
  const fold = all.map((e) => {
    const key = `${e.locale}:${e.label}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    return i % 4;
  });
  const scores = new Array<number>(all.length);
  for (let k = 0; k < 4; k++) {
    const score = trainer(all.filter((_, i) => fold[i] !== k));
    all.forEach((e, i) => {
      if (fold[i] === k) scores[i] = score(e.text);
    });
  }
  return scores;
}

/**
 * Precision and recall of `score ≥ t` for a range of thresholds, on out-of-fold
 * scores of the production model (before the screen's evidence bound), and the share
 * of ordinary traffic (harmless lines written for other purposes, scored by the model
 * trained on the whole corpus) at or above each threshold.
 */
function thresholdTable(all: readonly RiskExample[]): void {
  const scores = crossValidate((train) => {
    const m = trainRiskModel(train);
    return (t) => m.score(t).score;
  }, all);
  const full = trainRiskModel(all);
  const traffic = [...loadIntentTraffic(), ...loadScenarioTraffic()].map((e) => full.score(e.text).score);
  console.log(`out-of-fold scores of the production model over intents/risk (4 folds, ${all.length} lines); ordinary traffic: ${traffic.length} harmless lines`);
  console.log('   t    all P / R        zh P / R        en P / R        traffic ≥ t');
  for (const t of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const cell = (l?: 'zh' | 'en') => {
      let tp = 0, fp = 0, fn = 0;
      all.forEach((e, i) => {
        if (l && e.locale !== l) return;
        const hit = scores[i]! >= t;
        if (hit && isRisk(e)) tp++;
        else if (hit) fp++;
        else if (isRisk(e)) fn++;
      });
      return `${(tp / (tp + fp)).toFixed(3)} / ${(tp / (tp + fn)).toFixed(3)}`;
    };
    console.log(`${t.toFixed(2).padStart(5)}  ${cell()}   ${cell('zh')}   ${cell('en')}   ${((100 * traffic.filter((s) => s >= t).length) / traffic.length).toFixed(2)} %`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--thresholds')) {
  thresholdTable(loadRiskSet());
} else if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--misses')) {
  const all = loadRiskSet();
  const scores = crossValidate(lr({}, true), all);
  const order = all.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const positives = all.filter(isRisk).length;
  let seen = 0;
  let cut = 0;
  for (const i of order) if (isRisk(all[i]!) && ++seen === Math.ceil(positives * 0.05)) cut = scores[i]!;
  console.log(`cut for recall 0.95: ${cut.toFixed(3)}`);
  for (const i of order) {
    const e = all[i]!;
    if (isRisk(e) ? scores[i]! < cut + 0.1 : scores[i]! >= cut) console.log(`${scores[i]!.toFixed(3)}\t${e.label}\t${e.text}`);
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const { train, test } = splitRiskSet(loadRiskSet());
  const old = OLD_FIXTURES.flatMap((f) => loadFixture(f));
  const sets: [string, RiskExample[]][] = [
    [`held-out split (${test.length})`, test],
    [`old fixtures (${old.length})`, old],
  ];
  console.log(`${''.padEnd(46)} ${sets.map(([n]) => `${n}: P@R.95 AP P/R@.5`.padEnd(28)).join(' | ')} | train, per message`);
  const jieba = loadJieba();
  const words: [string, FeatureOptions][] = [
    ['char 1-2', { zhWords: 'char12' }],
    ['char 1-3', { zhWords: 'char123' }],
    ...(jieba ? ([['jieba', { zhWords: jieba }]] as [string, FeatureOptions][]) : []),
  ];
  row('NB as the screen had it (7 labels, per locale)', currentNb, train, sets);
  for (const [wn, w] of words) {
    const bare = { ...w, components: false, lexicon: false, marking: false };
    row(`NB, ${wn}`, nb(bare), train, sets);
    row(`natural Bayes, ${wn}`, naturalTrainer('bayes', bare), train, sets);
    row(`LR binary, ${wn}`, lr(bare, true), train, sets);
    row(`LR binary, ${wn}, marking`, lr({ ...bare, marking: true }, true), train, sets);
    row(`LR binary, ${wn} + components`, lr({ ...w, lexicon: false }, true), train, sets);
    row(`LR binary, ${wn} + components + lexicon`, lr(w, true), train, sets);
    row(`LR 7 labels, ${wn} + components + lexicon`, lr(w, false), train, sets);
    row(`NB, ${wn} + components + lexicon`, nb(w), train, sets);
    row(`natural Bayes, ${wn} + components + lexicon`, naturalTrainer('bayes', w), train, sets);
  }
  row('LR binary, components + lexicon, no words', lr({ zhWords: 'none', enWords: 'none' }, true), train, sets);
  row('LR binary, components only', lr({ zhWords: 'none', enWords: 'none', lexicon: false }, true), train, sets);
  if (process.argv.includes('--natural-lr')) row('natural LR, char 1-2 + components + lexicon', naturalTrainer('lr', {}), train, sets);
}
