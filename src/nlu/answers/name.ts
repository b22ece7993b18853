/**
 * The answer to "what is your name?": a self-introduction, a formal name given
 * beside a nickname (俺叫李老栓 大名李长栓), the speaker named through a relation
 * (我是她女儿吴小燕), or a bare name. A wish to stay anonymous is its own answer.
 */
import { extractPersonName, NOT_NAMES } from '../extractors/person-name.ts';
import { leadingSurname } from '../extractors/surnames.ts';
import { foldWidth } from '../extractors/text.ts';
import { restated } from './restated.ts';

export type NameAnswer = { name: string } | { anonymous: true };

const ANONYMOUS =
  /(?<!不|不用|不要|不想|不再)匿名|不留名|不(?:想|愿意?|方便)(?:留|说|透露|告诉你?)(?:我的?)?(?:名字|姓名|真名)|(?:名字|姓名)(?:就)?不(?:留|说|写|告诉)了?|不敢留名|(?<!\bnot |\bno longer |\bdon'?t (?:need to |want to )?be |\bdo not (?:need to |want to )?be )\banonymous(?:ly)?\b|without (?:giving )?(?:my )?name|rather not (?:give|say|tell) (?:my )?name|not (?:give|giving) (?:my )?name|keep (?:my )?name (?:out|secret)/i;
/** 大名/学名/身份证上的名字: the formal name wins over what they are called. */
const FORMAL = /(?:(?:大名|学名|官名|正名)(?:叫|是)?|身份证上(?:的名字)?(?:是|叫|写的)?|户口本上(?:是|叫)?|正式(?:名字|姓名)(?:是|叫)?)\s*[:：]?\s*([\u4e00-\u9fff]{2,4})/;
/** 我是她女儿吴小燕: the speaker through a relation to someone else. */
const RELATION = /(?:我|俺)是[^，,。.!！]{0,8}?(?:女儿|儿子|闺女|孙子|孙女|外孙|老伴|爱人|妻子|丈夫|媳妇|侄子|侄女|外甥|外甥女|儿媳|女婿|弟弟|妹妹|哥哥|姐姐)\s*[，,]?\s*(?:叫)?([\u4e00-\u9fff]{2,4})/;
const PREFIX = /^(?:我的名字(?:叫|是)|我名字(?:叫|是)|名字(?:叫|是)?|姓名[:：]?\s*(?:是|叫)?|本人(?:叫|是)?|我叫|俺叫|我是|俺是|叫我|叫|(?:my )?(?:full )?name(?: is|'s|:)?|i am|i'm|this is|call me|it'?s|i (?:already )?told you[,:]?|as i said[,:]?)\s*/i;
/** Words that never make an English name ("I told you", "full name please"). */
const NOT_IN_NAME = /\b(?:i|you|me|my|told|said|is|are|the|name|full|please|already|yes|no|not|first|time|phone|number|and|or|with|for|against|about|of|to|from|kind|report|reports|reporting|officials?|complaint|anonymous|anonymously|stay|then|want|can|could|would|should|will|it|this|that|what|how|who|when|where|if|but|so|do|does|did|have|has|had|be|been|a|an|in|on|at|by|wrong|correct|change|just|only|her|his|their|our|daughter|son|wife|husband|mother|father|mom|mum|dad|neighbou?r|friend|brother|sister|grandson|granddaughter|niece|nephew|relative|family|writing|speaking|calling|helping)\b/i;
const FILLER = /(?:啊|呀|吧|哈|呢|嘛|哦|的|就行|就好|刚说了|我说了|说过了|刚才说了)+$|^(?:好的|好|嗯|哦|那个|对|是的)[，,\s]*/g;
const NOT_EN = new Set(['first time', 'skip', 'yes', 'no', 'ok', 'okay', 'none', 'nope', 'hello', 'hi', 'thanks', 'thank you', 'why', 'what', 'sure', 'fine', 'no thanks', 'not sure', 'anonymous', 'i agree', 'me', 'myself', 'just me', 'id', 'id number', 'id card', 'passport']);
const NOT_ZH = new Set(['不知道', '不清楚', '没有', '不想说', '保密', '你好', '您好', '好的', '是的', '可以', '谢谢', '同意', '跳过', '算了', '不用了', ...NOT_NAMES]);

/** Characters that make ordinary words, never (or hardly ever) a name: pronouns, particles, verbs of talk. */
const ORDINARY = /[我你您他她它们这那哪是不没有就都也还在的了吗呢吧啊哦嗯个些号码电话手机身份证给说要想知道明白可以行对好谢]/;

function chineseName(run: string): string | null {
  const surname = leadingSurname(run);
  if (!surname || NOT_ZH.has(run) || NOT_NAMES.some((w) => run.startsWith(w))) return null;
  const len = run.length - surname.length;
  return len >= 1 && len <= 2 ? run : null;
}

/** The name in an answer, `anonymous`, or null. */
export function readName(text: string, townships: ReadonlyArray<{ name: string; aliases: readonly string[] }>): NameAnswer | null {
  // "我叫张三，哦不对，我叫张山": a name taken back in the same breath gives way to the one after it.
  const after = restated(text);
  if (after !== text) {
    const again = readNameSaid(after, townships);
    if (again && 'name' in again) return again;
  }
  return readNameSaid(text, townships);
}

function readNameSaid(text: string, townships: ReadonlyArray<{ name: string; aliases: readonly string[] }>): NameAnswer | null {
  // ("Ma Lihua 13837654321": the number beside the name parts them like a comma.)
  const t0 = foldWidth(text).replace(/(?<=[A-Za-z])\s+\+?\d[\d\s-]{6,}\d[Xx]?\b/g, ', ').trim();
  if (!t0) return null;
  // "Ma Ahmed (Ma Aihe on my ID)", "马阿訇（身份证上叫马爱和）": the name on the ID card is the one recorded.
  const onId = /[(（]\s*(?:(?:it'?s |my name is )?([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) on my (?:id|ID|passport)(?: card)?|身份证上(?:是|叫|写的是?)([\u4e00-\u9fff·]{2,5}))\s*[)）]/.exec(t0);
  if (onId) return { name: (onId[1] ?? onId[2])! };
  // ("It's Ma Aihe (I go by Ahmed)": a remark in brackets is no part of the name.)
  // ("名字头回说了马金宝": that it was said before is no part of it either.)
  const t = t0.replace(/^(?:(?:名字|姓名)(?:我|俺)?)?(?:头回|头一回|刚才|刚刚|前面|早就|已经|一开始)(?:就|都)?(?:说|讲|告诉你)(?:过)?了?(?:啊|呀)?[\s，,:：]*|^i (?:already |just )?(?:gave|told you|said) (?:it|that|them|you)?\s*(?:already)?[\s,:]*/i, '').replace(/\s*[(（][^()（）]{0,40}[)）]/g, ' ').replace(/\s{2,}/g, ' ').trim();
  const formal = FORMAL.exec(t)?.[1];
  if (formal && chineseName(formal)) return { name: formal };
  const relation = RELATION.exec(t)?.[1];
  if (relation && chineseName(relation)) return { name: relation };
  const intro = extractPersonName(t, { now: new Date(0), townships })[0];
  if (intro) return { name: String(intro.value) };
  if (ANONYMOUS.test(t)) return { anonymous: true };
  const clauses = t.split(/[，,。.!！?？；;\n]+|(?<=[\u4e00-\u9fff])\s+|(?<=[\u4e00-\u9fff])(?=\d)/);
  // Two or three characters on their own beside a phone or ID number ("滑建国，135…"): a name whose
  // surname is too rare for the list, when the characters read as no ordinary word.
  const withNumber = /\d{7}/.test(t);
  for (const clause of clauses) {
    const bare = clause.trim().replace(PREFIX, '').replace(FILLER, '').trim();
    if (/^[\u4e00-\u9fff·]{2,5}$/.test(bare)) {
      const name = chineseName(bare);
      if (name) return { name };
      if (withNumber && /^[\u4e00-\u9fff]{2,3}$/.test(bare) && !NOT_ZH.has(bare) && !ORDINARY.test(bare)) return { name: bare };
    }
    if (/^\p{L}[\p{L} .'’-]{1,40}$/u.test(bare) && /\p{L}{2}/u.test(bare) && !/[\u4e00-\u9fff]/.test(bare) && !NOT_EN.has(bare.toLowerCase()) && !NOT_IN_NAME.test(bare)) {
      const words = bare.split(/\s+/).filter(Boolean);
      if (words.length <= 4) return { name: words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') };
    }
  }
  return null;
}
