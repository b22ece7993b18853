/**
 * Chinese-aware text similarity for spotting repeat and related petitions.
 * Pure: normalise (NFKC, lower case, no punctuation or redaction placeholders),
 * tokens = Chinese character bigrams + Latin words/numbers, cosine over term frequencies.
 */

/** Placeholders the intake puts in place of personal data, e.g. [电话], 【身份证】, <phone>. */
const PLACEHOLDER = /[[【<＜(（][^\]】>＞)）]{1,12}[\]】>＞)）]/gu;
const HAN = /\p{Script=Han}/u;

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PLACEHOLDER, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Chinese character bigrams (a lone character stays a unigram) and Latin/digit words. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of normaliseText(text).split(' ')) {
    if (!run) continue;
    // Split each run into Han and non-Han stretches.
    for (const part of run.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      if (HAN.test(part)) {
        const chars = [...part];
        if (chars.length === 1) out.push(chars[0]!);
        for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      } else {
        out.push(part);
      }
    }
  }
  return out;
}

function termFrequencies(ts: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Cosine similarity of the two texts' term frequencies, 0..1 (0 when either is empty). */
export function textSimilarity(a: string, b: string): number {
  const ta = termFrequencies(tokens(a));
  const tb = termFrequencies(tokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let dot = 0;
  for (const [t, n] of ta) dot += n * (tb.get(t) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  return Math.min(1, dot / (norm(ta) * norm(tb)));
}
