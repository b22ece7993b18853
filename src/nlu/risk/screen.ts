/**
 * Early-warning risk screening of a citizen's message: self-harm, violence,
 * threats, blocking roads or offices, mass gathering, going to the capital to
 * petition (alone or as a group). Our own high-precision lexicon decides; the classifier trained on the
 * labelled set may add a category only when it is confident, a cue word of that
 * category is present and nothing in the message was negated, asked as a
 * question about the rules, or defused as a harmless mention (someone else's
 * death, a road blocked by other people's trucks). Anger and group size alone
 * never fire.
 *
 * Tried and rejected: letting the classifier fire without a cue at p ≥ 0.99. It
 * was right on the held-out sets, but "村民准备去公司讨说法" (a lawful visit to the
 * employer) came out gathering at 0.998: naive Bayes is over-confident on short
 * texts, so the cue stays mandatory.
 */
import { trainRiskClassifier, type RiskClassifier } from './classifier.ts';
import { loadRiskSet, type RiskExample, type RiskLocale } from './data.ts';
import { DEFUSERS, INNER_NEGATION, LEXICON, NEGATION, RISK_CATEGORIES, RULES_QUESTION, type RiskCategory } from './lexicon.ts';
import { clauses, normalizeForRisk } from './normalize.ts';

export { RISK_CATEGORIES, type RiskCategory };

export interface RiskResult {
  level: 'none' | 'risk';
  categories: RiskCategory[];
  selfHarm: boolean;
}

export const NO_RISK: RiskResult = Object.freeze({ level: 'none', categories: [], selfHarm: false }) as RiskResult;

/** The classifier must be at least this sure, and a cue of its category present. */
const CLASSIFIER_MIN_P = 0.9;

/** Patterns of these categories start with their subject ("我们…去北京"): a negation may sit inside the match. */
const INNER_CATEGORIES: ReadonlySet<RiskCategory> = new Set(['blocking', 'gathering', 'capital']);

/** Cue words (including the euphemisms the lexicon knows) without which the classifier may not add a category. */
const CUES: Readonly<Record<RiskLocale, Readonly<Record<RiskCategory, RegExp>>>> = {
  zh: {
    self_harm: /死|跳|药|活|吊|焚|割|轻生|绳|了断|收尸|后事|绝食|饿/u,
    violence: /刀|砍|杀|打|烧|炸|拼|撞|揍|捅|血|命|砸|锤|汽油|点了|灰/u,
    threat: /等着|后果|代价|报复|人命|小心|当心|找上门|知道|提醒|警告|好看|掂量|道上|没完/u,
    blocking: /堵|拦|封|挡|卧|围|锁|躺|出口/u,
    gathering: /一起|集体|组织|大家|聚|都去|都到|号人|越多/u,
    capital: /北京|京|中央|首都|北经|截/u,
  },
  en: {
    self_harm: /\b(?:die|dead|death|live|living|jump|pills|poison|pesticide|suicid\w*|myself|himself|herself|news|goodbyes?|body|bridge|roof|waking|starv\w*|hunger)\b/,
    violence: /\b(?:kill|knife|beat|burn|blow|stab|shoot|smash|attack|fight|petrol|axe|punch|slap|kick|hammer|machete|shotgun|gun|ram|windows?|windshields?)\b/,
    threat: /\b(?:regret|pay|revenge|know where|watch|blame|warned|see what|careful|address|plate|forever|sorry|end well|idea who|happen)\b/,
    blocking: /\bblock\w*|\bbarricade|\btracks\b|\bsurround|\b(?:park\w*|chain\w*|padlock\w*|weld\w*|across|in front of)\b/,
    gathering: /\b(?:together|all|everyone|organis\w*|organiz\w*|gather\w*|hundreds?|march\w*|collective)\b/,
    capital: /\b(?:beijing|bejing|peking|capital|central)\b/,
  },
};

export interface RiskScreen {
  screen(text: string): RiskResult;
}

interface LexiconVerdict {
  hits: Set<RiskCategory>;
  /** Something matched but was negated or asked about: the classifier must not overrule it. */
  vetoed: boolean;
}

function lexiconVerdict(normalized: string, locale: RiskLocale): LexiconVerdict {
  const hits = new Set<RiskCategory>();
  let vetoed = false;
  for (const clause of clauses(normalized)) {
    const rulesQuestion = RULES_QUESTION[locale].test(clause);
    for (const cat of RISK_CATEGORIES) {
      if (DEFUSERS[locale][cat]?.test(clause)) {
        vetoed = true;
        continue;
      }
      for (const re of LEXICON[locale][cat]) {
        const m = re.exec(clause);
        if (!m) continue;
        const before = clause.slice(0, m.index);
        const negated = NEGATION[locale].test(before) || (INNER_CATEGORIES.has(cat) && INNER_NEGATION[locale].test(m[0]));
        if (negated || rulesQuestion) vetoed = true;
        else hits.add(cat);
      }
    }
  }
  return { hits, vetoed };
}

const localesOf = (normalized: string): RiskLocale[] => {
  const out: RiskLocale[] = [];
  if (/\p{Script=Han}/u.test(normalized)) out.push('zh');
  if (/[a-z]{2,}/.test(normalized)) out.push('en');
  return out;
};

export function createRiskScreen(examples: readonly RiskExample[]): RiskScreen {
  const classifiers: Record<RiskLocale, RiskClassifier> = {
    zh: trainRiskClassifier(examples.filter((e) => e.locale === 'zh').map((e) => ({ label: e.label, text: normalizeForRisk(e.text) }))),
    en: trainRiskClassifier(examples.filter((e) => e.locale === 'en').map((e) => ({ label: e.label, text: normalizeForRisk(e.text) }))),
  };
  return {
    screen(text) {
      const normalized = normalizeForRisk(text);
      if (!normalized) return NO_RISK;
      const found = new Set<RiskCategory>();
      for (const locale of localesOf(normalized)) {
        const { hits, vetoed } = lexiconVerdict(normalized, locale);
        hits.forEach((c) => found.add(c));
        if (vetoed || hits.size > 0) continue;
        const [top] = classifiers[locale].classify(normalized);
        const cat = RISK_CATEGORIES.find((c) => c === top?.label);
        if (top && cat && top.p >= CLASSIFIER_MIN_P && CUES[locale][cat].test(normalized)) found.add(cat);
      }
      if (found.size === 0) return NO_RISK;
      const categories = RISK_CATEGORIES.filter((c) => found.has(c));
      return { level: 'risk', categories, selfHarm: found.has('self_harm') };
    },
  };
}

let shared: RiskScreen | null = null;

/** Screens with the classifier trained on the full labelled set (trained once, on first use). */
export function screenRisk(text: string | null | undefined): RiskResult {
  if (!text?.trim()) return NO_RISK;
  shared ??= createRiskScreen(loadRiskSet());
  return shared.screen(text);
}
