/**
 * The kind of matter, from an answer or a whole story: a category named
 * outright, an official's misconduct (always `conduct`, whatever else the words
 * hold), the trained reader, the county's keywords.
 */
import type { CountyConfig } from '../../../domain/county/schema.ts';
import type { Readers } from '../../../nlu/nlu.ts';

/** Words that only an official's misconduct is called: conduct whoever else the words name. */
const CONDUCT_ONLY = /受贿|索贿|要好处|吃拿卡要|以权谋私|滥用职权|贪污|贪腐|优亲厚友|好处费|\bbribe|kickback|corrupt|embezzl|abuse (?:of )?(?:his |her |their )?power/i;
/** Misconduct of officials: bribes, kickbacks, extortion, embezzlement, abuse of power. */
const CONDUCT =
  /受贿|收受|行贿|好处费|回扣|红包|索贿|索要|吃拿卡要|贪污|挪用|侵吞|截留|克扣.{0,6}(?:补贴|补助|款)|优亲厚友|以权谋私|滥用职权|打压|作风|违纪|乱作为|不作为|贪腐|腐败|bribe|kickback|corrupt|embezzl|abuse (?:of )?(?:his |her |their )?power|misconduct|(?:asked|demanded) (?:me |us )?(?:for )?(?:money|cash|a bribe)|took (?:money|cash|bribes)|收了[^，,。\s]{0,8}(?:钱|红包|烟|酒|礼)|收钱|要钱|拿钱|(?:钱|款)(?:被|让|叫)[^，,。\s]{0,10}(?:拿|吞|占|贪|花|挪)|塞[^，,。\s]{0,4}(?:钱|块|红包)|(?:送|买)[^，,。\s]{0,4}(?:烟|酒|钱|礼)|给(?:他|她)[^，,。\s]{0,4}(?:万|千|百|块|钱)|私吞|冒领|威胁|装(?:进)?(?:自己|自个)?(?:的)?腰包|中饱私囊|要好处|给(?:了)?(?:他|她)?(?:自家|自己家|家里)(?:的)?亲戚|给(?:了)?(?:他|她)(?:家)?(?:的)?亲戚|(?:他|她)(?:家)?(?:的)?亲戚(?:都|全)?(?:评上|吃上|领上|拿上|拿了|吃了)|(?:被|让|叫)[^，,。\s]{0,6}亲戚(?:给)?(?:占|拿|领|吃|顶)|罩着|通风报信|吃了[^，,。\s]{0,6}请|(?:打|掀|砸)了(?:俺|我|人)|pocket(?:s|ed|ing)?\b|takes? (?:cash|money|bribes)|paid off|tea money|had dinner with|(?:officials?|cadres?|chief|head|secretary|inspectors?)\b[^.]{0,40}threaten|slapped|beat (?:me|him|her|us)|(?:wants?|asks? for|demands?) (?:cigarettes|cash|gifts)|(?:to|for) (?:his|her|their) (?:own )?relatives/i;
/** An official doing it (without one, 红包/收受 can be anyone's). */
const OFFICIAL = /村长|镇长|乡长|书记|支书|村主任|(?<!班)主任|站长|所长|局长|科长|干部|领导|村官|会计|民警|警察|城管|官|股长|组长|队员|拆迁办|(?:局|所|站|办)的(?:人|干部)|official|head of|village head|village chief|accountant|director|officer|secretary|cadre|policeman|police|inspectors?|(?:at|from) the \w+ (?:bureau|office)/i;

/** Reporting an official in so many words: "我要举报我们乡的副乡长", "I want to report our village head". */
const REPORTS_OFFICIAL =
  /(?:举报|检举|控告|告发)[^，,。！!？?]{0,12}?(?:当官的|官员|镇长|乡长|书记|支书|村主任|主任|站长|所长|局长|科长|干部|村官|会计|民警)|\breport(?:ing)? (?:on )?(?:our |the |a |my |this )?(?:deputy |vice |party )?(?:village head|village chief|village secretary|party secretary|mayor|official|director|head of|cadre|officer|township head)/i;

export interface CategoryGuess {
  code: string;
  confidence: number;
}

function keywordScores(text: string, county: CountyConfig): { code: string; score: number }[] {
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

/** "城管的事", "看病那块", "education stuff": the kind named with a filler. */
const FILLER = /(?:的事(?:儿|情)?|的问题|方面的?(?:事)?|那块(?:儿)?|这块|这类|那类|类的?|问题|的)$|\s+(?:stuff|issue|problem|matter|thing)s?$/i;

/** "别的事", "none of these", "不知道算哪一类": none of the kinds offered. */
const NONE_OF_THESE = /^(?:都不是|都不算|都不像|哪个都不是|别的|其他|其它|另外的|不知道算哪|说不好算哪|something else|none of (?:these|them|the above)|others?$|not sure which|neither|another kind)/i;

function byName(text: string, county: CountyConfig): string | null {
  const t = text.trim().replace(/[。.!！的吧啊呀]+$/, '').toLowerCase();
  if (!t) return null;
  if ((NONE_OF_THESE.test(t) || /^(?:别|其他|其它)$/.test(t)) && county.categories.some((x) => x.code === county.fallbackCategory)) return county.fallbackCategory;
  const c = county.categories.find(
    (x) => x.code === t || x.nameEn.toLowerCase() === t || x.nameZh.split(/[ (（]/)[0] === t || (t.length >= 2 && x.nameZh.includes(t)) || (t.length >= 4 && x.nameEn.toLowerCase().startsWith(t)),
  );
  if (c) return c.code;
  // A part of a kind's name or one of its words, said alone: "public order", "social insurance", "contracted land".
  const parts = (x: CountyConfig['categories'][number]) => [...x.nameEn.toLowerCase().split(/,\s*|\s+and\s+/), ...x.keywords.en.map((k) => k.toLowerCase()), ...x.keywords.zh];
  const hits = county.categories.filter((x) => parts(x).some((p) => p === t || (t.length >= 6 && /^[a-z ]+$/.test(t) && p.length >= 6 && (p.endsWith(` ${t}`) || t.endsWith(` ${p}`) || (t.startsWith(p) && t.length - p.length <= 3)))));
  return hits.length === 1 ? hits[0]!.code : null;
}

/**
 * `story`: a whole message rather than an answer to "what kind?": only a confident
 * guess is taken (the summary shows it for the citizen to check).
 */
const PRAISE = /表扬|点赞|送锦旗|感谢信|\bpraise|\bcommend|thank-you letter/i;

/** "是征地 不是承包地那种", "my flat, not farmland": what the matter is not is left out of the reading. */
const NOT_THIS = /(?:^|[，,。\s])(?:而)?(?:不是|并不是|不属于)[^，,。\s]{1,14}|,\s*not (?:about )?[^,.;]{1,30}/gi;

export function readCategory(text0: string, county: CountyConfig, readers: Readers, opts: { story: boolean }): CategoryGuess | null {
  const text = text0.replace(NOT_THIS, ' ').trim() || text0;
  const codes = new Set(county.categories.map((c) => c.code));
  // Thanks and praise are not a complaint about anyone's conduct.
  if (codes.has('other') && PRAISE.test(text) && !CONDUCT.test(text)) return { code: 'other', confidence: 0.8 };
  if (codes.has('conduct') && (CONDUCT_ONLY.test(text) || REPORTS_OFFICIAL.test(text) || (CONDUCT.test(text) && OFFICIAL.test(text)))) return { code: 'conduct', confidence: 0.95 };
  const named = opts.story ? null : byName(text.replace(FILLER, ''), county);
  if (named) return { code: named, confidence: 1 };
  const model = readers.answer('category', text);
  const keywords = keywordScores(text, county);
  const top = keywords[0];
  const unique = top && (!keywords[1] || keywords[1].score < top.score) ? top.code : null;
  // A story is never put down as "other" by the model alone ("您好，我想反映一个问题" tells no kind yet): it is asked.
  if (opts.story && model?.label === county.fallbackCategory && unique !== model.label) return unique && top!.score >= 2 ? { code: unique, confidence: 0.6 } : null;
  if (model && codes.has(model.label)) {
    if (model.label === unique && model.confidence >= 0.3) return { code: model.label, confidence: Math.max(model.confidence, 0.8) };
    // The county's own words for a kind outweigh an unsure model.
    if (unique && model.confidence < 0.8) return { code: unique, confidence: 0.7 };
    if (model.confidence >= (opts.story ? 0.6 : 0.35)) return { code: model.label, confidence: model.confidence };
  }
  if (unique && (!opts.story || top!.score >= 2)) return { code: unique, confidence: 0.6 };
  return null;
}
