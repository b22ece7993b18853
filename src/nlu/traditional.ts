/**
 * Traditional → simplified characters, one to one, from the CC-CEDICT copy that
 * node-nlp ships (@nlpjs/lang-zh). Built at training time and stored in the model
 * file, so a server that loads a cached model never parses the 9 MB dictionary.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readCedict(): string {
  const fromNodeNlp = createRequire(require.resolve('node-nlp'));
  return fromNodeNlp('@nlpjs/lang-zh/src/cedict_ts.u8.js') as string;
}

/**
 * Single-character entries whose traditional form differs from the simplified.
 * A character that is also a simplified form of its own, or maps to two
 * simplified ones (乾 → 干/乾, 著 → 着/著), is left alone.
 */
export function buildT2sMap(cedict: string = readCedict()): Map<string, string> {
  const map = new Map<string, string>();
  const keep = new Set<string>();
  for (const m of cedict.matchAll(/^(\S) (\S) \[/gmu)) {
    const [, trad = '', simp = ''] = m;
    if (trad === simp) keep.add(trad);
    else if (map.has(trad) && map.get(trad) !== simp) keep.add(trad);
    else map.set(trad, simp);
  }
  for (const c of keep) map.delete(c);
  return map;
}

/** Compact form for the model file: the pairs concatenated ("請请幫帮…"). */
export const packT2s = (map: ReadonlyMap<string, string>) => [...map].map(([t, s]) => t + s).join('');

export function unpackT2s(packed: string): Map<string, string> {
  const cs = [...packed];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < cs.length; i += 2) map.set(cs[i] ?? '', cs[i + 1] ?? '');
  return map;
}
