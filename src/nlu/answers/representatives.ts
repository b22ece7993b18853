/**
 * The answer to "who are the representatives?": names with the phone written
 * beside each, and the citizen themself when they say 我/me among them. A phone
 * belongs to the person mentioned last before it ("周德明，他电话137…"), never to
 * the citizen unless they are that person ("我电话是135…", "我何建民152…").
 */
import { extractPhone } from '../extractors/phone.ts';
import { NOT_NAMES as NOT_NAME_WORDS_ZH } from '../extractors/person-name.ts';
import { NOT_NAME_WORDS } from '../extractors/person-name-en.ts';
import { leadingSurname } from '../extractors/surnames.ts';
import { foldWidth } from '../extractors/text.ts';

export interface RepresentativeMention {
  /** The citizen themself (我, 俺, me, myself). */
  self: boolean;
  name: string | null;
  phone: string | null;
}

/** Said anywhere, with nobody named: there are no representatives (yet). */
const NONE_ANYWHERE =
  /没人当|没有人当|没选|不选|暂时不选|先不写|不想写|不写|不愿意?留|还没(?:定|选|推|商量)|等(?:开会|商量|选)|不晓得|没有代表|没代表|没推|not decided|still discussing|haven'?t (?:talked|decided|chosen)|don'?t have (?:any|one)|no one yet|nobody yet|dunno|add (?:it|them) later|later|(?:俺们|我们)(?:都)?没有\s*$|不想出头|谁(?:也|都)不(?:想|愿|敢)|(?:木有|没得|莫得)代表|暂时空着|先空着|(?:开会|商量好?)(?:再|以后再?)(?:选|定|推)|没人(?:愿意|想|敢)(?:出头|当)|怕.{0,6}麻烦|先不填|不用代表|不要代表|用不着代表|waiting for|to (?:pick|choose|elect) (?:the )?reps|not (?:chosen|picked|decided|elected|agreed) (?:yet|on)|(?:still|r|are) (?:choosing|picking|deciding|discussing)|(?:就|只有)(?:我|俺)一个人(?:去)?(?:告|反映|举报|来)|don'?t have (?:any )?representatives|nobody wanted|rather not (?:name|give|say)|不填了|not applicable|filing only for my own|only for my own (?:household|family)/i;
const NONE =
  /^(?:代表[？?]?\s*)?(?:没有|没|无|木有|莫得|不知道|不清楚|还没(?:定|选|推)?|暂时没有|暂无|跳过|不用|算了|不需要|没选|没推|none|no one|nobody|not yet|not sure|don'?t know|no idea|skip|n\/a|no)\b|^(?:代表[？?]?\s*)?(?:没有|没|无|木有|莫得|不知道|还没|暂时没有|跳过|不用|算了)|没有代表|没推(?:选)?代表|no representatives?|haven'?t (?:chosen|picked|elected)/i;
const ONLY_SELF =
  /^(?:就|只有)?(?:我|俺)(?:自己)?(?:来|一个人?)?(?:当|做|作)?(?:代表)?(?:吧|啊|呀|了|就行|就好)?[。.!！\s]*$|(?:我|俺)自己(?:来)?当代表|就(?:我|俺)(?:自己|一个人?)|^\s*(?:just |only )?(?:me|myself)\s*[.!]*\s*$|\bi(?:'ll| will) be (?:the )?(?:only )?representative\b|\bjust me\b|\bonly me\b/i;

/**
 * 我 as one of the people named: in a list (和/跟/、/，), before a name or a phone, or
 * "我自己" — not 我们, 我家, 我妈 (someone of mine), nor the 我 of a verb ("我回头问").
 */
const SELF_ZH = /(?:^|(?<=[和跟与及让、，,；;。\s：:是推写选就带加算]|代表是|还有|有|加上|算上|[推选]的))[我俺](?![们家])(?=$|[和跟与及、，,。\s\d吧算]|的(?=$|[\s，,。]|\s*(?:电话|手机|号码?)?[\s:：]*\d)|自己|本人|也是|也算|当|来当|一个|是代表|就是|带头|[\u4e00-\u9fff]{2,3}[\s，,、]+(?:还有|和|跟|与|以及)|[\u4e00-\u9fff]{2,3}(?:[\s,，:：]*(?:电话|手机|号码)?[\s,，:：]*\d|$))|本人|[我俺]自己|[我俺](?=的\s*(?:电话|手机|号码?)?[\s:：]*1\d)/g;
/** 他/她 (his, her): the person named last who is not the citizen. */
const PRONOUN = /[他她](?:的)?|\b(?:his|her|their)\b|\b(?:he|she)(?:'s| is)?\b/gi;
/** "我就是帮着打字的，不算代表", "I'm just helping": the citizen is not one of them. */
const NOT_SELF = /(?:我|俺)[^，。,.]{0,10}(?:不算|不是|不当|不做)代表|(?:我|俺)(?:就|自己)?(?:不当|不算|不做)(?:了|啊|哈)?[。.!！\s]*$|(?:不算|没有|不包括)(?:我|俺)(?:自己)?[。.!！\s]*$|(?:我|俺)(?:只是|就是)?帮(?:着|忙)?(?:打字|写|问)|\bi'?m (?:just |only )?helping\b|\bi'?m not (?:a |one of the )?representative|\bi'?m not (?:one of )?(?:them|those)\b|\bnot me\b|\b(?:i'?m|i am) (?:just|only) the one who\b/i;
const SELF_EN = /\bmy (?:no|number|phone|mobile|cell|tel)\b|(?<!\b(?:than|to|for|from|call|contact|tell|ask|told|through|with|about|help) )\b(?:me|myself)\b|\bI(?:'m| am) (?:one|also|a rep|the rep|included|one of|the second|the other one|another one|second)|\bim (?:one|also|a rep|the rep|included|the second|second)\b|\bI(?:'ll| will) be (?:one|a rep|the rep)|\bI (?:can|will|'ll) (?:do it|be one|represent)|\bI (?:represent|speak for) (?:them|us|the (?:others|group|rest))\b|\b(?:we|I) (?:are|am) the (?:representatives?|reps?)\b|\band I\b|\bI and\b|\bI(?:'m| am)(?=\s+[A-Z][a-z]+\s+[A-Z])/gi;
const EN_NAME = /\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b/g;
const EN_STOP = new Set('The A An I His Her My Our We They Their Villagers Representatives Representative Mr Mrs Ms Miss Dr Number Phone And Also Just Only Me Is Are Myself'.split(' '));
/** A lower-case name typed right before a phone ("xu ming 13603769948"). */
const EN_NAME_LOWER = /\b([a-z]{2,}\s+[a-z]{2,})(?=\s*[,:]?\s*(?:(?:tel|phone|mobile|number|no)\.?[:\s]*)?(?:\+?86)?\s*1[3-9]\d|\s+(?:and|&)\s+(?:me|myself)\b)/g;
/** Surnames left out of the general list (they open ordinary words), taken only right before a phone. */
const SURNAMES_BEFORE_PHONE = '单全和明时成应党薄';
/** Characters that end a given name. */
const NAME_STOP = new Set('头婶叔姨姑舅嫂伯爷奶的了是吗呢吧啊呀哦嘛们您你他她我俺和跟与及电手当做作出来去在说也都还就让叫号村不没从给把被对向到过着今年月日要管别贪扣拿写算');
const NOT_NAMES = new Set(['大家', '大伙', '村民', '代表', '我们', '俺们', '他们', '电话', '手机', '没有', '自己', '一起', '全村', '组长', '村长', '孙子', '孙女', '孙儿', ...NOT_NAME_WORDS_ZH]);
/** A surname that is the end of a word ("年纪大了", "千万别写", "把钱贪了"): no name starts there. */
const WORD_BEFORE = /(?:年纪|千万|工钱|价钱|本钱|赔钱|给钱|退钱|要钱|交钱|有钱|没钱|把钱|的钱|块钱|分钱|毛钱|这钱|那钱|些钱)$/;
/** Someone named and then struck out ("村支书王德贵千万别写上", "李站长别写进去", "毛会计不算"): the accused, no representative. */
const STRUCK = /^[^，,。；;\d]{0,4}?(?:千万)?(?:别写|不要写|别算|不算|不是代表|别写进去|别填)/;

interface Mention {
  at: number;
  end: number;
  kind: 'self' | 'name' | 'phone' | 'other';
  value: string;
}

function chineseNames(t: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!/[\u4e00-\u9fff]/.test(t[i]!)) continue;
    // ("老李李国庆": the nickname, then the full name of the same surname — the full name is the one.)
    if (/[老小]/.test(t[i]!) && leadingSurname(t[i + 1] ?? '') && t[i + 2] === t[i + 1] && /[\u4e00-\u9fff]/.test(t[i + 3] ?? '')) {
      i += 1;
      continue;
    }
    // "老周", "小王": how people call one another — a name too (matched to 周长贵 later by its surname).
    if (/[老小]/.test(t[i]!) && leadingSurname(t[i + 1] ?? '') && !/[\u4e00-\u9fff]/.test(t[i + 2] ?? '') || (/[老小]/.test(t[i]!) && leadingSurname(t[i + 1] ?? '') && /[的他她电手是和跟也家当牵带领说来去两俩仨做一几三]/.test(t[i + 2] ?? ''))) {
      if (!/(?:我|俺|你)$/.test(t.slice(Math.max(0, i - 1), i))) out.push({ at: i, end: i + 2, kind: 'name', value: t.slice(i, i + 2) });
      i += 1;
      continue;
    }
    const beforePhone = /^[\u4e00-\u9fff]{2,3}[\s:：,，]*\d{7}/.test(t.slice(i));
    const surname = leadingSurname(t.slice(i, i + 2)) ?? (beforePhone && SURNAMES_BEFORE_PHONE.includes(t[i]!) ? t[i]! : null);
    if (!surname) continue;
    let end = i + surname.length;
    // A stop character ends the name, unless the name ends there anyway (梁春来 13…).
    while (end < t.length && end - i - surname.length < 2 && /[\u4e00-\u9fff]/.test(t[end]!) && (!NAME_STOP.has(t[end]!) || (end - i - surname.length === 1 && (!/[\u4e00-\u9fff]/.test(t[end + 1] ?? '') || (/[当做作和跟与]/.test(t[end + 1] ?? '') && !/[让叫请要]$/.test(t.slice(0, i))))))) end++;
    const name = t.slice(i, end);
    // ("不是啥黄泥": a name denied where it stands.)
    if (WORD_BEFORE.test(t.slice(Math.max(0, i - 2), i + 1)) || STRUCK.test(t.slice(end)) || /不是(?:啥|什么)?$/.test(t.slice(Math.max(0, i - 4), i)) || /[场厂店局所站区园院村镇庄屯寨堡款费钱]/.test(name.slice(1)) || /^(?:补偿|补贴|补助|赔偿|工资|保险)/.test(name.slice(1)) || /[了着过吗呢吧啊呀]/.test(name.slice(surname.length)) || /^(?:具体|一下|一些|什么|没有|知道|可以|东西|地方|时候|问题|事情|情况|一样|所有|多少|两个|一个|几个|三个|俩|仨|一起|都是|也是|做代|当代)/.test(name.slice(surname.length))) {
      i = end - 1;
      continue;
    }
    // 城关镇, 青石镇, 杨树沟村: a place, not a person (a name never ends in, or runs into, a place word).
    const placeLike = /[镇乡村路街区县市省沟庄屯湾河山坡岭]/.test(t[end] ?? '') || /[镇乡村路街区县市省]$/.test(name);
    if (placeLike || end - i - surname.length < 1 || NOT_NAMES.has(name) || [...NOT_NAMES].some((w) => t.startsWith(w, i))) continue;
    out.push({ at: i, end, kind: 'name', value: name });
    i = end - 1;
  }
  return out;
}

const notNameWord = (w: string) => EN_STOP.has(w) || NOT_NAME_WORDS.has(w) || /^I['’]/.test(w);

/** "please don't put the village head Wu Qiang on it", "the factory boss Lin Dong": the accused, no representative. */
const EN_STRUCK = /(?:\b(?:don'?t|do not|never|not) (?:put|include|list|add|write)\b[^,.;]*|\b(?:boss|head|secretary|chief|director|manager|owner|official)\s*)$/i;

function englishNames(t: string): Mention[] {
  const out: Mention[] = [];
  for (const m of t.matchAll(EN_NAME)) {
    if (EN_STRUCK.test(t.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "Guo Feng's number": the name without the possessive.
    const words = m[1]!.replace(/['’]s$/i, '').split(/\s+/);
    // "Mrs Zhou", "Old Wang": a title and a surname name someone too.
    if (words.length === 2 && /^(?:Mr|Mrs|Ms|Miss|Dr|Uncle|Aunt|Auntie|Grandpa|Grandma|Granny|Old|Teacher)$/.test(words[0]!) && !notNameWord(words[1]!)) {
      out.push({ at: m.index, end: m.index + m[0].length, kind: 'name', value: words.join(' ') });
      continue;
    }
    while (words.length > 0 && notNameWord(words[0]!)) words.shift();
    while (words.length > 0 && notNameWord(words.at(-1)!)) words.pop();
    if (words.some(notNameWord)) continue;
    if (words.length >= 2) out.push({ at: m.index, end: m.index + m[0].length, kind: 'name', value: words.join(' ') });
  }
  for (const m of t.matchAll(EN_NAME_LOWER)) {
    const words = m[1]!.split(/\s+/);
    if (words.some((w) => /^(?:sorry|typo|oops|wait|actually|correction|no|not|put|instead|and|is|the|my|his|her|our|rep|reps|representative|phone|number|mobile|tel|call|me|myself|one|other|are|it|for|us|speaks|speak|goes|first|second|party|secretary|head|chief|director|accountant|village|uncle|aunt|brother|sister|wife|husband|neighbou?r|cousin|friend|son|daughter|leader|should|be|was|were|will|would|can|could|must|to|change|changed|correct|right|wrong|new|now|ends?|last|digits?|with|in|at)$/i.test(w))) continue;
    if (!out.some((o) => o.at <= m.index && m.index < o.end)) out.push({ at: m.index, end: m.index + m[0].length, kind: 'name', value: words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') });
  }
  return out;
}

function mentions(t: string): Mention[] {
  const phones = extractPhone(t).map((p): Mention => ({ at: p.start, end: p.end, kind: 'phone', value: String(p.value) }));
  const inPhone = (at: number) => phones.some((p) => p.at <= at && at < p.end);
  const selves: Mention[] = [];
  for (const re of NOT_SELF.test(t) ? [] : [SELF_ZH, SELF_EN]) {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) selves.push({ at: m.index, end: m.index + m[0].length, kind: 'self', value: '' });
  }
  const pronouns: Mention[] = [...t.matchAll(PRONOUN)].map((m) => ({ at: m.index, end: m.index + m[0].length, kind: 'other', value: '' }));
  const names = [...chineseNames(t), ...englishNames(t)].filter((n) => !inPhone(n.at) && !selves.some((s) => s.at <= n.at && n.at < s.end));
  return [...phones, ...selves, ...pronouns, ...names].sort((a, b) => a.at - b.at);
}

/** The list the answer gives; `[]` when it says there are none; null when nothing is recognised. */
/** "谷子的谷 丰收的丰收": how a name is written, not another name. */
const SPELLED = /(?<=^|[\s，,])[\u4e00-\u9fff]{1,3}的([\u4e00-\u9fff]{1,2})(?=$|[\s，,。])/g;
/** "窦建军…哦不对 打错了 是窦建国": the name said last replaces the one before. */
const TAKEN_BACK = /(?:(?:哦|噢)?不对|打错了|说错了|写错了|不是他)[\s，,]*(?:(?:哦|噢)?不对|打错了|说错了|写错了)?[\s，,]*(?:应该)?是?\s*$|\b(?:sorry|I mean|no wait|correction)[,:]?\s*$/i;

/** A phone typed again after a slip ("…7761 sorry typo, …7716", "…2267 哦不对 电话是…2276"): the later one counts. */
const PHONE_FIXED = /不对|错了|打错|写错|说错|应该是|\b(?:typo|sorry|wrong|I mean|correction|actually|no wait|oops)\b/i;
/** The nickname and the full name of one person: "罗大姐罗桂香", "唐老三 大名叫唐德福", "Uncle Zhao (Zhao Guoqing)". */
const SAME_PERSON_GAP = /^[\s(（,，]*(?:大名(?:叫|是)?|名叫|全名|本名|就是|叫)?[\s:：]*$/;
/** Someone named and then withdrawn: "Liu Bo can't do it", "苗红霞她说她不干了". */
export const WITHDRAWN = /^[^，,。.;；]{0,10}?(?:不干了|不当了|不做了|不去了|不弄了|不搞了|不当代表了|不算了?|退出|不行了|来不了|can'?t do it|cannot do it|is out|dropped out|pulled out|won'?t do it|backed out|not doing it|can'?t make it)/i;

/** What people are called by besides their name: 老高, 罗大姐, 邓老师, 唐老三, Uncle Zhao. */
const NICKNAME = /^[老小][\u4e00-\u9fff]$|^.(?:老[\u4e00-\u9fff]|大(?:姐|哥|爷|娘|叔|婶|妈)|老师|师傅|大姐|大哥|大爷|大娘|婶|叔|姨|姐|哥|总|工|会计|主任)$|^(?:Uncle|Aunt|Auntie|Old|Little|Big|Brother|Sister|Mr|Mrs|Ms|Teacher|Doctor|Dr)\b/;
/** Two people of one family stay two ("秦大柱 秦二柱"): one person only when the first is a nickname or the gap says so. */
/** The words between two names, less the first said again ("老李，老李叫李长林"). */
const sameGap = (gap: string, first: string) => (first ? gap.replace(/^[\s，,]*/, '').replace(first, '') : gap);
const samePerson = (a: string, b: string, gap: string) =>
  // ("老李叫李长林": 老/小 and the surname.)
  (/[\u4e00-\u9fff]/.test(a) ? a[0] === b[0] || (/^[老小][\u4e00-\u9fff]$/.test(a) && a[1] === b[0]) : a.split(/\s+/).some((w) => b.split(/\s+/).includes(w))) && (NICKNAME.test(a) || /大名|名叫|全名|本名|[(（]/.test(gap));

export function readRepresentatives(text: string, max = 5): RepresentativeMention[] | null {
  const read = readRepresentativesSaid(text, max);
  // "Me, Wu Jianhua, phone 18756024419. And …": the citizen, named — one person, not two.
  const apposed = /^\s*(?:me|myself|i am|i'?m)\s*[,(]\s*([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b/i.exec(text)?.[1];
  if (!read || !apposed) return read;
  const self = read.find((r) => r.self);
  const named = read.find((r) => !r.self && r.name === apposed);
  if (!self || !named || self.name) return read;
  return read.filter((r) => r !== named).map((r) => (r === self ? { self: true, name: apposed, phone: self.phone ?? named.phone } : r));
}

/** "把长孙红梅删掉": a name struck out of the list — no one to add. */
const STRUCK_NAME = /把([\u4e00-\u9fff]{2,4})(?:也)?(?:给)?(?:删掉|去掉|删了|拿掉|划掉|删除)/g;

function readRepresentativesSaid(text: string, max: number): RepresentativeMention[] | null {
  const t = foldWidth(text)
    // ("教研组长孙红梅": the role ends in 长, the name is 孙红梅 — not the surname 长孙.)
    .replace(/([组队校村科处局所站班社股部厂院会镇乡县室])长(?=孙[\u4e00-\u9fff]{1,2})/g, '$1长 ')
    .replace(STRUCK_NAME, ' ')
    // ("me, and the village head Chen Baoshan 139…": the role said before the name is no part of it.)
    .replace(/\b(?:the |our |my )?(?:village (?:head|chief|secretary|accountant|doctor)|(?:team|group) leader|headman|party secretary|foreman|neighbou?r)\s+(?=[A-Z][a-z]+ [A-Z][a-z]+)/g, '')
    .trim()
    .replace(SPELLED, (m, tail: string, offset: number, whole: string) => (m.slice(0, m.indexOf('的')).includes(tail) || whole.slice(0, offset).includes(tail) ? ' ' : m));
  if (!t) return null;
  // "就俺一个人去告的": filing alone is no representatives (representing is for groups).
  if ((NONE.test(t) || /不用代表|不要代表|用不着代表|(?:就|只有)(?:我|俺)一个人(?:去)?(?:告|反映|举报|来)/.test(t)) && !/\d{7}/.test(t)) return [];
  if (ONLY_SELF.test(t) && !/\d{7}/.test(t) && englishNames(t).length === 0 && !/[和跟与]/.test(t)) {
    return [{ self: true, name: null, phone: null }];
  }
  const people: RepresentativeMention[] = [];
  let current: RepresentativeMention | null = null;
  let lastSelfEnd = -10;
  let lastSelfWord = '';
  /** A phone said before anyone ("13703762290 我自己"): the next person named takes it. */
  let pending: string | null = null;
  let lastPhoneEnd = -1;
  let lastNamed: { person: RepresentativeMention; end: number } | null = null;
  const person = (self: boolean, name: string | null) => {
    const found = people.find((p) => (self && p.self) || (name !== null && p.name === name));
    if (found) {
      if (self) found.self = true;
      found.name ??= name;
      return found;
    }
    const p = { self, name, phone: null };
    people.push(p);
    return p;
  };
  const all = mentions(t);
  const named = all.filter((m) => m.kind === 'name').length;
  for (const m of all) {
    if (m.kind === 'self') {
      current = person(true, null);
      lastSelfEnd = m.end;
      lastSelfWord = t.slice(m.at, m.end);
    } else if (m.kind === 'other') {
      current = [...people].reverse().find((p) => !p.self) ?? current;
    } else if (m.kind === 'name') {
      // "我何建民", "我叫孙秀英", "I'm Daniel Brooks", "and me, Sun Haoran": the citizen's own name.
      const gap = t.slice(lastSelfEnd, m.at);
      const own =
        m.at === lastSelfEnd ||
        (/^\s+$/.test(gap) && /I(?:'m| am)$/i.test(t.slice(Math.max(0, lastSelfEnd - 4), lastSelfEnd))) ||
        (/^\s*\(\s*$/.test(gap) && /^(?:me|myself)$/i.test(lastSelfWord)) ||
        (/^[,.:;]\s*$/.test(gap) && (/\band (?:me|myself)$/i.test(t.slice(Math.max(0, lastSelfEnd - 12), lastSelfEnd)) || (lastSelfEnd <= 7 && named === 1 && /^(?:me|myself)$/i.test(lastSelfWord)))) ||
        /[我俺](?:的)?(?:大名|全名|本名|真名|名字)?(?:叫|是|名叫)\s*$/.test(t.slice(Math.max(0, m.at - 6), m.at)) ||
        // "一个是我，庞春生，电话…": the self word, a comma, the name.
        (/^\s*[，,]\s*$/.test(gap) && /^(?:我|俺|本人)$/.test(lastSelfWord) && /(?:是|就是|有)\s*(?:我|俺|本人)$/.test(t.slice(Math.max(0, lastSelfEnd - 4), lastSelfEnd))) ||
        // "rep is me, Shi Kai, 135…" ("我 方志强" stays two people: a list as often as a name).
        (/^,\s*$/.test(gap) && /^(?:me|myself)$/i.test(lastSelfWord) && /\b(?:is|it'?s|am)\s+(?:me|myself)$/i.test(t.slice(Math.max(0, lastSelfEnd - 12), lastSelfEnd)));
      const prev = [...people].reverse().find((p) => !p.self && p.name);
      // "俺叫王老实，不对，俺大名叫王德顺": the citizen's own name said again, corrected.
      const me = own ? people.find((p) => p.self && p.name) : undefined;
      if (me && me.name !== m.value && /不对|错了|大名|全名|本名|真名|\b(?:I mean|sorry|actually)\b/i.test(t.slice(lastNamed?.end ?? 0, m.at))) {
        me.name = m.value;
        current = me;
        lastNamed = { person: me, end: m.end };
        continue;
      }
      if (!own && prev && TAKEN_BACK.test(t.slice(Math.max(0, m.at - 16), m.at)) && !people.some((p) => p.name === m.value)) {
        prev.name = m.value;
        current = prev;
        continue;
      }
      if (!own && lastNamed && !lastNamed.person.self && samePerson(lastNamed.person.name ?? '', m.value, t.slice(lastNamed.end, m.at)) && SAME_PERSON_GAP.test(sameGap(t.slice(lastNamed.end, m.at), lastNamed.person.name ?? ''))) {
        if (m.value.length >= (lastNamed.person.name ?? '').length) lastNamed.person.name = m.value;
        current = lastNamed.person;
        lastNamed.end = m.end;
        continue;
      }
      current = own ? person(true, m.value) : person(false, m.value);
      lastNamed = { person: current, end: m.end };
    } else if (current && current.phone === null) {
      current.phone = m.value;
      lastPhoneEnd = m.end;
    } else if (current && lastPhoneEnd >= 0 && PHONE_FIXED.test(t.slice(lastPhoneEnd, m.at))) {
      current.phone = m.value;
      lastPhoneEnd = m.end;
    } else if (!current) {
      pending = m.value;
    }
    if (pending && current && current.phone === null && m.kind !== 'phone') {
      current.phone = pending;
      pending = null;
    }
  }
  if (people.length === 0) return NONE_ANYWHERE.test(t) && !/\d{7}/.test(t) ? [] : null;
  const kept = people.filter((p) => p.self || p.name === null || ![...t.matchAll(new RegExp(escapeRe(p.name), 'g'))].some((m) => WITHDRAWN.test(t.slice(m.index + p.name!.length))));
  // "…我和老李，…老李叫李长林 151…": the nickname and the full name said for it are one person.
  const merged = kept.filter((p) => !(p.name && /^[老小][\u4e00-\u9fff]$/.test(p.name) && !p.phone && kept.some((q) => q !== p && q.name && q.name[0] === p.name![1] && new RegExp(`${escapeRe(p.name!)}(?:的大名|大名|全名|就是|叫|是)\\s*${escapeRe(q.name)}`).test(t))));
  return merged.slice(0, max);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
