/**
 * The answer to "who are the representatives?": names with the phone written
 * beside each, and the citizen themself when they say 我/me among them. A phone
 * belongs to the person mentioned last before it ("周德明，他电话137…"), never to
 * the citizen unless they are that person ("我电话是135…", "我何建民152…").
 */
import { extractPhone } from '../extractors/phone.ts';
import { NOT_NAMES as NOT_NAME_WORDS } from '../extractors/person-name.ts';
import { leadingSurname } from '../extractors/surnames.ts';
import { foldWidth } from '../extractors/text.ts';

export interface RepresentativeMention {
  /** The citizen themself (我, 俺, me, myself). */
  self: boolean;
  name: string | null;
  phone: string | null;
}

const NONE =
  /^(?:没有|没|无|木有|莫得|不知道|不清楚|还没(?:定|选|推)?|暂时没有|暂无|跳过|不用|算了|不需要|没选|没推|none|no one|nobody|not yet|not sure|don'?t know|no idea|skip|n\/a|no)\b|^(?:没有|没|无|木有|莫得|不知道|还没|暂时没有|跳过|不用|算了)|没有代表|没推(?:选)?代表|no representatives?|haven'?t (?:chosen|picked|elected)/i;
const ONLY_SELF =
  /^(?:就|只有)?(?:我|俺)(?:自己)?(?:来|一个人?)?(?:当|做|作)?(?:代表)?(?:吧|啊|呀|了|就行|就好)?[。.!！\s]*$|(?:我|俺)自己(?:来)?当代表|就(?:我|俺)(?:自己|一个人?)|^\s*(?:just |only )?(?:me|myself)\s*[.!]*\s*$|\bi(?:'ll| will) be (?:the )?(?:only )?representative\b|\bjust me\b|\bonly me\b/i;

/** 我 as a person: not 我们, 我家, 我妈 (someone of mine). */
const SELF_ZH = /[我俺](?![们家妈爸爹娘儿女孙老爷奶哥姐弟妹叔婶舅姨媳公丈闺]|打错|说错|写错|记错|搞错|弄错|看错|填错|觉得|想|认为|就是帮|是帮|只是帮|不算|不是代表|不当)|本人/g;
/** 他/她 (his, her): the person named last who is not the citizen. */
const PRONOUN = /[他她](?:的)?|\b(?:his|her|their)\b|\b(?:he|she)(?:'s| is)?\b/gi;
/** "我就是帮着打字的，不算代表", "I'm just helping": the citizen is not one of them. */
const NOT_SELF = /(?:我|俺)[^，。,.]{0,10}(?:不算|不是|不当|不做)代表|(?:我|俺)(?:只是|就是)?帮(?:着|忙)?(?:打字|写|问)|\bi'?m (?:just |only )?helping\b|\bi'?m not (?:a |one of the )?representative/i;
const SELF_EN = /\b(?:me|myself)\b|\bI(?:'m| am) (?:one|also|a rep|the rep|included|one of)|\bI(?:'ll| will) be (?:one|a rep|the rep)/gi;
const EN_NAME = /\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b/g;
const EN_STOP = new Set('The A An I He She His Her My Our We They Their Villagers Representatives Representative Mr Mrs Ms Miss Dr Number Phone And Also Just Only Me Is Are'.split(' '));
/** Characters that end a given name. */
const NAME_STOP = new Set('的了是吗呢吧啊呀哦嘛们您你他她我俺和跟与及电手当做作出来去在说也都还就让叫号村');
const NOT_NAMES = new Set(['大家', '大伙', '村民', '代表', '我们', '俺们', '他们', '电话', '手机', '没有', '自己', '一起', '全村', '组长', '村长', ...NOT_NAME_WORDS]);

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
    const surname = leadingSurname(t.slice(i, i + 2));
    if (!surname) continue;
    let end = i + surname.length;
    while (end < t.length && end - i - surname.length < 2 && /[\u4e00-\u9fff]/.test(t[end]!) && !NAME_STOP.has(t[end]!)) end++;
    const name = t.slice(i, end);
    // 城关镇, 青石镇, 杨树沟村: a place, not a person (a name never ends in, or runs into, a place word).
    const placeLike = /[镇乡村路街区县市省沟庄屯湾河山坡岭]/.test(t[end] ?? '') || /[镇乡村路街区县市省]$/.test(name);
    if (placeLike || end - i - surname.length < 1 || NOT_NAMES.has(name) || [...NOT_NAMES].some((w) => t.startsWith(w, i))) continue;
    out.push({ at: i, end, kind: 'name', value: name });
    i = end - 1;
  }
  return out;
}

function englishNames(t: string): Mention[] {
  const out: Mention[] = [];
  for (const m of t.matchAll(EN_NAME)) {
    const words = m[1]!.split(/\s+/);
    while (words.length > 0 && EN_STOP.has(words[0]!)) words.shift();
    while (words.length > 0 && EN_STOP.has(words.at(-1)!)) words.pop();
    if (words.length >= 2) out.push({ at: m.index, end: m.index + m[0].length, kind: 'name', value: words.join(' ') });
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
export function readRepresentatives(text: string, max = 5): RepresentativeMention[] | null {
  const t = foldWidth(text).trim();
  if (!t) return null;
  if (NONE.test(t) && !/\d{7}/.test(t)) return [];
  if (ONLY_SELF.test(t) && !/\d{7}/.test(t) && englishNames(t).length === 0 && !/[和跟与]/.test(t)) {
    return [{ self: true, name: null, phone: null }];
  }
  const people: RepresentativeMention[] = [];
  let current: RepresentativeMention | null = null;
  let lastSelfEnd = -10;
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
  for (const m of mentions(t)) {
    if (m.kind === 'self') {
      current = person(true, null);
      lastSelfEnd = m.end;
    } else if (m.kind === 'other') {
      current = [...people].reverse().find((p) => !p.self) ?? current;
    } else if (m.kind === 'name') {
      // "我何建民", "我叫孙秀英", "me, Sun Haoran": the citizen's own name.
      const own = m.at === lastSelfEnd || (m.at - lastSelfEnd <= 2 && /^[,，]\s*$/.test(t.slice(lastSelfEnd, m.at))) || /[我俺](?:叫|是|名叫)\s*$/.test(t.slice(Math.max(0, m.at - 4), m.at));
      current = own ? person(true, m.value) : person(false, m.value);
    } else if (current && current.phone === null) {
      current.phone = m.value;
    }
  }
  return people.length > 0 ? people.slice(0, max) : null;
}
