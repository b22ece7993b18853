import { seededRandom } from '../../src/domain/seeded-random.ts';

export { seededRandom };

/** An integer in [0, n) from a seeded generator. */
export function seededInt(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  return (n) => Math.floor(next() * n);
}
