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

// (The financial forms too, as written on a receipt: 壹叁柒 零叁捌捌 伍陆柒贰.)
const CN_DIGIT: Readonly<Record<string, string>> = { 零: '0', 〇: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 幺: '1', 壹: '1', 贰: '2', 貳: '2', 叁: '3', 參: '3', 肆: '4', 伍: '5', 陆: '6', 陸: '6', 柒: '7', 捌: '8', 玖: '9' };

/**
 * A phone number read out digit by digit in Chinese ("一五九 三六七八 二二零三"):
 * runs of at least seven such digits become Arabic digits, one for one, so
 * offsets hold. Shorter runs are words (三四户, 一百).
 */
export function foldChineseDigits(text: string): string {
  return text.replace(/[零〇一二两三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖](?:[\s-]?[零〇一二两三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖]){6,}/g, (run) => run.replace(/[零〇一二两三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖]/g, (c) => CN_DIGIT[c] ?? c));
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
