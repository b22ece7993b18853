/** Text helpers shared by the extractors. */

/**
 * Folds full-width ASCII variants (U+FF01–FF5E) and the ideographic space to
 * ASCII. Each is one UTF-16 unit, so offsets in the folded text are offsets in
 * the original: extractors match on the folded text and report original spans.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export interface Span {
  start: number;
  end: number;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Keeps a non-overlapping subset: lower rank first, then the longer span, then
 * the earlier one. Returned in text order.
 */
export function pickNonOverlapping<T extends Span>(items: readonly T[], rank: (item: T) => number = () => 0): T[] {
  const ordered = [...items].sort(
    (a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const item of ordered) {
    if (!kept.some((k) => overlaps(k, item))) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** All matches of a global regex (lastIndex reset, zero-length matches skipped). */
export function matchAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    else out.push(m);
  }
  return out;
}
