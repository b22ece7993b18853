/** Repeat detection on labelled pairs: guards the shipped threshold against regressions of the similarity. */
import { describe, expect, it } from 'vitest';
import { loadPairs, scorePairs } from '../../../scripts/similarity-eval.ts';
import { REPEAT_THRESHOLD } from '../../../src/domain/case-links.ts';

describe('repeat detection on labelled pairs', () => {
  const pairs = loadPairs();

  it('has both kinds of pair in zh and en', () => {
    expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(20);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(20);
    expect(pairs.some((p) => /^[A-Za-z]/.test(p.a))).toBe(true);
  });

  it('keeps precision ≥ 0.85 and recall ≥ 0.8 at the repeat threshold', () => {
    const s = scorePairs(pairs, REPEAT_THRESHOLD);
    expect(s.precision).toBeGreaterThanOrEqual(0.85);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
});
