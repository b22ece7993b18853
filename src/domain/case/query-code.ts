/**
 * The 8-digit query code a citizen uses with the case number. Drawn from a
 * cryptographic source; only a salted keyed hash of it is stored.
 */
import { randomInt } from 'node:crypto';

export type RandomInt = (maxExclusive: number) => number;

export function generateQueryCode(rand: RandomInt = randomInt): string {
  return String(rand(100_000_000)).padStart(8, '0');
}

export const isQueryCodeShape = (s: string) => /^\d{8}$/.test(s);
