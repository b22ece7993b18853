/**
 * Routing by 谁主管、谁负责 and 属地管理: the category's competent unit handles the
 * case; the township where it happens is the co-handler. A report against officials
 * (category conduct) never goes to a unit or township named as its respondent.
 */
import { townshipUnit, type CountyConfig } from './county/schema.ts';

export interface RoutingInput {
  category: string;
  township: string | null | undefined;
  /** Units named as respondent (see findRespondentUnits). */
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
  let coUnit: string | null = input.township ? townshipUnit(input.township) : null;
  if (coUnit && (coUnit === unit || (isConduct(category.code) && accused.has(coUnit)))) coUnit = null;
  return { unit, coUnit };
}

export const isConduct = (category: string) => category === 'conduct';

/**
 * Units that a respondent text names: a unit by its name (县自然资源局, 自然资源局,
 * its English name) or a township by name or alias (its government).
 */
export function findRespondentUnits(cfg: CountyConfig, respondent: string | null | undefined): string[] {
  if (!respondent) return [];
  const text = respondent.toLowerCase();
  const found = new Set<string>();
  for (const u of cfg.units) {
    const short = u.nameZh.replace(/^县/, '');
    const en = u.nameEn.toLowerCase().replace(/^county /, '');
    if (text.includes(u.nameZh) || (short.length >= 3 && text.includes(short)) || text.includes(en)) found.add(u.code);
  }
  for (const t of cfg.townships) {
    if ([t.name, ...t.aliases].some((n) => text.includes(n.toLowerCase()))) found.add(townshipUnit(t.name));
  }
  return [...found];
}
