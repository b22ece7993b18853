/**
 * Corrections in free words, at any step: "地点说错了，是王庄村", "电话错了，我的电话是
 * 135…", "名字改成李长栓", "不是12个人，是13个人", "not Donghu, Xishan", "The place
 * should just say Liuying village". A field named in the message (by the words of
 * each step's `field`) takes the words after it; without a field word, a correction
 * marker and a value that only one field can read ("不是12个人，是13个") decide.
 * A correction is taken only when the field reads a value different from the one kept.
 */
import { SAID_BEFORE_WORDS } from './said-before.ts';
import type { FormState } from '../types.ts';
import { CONFIRM, type Correction, type FormContext, type FormSpec, type Step, type Words } from './spec.ts';
import { contentSize } from '../forms/intake/text.ts';

export type { Correction };


const MARKER =
  /(?:咋|怎么|为啥)没写|没写上|(?:就|只)写\s*[:：]|(?:这|那)(?:一)?句(?:话)?(?:也)?(?:给(?:我|俺))?(?:加上|写上|添上|补上)|(?:再|还)补(?:充)?(?:一句|几句)|(?:再|写得?|说得?)(?:细|具体|详细)(?:一)?(?:点|些)|漏写|写上|填上|补上|补全|写全|报少了|报多了|说少了|说多了|写少了|少报|多报|漏了|少算|多算|不止|写错|搞错|弄错|打错|记错|填错|不对|不(?:太|大)对|错了|更正|改一下|改成|改为|改下|换成|应该是|其实是|写成|重新说|不是.{1,16}[，,、 ]*(?:而)?是|不(?:光|只|仅|止)是.{1,16}[，,、 ]*(?:而|还|也)?(?:是|有)|\bwrong\b|\bmistake\b|\bincorrect\b|\bcorrection\b|\bcorrect (?:it|that|this|the)\b|\bchange\b|\bshould (?:just )?(?:say|be|read)\b|\bactually\b|\binstead\b|\bnot\b[^.]{1,30}[,;]\s*(?:but\s+)?(?:it'?s\s+)?\S|\bnot\b.{1,30}\bbut\b|\bnot (?:a report |a complaint )?about (?:an? )?officials?\b|,\s*not\s+(?:\d+|[a-z]+)(?:\s+\w+)?\s*[.!]*$|\bmeant\b|\bmake (?:that|it)\b|\b(?:put|include|write) (?:in )?(?:my|his|her|our) (?:chinese |full |real )?name\b|\bforgot\b|\bI mis(?:said|typed|spoke)\b/i;
/** Words that add to a free-text field rather than replace it. */
const ADD = /^[\s,，]*(?:没写全|写得不全|不全|写少了|漏了)[\s，,。]*(?:还有|还得|还要|要|得|再)?(?:加上|添上|写上|补上)?[\s，,:：]*(?=\S)|^(?:[^，,。.:：]{0,6}?|[^。.:：]{0,10}?[，,]\s*(?:要|得|还要|再)?)(?:再|还)?(?:补充|加上|添上|添|加|补)(?:上)?(?:一句|一下|几句|一点|点|一条|一项|一个)?|^\s*(?:(?:is|was|are)\s+(?:too short|incomplete|not complete|not enough|missing (?:something|things|a lot))[\s,.;!]*)?(?::|：)?\s*(?:please )?(?:also )?add(?: this| that)?(?: to it)?\b|^\s*(?:should )?also (?:say|include)\b|^\s*should (?:also )?(?:mention|include|say that|add)\b/i;

const ADD_BEFORE = /(?:再|还)?(?:补充|加上|添上|添|加|补)(?:上)?(?:一句|一下|几句|一点|点)?(?:到|在)?(?:那个)?\s*$|\badd (?:this |that )?to (?:the |my )?$/i;

/** After a field word: where its new value starts. */
const VALUE_LEAD =
  /^[\s,，:：]*(?:(?:也|都|给我|帮我|请|要|得)?(?:那个|那块|这块)?(?:的)?(?:字|名字|号码|数)?(?:写的|写得)?(?:(?:咋|怎么|为啥)没写(?:上)?|(?:还)?没改(?:过来)?|没写上|(?:写|再|写得|说得)(?:细|具体|清楚|详细)(?:点|些|一点|一些)?|具体(?:点|些|一点|一些)|乱七八糟|不对劲|报少了|报多了|说少了|说多了|写少了|漏了|少算了|多算了|说错了|写错了|搞错了|弄错了|打错了|记错了|填错了|不对|错了|有误|要改|改一下|改下|更正|补全|写全|补充)[\s,，。:：]*)*(?:(?:应该|其实|实际|正确的?|我的?|俺的?)?(?:就|只|就只|只要)?(?:是|为|改成|改为|写成|换成|写上|填上|补上|写|填|叫|改)(?:上)?(?:名字|全名|大名|姓名)?[\s:：，,]*)?(?:全[:：]?)?(?:一共|总共|共)?/;
const VALUE_LEAD_EN = /^[\s,:]*(?:(?:on|in) (?:the|my) (?:passport|id(?: card)?|documents?|papers?)\s+)?(?:(?:is|was|are)\s+(?:wrong|incorrect|not right)[\s,.;]*)?(?:(?:it |that )?(?:should (?:just |simply |only )?(?:say|be|read)|is|was|to|=|:|as)\s*[:：]?\s+|(?:it'?s|it is|they'?re|there are)\s+)?(?:actually\s+)?(?:(?:only|just|exactly|simply)\b\s*[:：]?\s*)?/i;
/** A free field's value runs to the end; others to the end of their sentence. */
const SENTENCE_END = /[。!！?？\n]|(?<!\b(?:[Nn]o|Mr|Mrs|Ms|Dr|St|Rd|Co|Ltd|Inc|Corp))\.(?!\d)/;

/** After a field word: its new value follows ("电话错了，是135…", "地点写王庄村", "request: …"). */
const DIRECT = /^\s*(?:on|in) (?:the|my) (?:passport|id(?: card)?|documents?|papers?)\s+is\b|^[\s,，]*(?:写|改|是|为|应该|叫|就是|就写|就填|就改|只写|只要|只留|只保留|要写|补全|补充|写全|加上|:|：|should|is\b|are\b)|^[^，,。]{1,8}[，,]\s*(?:是|应该是)\s*\d|^\s*(?:affected|concerned|involved)\s*[:：]|^[\s,，]*(?:说错|写错|不对|错了|有误|wrong|is wrong|incorrect)/i;

/** A field word at the head of a clause: "…。地点是…", "… and the complaint is against …", "还有代表…", "…。'以前的处理'那一项…". */
function opensClause(text: string, h: { at: number }): boolean {
  return /(?:^|[。.!！?？;；,，:：\n]\s*|\s(?:and|also|plus)\s+|还有|另外|并且|而且|以及|\b(?:change|correct|fix|update|edit|replace|set)\s+)(?:(?:the|my|our|your)\s+)?["“'‘「『]?$/i.test(text.slice(Math.max(0, h.at - 16), h.at));
}

interface Hit {
  step: Step;
  at: number;
  end: number;
}

function fieldHits(text: string, steps: readonly Step[]): Hit[] {
  const hits: Hit[] = [];
  for (const step of steps) {
    const re = step.field?.words;
    if (!re) continue;
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) hits.push({ step, at: m.index, end: m.index + m[0].length });
  }
  // Longest first, then no overlaps, in text order.
  hits.sort((a, b) => b.end - b.at - (a.end - a.at) || a.at - b.at);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => k.at < h.end && h.at < k.end)) kept.push(h);
  kept.sort((a, b) => a.at - b.at);
  // "What happened should be: A chemical plant in Qingshi Town is dumping …": a free text given in full after its
  // label holds every word to the end; a field word inside it ("Town") names no field, unless a new sentence
  // opens with a label of its own ("… Township: Taoyuan").
  const open = kept.find((h) => h.step.free && FREE_LEAD.test(text.slice(h.end)));
  // ("Earlier handling: went to the Donghu Town government twice…": a value after its label runs to its sentence's end.)
  const labelled = kept.filter((h) => /^\s*[:：]/.test(text.slice(h.end)));
  const inLabelled = (h: Hit) => labelled.some((l) => l !== h && h.at > l.at && !/[.。!！?？;；\n]/.test(text.slice(l.end, h.at).replace(/\b(?:No|Co|Ltd|Mr|Mrs|Dr|St)\./g, '')));
  if (!open) return kept.filter((h) => !inLabelled(h));
  return kept.filter((h) => h.at <= open.at || (/(?:^|[.。!！?？;；\n]\s*)$/.test(text.slice(open.end, h.at)) && LABEL_LEAD.test(text.slice(h.end))));
}

/** After a free field's label: its whole new text follows ("should be:", "：", "改成："). */
const FREE_LEAD = /^\s*(?:(?:should (?:just |only )?(?:be|say|read)|must (?:be|say|read)|is(?: just| only)?|was)\s*[:：]|[:：]|(?:应该是|改成|写成|改为|换成)\s*[:：])/i;
/** A label that starts a value of its own: "Township: …", "乡镇：…", "Township should be …". */
const LABEL_LEAD = /^\s*(?:[:：]|should (?:be|say|read)\b|应该是|改成|写成)/i;

const differs = (form: FormState, step: Step, value: unknown) => JSON.stringify(form.slots[step.name]) !== JSON.stringify(value);

/** Words after a value that are no part of it: "柳树村三组就行", "石门村啊". */
const VALUE_TAIL = /(?:[一二两三四五六七八九十几\d]个字|就行(?:了)?|就可以(?:了)?|就好(?:了)?|即可|就这样|啊|呀|吧|呢|嘛|哈)+$/;
const JUDGEMENT = /^(?:也|还|都|写得|记得)?(?:太少|太短|太简单|不全|不完整|不够|没写(?:上|全|对)?|少了|漏了|乱了|不清楚|不对)|^(?:is |was )?(?:too short|incomplete|missing (?:things|stuff|a lot))\b/i;

/** "the complaint against part is wrong": the marker words alone are no value. */
const ONLY_MARKER = /^(?:(?:the )?(?:part|bit|field|line|one|thing)\b)?[\s,.]*(?:(?:is|was|are)\s+)?(?:wrong|incorrect|not right|不对|错了|有误)?[\s,.!。！]*$/i;

/** "那一行不对 前面多了几个字 就写…", "写乱了 改成：…", "should only say: …": the new value follows the last such word. */
const DIRECTIVE = /(?:(?<=[，,。]\s{0,2})(?:就|要)?写(?=[^，,。]{2})|只要|只留|只保留|就写|只写|就填|改成|改为|写成|换成|应该是|应该写|应该归|应该算|该归|归到|算到|(?:should|must) (?:only |just )?(?:say|be|read)|just (?:say|put|write)|(?:please )?make it|change it to)[\s:：]*(?:(?:only|just)\s*[:：]\s*)?/gi;
/** What follows the value and is about the form, not the matter: "… remove the sentence about documents", "…另外…". */
const META_TAIL = /(?:[.。!！;；，,]\s*|\s+)(?:(?:please )?(?:remove|delete|drop)\b|(?:另外|还有|并且)[\s，,]*(?:我|俺)?(?:问过|去过|找过|把|那个|这个)|删(?:了|掉)|(?:后面|后头|后边|前面|前头|剩下|其他|别的|多余)(?:的|那)?(?:那|这)?(?:句|些|几句|一句|部分|话|字)?(?:话|字)?(?:都)?(?:不要|去掉|删掉|删了|拿掉|别写|不用写|不用|不是)|写清楚(?:点|些|一点)?|写明白(?:点|些)?|(?:(?:别的|其他|其余|剩下的)(?:都|也)?(?:没(?:有)?问题|没错|对(?:的)?|不用改)(?:了)?[\s，,。]*)?(?:(?:改|弄|写)(?:好|完)(?:了)?|然后|那就|就|行了|好了)?[\s，,]*(?:就)?(?:提交|交上去|交了|(?<=然后就|那就|就)交)(?:吧|了|啊)?[\s。.!！]*$|(?:别的|其他|其余)(?:都|也)?(?:没(?:有)?问题|没错|对(?:的)?)(?:了)?[\s。.!！]*$|别把[^，,。]{0,10}写(?:里头|进去|上|在里面)|(?:这个|这些|那个)?也(?:给我|给俺)?写上|(?:名字|全名|姓名|大名)(?:也)?(?:要|得)?(?:给(?:我|俺))?写上(?:去)?|\b(?:and )?(?:then )?submit(?: it)?[.!\s]*$)[^]*$/i;

/** What the summary says now, quoted to be replaced: "it says 'Donghu No'", "写的是'王老实'". */
const OLD_QUOTED = /(?:\b(?:it|that|this|the summary)\s+(?:says|reads|shows|has)|(?:现在|上面)?(?:写的|写着|显示的?)(?:是)?|(?:现在|上面)是)\s*["“'‘「『][^"”'’」』]{1,60}["”'’」』][\s,，.。]*/gi;

/** The old value said unquoted before a verdict: "那写的约5户不对", "上面写着王老实，错了". */
const OLD_SAID = /(?:那|上面|现在|这里)?写(?:的|着)(?:是)?[^，,。]{1,12}?(?:不对|错了|有误)[，,\s]*/g;

function readValue(step: Step, raw0: string, form: FormState, ctx: FormContext, same = false): Correction | null {
  // ('change "Complaint against" to: …': the quote that closed the field's name, and its "to:", lead into the value.)
  const raw = raw0.replace(/^\s*["”'’]\s*(?:to|into|as)\s*[:：]?\s*/i, '').replace(OLD_QUOTED, ' ').replace(OLD_SAID, ' ');
  // "电话俺说错了，后面是六五不是五六，是13907382265": a phone or ID number said is the value, whatever the words around it.
  const numbers = step.entity ? ctx.readers.entities(raw).filter((e) => e.type === step.entity) : [];
  if (numbers.length > 0) {
    const last = numbers.at(-1)!;
    const text = raw.slice(last.start, last.end);
    const reading = step.read({ text, entities: ctx.readers.entities(text) }, form, ctx);
    if (reading?.ok && differs(form, step, reading.value) !== same) return { step, reading };
  }
  // ("写成不光施工队不对": what it was written as, judged wrong — no new value after that 写成.)
  const directives = [...raw.matchAll(DIRECTIVE)].filter((d) => !/^[^，,。；;\s]{1,16}?(?:不对|错了|不行|有误)/.test(raw.slice(d.index + d[0].length)));
  const lastDirective = directives.at(-1);
  const fromDirective = lastDirective && (lastDirective.index > 0 || /^(?:只要|只留|只保留)/.test(lastDirective[0])) && raw.length - (lastDirective.index + lastDirective[0].length) >= 2 ? raw.slice(lastDirective.index + lastDirective[0].length) : raw;
  // ("不光是镇政府，是东湖镇政府和县交通局": the whole of what is meant follows.)
  // ("我刚数了，是126户": a remark before the value.)
  const said = fromDirective.replace(/^[^，,。]{1,8}[，,]\s*(?=(?:是|应该是)\s*\d)/, '').replace(VALUE_LEAD, '').replace(VALUE_LEAD_EN, '').replace(META_TAIL, '')
    // ("修路的施工队和县自来水公司 写成不光施工队不对": a judgement on the old words after the value is no part of it.)
    .replace(/(?<=\S{2})[\s，,]+(?:写成|写的|写着|记成)?[^\s，,。]{0,16}(?:不对|错了|有误)(?:了)?(?=[\s，,。]|$)[^]*$/, '').replace(/^\s*不(?:光|只|仅|止)是[^，,。]{1,16}[，,\s]*(?:而|还|也)?(?:是|有)\s*/, '');
  if (ONLY_MARKER.test(said)) return null;
  // "被反映的不是工地，是包工头刘大军": the new value, not the one taken back — when that reads.
  // ("…and it has still not been paid" is no value taken back: only "not X" opening a clause is.)
  // (A step that reads negations itself — the kind of matter: "不是看病的事，是社保没交" — gets the whole.)
  // ("是柳树村不是柳树屯": no comma between them either.)
  // ("是17个人 不是15个": a space parts them as well as a comma.)
  // ("什么房东马上，是房东赵建国": the old words quoted in scorn, then the new.)
  // (Not when that sentence only takes back: "My name is not 'Ma Ahmed'. It's Ma Aihe" reads on.)
  const cut = (!step.free || step.field?.joins) && !step.readsWhole && said.search(SENTENCE_END) > 0 ? said.slice(0, said.search(SENTENCE_END)) : said;
  const said1 = /^\s*(?:不是|并非|not\b)/i.test(cut) ? said : cut;
  const candidates = !step.readsWhole && /^\s*(?:不是|并非|not\b|(?:什么|啥)[^，,。]{1,16}[，,]\s*(?:而)?是)|[，,\s]\s*(?:而)?不是|[\u4e00-\u9fff]不是|(?:^|[,;]\s*)not\b/i.test(said1) ? [newValue(said1), said] : [said];
  for (const [i, candidate] of candidates.entries()) {
    let value = candidate;
    // (Whom, a short free field, ends with its sentence too: "应该是上坪村村主任刘德旺。另外山林不是…".)
    if (!step.readsWhole && step.free && step.field?.joins) {
      const end = value.search(SENTENCE_END);
      if (end > 0) value = value.slice(0, end);
    }
    if (!step.free && !step.readsWhole) {
      const end = value.search(SENTENCE_END);
      if (end > 0) value = value.slice(0, end);
      // Chinese clauses are often parted by a space or a comma alone: "县城幸福花园二期工地 不是附近村 俺们没起诉".
      const clause = /^\s*[^\s，,；;]*\p{Script=Han}[^\s，,；;]*/u.exec(value)?.[0];
      if (clause && contentSize(clause) >= 2 && /\p{Script=Han}/u.test(value.slice(clause.length))) value = clause;
    }
    // "… the place is 88 Xinhua Road, not 'On market', and …": an English value ends where the next clause starts.
    if (!step.free && !/\p{Script=Han}/u.test(value)) {
      // ("Xinmin street number 21 not 12, sorry": the value, without the apology and the old one.)
      value = value.replace(/\s*\((?:without|no|not|minus|remove)\b[^)]*\)[.!]*\s*$/i, '').replace(/[,;\s]+(?:sorry|thanks?|thank you|please|ok)[.!]*\s*$/i, '').replace(/\s+not\s+[\w'.-]+(?:\s+[\w'.-]+){0,3}[.!]*\s*$/i, '');
      value = value.split(/,\s*(?:not|and|but|also)\b/i)[0]!;
    }
    // "事情经过也太少了", "诉求写得不全": a complaint about the field, not its new words.
    if (JUDGEMENT.test(value.trim()) && contentSize(value) <= 12) continue;
    // (A quote that opens the next field's name is no part of this value: "…贫困户。'以前的处理'那一项…".)
    value = value.trim().replace(/^[.。,，;；:：!！\s]+/, '').replace(/[。.!！；;，,\s]+["“'‘「『]+$/, '').trim().replace(/[；;、。]+$/, '').replace(VALUE_TAIL, '').replace(/[\s,，.。]*(?:\band\b|\balso\b|\bplus\b|还有|另外|并且)[\s.。]*$/i, '').trim();
    // ('should be "the county civil affairs bureau"': the words inside the quotes.)
    value = value.replace(/^(?:just|only|就写|只写)?\s*["“「『'‘]([^"”」』'’]{2,80})["”」』'’]\s*(?:only|just|就行|就好)?[,，.。!！]?$/i, '$1').trim();
    if (!value) continue;
    const words: Words = { text: value, entities: ctx.readers.entities(value) };
    const reading = step.read(words, form, ctx);
    if (reading?.ok && differs(form, step, reading.value) !== same) return { step, reading };
    // ("被反映对象是拆迁办，不是低保办" when it says 拆迁办: the value meant is kept already — the words
    // taken back are no new value.)
    if (reading?.ok && candidates.length > 1 && i === 0) return null;
  }
  return null;
}

/** The sentence a field word stands in. */
function sentenceAround(text: string, h: Hit): string {
  const start = Math.max(text.lastIndexOf('。', h.at), text.lastIndexOf('. ', h.at), text.lastIndexOf('！', h.at), text.lastIndexOf('!', h.at)) + 1;
  const ends = ['。', '. ', '！', '!', '？', '?'].map((c) => text.indexOf(c, h.end)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length).trim();
}

/** "是X，不是Y" / "不是Y，是X" / "not Y, X" / "说成Y了 …X": the X. */
function newValue(text: string): string {
  const pick = (re: RegExp) => re.exec(text)?.[1]?.trim();
  return (
    // "the Sunshine Bilingual School itself (the principal, Mr. Gao), not just "employer"": what is meant comes first.
    pick(/^\s*((?:(?!\bnot\b)(?:\b(?:Mrs?|Ms|Dr|No|St|Co)\.|[^.;!?]))+?)\s*,?\s+not (?:just|only|simply|merely|any|some|a|the)\s+["“'‘]?[^"”'’.;!?]{1,40}["”'’]?\s*[.!]?\s*$/i)?.replace(/\s+itself\b/i, '').replace(/^(?:the|a|an) (?=[a-z])/, '') ??
    pick(/(?<!不|并不|可不)(?:是|为|改成|应该是)\s*([^，,。.!！；;]+?)\s*[，,]?\s*(?:而)?不是/) ??
    pick(/^\s*([^，,。.!！；;]+?)\s*[，,]?\s*(?:而)?不是/) ??
    pick(/不是[^，,。]+[，,]\s*(?:而)?是\s*([^，,。.!！]+)/) ??
    // "不是那 俺要的是赔俺房子 给俺个住的地儿": what they want, to the end.
    pick(/不是\S{0,6}\s+(?:(?:我|俺)(?:要的|想要的|说的|要求的)是|应该是|而是)\s*(.+?)[。.!！]*$/) ??
    pick(/不是[^，,。\s]+\s+(?:[^，,。\s]+\s+)?(?:而)?是\s*([^，,。.!！\s]+)/) ??
    pick(/\bnot\b[^,;.]+[,;]\s*(?:but\s+)?(?:it'?s\s+|it is\s+)?([^,;.!]+)/i) ??
    pick(/\bnot\b[^,;.]+\bbut\s+([^,;.!]+)/i) ??
    pick(/(?:^|[:;]\s*)([^,;:]+?),?\s+not\s+[^,;.]+[.!]?\s*$/i) ??
    pick(/(?:而是|是|but|it'?s|[,，])\s*([^,，]*?)\s*[.。!！]*\s*$/i) ??
    text
  );
}

/** "是新华街，不是新民街", "Binjiang Road, not Binhe Road", "把万家福改成万佳福": [new, old] pairs. */
function swaps(text: string): [string, string][] {
  const out: [string, string][] = [];
  const add = (neu: string | undefined, old: string | undefined) => {
    // "不是告村委会 是告俺邻居马二狗": the verb and the "my" are no part of either value.
    const bare = (v: string | undefined) => v?.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/^(?:告|反映|投诉|举报|找)(?:的是)?(?:俺|我|咱)?(?:们)?(?:的)?(?=[\u4e00-\u9fff]{2,})/, '');
    const o = bare(old);
    // "是河口镇的，不是青石镇": the 的 belongs to the sentence, not the value.
    const n0 = bare(neu)?.replace(/的$/, (d) => (o?.endsWith('的') ? d : ''));
    // "是上上个月摔的，不是上个月": the verb after the new value is the sentence's, not the value's.
    const at = n0 && o ? n0.lastIndexOf(o) : -1;
    const n = n0 && o && at >= 0 && n0.length - (at + o.length) <= 2 && n0.length - (at + o.length) > 0 ? n0.slice(0, at + o.length) : n0;
    // ("that's about your reply, not the fine": what the citizen meant by a question, said to us — no value.)
    if (n && /\b(?:your|you)\b|^about\b|你们?(?:的|说的|回答)/i.test(n)) return;
    // ("18号改成16号": a date or a number with its unit is specific enough, however short.)
    if (n && o && n !== o && (contentSize(o) >= 2 || (/\d/.test(o) && o.length >= 2)) && !/^\d+$/.test(o)) out.push([n, o]);
  };
  // Amounts ("5000改成6000", "是6000不是5000", "15400 not 14500"): a number of three digits or more is specific enough.
  const num = '(\\d[\\d,]{2,}(?:\\.\\d+)?)';
  const addNum = (neu: string | undefined, old: string | undefined) => {
    if (neu && old && neu !== old) out.push([neu, old]);
  };
  for (const m of text.matchAll(new RegExp(`${num}\\s*(?:改成|改为|换成|写成)\\s*${num}`, 'g'))) addNum(m[2], m[1]);
  for (const m of text.matchAll(new RegExp(`是\\s*${num}[^\\d，,。]{0,3}[，,\\s]*(?:而)?不是\\s*${num}`, 'g'))) addNum(m[1], m[2]);
  for (const m of text.matchAll(new RegExp(`${num}(?:\\s*[a-z]+)?,?\\s+not\\s+${num}`, 'gi'))) addNum(m[1], m[2]);
  // "change 5000 yuan to 6000 yuan", "5000 should be 6000".
  for (const m of text.matchAll(new RegExp(`\\bchange\\s+(?:the\\s+)?${num}(?:\\s*(?:yuan|rmb|元|块))?\\s+(?:to|into)\\s+${num}`, 'gi'))) addNum(m[2], m[1]);
  for (const m of text.matchAll(new RegExp(`${num}(?:\\s*(?:yuan|rmb|元|块))?\\s+should (?:be|say|read)\\s+${num}`, 'gi'))) addNum(m[2], m[1]);
  const zhPart = '[^，,。.!！?？\\s]{2,16}?';
  // ("我问的是低保，不是拆迁": what a question was about, not a field's value.)
  for (const m of text.matchAll(new RegExp(`(?<!问的|说的问题|问题)(?:是|应该是|叫)(${zhPart})[，,\\s]*(?:而)?不是(${zhPart})(?=[，,。.!！\\s了]|$)`, 'g'))) add(m[1], m[2]);
  // ("山林不是二百多亩，我问清楚了是二百六十亩": a remark on how they know, between the two.)
  for (const m of text.matchAll(new RegExp(`不是(${zhPart})[，,\\s]*(?:(?:我|俺)?(?:又|刚)?(?:问清楚了|问过了|数过了|重新数了|核实了|确认了|算了一下|查过了)[，,\\s]*)?(?:而)?(?:是|应该是)(${zhPart})(?=[，,。.!！\\s]|$)`, 'g'))) add(m[2], m[1]);
  for (const m of text.matchAll(new RegExp(`把(${zhPart})(?:改成|改为|换成|写成)(${zhPart})(?=[，,。.!！\\s]|$)`, 'g'))) add(m[2], m[1]);
  // ("事情经过里上个月18号改成上个月16号": right after the field's name, the old words and the new.)
  const inField = new RegExp(`^(?:里面|里头|里边|里|中|中的|里的)(?:的)?(?!把)(${zhPart})(?:也|都)?(?:改成|改为|换成|写成)(${zhPart})(?=[，,。.!！\\s]|$)`).exec(text);
  if (inField) add(inField[2], inField[1]);
  // "杏园村是河口镇的，刚才说成青石镇了": the new value said with 是, the old one with 说成/写成.
  const saidAs = new RegExp(`(?:说成|写成|打成|记成|填成)(?:了)?(${zhPart})(?:了)?(?=[，,。.!！\\s]|$)`).exec(text);
  const isNew = new RegExp(`是(${zhPart})(?:的)?(?=[，,。.!！\\s]|$)`).exec(text);
  if (saidAs && isNew) add(isNew[1], saidAs[1]);
  // "刚才说老人犯病是今年夏天 俺记错了 是去年夏天": the value before the admission, the value after it.
  const misremembered = new RegExp(`是(${zhPart})[，,\\s]*(?:我|俺)?(?:记错|说错|写错|弄错|搞错|打错)了[，,\\s]*(?:应该|其实)?是(${zhPart})(?=[，,。.!！\\s]|$)`).exec(text);
  if (misremembered) add(misremembered[2], misremembered[1]);
  const enPart = "[A-Za-z][\\w'-]*(?:\\s+[\\w'-]+){0,3}";
  for (const m of text.matchAll(new RegExp(`,?\\s+not\\s+(${enPart})(?=[\\s,.;!]|$)`, 'gi'))) {
    // "on Binjiang Road, not Binhe Road", "group 5 of Wutong village, not group 4": the words before
    // "not" that start as the old value does, else as many of the last ones as the old value has.
    const old = m[1]!.trim();
    const n = old.split(/\s+/).length;
    const sentence = text.slice(0, m.index).split(/[.!?;:]\s+/).at(-1) ?? '';
    const head = old.split(/\s+/)[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // (An article opens no name: "the bus contractor, not the school" is not "the bus".)
    const same = /^(?:the|a|an|my|our)$/i.test(head) ? undefined : [...sentence.matchAll(new RegExp(`\\b${head}\\b(?:\\s+[\\w'-]+){${n - 1}}`, 'gi'))].at(-1)?.[0];
    // "it's Huangpo village not Huangtu": the name, not the kind of place after it.
    const words = sentence.trim().split(/\s+/);
    const generic = /^(?:village|road|street|town|township|county|bureau|office|company|factory|school|hospital|clinic|lane|community)$/i;
    if (words.length > n && generic.test(words.at(-1)!) && !generic.test(old.split(/\s+/).at(-1)!)) words.pop();
    add(same ?? words.slice(-n).join(' ').replace(/^(?:it'?s|is|was)\s+/i, ''), old);
  }
  for (const m of text.matchAll(new RegExp(`\\bnot\\s+(${enPart}),?\\s+but\\s+(${enPart})`, 'gi'))) add(m[2], m[1]);
  for (const m of text.matchAll(new RegExp(`\\bchange\\s+(${enPart})\\s+to\\s+(${enPart})`, 'gi'))) add(m[2], m[1]);
  return out;
}

/**
 * Fields that hold the old words of a swap: free text gets the new words in their place;
 * a field shown otherwise than kept (a township: "Beiling Township" for 北岭乡) reads the new words.
 */
function swapped(text: string, spec: FormSpec, form: FormState, ctx: FormContext, asking: string | null): Correction[] {
  const out: Correction[] = [];
  for (const [neu, old] of swaps(text)) {
    const lower = old.toLowerCase();
    // "反映的不是小学，是县教育局": a field that holds just the old words is the one meant, not a story that mentions them.
    const whole = spec.steps.filter((s) => {
      const v = form.slots[s.name];
      return typeof v === 'string' && v.trim().toLowerCase() === lower;
    });
    // ("被反映的是X 不是信访局": the words say which field — the story that mentions the old words is left alone.)
    const namesOther = spec.steps.some((s) => s.field && !s.free && s.field.words.test(text)) || /被反映|反映的是|告的是|\bagainst\b/i.test(text);
    for (const step of whole.length > 0 ? whole : spec.steps) {
      if (step.name === asking || out.some((c) => c.step === step)) continue;
      if (step.name === 'facts' && namesOther) continue;
      const value = form.slots[step.name];
      // (Asked the place, "…是北岭乡石岗村的，不是要迁我们村" takes back a reading of it, never words of the story:
      // a story's words are swapped on the summary only.)
      if (step.free && !step.field?.joins && asking !== CONFIRM && !(typeof value === 'string' && value.trim().toLowerCase() === lower)) continue;
      // ("the landlord Mr. Liu, not the school" when whom is "middle school": the new one is all of it.)
      if (typeof value === 'string' && step.field?.joins && value.toLowerCase().includes(lower) && value.length <= old.length * 3 && value.trim().toLowerCase() !== lower) {
        const said = /\p{Script=Han}/u.test(neu) ? neu : newValue(text).replace(/^(?:and|also|but|so|oh)[,\s]+/i, '');
        const reading = step.read({ text: said, entities: ctx.readers.entities(said) }, form, ctx);
        if (reading?.ok && differs(form, step, reading.value)) out.push({ step, reading });
        continue;
      }
      if (typeof value === 'string' && value.toLowerCase().includes(lower)) {
        let at = value.toLowerCase().indexOf(lower);
        // "宏达化肥厂" with "宏达造纸厂" for "化肥厂": the words before that the new value repeats are not doubled.
        for (let k = Math.min(at, neu.length - 1); k > 0; k--) {
          if (value.slice(at - k, at) === neu.slice(0, k)) {
            at -= k;
            break;
          }
        }
        const end = value.toLowerCase().indexOf(lower) + old.length;
        const next = value.slice(0, at) + neu + value.slice(end);
        // Free text takes the words as they are; a field with a reader reads them ("北岭乡的" → 北岭乡).
        const reading = step.free ? ({ ok: true, value: next } as const) : step.read({ text: next, entities: ctx.readers.entities(next) }, form, ctx);
        if (reading?.ok && differs(form, step, reading.value)) out.push({ step, reading });
        continue;
      }
      if (value === undefined || value === null || !step.field || step.free) continue;
      if (!step.field.show(form, ctx).toLowerCase().includes(lower)) continue;
      const reading = step.read({ text: neu, entities: ctx.readers.entities(neu) }, form, ctx);
      if (reading?.ok && differs(form, step, reading.value)) out.push({ step, reading });
    }
  }
  return out;
}

/**
 * The corrections a message makes. `asking`: the step asked now, whose answer is
 * read on its own (a correction of it is just its answer).
 */
/** Fields an answer may empty again (their "not given" is null). */
/** "还有乡政府", "also the township government": one more named. */
const JOINS = /^[\s,，:：]*(?:(?:还|也)(?:有|包括)|另外还有|再加上?|加上|(?:and )?also|as well as)\s*(?:is |the )?([^，,。.!！;；]+?)(?:\s+as well|\s+too)?\s*(?=$|[，,。.!！;；])/i;

const CLEARABLE: ReadonlySet<string> = new Set(['idNumber', 'address', 'respondent']);
const REMOVE = /\b(?:remove|delete|clear|erase|take (?:out|off)|drop|leave out|get rid of)\b|去掉|删掉|删了|删除|拿掉|不要写|别写|不用写|空着/i;

/**
 * Words struck out of a field: "地点把今年76了去掉", "前面“你没写上啊”几个字不要", "remove 'only:' from the
 * request". Only quoted words or words after 把 are taken as the words to strike.
 */
const STRIKES = [
  /[“"「『‘']([^”"」』’']{1,60})[”"」』’'](?:这|那)?(?:[一二两三四五六七八九十几\d]个字|几个字|这句话?|那句话?|句话?|几句(?:话)?|一段|这段|那段)?(?:(?:不是|不算|不属于|跟|不对|错了)[^“"「『‘'。，,]{0,8}[，,]\s*)?(?:也|都)?(?:给(?:我|俺)?)?(?:去掉|删掉|删了|删除|拿掉|划掉|不要了?|别要|别写)/g,
  /把([^，,。；;把“"「『‘']{2,24}?)(?:这|那)?(?:[一二两三四五六七八九十几\d]个字|几个字|这句话?|那句话?|句话?)?(?:也|都)?(?:给(?:我|俺)?)?(?:去掉|删掉|删了|删除|拿掉|划掉)/g,
  // ("remove 'It's me and my husband'": an apostrophe inside a word is no closing quote.)
  /\b(?:remove|delete|take out|drop)\s+(?:the (?:words?|part|bit|sentence)\s+)?(?:[“"]([^”"]{1,160})[”"]|[‘']((?:[^’']|(?<=\w)['’](?=\w)){1,160})[’'])/gi,
  // ("诉求后半截俺问你话呢那几个字不要": the words pointed at by "those few words", struck without quotes.)
  /(?:^|[\s，,。；;])(?:诉求|要求|事情经过|经过|被反映对象|地点)?(?:里|里面|里头|里边)?(?:的)?(?:后半截|后半句|后边|后面|后头|前面|前头|最后|开头)?(?:的)?([^，,。；;“"「『‘'\s]{2,24}?)(?:这|那)(?:[一二两三四五六七八九十几\d]个字|几个字|几句话?|句话?)(?:也|都)?(?:给(?:我|俺)?)?(?:不要了?|别要|去掉|删掉|删了|删除|拿掉|划掉|别写|不用写)/g,
  // ("Delete this from what happened: "Also, question: …"": the words quoted after the field, struck out of it.)
  /\b(?:remove|delete|take out|drop|cut)\s+(?:this|that|these words|the (?:words?|part|bit|sentence|line))\s+(?:from|out of)\s+[^:："“]{2,30}[:：]\s*[“"]([^”"]{1,200})[”"]/gi,
  // "the request should not have 'Chen Hao' at the end", "诉求里不应该有'陈浩'".
  /\b(?:should(?:n'?t| not)|must(?:n'?t| not))\s+(?:have|include|say|contain|mention|show)\s+(?:the (?:words?|name)\s+)?[“"‘']([^”"’']{1,160})[”"’']/gi,
  /不(?:应该|该|要|用)(?:有|写|带|加)[“"「『‘']([^”"」』’']{1,60})[”"」』’']/g,
];

function struck(text: string, spec: FormSpec, form: FormState): { corrections: Correction[]; rest: string; words: string[] } {
  const out: Correction[] = [];
  const taken: string[] = [];
  let rest = text;
  for (const re of STRIKES) {
    for (const m of text.matchAll(re)) {
      const words = (m[1] ?? m[2])!.trim();
      if (contentSize(words) < 2) continue;
      // The field named in the clause is the one meant; else any field whose words hold them.
      const clause = text.slice(Math.max(0, m.index - 12), m.index);
      // ("把县医院删了": an item of a list — whom — before the same words inside the story.)
      const item = (s: Step) => (form.slots[s.name] as string).split(/、|和|,\s*|\s+and\s+/).some((x) => x.trim() === words);
      const holders = spec.steps.filter((s) => typeof form.slots[s.name] === 'string' && (form.slots[s.name] as string).includes(words)).sort((a, b) => Number(item(b)) - Number(item(a)));
      const named = holders.filter((s) => s.field?.words.test(clause));
      const step = (named.length > 0 ? named : holders)[0];
      if (!step || out.some((c) => c.step === step)) continue;
      // ("诉求里'对了我电话是'这几个字删掉": the number those words led into goes with them.)
      const value = (form.slots[step.name] as string).replace(new RegExp(`${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:\\[(?:电话|证件号|姓名|phone|ID number|name)\\])?`), ' ').replace(/^[\s，,。.；;:：]+|[\s，,；;:：、]+$/g, '').replace(/[、，,]\s*(?=[。.]$)/, '').replace(/\s{2,}/g, ' ');
      if (contentSize(value) < 2) continue;
      out.push({ step, reading: { ok: true, value } });
      taken.push(words);
      rest = rest.replace(m[0], ' ');
    }
  }
  // "诉求后面那句要多久是我问你的 不是诉求 删了", "事情经过最后一句去掉": a clause of a field, pointed at.
  const pointed = SENTENCE_STRIKE.exec(text);
  if (pointed) {
    const step = spec.steps.find((st) => typeof form.slots[st.name] === 'string' && st.field?.words.test(text.slice(0, pointed.index + 1)) && !out.some((c) => c.step === st));
    const value = step ? (form.slots[step.name] as string) : '';
    const parts = value.split(/(?<=[。！!？?；;，,])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/).filter((x) => x.trim());
    const hint = pointed[2]?.replace(/(?:是我问你的|是我问的|不是.*)$/, '') ?? '';
    const fromEnd = /后|最后|末/.test(pointed[1]!);
    const order = fromEnd ? [...parts.keys()].reverse() : [...parts.keys()];
    // (A word of it said that the field does not hold: nothing is struck.)
    const at = hint && contentSize(hint) >= 2 ? order.find((i) => parts[i]!.includes(hint)) : order[0];
    if (step && parts.length >= 2 && at !== undefined) {
      const kept = parts.filter((_, i) => i !== at).join(' ').replace(/\s{2,}/g, ' ').replace(/^[\s，,。；;]+|[\s，,；;]+$/g, '');
      if (contentSize(kept) >= 2) {
        out.push({ step, reading: { ok: true, value: kept } });
        taken.push(parts[at]!.trim());
        rest = rest.replace(pointed[0], ' ');
      }
    }
  }
  return { corrections: out, rest, words: taken };
}

/** "后面那句要多久…删了", "最后一句去掉", "the last sentence … remove it": which clause, and a word of it. */
const SENTENCE_STRIKE = /(后面|后头|最后|末尾|前面|开头|第一)(?:的)?(?:那|这)?(?:一)?句(?:话)?([^，,。\s]{0,16})[^。]{0,24}?(?:去掉|删掉|删了|删除|拿掉|划掉|不要了?)/;

/** "32 households, not 31", "32, not 31": the count said, and the one taken back. */
const COUNT_SWAP = /\b(\d{1,5})\s*(people|persons|households|families|teachers|workers|drivers|villagers|students|residents|tenants|employees|members|interns|nurses|farmers|riders|owners)?\s*,?\s*(?:not|instead of)\s+\d{1,5}\b|是(\d{1,5})(户|家|个人|人)[，,\s]*(?:而)?不是\d{1,5}|不是\d{1,5}(?:户|家|个人|人)?[，,\s]*(?:而)?(?:是|写|改成|应该是)(\d{1,5})(户|家|个人|人)/i;

/** Where one correction ends and another begins: "电话错了，是135…，还有不是12户，是13户", "…。地点…". */
const NEXT_CORRECTION = /(?<=[。；;！!])|(?<=[.!])\s+(?=And\b)|,\s*(?=and (?:it'?s|the|my|his|her|our|their|also|people|households)\b)|(?<=\b(?:corrections?|fixes|changes|things|mistakes):)\s*|(?<=\.)\s+(?=[A-Z][a-z]+(?: [a-z]+){0,2}\s*:)|[，,\s]*(?=(?:还有|另外|再有|再就是|再一个)[，,\s]*)|(?<=\.)\s+(?=(?:also|and also|plus|another thing)\b)|[,;]\s*(?=(?:and )?also\b)/i;

/**
 * The corrections of a message that makes several ("电话错了，是135…，还有不是12户，是13户"): read whole first;
 * then each part on its own adds a field the whole reading missed.
 */
function severalCorrections(words: Words, spec: FormSpec, form: FormState, ctx: FormContext, asking: string | null): Correction[] {
  const whole = correctionsIn(words, spec, form, ctx, asking);
  const parts = words.text.split(NEXT_CORRECTION).map((p) => p.replace(/^[\s，,。.；;]*(?:还有|另外|再有|再就是|再一个|and also|also|plus|another thing)?[\s，,:：]*/i, '').trim()).filter((p) => contentSize(p) >= 2);
  if (parts.length < 2 && !COUNT_SWAP.test(words.text)) return whole;
  const more: Correction[] = [];
  // "it's 32 households, not 31 - the Lis moved back": a count said against the one kept, whatever follows.
  const count = COUNT_SWAP.exec(words.text);
  const countStep = spec.steps.find((s) => s.name === 'peopleCount' && form.slots[s.name] !== undefined && s.name !== asking);
  // ("the place is Xinmin street number 21 not 12": two bare numbers are a count only when the old one is the count kept.)
  const bareNumbers = count && count[1] !== undefined && count[2] === undefined;
  const oldNumber = count ? Number(/(?:not|instead of)\s+(\d{1,5})/i.exec(count[0])?.[1]) : NaN;
  if (count && countStep && !whole.some((c) => c.step === countStep) && (!bareNumbers || oldNumber === form.slots['peopleCount'])) {
    const n = count[1] ?? count[3] ?? count[5];
    const unit = (count[2] && !/^(?:people|persons|households|families)$/i.test(count[2]) ? 'people' : count[2]) ?? count[4] ?? count[6] ?? (form.slots['peopleUnit'] === 'households' ? (ctx.locale === 'zh' ? '户' : 'households') : ctx.locale === 'zh' ? '人' : 'people');
    const c = readValue(countStep, `${n}${/^[a-z]/i.test(unit) ? ' ' : ''}${unit}`, form, ctx);
    if (c) more.push(c);
  }
  for (const part of parts) {
    for (const c of correctionsIn({ text: part, entities: ctx.readers.entities(part) }, spec, form, ctx, asking)) {
      if (!whole.some((w) => w.step === c.step) && !more.some((m) => m.step === c.step)) more.push(c);
    }
  }
  return more.length === 0 ? whole : spec.revise ? spec.revise([...whole, ...more], words, form, ctx) : [...whole, ...more];
}

/** "…，加到事情经过里", "…, add that to what happened": the words before go into the field named after them. */
const INTO_NAMED_ZH = /^(.+?)[\s，,。；;]*(?:把)?(?:这|这个|这句|这些|它)?(?:话)?(?:也)?(?:给(?:我|俺))?(?:加|补|写|放|记|添)(?:到|进|在)(?:那个)?\s*(.{1,8}?)(?:里|里面|里头|上|中)?(?:去)?(?:吧|啊|呀)?[。.!！]*$/;
const INTO_NAMED_EN = /^(.+?)[\s,.;]+(?:please )?(?:also )?(?:add|put|include) (?:that|this|it)(?: too)? (?:in|to|into|under) (?:the |my )?(.{2,24}?)(?: part| field| section)?(?: too| as well)?[.!]*$/i;
/** "再加上一句 村干部说是镇上定的", "please also add: he hit me": with no field named, the story grows. */
const ADD_LEAD = /^(?:请|麻烦)?(?:再|还)?(?:补充|加上|添上|补上|加|添)(?:一句|一下|几句|一点|点|一条)?(?:话)?[\s，,:：]+(?=\S)|^(?:please )?(?:also )?add(?: that| this)?\s*[:,]\s*|^(?:please )?(?:also )?add (?=(?:that|how|he|she|they|the|it|we|i)\b)/i;
/** "把最后那句去了", "remove the last sentence": the last words added to the story taken out again. */
const DROP_LAST = /^(?:把|将)?(?:最后|刚才|刚加的|刚补的|后加的|后面)(?:加的|补的)?(?:那|这|一)?(?:句|条|段)(?:话)?(?:给(?:我|俺)?)?(?:去了|去掉|删了|删掉|删除|不要了|拿掉|划掉|撤了)(?:吧)?[。.!！]*$|^(?:please )?(?:remove|delete|take out|drop) (?:the |that )?last (?:sentence|line|part|bit|thing i added)[.!]*$/i;

/** "remove the sentence about my husband's family from what happened", "把说我儿子的那句删了": a sentence found by what it is about. */
const ABOUT_STRIKE_EN = /\b(?:remove|delete|take out|drop|cut)\s+(?:the|that)\s+(?:sentence|part|bit|line)\s+(?:about|on|mentioning)\s+(.{3,40}?)(?:\s+(?:from|out of|in)\s+(?:the\s+)?(.{3,20}?))?(?=[,.;!]|$)/i;
const ABOUT_STRIKE_ZH = /把?(?:(事情经过|经过|诉求)(?:里|里面|里头)?(?:的)?)?(?:说|讲|提|写)(?:到)?([^，,。；;]{2,12}?)的那(?:一)?(?:句|段)(?:话)?(?:给(?:我|俺))?(?:删了|删掉|去掉|去了|拿掉|不要了)/;

function aboutStrike(text: string, spec: FormSpec, form: FormState): Correction | null {
  const m = ABOUT_STRIKE_EN.exec(text) ?? ABOUT_STRIKE_ZH.exec(text);
  if (!m) return null;
  const zh = m[0].length > 0 && ABOUT_STRIKE_ZH.test(m[0]);
  const about = (zh ? m[2] : m[1])!.trim();
  const named = zh ? m[1] : m[2];
  const free = spec.steps.filter((s) => s.free && s.field && typeof form.slots[s.name] === 'string' && (!named || s.field.words.test(named)));
  // The words that say what it is about ("husband's family" → husband, family): a sentence holding them all.
  const keys = zh ? [about.replace(/^(?:我|俺)(?:的|家)?/, '')] : about.toLowerCase().replace(/'s\b/g, '').split(/\W+/).filter((w) => w.length >= 3 && !/^(?:the|my|our|his|her|their|and|about)$/.test(w));
  if (keys.length === 0) return null;
  for (const step of free) {
    const kept = form.slots[step.name] as string;
    const sentences = kept.match(/[^。！!？?.\n]+(?:[。！!？?]|\.(?!\d)|\n|$)\s*/g) ?? [kept];
    const hit = sentences.filter((x) => keys.every((k) => x.toLowerCase().includes(k)));
    if (hit.length !== 1 || sentences.length < 2) continue;
    const value = sentences.filter((x) => x !== hit[0]).join('').trim();
    if (contentSize(value) >= 2) return { step, reading: { ok: true, value } };
  }
  return null;
}

function storyEdit(words: Words, spec: FormSpec, form: FormState, ctx: FormContext): Correction | null {
  const text = words.text.trim();
  const about = aboutStrike(text, spec, form);
  if (about) return about;
  const free = spec.steps.filter((s) => s.free && s.field && typeof form.slots[s.name] === 'string');
  const story = free[0];
  if (!story) return null;
  const glue = ctx.locale === 'zh' ? '；' : '; ';
  if (DROP_LAST.test(text)) {
    const kept = form.slots[story.name] as string;
    const cut = Math.max(kept.lastIndexOf(glue.trim()), kept.lastIndexOf(glue));
    return cut > 0 ? { step: story, reading: { ok: true, value: kept.slice(0, cut).trim() } } : null;
  }
  const named = INTO_NAMED_ZH.exec(text) ?? INTO_NAMED_EN.exec(text);
  const target = named ? free.find((s) => new RegExp(`^(?:${s.field!.words.source})`, 'i').test(named[2]!.trim())) : undefined;
  const lead = named ? null : ADD_LEAD.exec(text);
  const step = target ?? (lead ? story : undefined);
  const added = (named ? named[1]! : lead ? text.slice(lead[0].length) : '').replace(/^[\s，,:：]+|[\s，,。.]+$/g, '');
  if (!step || contentSize(added) < 2) return null;
  // ("加上身份证号 4101…", "add my phone 135…": a field's value given, not words for the story.)
  if (!target && (words.entities.some((e) => e.type === 'phone' || e.type === 'id_number') || fieldHits(added.slice(0, 8), spec.steps.filter((s) => s.field && !s.free)).some((h) => h.at <= 2))) return null;
  const kept = form.slots[step.name] as string;
  return kept.includes(added) ? null : { step, reading: { ok: true, value: `${kept}${glue}${added}` } };
}

/** "坎是土字旁的坎不是砍柴的砍": how a character is written, said beside the value — no part of any value. */
const SPELLING = /([\u4e00-\u9fff])(?:字)?是[\u4e00-\u9fff]{1,4}(?:旁|头|底|框|边|儿)的\1(?:[，,\s]*(?:不是|而不是)[\u4e00-\u9fff]{1,6}的[\u4e00-\u9fff])?/g;

export function findCorrections(words00: Words, spec: FormSpec, form: FormState, ctx: FormContext, asking: string | null): Correction[] {
  const spelled = words00.text.replace(SPELLING, ' ').replace(/\s{2,}/g, ' ');
  const words0 = spelled === words00.text ? words00 : { text: spelled, entities: ctx.readers.entities(spelled) };
  const told = asking === CONFIRM ? storyEdit(words0, spec, form, ctx) : null;
  if (told) {
    // ("It should be Maria Santos. Also please remove the sentence about …": the other sentences correct on their own.)
    const others = words0.text.split(/(?<=[。！!？?；;]|\.)\s+/).filter((x) => !ABOUT_STRIKE_EN.test(x) && !ABOUT_STRIKE_ZH.test(x));
    const rest = others.length > 0 && others.join(' ') !== words0.text ? others.join(' ') : '';
    const more = contentSize(rest) >= 4 ? findCorrections({ text: rest, entities: ctx.readers.entities(rest) }, spec, form, ctx, asking) : [];
    return [...more.filter((c) => c.step !== told.step), told];
  }
  // "The request. It should say: …": the field said as a sentence of its own, its value in the next.
  const joined = words0.text.replace(/^(\s*(?:the\s+)?[A-Za-z][A-Za-z ]{1,30}?)\.\s+(?=(?:it|that|this)\s+(?:should|must|needs? to)\b)/i, '$1: ');
  const words = joined === words0.text ? words0 : { text: joined, entities: ctx.readers.entities(joined) };
  const strikes = struck(words.text, spec, form);
  if (strikes.corrections.length === 0) return severalCorrections(words, spec, form, ctx, asking);
  // The rest of the message may correct another field ("被反映对象就写马振山，诉求前面那句'…'去掉").
  const rest = strikes.rest.replace(/^[\s，,。.]+/, '');
  // "事情经过里'能不能不留名'…去掉。改成：我爸…": the new words for the field just struck.
  const struckStep = strikes.corrections.length === 1 ? strikes.corrections[0]!.step : null;
  const instead = struckStep ? /(?:^|[。.!！；;，,]\s*)((?:(?:要|就)?(?:改成|改为|换成|写成|应该是|应该写|就写)|(?:change it to|make it|it should (?:say|be|read))\b)[\s:：]*[^]+)$/i.exec(rest)?.[1] : undefined;
  if (struckStep && instead) {
    const c = readValue(struckStep, instead, form, ctx);
    if (c) return [c];
  }
  // "…remove '…' put it in what happened", "把'…'挪到事情经过里": the words struck go to the field named.
  const moveTo = /\b(?:put|move|add)\s+(?:it|that|this|them|those words)\s+(?:in|into|to|under)\s+(?:the\s+)?|(?:放|挪|移|写|加|搬)(?:到|进|在)/i.exec(rest);
  if (moveTo && strikes.words.length === 1) {
    const after = rest.slice(moveTo.index + moveTo[0].length);
    const target = spec.steps.find((st) => st.free && st.field && st.field.words.test(after.slice(0, 24)) && !strikes.corrections.some((c) => c.step === st));
    const kept = target ? form.slots[target.name] : undefined;
    if (target && typeof kept === 'string') return [...strikes.corrections, { step: target, reading: { ok: true, value: `${kept}${ctx.locale === 'zh' ? '；' : ' '}${strikes.words[0]!}` } }];
  }
  const others = contentSize(rest) >= 4 ? severalCorrections({ text: rest, entities: ctx.readers.entities(rest) }, spec, form, ctx, asking) : [];
  return [...others.filter((c) => !strikes.corrections.some((x) => x.step === c.step)), ...strikes.corrections];
}

function correctionsIn(words: Words, spec: FormSpec, form: FormState, ctx: FormContext, asking: string | null): Correction[] {
  const text = words.text;
  // Fields said before, and optional ones never asked ("身份证号是…" on the summary adds it).
  const steps = spec.steps.filter((s) => s.field && s.name !== asking && (form.slots[s.name] !== undefined || (s.optional && asking === CONFIRM)));
  // On the summary, a bare value only one field takes ("13 people", "13677120934"): that field, said again.
  if (!MARKER.test(text) && asking === CONFIRM && contentSize(text) <= 14) {
    const bare = steps.filter((s) => (s.name === 'peopleCount' && /^\s*(?:about |around |only |just )?\d{1,5}\s*(?:people|persons|households|families|个人|人|户|家)?[\s.。!！]*$/i.test(text)) || (s.name === 'phone' && /^\s*(?:\+?86[\s-]?)?1[3-9][\d\s-]{9,12}[\s.。]*$/.test(text) && words.entities.some((e) => e.type === 'phone')));
    for (const step of bare) {
      const c = readValue(step, text, form, ctx);
      if (c) return spec.revise ? spec.revise([c], words, form, ctx) : [c];
    }
  }
  // A field word inside a value ("compensate the two families", "没开村民代表会") names no field: only one
  // that opens a clause, or is followed by its new value, does.
  const hits: Hit[] = [];
  for (const h of fieldHits(text, steps)) {
    // "别把电话写里头": a field named to keep it out of another one, not corrected.
    if (/(?:别|不要|不用|甭)把\s*$/.test(text.slice(Math.max(0, h.at - 4), h.at))) continue;
    // "People affected: 300 households": a word of the same field inside its value names it no second time.
    const prev = hits.at(-1);
    // ("诉求后面那个'…'也删掉，诉求只要：…": named again at the head of its own clause, with its value, it counts.)
    if (prev && prev.step === h.step && !/[。.!！?？;；\n]/.test(text.slice(prev.end, h.at)) && !(opensClause(text, h) && DIRECT.test(text.slice(h.end, h.end + 16)))) continue;
    // ("被反映的是镇政府 诉求再加一句 …": a field word after a space that adds to its field starts a clause too.)
    const addsAfterSpace = /\s$/.test(text.slice(0, h.at)) && ADD.test(text.slice(h.end, h.end + 16));
    const inFreeValue = hits.length > 0 && hits.at(-1)!.step.free && !opensClause(text, h) && !DIRECT.test(text.slice(h.end, h.end + 16)) && !addsAfterSpace;
    if (!inFreeValue) hits.push(h);
  }
  const marked = MARKER.test(text);
  const out: Correction[] = [];
  let namedSame = false;
  if (hits.length > 0) {
    // "地点说错了", "名字改成…", "地址写全：…": a field word with a marker in its own sentence, or followed by its new value.
    hits.forEach((h, i) => {
      const next = hits[i + 1]?.at ?? text.length;
      // ("… is the County Education Bureau (I told you earlier). And the request …": the value ends with its sentence,
      // and a remark in brackets pointing back is no part of it.)
      const after = text
        .slice(h.end, next)
        .replace(next < text.length ? /[.。!！;；]\s*(?:and|also|plus|还有|另外)?\s*(?:the|my|our|his|her)?\s*$/i : /(?!)/, '')
        .replace(new RegExp(`\\s*[(（]\\s*${SAID_BEFORE_WORDS}[^)）]{0,20}[)）]`, 'gi'), '');
      // "经过那儿再添一句：…", "add to the request: …": free text gets the words added, not replaced.
      const kept = form.slots[h.step.name];
      // "事情经过里的5000改成6000": words inside a long field swapped, the rest kept.
      if (h.step.free && typeof kept === 'string') {
        // (Not in a short one, whom or where: "the landlord Mr. Liu, not the school" is all of it, never "middle Liu".)
        const swap = swaps(after).find(([, old]) => kept.includes(old) && (!h.step.field?.joins || kept.length > old.length * 3));
        if (swap) {
          out.push({ step: h.step, reading: { ok: true, value: kept.replace(swap[1], swap[0]) } });
          return;
        }
      }
      // "补充一下经过：…": the adding word said before the field's name.
      const addsBefore = h.step.free && typeof kept === 'string' && ADD_BEFORE.test(text.slice(i > 0 ? hits[i - 1]!.end : 0, h.at));
      const adding = h.step.free && typeof kept === 'string' && (addsBefore ? /^/.exec(after) : ADD.exec(after));
      if (adding) {
        const added = after.slice(adding.index + adding[0].length).replace(/^[\s,，:：。.]+/, '').trim();
        if (contentSize(added) >= 2) out.push({ step: h.step, reading: { ok: true, value: `${kept}${ctx.locale === 'zh' ? '；' : '; '}${added}` } });
        return;
      }
      // "please remove the ID number", "the ID number is still there. delete it", "身份证号删掉": an optional
      // field emptied (never read as stopping the petition).
      const prevEnd = i > 0 ? hits[i - 1]!.end : 0;
      // ("地点把今年76了去掉": words struck out of it, not the whole field — when they are not there, nothing.)
      // (Quoted words are struck only beside a word that strikes: 'should be "the county bureau"' is the new value.)
      const strikesWords = /把(?!它|这个|那个|这项|这一项|那一项|这栏|那栏)[^，,。]{2,}?(?:去掉|删掉|删了|删除|拿掉|划掉)/.test(after) || (/[“"「『‘'][^”"」』’']+[”"」』’']/.test(after) && (REMOVE.test(after) || /不要|删|去掉|不(?:应该|该)(?:有|写)|\b(?:should(?:n'?t| not)|must(?:n'?t| not))\s+(?:have|include|say|contain|mention|show)\b/i.test(after)));
      // ("诉求后半截那几个字不要": words pointed at to strike, never the field's new value.)
      if (strikesWords || (!/^[\s,，:：]*(?:就是|就写|只写|是|写|改成|应该是|改为)/.test(after) && /(?:这|那)(?:[一二两三四五六七八九十几\d]个字|几个字|句话?|几句(?:话)?)(?:也|都)?(?:给(?:我|俺)?)?(?:不要|去掉|删掉|删了|拿掉|别要|别写)/.test(after))) return;
      // ("被反映对象里头那个县医院删了 只留交通局和公交公司": one of a list struck, the others kept.)
      if (h.step.field?.joins && typeof kept === 'string') {
        const parts = kept.split(/、|和|,\s*|\s+and\s+/).map((x) => x.trim()).filter(Boolean);
        const drop = /^[\s，,]*(?:里头|里面|里边|里)?(?:的)?(?:那个|这个)?([^\s，,。、]{2,12}?)(?:也)?(?:给(?:我|俺))?(?:删了|删掉|去掉|拿掉|划掉|不要了|不告了?)/.exec(after)?.[1];
        const left = drop ? parts.filter((x) => !x.includes(drop) && !drop.includes(x)) : parts;
        if (drop && parts.length > 1 && left.length > 0 && left.length < parts.length) {
          out.push({ step: h.step, reading: { ok: true, value: left.join(ctx.locale === 'zh' ? '、' : ', ') } });
          return;
        }
      }
      // ("地点就是杏花村，后头那个社保所删了": a new value said first — the rest strikes words, not the field.)
      const valueFirst = /^[\s,，:：]*(?:就是|就写|只写|是|写|改成|应该是)\s*[^\s，,。.删去]/.test(after);
      if (h.step.optional && CLEARABLE.has(h.step.name) && !valueFirst && (REMOVE.test(text.slice(Math.max(prevEnd, h.at - 16), h.at)) || REMOVE.test(after.split(/[.。!！?？;；]/)[0]!.slice(0, 40)) || (REMOVE.test(after.slice(0, 60)) && /\b(?:it|that|this|them)\b|它|这个|那个/.test(after.slice(0, 60))))) {
        out.push({ step: h.step, reading: { ok: true, value: null } });
        return;
      }
      // "被反映的还有乡政府，不光是村委会", "against the school as well": one more beside the one kept.
      const joined0 = h.step.field?.joins && typeof kept === 'string' ? JOINS.exec(after)?.[1] : undefined;
      // ("还有那个租客 叫赵强 他才是赖着不走的人 …": the one added, by name — not the remarks after it.)
      const spaced = joined0 ? /^(?:那个|这个)?([\u4e00-\u9fff]{2,8})\s+(?:叫|名叫|姓名是)([\u4e00-\u9fff]{2,3})(?=\s|$)/.exec(joined0) : null;
      const joined = spaced ? `${spaced[1]}${spaced[2]}` : joined0 && /\p{Script=Han}\s+\p{Script=Han}/u.test(joined0) ? joined0.split(/\s+/)[0]! : joined0;
      if (joined && typeof kept === 'string' && contentSize(joined) >= 2 && !kept.includes(joined.trim())) {
        const glue = h.step.field?.joins === 'more' ? (ctx.locale === 'zh' ? '' : ', ') : ctx.locale === 'zh' ? '和' : ' and ';
        out.push({ step: h.step, reading: { ok: true, value: `${kept}${glue}${joined.trim()}` } });
        return;
      }
      // "身份证俺也给你 4109…": a number right after the field's word is its value.
      // ("The complaint is against Liu Dapeng …", "反映的是…": the field's words end in a verb whose object is the value.)
      const direct = DIRECT.test(after) || (!h.step.free && /^[^。.!！?？]{0,8}?\d{11,18}[Xx]?/.test(after)) || (asking === CONFIRM && /(?:\bagainst|的是)\s*$/i.test(text.slice(h.at, h.end)) && /^\s*\S/.test(after));
      if (!MARKER.test(sentenceAround(text, h)) && !direct) return;
      // The new value after the field word ("电话错了，是135…"), or around it ("the family is 4 people, not 3").
      // The sentence around the field word holds the value only when the words after it are more than a
      // verdict on the field ("诉求写得不对", "事情经过写得不全" say what is wrong, not what is right).
      const verdict = after.replace(OLD_QUOTED, ' ').replace(VALUE_LEAD, '').replace(VALUE_LEAD_EN, '').trim();
      const judged = ONLY_MARKER.test(verdict) || JUDGEMENT.test(verdict) || JUDGEMENT.test(after.replace(/^[\s,，:：]+/, ''));
      // "诉求改成把路修成水泥路" when it says so already: that field is meant, no other one, and not
      // the sentence around it read again.
      // (Only a value said straight after the field word: "乡镇说错了，…家住东湖镇" reads on in its sentence.)
      const sameAfter = /^[\s,，]*(?:[:：]|(?:[:：]\s*)?(?:是|为|写|就是|就写|只写|只留|应该是|改成|改为|叫|should be|is\b))/i.test(after) && (readValue(h.step, after, form, ctx, true) !== null || readValue(h.step, after.replace(/[，,；;].*$/s, ''), form, ctx, true) !== null);
      if (sameAfter) namedSame = true;
      // ("被反映的人写孙建军，别光写邻居", "只写孙建军，后面那几个字去掉": the instruction after the value is no part of it.)
      const told = after.replace(/[，,；;]\s*(?:别光?写|别只写|不要(?:再)?写|不光写|(?:后面|后头|前面|前头)(?:那)?(?:几个字|句话?|半截)|把[^，,。]{1,12}(?:去掉|删了|删掉))[^。.!！]*$/, '');
      const c0 = readValue(h.step, told, form, ctx) ?? (judged || sameAfter ? null : readValue(h.step, sentenceAround(text, h), form, ctx));
      // A long story is never replaced by a few words ("What happened still says Qingshi town, it should say
      // Nanhe town"): that is a change inside it, which a swap makes, or nothing.
      // ("Request: a proper bus…", "诉求改成：…": the new words said outright replace, however short.)
      const outright = /^\s*[:：]|^[\s,，]*(?:改成|改为|就写|只写|should (?:just |only )?(?:say|be|read)|(?:is|was)(?: just| only)?\s*[:：])/i.test(after);
      const shrinks = c0 !== null && h.step.free && !outright && typeof kept === 'string' && contentSize(kept) >= 30 && typeof c0.reading.value === 'string' && contentSize(c0.reading.value) < Math.min(20, contentSize(kept) / 2);
      const c = shrinks ? null : c0;
      // A field named twice ("诉求改成：…，诉求就这些"): its last reading stands, said once.
      if (c) out.splice(0, out.length, ...out.filter((o) => o.step !== c.step), c);
    });
    if (out.length > 0 || !marked || namedSame) return spec.revise ? spec.revise(out, words, form, ctx) : out;
  }
  // No field named: old words swapped for new ones, where the old words stand ("是万佳福 不是万家福").
  const swappedWords = marked || /不是|\bnot\b/i.test(text) ? swapped(text, spec, form, ctx, asking) : [];
  if (swappedWords.length > 0) return spec.revise ? spec.revise(swappedWords, words, form, ctx) : swappedWords;
  if (!marked) return out;
  // (A story or a request named, its change not understood: never a value for another field — "事情经过…改成16号" is no place.)
  if (hits.length > 0 && hits.every((h) => h.step.free)) return spec.revise ? spec.revise(out, words, form, ctx) : out;
  // No field word: the new value (not the one taken back), read by the one field that takes it —
  // only a short value ("不是12个人，是13个"), never a remark that happens to hold a marker.
  const tail = newValue(text);
  if (contentSize(tail) > 16) return spec.revise ? spec.revise(out, words, form, ctx) : out;
  const tailEntities = ctx.readers.entities(tail);
  const typed = (type: string) => tailEntities.some((e) => e.type === type);
  // Only a value of a recognisable kind says which field it corrects: a township, a phone, an ID number,
  // a name, a count, a place. Words read by a trained reader (the kind of matter) need the field named.
  const byType = (s: Step) =>
    (s.name === 'township' && typed('township')) ||
    (s.name === 'phone' && typed('phone')) ||
    (s.name === 'idNumber' && typed('id_number')) ||
    (s.name === 'name' && typed('person_name')) ||
    (s.name === 'peopleCount' && (typed('people_count') || /^\s*\d{1,6}\s*(?:个|人|户|people|persons|households|families|drivers|workers|villagers|students|children|kids|members|owners|residents|tenants|employees|of us)?\s*(?:$|[—–,.;，。!！]|-\s)|^[一二两三四五六七八九十百几]+[多来余]?[个人户]/.test(tail))) ||
    (s.name === 'address' && /[村庄屯路街巷号楼院区]|village|road|street|building/i.test(tail));
  for (const step of steps.filter(byType)) {
    const c = readValue(step, tail, form, ctx);
    if (c) return spec.revise ? spec.revise([c], words, form, ctx) : [c];
  }
  return spec.revise ? spec.revise(out, words, form, ctx) : out;
}

/** Words that only lead into what follows: "Wait,", "Sorry, I'm back.", "等等，", "哦". */
const LEAD_IN_ONLY = /^(?:(?:wait|hold on|hang on|sorry|oh|oops|hmm|well|ok|okay|right|so|i'?m back|back again|等等|等一下|哦|噢|哎|唉|对了|不好意思|我回来了|回来了)[\s,，.。!！:：…]*)+$/i;

/** The clauses of a message that correct nothing ("南河镇马庄村 不是告村委会 是告俺邻居马二狗" → "南河镇马庄村"). */
export function clausesBesideCorrections(text: string): string {
  const parts = text.split(/(?<=[。！!？?；;\n，,])|(?<=\.)\s+(?=[A-Z])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/);
  // Only the clauses before the correction: what follows it explains the correction
  // ("乡镇说错了，我是在城关上班，家住东湖镇").
  const kept: string[] = [];
  let inCorrection = false;
  for (const p of parts) {
    // ("头一句不是说了吗": a reproach, no correction.)
    const told = p.replace(/不是(?:都|早)?(?:说了|说过|讲了|讲过|跟你说|告诉你)/g, '');
    if (MARKER.test(told) || /不是|\bnot\b/i.test(told)) inCorrection = true;
    // ("老李说不是30户，是32户。代表就我和老李…": a new sentence after the correction answers again.)
    // ("Wait, I made a mistake: … The outlet is at Shangyu village": a lead-in is no clause of its own.)
    else if (!inCorrection && !LEAD_IN_ONLY.test(p.trim())) kept.push(p.trim());
    if (inCorrection && /[。！!？?；;\n]$|\.$/.test(p.trim()) && kept.length === 0) {
      const at = text.indexOf(p) + p.length;
      const after = text.slice(at).trim();
      return after && !MARKER.test(after) ? after : '';
    }
  }
  return kept.join(' ').trim();
}

/** The sentences of a message that correct nothing ("不是化肥厂，是宏达造纸厂。希望环保局来查" → "希望环保局来查"). */
export function besideCorrections(text: string): string {
  return text
    .split(/(?<=[。！!？?；;\n]|\.\s)/)
    .filter((s) => !MARKER.test(s) && !/不是|\bnot\b/i.test(s))
    .join('')
    .trim();
}


/**
 * Fields a message names with the value they hold already ("不匿名了 名字写马小军" when it says 马小军):
 * nothing to correct, and it is said so.
 */
export function unchangedFields(words: Words, spec: FormSpec, form: FormState, ctx: FormContext): Step[] {
  const steps = spec.steps.filter((s) => s.field && form.slots[s.name] !== undefined && form.slots[s.name] !== null);
  const hits = fieldHits(words.text, steps);
  return hits.filter((h, i) => readValue(h.step, words.text.slice(h.end, hits[i + 1]?.at ?? words.text.length), form, ctx, true) !== null).map((h) => h.step);
}
