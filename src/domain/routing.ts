/**
 * Routing by 谁主管、谁负责 and 属地管理: the category's competent unit handles the
 * case; the township where it happens is the co-handler. A report against officials
 * (category conduct) never goes to a unit or township it accuses, and never gets an
 * automatic township co-handler: the accused is often the township itself, named by
 * position ("镇长") rather than by name, so the bureau assigns a co-handler by hand
 * when one is wanted (assign-co-handler.ts).
 */
import { townshipUnit, type CountyConfig } from './county/schema.ts';

export interface RoutingInput {
  category: string;
  township: string | null | undefined;
  /** Units the petition accuses (see findAccusedUnits in accused-units.ts). */
  respondentUnits: readonly string[];
}

export interface Routing {
  unit: string;
  coUnit: string | null;
}

export function routeCase(cfg: CountyConfig, input: RoutingInput): Routing {
  const category = cfg.categories.find((c) => c.code === input.category) ??
    cfg.categories.find((c) => c.code === cfg.fallbackCategory)!;
  const accused = new Set(input.respondentUnits);
  let unit = category.unit;
  // The competent unit itself accused: the bureau takes it (it never goes to the accused).
  if (isConduct(category.code) && accused.has(unit)) unit = cfg.bureauUnit;
  // A report against officials: no automatic co-handler.
  if (isConduct(category.code)) return { unit, coUnit: null };
  // Only a canonical township of the county has a government to co-handle.
  const township = cfg.townships.find((t) => t.name === input.township);
  let coUnit: string | null = township ? townshipUnit(township.name) : null;
  if (coUnit === unit) coUnit = null;
  return { unit, coUnit };
}

export const isConduct = (category: string) => category === 'conduct';

/**
 * Units that a respondent text names: a unit by its name, short name or alias
 * (县自然资源局, 自然资源局, 国土局, 纪委, its English name) or a township by name or alias
 * (its government). Longest matches win and spans do not overlap, so 县城市管理局
 * names the urban management bureau and not the township whose alias is 县城.
 */
export function findRespondentUnits(cfg: CountyConfig, respondent: string | null | undefined): string[] {
  if (!respondent) return [];
  const text = respondent.toLowerCase();
  const terms: { unit: string; term: string }[] = [];
  for (const u of cfg.units) {
    const short = u.nameZh.replace(/^县/, '');
    const en = u.nameEn.toLowerCase().replace(/^county /, '');
    for (const term of [u.nameZh, short.length >= 3 ? short : '', en, ...u.aliases.map((a) => a.toLowerCase())]) {
      if (term) terms.push({ unit: u.code, term });
    }
  }
  for (const t of cfg.townships) {
    for (const n of [t.name, ...t.aliases]) terms.push({ unit: townshipUnit(t.name), term: n.toLowerCase() });
  }
  terms.sort((a, b) => b.term.length - a.term.length);
  const taken: boolean[] = new Array(text.length).fill(false);
  const found = new Set<string>();
  for (const { unit, term } of terms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      if (taken.slice(at, at + term.length).some(Boolean)) continue;
      taken.fill(true, at, at + term.length);
      found.add(unit);
    }
  }
  return [...found];
}
