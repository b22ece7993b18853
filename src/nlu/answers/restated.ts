/**
 * A slip taken back in the same breath keeps only what follows it: "村会计，哦不对，是村主任" →
 * "村主任", "六户…哦不对 是六个人" → "六个人", "the school, I mean the bureau" → "the bureau".
 * Shared by the readers of counts and the dialogue's readers of names and whom.
 */
const RESTATED =
  /(?:^|[，,。；;…\s\-—])(?:(?:哦|噢|啊|呃)?(?:不对|(?:说|打|写|输)错了)[，,…\s]*(?:应该)?是?|(?:no,?\s*)?(?:wait|sorry),?\s*(?:I mean|it'?s)\s+|,?\s*I mean\s+|no,?\s*wait[,.!]?\s*(?:it'?s\s+)?|oops,?\s*(?:it'?s\s+)?)/gi;

/** Where what is said after the last slip taken back starts (0 when nothing was taken back). */
export function restatedFrom(text: string): number {
  let last = 0;
  for (const m of text.matchAll(RESTATED)) if (m.index + m[0].length < text.length) last = m.index + m[0].length;
  return last;
}

export function restated(text: string): string {
  const from = restatedFrom(text);
  return from === 0 ? text : text.slice(from).trim();
}
