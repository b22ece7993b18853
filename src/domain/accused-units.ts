/**
 * Who a report against officials (category conduct) accuses, read from everything
 * the citizen wrote — the respondent, the facts and the demands — because citizens
 * name the accused anywhere, and by position as often as by unit (信访工作条例 Art. 46:
 * such a report is never made known to the accused). The units found are stored with
 * the case (`respondent_units`) and every scoped read keeps the case from them.
 *
 * The township where it happened counts as accused when
 * - any text names an official by position or as "ours" (镇长, 书记, 村主任, 镇政府的干部,
 *   我们镇, "the deputy head of our township", …: POSITION_ZH / POSITION_EN), or
 * - the respondent names no unit at all: a person's name only, or the citizen declined
 *   to say (null) — the unnamed accused is most likely local, so the citizen who names
 *   no one is kept just as safe as the one who does.
 * Units named by name or alias count from every text, except that the bodies that
 * receive such reports (the bureau, the conduct category's competent unit) count only
 * when the respondent names them: in the facts they are mostly where the citizen went
 * ("我向县纪委反映过"). Over-marking costs little — a conduct case has no automatic
 * co-handler, and the bureau can still assign one it does not accuse.
 */
import { townshipUnit, type CountyConfig } from './county/schema.ts';
import { findRespondentUnits, isConduct } from './routing.ts';

export interface PetitionText {
  category: string;
  /** The canonical township where it happened (null when unknown). */
  township: string | null | undefined;
  respondent: string | null | undefined;
  facts?: string | null | undefined;
  demands?: string | null | undefined;
}

/** Officials named by position, or "our" township's government, in Chinese. */
export const POSITION_ZH = [
  '镇长', '乡长', '副镇长', '副乡长', '镇委', '乡委', '党委', '书记', '支书', '站长', '所长', '主任', '村长', '村委', '村干部',
  '镇干部', '乡干部', '镇领导', '乡领导', '领导', '干部', '官员', '公职人员', '工作人员', '人大主席', '武装部长', '镇政府', '乡政府',
  '乡镇政府', '镇里', '乡里', '镇上', '乡上', '政府的人', '当官的', '我们镇', '我们乡', '咱们镇', '咱们乡', '咱镇', '咱乡', '俺们镇',
  '俺们乡', '俺镇', '俺乡', '我镇', '我乡', '本镇', '本乡', '我们这个镇', '我们这个乡', '街道办',
] as const;

/** The same in English (matched on word boundaries, lower case). */
export const POSITION_EN = [
  'head of the township', 'head of the town', 'head of our township', 'head of our town', 'township head', 'town head', 'deputy head',
  'mayor', 'party secretary', 'secretary', 'village head', 'village chief', 'village committee', 'village director', 'director',
  'station chief', 'station head', 'official', 'officials', 'cadre', 'cadres', 'our township', 'our town', 'our village',
  'township government', 'town government', 'township leader', 'town leader', 'local government', 'government staff',
] as const;

const EN_POSITION = new RegExp(`\\b(?:${POSITION_EN.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** Whether a text names an official by position (or "our" township's government). */
export function namesOfficialByPosition(text: string | null | undefined): boolean {
  if (!text) return false;
  return POSITION_ZH.some((w) => text.includes(w)) || EN_POSITION.test(text);
}

/** Bodies that receive reports against officials: named in the facts they are mostly where the citizen went. */
function receivingBodies(cfg: CountyConfig): Set<string> {
  const conduct = cfg.categories.find((c) => isConduct(c.code));
  return new Set([cfg.bureauUnit, ...(conduct ? [conduct.unit] : [])]);
}

/**
 * The units a conduct petition accuses (empty for any other category): see the rules
 * above. Pure; the same answer for the same text and config.
 */
export function findAccusedUnits(cfg: CountyConfig, p: PetitionText): string[] {
  if (!isConduct(p.category)) return [];
  const named = findRespondentUnits(cfg, p.respondent);
  const receiving = receivingBodies(cfg);
  const elsewhere = [p.facts, p.demands].flatMap((t) => findRespondentUnits(cfg, t)).filter((u) => !receiving.has(u));
  const found = new Set([...named, ...elsewhere]);
  const township = cfg.townships.find((t) => t.name === p.township);
  const byPosition = [p.respondent, p.facts, p.demands].some(namesOfficialByPosition);
  if (township && (byPosition || named.length === 0)) found.add(townshipUnit(township.name));
  return [...found];
}

/** Accused units of a case: those recorded at filing and those its texts name now (rules may have grown since). */
export function accusedUnitsOf(cfg: CountyConfig, c: PetitionText & { respondentUnits: readonly string[] }): Set<string> {
  if (!isConduct(c.category)) return new Set();
  return new Set([...c.respondentUnits, ...findAccusedUnits(cfg, c)]);
}
