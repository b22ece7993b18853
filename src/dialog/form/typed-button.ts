/**
 * Typing a button's label is pressing it: exactly, or nearly (a typo, a missing
 * character, other punctuation, traditional characters are folded by the
 * caller's readers). Many citizens type rather than press.
 */
import { editDistance } from '../../nlu/extractors/township-suggest.ts';
import type { Button } from '../types.ts';

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}"'“”‘’「」『』]/gu, '')
    .replace(/^(?:我要|我想|请|请帮我|帮我|please|pls)/, '')
    .replace(/(?:吧|啊|呀|了|哈|嘛|please|pls)$/u, '');

/** The button whose label the text is (or nearly is), or null. */
export function typedButton(text: string, offered: readonly Button[] | undefined): Button | null {
  if (!offered || offered.length === 0) return null;
  const t = fold(text);
  if (!t) return null;
  let best: { button: Button; d: number } | null = null;
  for (const b of offered) {
    const label = fold(b.label);
    if (!label) continue;
    if (label === t) return b;
    const len = [...label].length;
    // One slip in a short label, two in a long one; never for a label of two characters.
    const allowed = len >= 8 ? 2 : len >= 4 ? 1 : 0;
    if (allowed === 0 || Math.abs([...t].length - len) > allowed) continue;
    const d = editDistance(t, label);
    if (d <= allowed && (!best || d < best.d)) best = { button: b, d };
  }
  return best?.button ?? null;
}
