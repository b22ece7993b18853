/**
 * Infers the category (and so the competent unit) from what the citizen wrote, by
 * the config's keywords per category. The guess is shown in the summary for the
 * citizen to confirm; a tie or no hit means we ask.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';

export function categoryScores(text: string, county: CountyConfig): { code: string; score: number }[] {
  const lower = text.toLowerCase();
  return county.categories
    .map((c) => {
      let score = 0;
      for (const k of [...c.keywords.zh, ...c.keywords.en]) {
        const key = k.toLowerCase();
        if (key && lower.includes(key)) score += key.length >= 3 ? 2 : 1;
      }
      return { code: c.code, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

export function inferCategory(text: string, county: CountyConfig): string | null {
  const [first, second] = categoryScores(text, county);
  if (!first) return null;
  if (second && second.score === first.score) return null;
  return first.code;
}

/** A category chosen by name in an answer ("土地", "环境污染", "wages"), or null. */
export function categoryFromAnswer(text: string, county: CountyConfig): string | null {
  const t = text.trim().toLowerCase();
  const byName = county.categories.find(
    (c) => c.code === t || c.nameEn.toLowerCase() === t || c.nameZh.split(/[ (（]/)[0] === text.trim() || (c.nameZh.includes(text.trim()) && text.trim().length >= 2),
  );
  return byName?.code ?? inferCategory(text, county);
}
