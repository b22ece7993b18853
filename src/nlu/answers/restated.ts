/**
 * A slip taken back in the same breath keeps only what follows it: "村会计，哦不对，是村主任" →
 * "村主任", "六户…哦不对 是六个人" → "六个人", "the school, I mean the bureau" → "the bureau".
 * Shared by the readers of counts and the dialogue's readers of names and whom.
 */
const RESTATED = /(?:^|[，,。；;…\s])(?:(?:哦|噢|啊|呃)?不对[，,…\s]*(?:应该)?是?|说错了[，,\s]*(?:应该)?是?|(?:no,?\s*)?(?:wait|sorry),?\s*(?:I mean|it'?s)\s+|,?\s*I mean\s+)/gi;

export function restated(text: string): string {
  let last = -1;
  for (const m of text.matchAll(RESTATED)) if (m.index + m[0].length < text.length) last = m.index + m[0].length;
  return last < 0 ? text : text.slice(last).trim();
}
