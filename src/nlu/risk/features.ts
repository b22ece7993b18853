/**
 * A message → the features the risk model weighs, per clause:
 * - the components of a threat (components.ts) and the harmless-mention cues;
 * - the hits of the old phrase lexicon (lexicon.ts), one feature per category;
 * - the words: Chinese character n-grams (or Jieba words), English words and word pairs;
 * - pairs of components present together ("poison + ultimatum").
 *
 * The negation and harmless-mention rules mark rather than delete: a component or
 * lexicon hit after a negation in its clause becomes `¬…` ("我不会去跳楼"), in a
 * clause that asks about the rules `?…` ("堵路违法吗"), in a clause the lexicon's
 * defusers call harmless for its category `~…` ("邻居跳河了", "trucks block the
 * road", "去北京看病"); words after a negation or in such a clause carry the same
 * mark. A marked feature is a different feature, so it carries no risk weight unless
 * the corpus teaches one; only unmarked components and hits are evidence of a kind
 * (`evidence`, which bounds the kinds a verdict may name).
 *
 * A harmless cue (components.ts) marks the components and lexicon hits it speaks for
 * in its clause; some speak for a neighbouring clause too: words taken back, "just
 * asking", a denial, a lawful return or visit speak for the clause before them ("拉横幅
 * 那句别写上去 我就问问"), a complaint through the proper channel for the clause after
 * it ("我要投诉那个工作人员，他的工号我记下了"), and a short question about the rules
 * for both ("去北京上访 会怎么样"). A lawful visit or its papers do not count when the
 * message names a crowd or a trip above the county. Then `e:weak` and `e:short` say how
 * much evidence the whole holds (combineClauses).
 */
import { BACKWARD_HARMLESS, COMPONENT_CATEGORIES, MESSAGE_HARMLESS, MESSAGE_HARMLESS_GUARD, CORE_COMPONENTS, FORWARD_HARMLESS, COMPONENT_PATTERNS, HARMLESS_LEXICON_MASKS, HARMLESS_MASKS, HARMLESS_PATTERNS, PLAN, RISK_COMPONENTS, HARMLESS_COMPONENTS, UNPLANNED_ONLY, type HarmlessComponent, type RiskComponent, type RiskLocale } from './components.ts';
import { DEFUSERS, INNER_NEGATION, LEXICON, NEGATION, RISK_CATEGORIES, RULES_QUESTION, type RiskCategory } from './lexicon.ts';
import { normalizeForRisk } from './normalize.ts';

export type Segmenter = (han: string) => string[];

export interface FeatureOptions {
  /** Chinese words: character uni+bigrams (default), uni+bi+trigrams, a segmenter's words, or none. */
  zhWords?: 'char12' | 'char123' | 'none' | Segmenter;
  /** English words: single words and word pairs (default), single words only, or none. */
  enWords?: 'uni' | 'unibi' | 'none';
  components?: boolean;
  lexicon?: boolean;
  /** Mark words and components after a negation / in a rules question / in a defused clause. */
  marking?: boolean;
}

export interface RiskFeatures {
  features: string[];
  /** Unmarked component and lexicon evidence, by category: what a verdict can name. */
  evidence: Set<RiskCategory>;
  /** Categories of the lexicon's unmarked hits. */
  lexiconHits: Set<RiskCategory>;
  /** An unmarked lexicon hit or core component (a means, an act, a farewell, a warning, an occupation, a crowd, organising, a trip above the county). */
  strong: boolean;
  /** Chinese characters and English words read. */
  size: number;
}

/** A text of at most this many Chinese characters or English words is short: "跳过", "goodbye", "算了 不说了". */
export const SHORT_TEXT = 4;

/** Screens at most this many characters: a longer text is cut (its head and tail kept), so cost stays bounded. */
export const MAX_SCREENED = 6000;

/** Where a negation starts in a clause: what follows it is marked. "别想" and "别怪" are threats, not negations. */
const NEG_CUE: Readonly<Record<RiskLocale, RegExp>> = {
  zh: /不会|不要|不想(?!活)|不准备|不打算|没打算|没想|绝不|(?<!解)决不|并不|不可能|不是(?:要|去)|别(?!想|怪|说我没|找我|后悔)|放心|从没|从来没|没有要|没说要|不去|没去/u,
  en: /\b(?:not|never|wont|dont|wouldnt|cant|cannot|isnt|arent|didnt)\b/,
};

const HAN = /\p{Script=Han}/u;

interface Clause {
  text: string;
  question: boolean;
}

/**
 * Clauses end at punctuation, and in Chinese at a space: chat messages are often
 * typed without punctuation ("拉横幅那句别写上去 我就问问", "4115… 会不会被报复").
 * "but", 但是 and 可是 also start a clause (riskClauses): "they stopped me once but i
 * will get there" is a past and a plan.
 */
function splitClauses(normalized: string): Clause[] {
  const out: Clause[] = [];
  const re = /((?:[^，。！？；、,.!?;\n ]| (?![\p{Script=Han}\d])|(?<![\p{Script=Han}\d]) )+)([，。！？；、,.!?;\n ]*)/gu;
  for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
    const text = m[1]!.trim();
    if (text) out.push({ text, question: /[?？]/u.test(m[2]!) });
  }
  return out;
}

export function localesOf(normalized: string): RiskLocale[] {
  const out: RiskLocale[] = [];
  if (HAN.test(normalized)) out.push('zh');
  if (/[a-z]{2,}/.test(normalized)) out.push('en');
  return out;
}

function zhWords(text: string, mode: NonNullable<FeatureOptions['zhWords']>, out: (t: string) => void): void {
  if (mode === 'none') return;
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    if (typeof mode === 'function') {
      for (const w of mode(run)) out(w);
      continue;
    }
    const cs = [...run];
    for (let i = 0; i < cs.length; i++) {
      out(cs[i]!);
      if (i + 1 < cs.length) out(cs[i]! + cs[i + 1]!);
      if (mode === 'char123' && i + 2 < cs.length) out(cs[i]! + cs[i + 1]! + cs[i + 2]!);
    }
  }
  if (/\d/.test(text)) out(/\d{2}/.test(text) ? 'NUM2' : 'NUM1');
}

function enWords(text: string, mode: NonNullable<FeatureOptions['enWords']>, out: (t: string) => void): void {
  if (mode === 'none') return;
  const ws = text.match(/[a-z]+|\d+/g) ?? [];
  for (let i = 0; i < ws.length; i++) {
    const w = /^\d+$/.test(ws[i]!) ? (ws[i]!.length >= 2 ? 'NUM2' : 'NUM1') : ws[i]!;
    out(w);
    if (mode === 'unibi' && i + 1 < ws.length) out(`${w}_${ws[i + 1]}`);
  }
}

/** The mark of a match at `index` in a clause: '' (counts), '?', '~' or '¬'. */
function markOf(clause: string, index: number, locale: RiskLocale, rulesQuestion: boolean, defused: boolean, innerText?: string): string {
  if (rulesQuestion) return '?';
  if (defused) return '~';
  if (NEGATION[locale].test(clause.slice(0, index))) return '¬';
  if (innerText !== undefined && INNER_NEGATION[locale].test(innerText)) return '¬';
  return '';
}

/** Patterns of these categories start with their subject ("我们…去北京"): a negation may sit inside the match. */
const INNER_CATEGORIES: ReadonlySet<RiskCategory> = new Set(['blocking', 'gathering', 'capital']);

/** One clause's features (both languages when it mixes them). */
export interface ClauseFeatures {
  features: string[];
  positives: RiskComponent[];
  evidence: RiskCategory[];
  lexiconHits: RiskCategory[];
  size: number;
}

/** Chinese characters and English words. */
const sizeOf = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length + (text.match(/[a-z]+/g) ?? []).length;

/** The harmless cues of a clause. */
function harmlessOf(text: string, locale: RiskLocale): HarmlessComponent[] {
  return HARMLESS_COMPONENTS.filter((h) => !MESSAGE_HARMLESS.has(h) && HARMLESS_PATTERNS[locale][h].test(text));
}

/**
 * The message-wide cues (components.ts) a whole message holds: its cue and what the cue needs
 * somewhere in it, and no guarded component or lexicon hit anywhere — "他开公车送儿子上学，我知道
 * 他儿子在哪上学，让他小心点" is still a warning.
 */
function messageHarmlessOf(normalized: string, locale: RiskLocale): HarmlessComponent[] {
  const threat = () => MESSAGE_HARMLESS_GUARD.some((k) => COMPONENT_PATTERNS[locale][k].test(normalized)) || RISK_CATEGORIES.some((cat) => LEXICON[locale][cat].some((re) => re.test(normalized)));
  return [...MESSAGE_HARMLESS].filter(([h, needs]) => HARMLESS_PATTERNS[locale][h].test(normalized) && needs[locale].test(normalized)).map(([h]) => h).filter(() => !threat());
}

/**
 * `cues`: the clause's harmless cues, and the backward ones of the clause after it;
 * `asked`: a short clause before or after it asks about the rules ("带着汽油去要是他们
 * 不管就点了 会怎么样", "去北京上访 行不行", "请问，…").
 */
function clauseFeatures(c: Clause, locale: RiskLocale, o: Required<FeatureOptions>, cues: readonly HarmlessComponent[], asked: boolean, out: ClauseFeatures): void {
  const add = (f: string) => out.features.push(f);
  const rulesQuestion = asked || RULES_QUESTION[locale].test(c.text);
  const defused = new Set<RiskCategory>(RISK_CATEGORIES.filter((cat) => DEFUSERS[locale][cat]?.test(c.text)));
  if (o.components && o.marking) {
    for (const h of cues) {
      const m = HARMLESS_LEXICON_MASKS[h];
      (m === 'all' ? RISK_CATEGORIES : m).forEach((cat) => defused.add(cat));
    }
  }
  if (o.components) {
    const masked = new Set<RiskComponent>();
    for (const h of cues) {
      add(`h:${h}`);
      const m = HARMLESS_MASKS[h];
      (m === 'all' ? RISK_COMPONENTS : m).forEach((k) => masked.add(k));
    }
    if (c.question) add('h:question');
    for (const k of RISK_COMPONENTS) {
      const m = COMPONENT_PATTERNS[locale][k].exec(c.text);
      if (!m) continue;
      const harmless = masked.has(k) || COMPONENT_CATEGORIES[k].some((cat) => defused.has(cat));
      const mark = o.marking ? markOf(c.text, m.index, locale, rulesQuestion, harmless) : '';
      add(`c:${mark}${k}`);
      if (mark === '') {
        out.positives.push(k);
        out.evidence.push(...COMPONENT_CATEGORIES[k]);
      }
    }
  }
  if (o.lexicon) {
    for (const cat of RISK_CATEGORIES) {
      for (const re of LEXICON[locale][cat]) {
        const m = re.exec(c.text);
        if (!m) continue;
        const mark = markOf(c.text, m.index, locale, rulesQuestion, defused.has(cat), INNER_CATEGORIES.has(cat) ? m[0] : undefined);
        add(`l:${mark}${cat}`);
        if (mark === '') {
          out.lexiconHits.push(cat);
          out.evidence.push(cat);
        }
        break;
      }
    }
  }
  const neg = o.marking ? NEG_CUE[locale].exec(c.text) : null;
  const clauseMark = !o.marking ? '' : rulesQuestion ? '?' : defused.size > 0 ? '~' : '';
  const words = (text: string, mark: string) => {
    const emit = (t: string) => add(`${mark}${t}`);
    if (locale === 'zh') zhWords(text, o.zhWords, emit);
    else enWords(text, o.enWords, emit);
  };
  if (neg && !clauseMark) {
    words(c.text.slice(0, neg.index), '');
    words(c.text.slice(neg.index), '¬');
  } else words(c.text, clauseMark);
}

const DEFAULTS: Required<FeatureOptions> = { zhWords: 'char12', enWords: 'unibi', components: true, lexicon: true, marking: true };

/** Cuts an overlong text to its head and tail: a threat at the end of a long message is still read. */
function bounded(text: string): string {
  return text.length <= MAX_SCREENED ? text : `${text.slice(0, MAX_SCREENED / 2)}。${text.slice(-MAX_SCREENED / 2)}`;
}

/** Each clause's features, in order: a window of clauses is scored like a short message (model.ts). */
export function riskClauses(text: string, options: FeatureOptions = {}): ClauseFeatures[] {
  const o = { ...DEFAULTS, ...options };
  const normalized = normalizeForRisk(bounded(text));
  const locales = localesOf(normalized);
  const clauses = splitClauses(normalized.replace(/ but /g, ', but ').replace(/(?<=\p{Script=Han})(但是|可是)/gu, '，$1'));
  // A lawful visit by a crowd is still a gathering, and papers handed in in Beijing are a petition
  // there: the cues of a visit and its papers do not count when the message names a crowd or a
  // trip above the county.
  const beyond = new Set(locales.filter((l) => COMPONENT_PATTERNS[l].crowd.test(normalized) || COMPONENT_PATTERNS[l].above.test(normalized)));
  // An office visited in vain or the households who signed are a past petition only in a message that
  // plans nothing and occupies nothing (UNPLANNED_ONLY); a visit in vain, also only without a crowd.
  const planned = new Set(locales.filter((l) => PLAN[l].test(normalized) || COMPONENT_PATTERNS[l].occupy.test(normalized)));
  const dropped = (h: HarmlessComponent, l: RiskLocale) =>
    (beyond.has(l) && (h === 'lawfulVisit' || h === 'paperwork' || h === 'rebuffed')) || (planned.has(l) && UNPLANNED_ONLY.has(h));
  const wide = new Map(locales.map((l) => [l, messageHarmlessOf(normalized, l)]));
  const own = clauses.map((c) => new Map(locales.map((l) => [l, [...harmlessOf(c.text, l).filter((h) => !dropped(h, l)), ...wide.get(l)!]])));
  return clauses.flatMap((c, i) => {
    const out: ClauseFeatures = { features: [], positives: [], evidence: [], lexiconHits: [], size: sizeOf(c.text) };
    for (const locale of locales) {
      if (!(locale === 'zh' ? HAN.test(c.text) : /[a-z]{2,}/.test(c.text))) continue;
      const next = (own[i + 1]?.get(locale) ?? []).filter((h) => BACKWARD_HARMLESS.has(h));
      const previous = (own[i - 1]?.get(locale) ?? []).filter((h) => FORWARD_HARMLESS.has(h));
      const cues = [...new Set([...own[i]!.get(locale)!, ...next, ...previous])];
      // A short question about the rules speaks for its neighbour: "去北京上访 会怎么样", "请问，…".
      const asks = (k: number) => clauses[k] !== undefined && sizeOf(clauses[k]!.text) <= 10 && RULES_QUESTION[locale].test(clauses[k]!.text);
      clauseFeatures(c, locale, o, cues, asks(i + 1) || asks(i - 1), out);
    }
    return out.features.length > 0 ? [out] : [];
  });
}

/**
 * The features of clauses taken together: their union, the pairs of components
 * present, and how much evidence there is: `e:weak` when no lexicon hit or core
 * component stands unmarked (only words, a place, "we", "tomorrow"), `e:short` for a
 * short text. The model learns what they weigh; the screen also bounds the level a
 * weak or short text can reach (screen.ts).
 */
export function combineClauses(clauses: readonly ClauseFeatures[]): RiskFeatures {
  const features = new Set<string>();
  const positives = new Set<RiskComponent>();
  const acc: RiskFeatures = { features: [], evidence: new Set(), lexiconHits: new Set(), strong: false, size: 0 };
  for (const c of clauses) {
    c.features.forEach((f) => features.add(f));
    c.positives.forEach((k) => positives.add(k));
    c.evidence.forEach((k) => acc.evidence.add(k));
    c.lexiconHits.forEach((k) => acc.lexiconHits.add(k));
    acc.size += c.size;
  }
  const ps = RISK_COMPONENTS.filter((k) => positives.has(k));
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) features.add(`x:${ps[i]}+${ps[j]}`);
  acc.strong = acc.lexiconHits.size > 0 || ps.some((k) => CORE_COMPONENTS.has(k));
  if (!acc.strong) features.add('e:weak');
  if (acc.size <= SHORT_TEXT) features.add('e:short');
  acc.features = [...features];
  return acc;
}

export function riskFeatures(text: string, options: FeatureOptions = {}): RiskFeatures {
  return combineClauses(riskClauses(text, options));
}
