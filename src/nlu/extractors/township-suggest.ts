import type { ExtractContext } from './types.ts';

/** Below this similarity a township is not offered as "did you mean…". */
const MIN_SCORE = 0.5;

/** Lower-cased, without spaces, hyphens and the administrative suffix. */
function core(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s\-_·]/g, '')
    .replace(/(?:township|town|镇|乡)$/, '');
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * Normalised edit similarity; for Chinese also character overlap (Dice), which
 * forgives a swapped or extra character. Latin letters overlap too easily for that.
 */
function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  const edit = 1 - editDistance(a, b) / Math.max([...a].length, [...b].length);
  if (!HAN.test(a) || !HAN.test(b)) return edit;
  const ca = [...new Set(a)];
  const cb = new Set(b);
  const shared = ca.filter((c) => cb.has(c)).length;
  const dice = (2 * shared) / (ca.length + cb.size);
  return Math.max(edit, dice);
}

/** The phrases of a message that could be a township name. */
function candidates(text: string): string[] {
  const out = new Set<string>([core(text)]);
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2,3})[镇乡]/g)) {
    const name = m[1] ?? '';
    out.add(name);
    out.add(name.slice(-2));
  }
  for (const m of text.matchAll(/[A-Za-z]+(?:[\s-][A-Za-z]+)?/g)) out.add(core(m[0]));
  out.delete('');
  return [...out];
}

/**
 * A township misspelt by one character ("桃园乡" for 桃源乡, "Donghuu"), when exactly one is
 * that close: typing a name nearly is saying it. Null when none or several are.
 */
export function nearTownship(text: string, townships: ExtractContext['townships']): string | null {
  const said = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/([\u4e00-\u9fff]{2})[镇乡]/g)) said.add(m[1]!);
  for (const m of text.normalize('NFKC').matchAll(/[A-Za-z]{5,}/g)) said.add(m[0].toLowerCase().replace(/(?:township|town)$/, ''));
  // "青石真石门村": the suffix typed as a homophone — the name itself must be exact.
  const exact = new Set([...text.normalize('NFKC').matchAll(/([\u4e00-\u9fff]{2})[真珍震相香箱]/g)].map((m) => m[1]!));
  const hits = townships.filter((t) =>
    [t.name, ...t.aliases, (t as { nameEn?: string }).nameEn ?? ''].some((n) => {
      const c = core(n);
      return [...said].some((w) => w.length >= 2 && c.length === w.length && editDistance(w, c) === 1 && (HAN.test(w) || c.length >= 5)) || exact.has(c);
    }),
  );
  return hits.length === 1 ? hits[0]!.name : null;
}

/**
 * Canonical names of the townships most like an unknown name ("东胡镇",
 * "xi shan"), best first, at most `max`; ties keep the config's order.
 */
export function suggestTownships(text: string, townships: ExtractContext['townships'], max = 3): string[] {
  const cands = candidates(text.normalize('NFKC'));
  const scored = townships.map((t, i) => {
    let score = 0;
    for (const name of [t.name, ...t.aliases]) {
      for (const c of cands) score = Math.max(score, similarity(c, core(name)));
    }
    return { name: t.name, score, i };
  });
  return scored
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .map((s) => s.name);
}
