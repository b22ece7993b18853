/**
 * A small multinomial naive Bayes over the labelled risk set (intents/risk/*.tsv),
 * in log space with Laplace smoothing: enough for a few hundred lines, trained in
 * milliseconds, no state on disk.
 */
import { riskTokens } from './normalize.ts';

export interface LabelledExample {
  label: string;
  /** Normalised text (normalizeForRisk). */
  text: string;
}

export interface RiskClassifier {
  /** Labels with their posterior probability, best first. */
  classify(normalized: string): { label: string; p: number }[];
}

export function trainRiskClassifier(examples: readonly LabelledExample[], alpha = 0.5): RiskClassifier {
  const docs = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocab = new Set<string>();
  for (const e of examples) {
    docs.set(e.label, (docs.get(e.label) ?? 0) + 1);
    const c = counts.get(e.label) ?? new Map<string, number>();
    counts.set(e.label, c);
    for (const tok of riskTokens(e.text)) {
      c.set(tok, (c.get(tok) ?? 0) + 1);
      totals.set(e.label, (totals.get(e.label) ?? 0) + 1);
      vocab.add(tok);
    }
  }
  const n = examples.length;
  const v = vocab.size;
  return {
    classify(normalized) {
      const toks = riskTokens(normalized).filter((t) => vocab.has(t));
      const scores = [...docs.entries()].map(([label, d]) => {
        const c = counts.get(label)!;
        const total = totals.get(label) ?? 0;
        let s = Math.log(d / n);
        for (const t of toks) s += Math.log(((c.get(t) ?? 0) + alpha) / (total + alpha * v));
        return { label, s };
      });
      const max = Math.max(...scores.map((x) => x.s));
      const z = scores.reduce((acc, x) => acc + Math.exp(x.s - max), 0);
      return scores.map((x) => ({ label: x.label, p: Math.exp(x.s - max) / z })).sort((a, b) => b.p - a.p);
    },
  };
}
