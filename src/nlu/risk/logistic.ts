/**
 * Multinomial logistic regression over sparse binary features (a feature is
 * present or not), trained by stochastic gradient descent with AdaGrad steps and
 * L2 shrinkage, in a fixed order (seeded shuffle): the same corpus gives the same
 * model. A few thousand features and a thousand lines train in well under a
 * second, so the server trains it at start and keeps nothing on disk.
 *
 * Chosen over `natural`'s classifiers after measuring them on the same features
 * (model.ts, scripts/risk-compare.ts): its LogisticRegressionClassifier trains dense
 * matrices over the whole vocabulary (≈ 10,500 features × 931 lines: not finished
 * after 7 CPU-minutes here, against 3 s allowed at server start) and its
 * BayesClassifier, like any naive Bayes, pushes scores to 0 or 1, which leaves no
 * middle ground for the `possible` tier, at 2–25 ms a message.
 */
import { seededRandom } from '../../domain/seeded-random.ts';

export interface LabelledFeatures {
  label: string;
  features: readonly string[];
}

export interface LogisticOptions {
  epochs?: number;
  /** L2 shrinkage per step, scaled by the step size. */
  l2?: number;
  /** A feature's own multiple of `l2` (default 1): words can be held back more than components. */
  l2Scale?: (feature: string) => number;
  rate?: number;
  seed?: number;
}

export interface LogisticModel {
  labels: readonly string[];
  /** Probabilities per label, in the order of `labels`. */
  predict(features: readonly string[]): number[];
  /** Each known feature's weight for `label`, largest first: why a message scored as it did. */
  explain(features: readonly string[], label: string): { feature: string; weight: number }[];
}

function softmax(scores: Float64Array): number[] {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let z = 0;
  const out = Array.from(scores, (s) => {
    const e = Math.exp(s - max);
    z += e;
    return e;
  });
  return out.map((e) => e / z);
}

export function trainLogistic(examples: readonly LabelledFeatures[], options: LogisticOptions = {}): LogisticModel {
  const { epochs = 15, l2 = 1e-2, rate = 0.1, seed = 14, l2Scale = () => 1 } = options;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const k = labels.length;
  const index = new Map<string, number>();
  const names: string[] = ['(bias)'];
  const docs = examples.map((e) => ({
    y: labels.indexOf(e.label),
    x: Int32Array.from(e.features, (f) => index.get(f) ?? (index.set(f, index.size + 1), names.push(f), index.size)),
  }));
  // Row 0 of each label is its bias.
  const dim = index.size + 1;
  const shrink = Float64Array.from(names, (f, i) => (i === 0 ? 0 : l2 * l2Scale(f)));
  const w = new Float64Array(dim * k);
  const g2 = new Float64Array(dim * k).fill(1e-8);
  const order = docs.map((_, i) => i);
  const random = seededRandom(seed);
  const scoresOf = (x: Int32Array) => {
    const s = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let v = w[c * dim]!;
      for (const f of x) v += w[c * dim + f]!;
      s[c] = v;
    }
    return s;
  };
  const step = (at: number, grad: number, f: number) => {
    const g = grad + shrink[f]! * w[at]!;
    g2[at]! += g * g;
    w[at]! -= (rate * g) / Math.sqrt(g2[at]!);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { x, y } = docs[i]!;
      const p = softmax(scoresOf(x));
      for (let c = 0; c < k; c++) {
        const grad = p[c]! - (c === y ? 1 : 0);
        step(c * dim, grad, 0);
        for (const f of x) step(c * dim + f, grad, f);
      }
    }
  }
  return {
    labels,
    predict(features) {
      const x = Int32Array.from(features.filter((f) => index.has(f)), (f) => index.get(f)!);
      return softmax(scoresOf(x));
    },
    explain(features, label) {
      const c = labels.indexOf(label);
      const known = features.filter((f) => index.has(f));
      return [{ feature: '(bias)', weight: w[c * dim]! }, ...known.map((f) => ({ feature: f, weight: w[c * dim + index.get(f)!]! }))].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    },
  };
}
