import { foldWidth, pickNonOverlapping } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';

export { suggestTownships } from './township-suggest.ts';

type Townships = ExtractContext['townships'];

interface Matcher {
  canonical: string;
  /** Chinese name or alias, matched as a substring. */
  zh?: string;
  /** Latin alias, matched case-insensitively on word boundaries. */
  re?: RegExp;
}

/**
 * Everyday words that contain a short alias but name no township ("黄河口" is a
 * river mouth, "世外桃源" an idiom). Deliberately small: a longer list would
 * start hiding real mentions; the dialogue confirms the township anyway.
 */
const NOT_TOWNSHIP = ['黄河口', '长江口', '入河口', '出河口', '入海口', '世外桃源', '青石板', '青石头'];

const cache = new WeakMap<Townships, Matcher[]>();

function matchersFor(townships: Townships): Matcher[] {
  const hit = cache.get(townships);
  if (hit) return hit;
  const out: Matcher[] = [];
  for (const t of townships) {
    for (const name of new Set([t.name, ...t.aliases])) {
      if (/^[A-Za-z][A-Za-z\s-]*$/.test(name)) {
        // "Xishan" also matches "Xi Shan", "xi-shan"; an optional "town(ship)" joins the span.
        const letters = [...name.replace(/[\s-]/g, '')].join('[\\s-]?');
        out.push({ canonical: t.name, re: new RegExp(`\\b${letters}(?:\\s+town(?:ship)?)?\\b`, 'gi') });
      } else {
        out.push({ canonical: t.name, zh: name });
      }
    }
  }
  cache.set(townships, out);
  return out;
}

/** Starts of every occurrence of the stop words, as spans. */
function stopSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const w of NOT_TOWNSHIP) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) spans.push({ start: i, end: i + w.length });
  }
  return spans;
}

/**
 * Townships by canonical name or alias; value = the canonical name. The longest
 * match wins (城关镇 over 城关); a following 镇/乡 joins a bare alias's span.
 */
export function extractTownship(text: string, ctx: ExtractContext): Entity[] {
  const folded = foldWidth(text);
  const stops = stopSpans(folded);
  const found: Entity[] = [];
  const add = (canonical: string, start: number, end: number) => {
    if (stops.some((s) => s.start <= start && end <= s.end)) return;
    found.push({ type: 'township', value: canonical, start, end });
  };
  for (const m of matchersFor(ctx.townships)) {
    if (m.zh) {
      for (let i = folded.indexOf(m.zh); i >= 0; i = folded.indexOf(m.zh, i + 1)) {
        const end = i + m.zh.length;
        const suffix = /[镇乡]$/.test(m.zh) ? 0 : /^[镇乡]/.test(folded.slice(end)) ? 1 : 0;
        add(m.canonical, i, end + suffix);
      }
    } else if (m.re) {
      m.re.lastIndex = 0;
      for (let r = m.re.exec(folded); r; r = m.re.exec(folded)) add(m.canonical, r.index, r.index + r[0].length);
    }
  }
  return pickNonOverlapping(found);
}
