/**
 * Everything one message says beyond the question asked: the citizen's own name,
 * phone and ID number (never a phone that stands beside someone else's name),
 * the township, a named place, the kind of matter, the demand, how many are
 * concerned, earlier handling and, in a report about officials, whom it is about.
 */
import { readName } from '../../../nlu/answers/name.ts';
import { readPeopleCount } from '../../../nlu/answers/people-count.ts';
import { findPlace, readPlace } from '../../../nlu/answers/place.ts';
import { priorInStory, priorSentence } from '../../../nlu/answers/prior.ts';
import { readRepresentatives } from '../../../nlu/answers/representatives.ts';
import { CONFIRM, type FormContext, type Mined, type Words } from '../../form/spec.ts';
import type { FormState } from '../../types.ts';
import { readCategory } from './category.ts';
import { sameRepresentative, slotsOf } from './slots.ts';
import { bareYes, contentSize, ownShopNamed, demandClause, eitherParty, partyIn, representativesAt, REQUEST_LEAD, respondentIn, restatedFrom, scrubPersonal, splitCount, STORY_SIZE, storySize, withoutIntroductions, withoutSecondName } from './text.ts';
import { AGAINST_SENTENCE, PLACE_LABELLED, deniedTownship, homeTownship, explicitParty, OFFICE_ONLY, officeNamed, partyOnly, partyRepeated, passportIn, localOffice } from './steps.ts';
import { say } from '../../replies.ts';


/** Words after a role that say how or when, not who ("房东马上", "老板一直"). */
const NOT_A_NAME_AFTER_ROLE = /^(?:马上|赶紧|赶快|尽快|立刻|立即|快点?|早点|及时|一直|老是|总是|天天|经常|还|又|也|就|都|才|不|没|给|把|说|要|会|能|让|跟|和)/;

/** A relative's phone given as the way to reach the citizen. */
const CONTACT_VIA =
  /(?:打|找|联系|打给|打到)(?:俺|我)?(?:家)?(?:的)?(?:孙子|孙女|儿子|闺女|女儿|老伴|老头|媳妇|儿媳|家里)(?:的)?(?:电话|手机)?(?:号)?(?:是)?[\s:：,，]*$|\b(?:call|reach|ring|contact) (?:me (?:through|via|on) )?my (?:son|daughter|grandson|granddaughter|wife|husband)(?:'s)?(?: (?:phone|number|mobile))?(?: (?:at|on))?[\s:,]*$/i;

/** Filing for a parent or spouse: "put my dads name li guoqiang", "写我爸的名字 李国强". */
const PROXY_EN = /\b(?:put|use|write|file (?:it )?under|register (?:it )?under|in) (?:my )?(?:dad|father|mum|mom|mother|husband|wife|grandpa|grandma|grandfather|grandmother|parent)(?:'?s)? name\b[\s,:]*(?:as|is|:)?\s*([A-Za-z]+ [A-Za-z]+)?/i;
const PROXY_ZH = /(?:写|填|用|登记|登)(?:我|俺)?(?:爸|妈|爹|娘|老伴|父亲|母亲|爷爷|奶奶|公公|婆婆)(?:的)?(?:名字|名)[\s，,：:]*(?:叫|是)?\s*([\u4e00-\u9fff]{2,3})?/;
/** The petitioner's phone when someone types for them: "his phone 158…", "他电话158…". */
const THEIR_PHONE = /(?:\b(?:his|her)\s+(?:phone|number|mobile|cell)(?:\s+(?:is|number))?|(?:他|她)(?:的)?(?:电话|手机)(?:号)?(?:是)?)[\s:：]*$/i;

function proxy(w: Words): { ownName: string | null; ownPhone: string | null } | null {
  const m = PROXY_EN.exec(w.text) ?? PROXY_ZH.exec(w.text);
  if (!m) return null;
  const name = m[1] && !/^(?:is|as|and|his|her|the)\b/i.test(m[1]) ? m[1].replace(/\b[a-z]/g, (c) => c.toUpperCase()) : null;
  const phone = w.entities.find((e) => e.type === 'phone' && THEIR_PHONE.test(w.text.slice(Math.max(0, e.start - 20), e.start)));
  return { ownName: name, ownPhone: phone ? String(phone.value) : null };
}

/** Whose phones and names a message gives: the citizen's own, and others' (representatives). */
function people(w: Words, ctx: FormContext, asking: string | null) {
  // Someone typing for a parent: the parent is the petitioner, the helper's own number is not theirs.
  const forOther = proxy(w);
  if (forOther) return { ...forOther, others: [], mentionsRepresentatives: false };
  // "王建军 电话…。哦不对，我名字是王建国": one person, their name said twice — the phone is theirs.
  if ((asking === 'name' || asking === 'phone') && /(?:不对|说错|打错|写错|I mean|sorry)[^。.]{0,6}(?:我(?:的)?名字(?:是|叫|应该是)|我叫|名字是|my name is)/i.test(w.text)) {
    const phones = w.entities.filter((e) => e.type === 'phone').map((e) => String(e.value));
    return { ownPhone: phones.length === 1 ? phones[0]! : null, ownName: null, others: [], mentionsRepresentatives: false };
  }
  // A bare "me" that carries neither name nor phone ("no ID with me") says nothing about whose the rest is.
  // "Liu Yuxuan (刘宇轩)", "chinese name 阮氏兰": one person's two names.
  const mentions = (readRepresentatives(withoutSecondName(w.text), 10) ?? []).filter((m) => !(m.self && !m.name && !m.phone));
  // "没开村民代表会", "人大代表": no representatives of this petition.
  const mentionsRepresentatives = /代表|representative|\b(?:represent|speak for) (?:them|us|the (?:others|group|rest)|everyone|all of (?:them|us))\b/i.test(w.text.replace(/(?:村民|职工|股东|业主)?代表(?:大)?会|人大代表|党代表|代表(?:我|俺)(?:自己)?家?/g, ''));
  // One person named, nobody else, no representatives spoken of: "欧阳建 电话159…" is the citizen.
  // ("马富贵 电话137… 身份证号4113…" typed before it is asked: a bare introduction is the citizen's own.)
  const bare = asking !== 'representatives' && w.entities.some((e) => e.type === 'phone') && !/的(?:电话|手机|号码)|[他她]/.test(w.text) && !/^[老小]/.test(mentions[0]?.name ?? '') && contentSize(w.text.replace(new RegExp(NO_ID.source, 'gi'), '').replace(/\d[\d\s-]{5,}[\dXx]|电话|手机|号码|身份证号?|[我俺](?:叫|是)|姓名|名字/g, '').replace(mentions[0]?.name ?? '', '')) <= 8;
  const lone = (asking === 'name' || asking === 'phone' || bare) && mentions.length === 1 && !mentions[0]!.self && !mentionsRepresentatives && !/[他她]|\b(?:his|her|he|she)\b/i.test(w.text.replace(/(?:我|俺)是(?:他|她)|\b(?:I'?m|I am) (?:his|her)\b/gi, ''));
  // "村支书刘某拿去了": a person named after a position is whom the story is about, not a representative.
  // (Not when representatives are being named: "代表就俺 还有俺们村会计刘长海 他电话…" names a representative.)
  const accused = (name: string) => !(mentionsRepresentatives && asking === 'representatives') && new RegExp(`(?:书记|支书|主任|会计|出纳|镇长|乡长|村长|所长|局长|站长|老板|包工头|经理|厂长)${name}`).test(w.text);
  // ("我是东湖镇李家村的李德旺，电话139…": the one who introduces themself is the citizen, phone and all.)
  const introduced = w.entities.find((e) => e.type === 'person_name')?.value;
  const selfNamed = lone || mentions.some((m) => m.self) ? undefined : mentions.find((m) => m.name !== null && m.name === introduced);
  const others = lone ? [] : mentions.filter((m) => !m.self && m !== selfNamed && m.name && !accused(m.name));
  const self = lone ? { ...mentions[0]!, self: true } : (mentions.find((m) => m.self) ?? selfNamed);
  const phones = w.entities.filter((e) => e.type === 'phone').map((e) => String(e.value));
  // "你打俺孙子 152…", "call my son on …": the number to reach the citizen by, though it is a relative's.
  const via = w.entities.find((e) => e.type === 'phone' && CONTACT_VIA.test(w.text.slice(Math.max(0, e.start - 16), e.start)));
  // A lone phone with nobody else named is the citizen's ("电话13812345678").
  // Asked for the citizen's contact, one phone not said to be someone else's is theirs, whoever else is
  // named ("俺叫田老根 老伴叫吴秀英 电话134…", "我是孩子他妈 叫韩丽娟 手机号 156…").
  const onePhone = w.entities.filter((e) => e.type === 'phone');
  const askedMine = (asking === 'name' || asking === 'phone') && !mentionsRepresentatives && onePhone.length === 1 && !/(?:(?<!孩子|娃)他|她|(?<![我俺])的)\s*(?:电话|手机)(?:号码?)?(?:是)?[\s:：]*$|\b(?:his|her|their)\s+(?:phone|number|mobile|cell)\b[^\d]{0,12}$/i.test(w.text.slice(Math.max(0, onePhone[0]!.start - 12), onePhone[0]!.start));
  // ("…刘长海 他电话138…": a phone said to be his or hers is never the citizen's.)
  const theirs = (e: { start: number }) => /(?:(?<!孩子|娃)他|她)(?:的)?\s*(?:电话|手机)(?:号码?)?(?:是)?[\s:：]*$|\b(?:his|her)\s+(?:phone|number|mobile|cell)\b[^\d]{0,12}$/i.test(w.text.slice(Math.max(0, e.start - 12), e.start));
  const lonePhone = others.length === 0 && phones.length === 1 && !theirs(onePhone[0]!);
  const ownPhone = self?.phone ?? (via ? String(via.value) : null) ?? (lonePhone ? phones[0]! : askedMine ? String(onePhone[0]!.value) : null);
  // ("我叫张三，哦不对，我叫张山": the name said after a slip taken back.)
  const intros = w.entities.filter((e) => e.type === 'person_name');
  const intro = intros.filter((e) => e.start >= restatedFrom(w.text)).at(0) ?? intros[0];
  // ("包工头叫赵老四 大名赵国强": someone else's full name is not the citizen's.)
  const formal = /(?:我|俺)(?:的)?(?:大名|学名)|(?:^|[，,。\s])(?:大名|学名)|身份证上/.test(w.text) && !/(?:包工头|老板|书记|支书|主任|会计|村长|镇长|经理|厂长|房东|邻居|隔壁|对方|他|她)[^。！!？?]{0,12}(?:大名|学名)/.test(w.text) ? readName(w.text, ctx.county.townships) : null;
  const ownName = formal && 'name' in formal ? formal.name : intro ? String(intro.value) : (self?.name ?? null);
  return { ownPhone, ownName, others, mentionsRepresentatives };
}

/** Digits that look meant as an ID number (15–19 long, not a phone): a mistyped one. */
function idLike(w: Words): boolean {
  const phones = w.entities.filter((e) => e.type === 'phone');
  return [...w.text.matchAll(/\d{15,19}[Xx]?/g)].some((m) => !phones.some((p) => p.start <= m.index && m.index < p.end));
}

/**
 * Which township a message means: one with a village or street right after it ("西山乡西山街村"), or
 * "在…"; else, in a story, the first (a later one is where people go: "跑二十多里路到城关"), and in
 * an answer that takes one back ("北岭乡，不对不对…是桃源乡"), the last.
 */
function pickTownship(w: Words, story: boolean) {
  const all = w.entities.filter((e) => e.type === 'township' && !deniedTownship(w.text, e.start, e.end));
  const placed = all.filter((e) => /^[镇乡]?[\u4e00-\u9fff]{1,6}?(?:村|街|路|社区|组|庄)|^\s*(?:[Tt]own(?:ship)?)?,?\s+[A-Z]\w+ (?:[Vv]illage|[Ss]treet|[Rr]oad|[Cc]ommunity)/.test(w.text.slice(e.end)) || /在\s*$|\bin\s*$/.test(w.text.slice(Math.max(0, e.start - 3), e.start)));
  if (placed.length > 0) return placed.at(-1);
  const takenBack = /不对|不是|说错|搞错|记错|说成|应该是|其实是|\bnot\b|\bwrong\b|\bactually\b|\bI mean/i.test(w.text);
  return story && !takenBack ? all[0] : all.at(-1);
}

/** The ID number said as someone else's, or taken back after it. */
function notOwnId(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 80);
  const theirs = /\b(?:his|her|their)\s+(?:id|id number|identity (?:card )?number)\b(?:\s+(?:is|number))?[\s:]*$/i.test(before) || /(?:他|她|我(?:爸|妈|爹|娘|老公|老婆|爱人|儿子|女儿|公公|婆婆|丈夫|媳妇))的?身份证(?:号(?:码)?)?(?:是)?[\s:：]*$/.test(before);
  const takenBack = /never ?mind the id|forget (?:about )?the id|(?:that'?s|it'?s|is) (?:not mine|my (?:husband|wife|son|daughter|father|mother|dad|mum|mom)'?s)|身份证(?:号)?(?:不算|不要了|别写|算了|写错了)|(?:这|那)?(?:个)?(?:是|不是)(?:(?:我|俺)(?:爸|妈|爹|娘|老公|老婆|爱人|老伴儿?|老头子?|老太婆|丈夫|媳妇|儿子|女儿|闺女|孙子|孙女|家属|家里人)的|我的|俺的)/i.test(after);
  return theirs || takenBack;
}

const NO_ID = /(?:rather not|don'?t want to|prefer not to|won'?t|will not|not going to|can'?t) (?:give|share|provide|tell you) (?:you )?(?:my |the )?(?:id|identity|passport)|\bno id\b|(?:不想|不愿意?|不方便|不)(?:给|提供|留|说)(?:身份证|证件)|身份证(?:号)?(?:就)?(?:不给|不提供|不留|不方便|算了|免了|不填|不写)|(?:我|俺)自己的(?:身份证)?(?:不记得|记不住|没带)|(?:俺|我)的(?:身份证)?(?:没带|没带来|不在身边|找不着|找不到)/i;

const SELF_REPRESENTS = /代表(?:就|只有|就是)?(?:我|俺)(?:自己|自个儿?|一个人?)?(?:吧|就行|就好)?(?:$|[\s，,。])|代表(?:就)?是(?:我|俺)(?=[\u4e00-\u9fff]{2,3}(?:[\s，,。]|$|电话|手机))(?![\u4e00-\u9fff]{0,4}(?:和|跟|还有|与))|(?:我|俺)(?:自己|自个儿?)?(?:来)?当代表(?:吧|就行|就好)?(?:$|[\s，,。])|\bI(?:'ll| will)? be the (?:only )?representative\b/i;

const WANTS_NAMED = /留(?:个|下)?(?:名|姓名|名字|真名)|实名|不匿名|不用匿名|不要匿名|不想匿名|写(?:上)?(?:我的)?(?:名字|真名)|\b(?:use|give|put|leave) my (?:real |full )?name\b|\bnot anonymous\b|\bno longer anonymous\b|\bdon'?t need to be anonymous\b/i;

const WANTS_ANONYMOUS = /(?:要|想|希望|就)?匿名(?:举报|反映|登记)?|不(?:想|愿意?|敢|方便)(?:留|说|透露|写)(?:我的?)?(?:名字|姓名|真名)|不留名|\b(?:i(?:'d| would) (?:like to |rather )?(?:stay|remain|be) anonymous|(?:stay|remain) anonymous|without (?:my|giving my) name)\b/i;

/** "想了想还是留个名吧 马小军 137…", "I'll give my name after all": an anonymous reporter's name (and phone), or null. */
export function namedAfterAll(w: Words, form: FormState, ctx: FormContext): { name: string; phone: string | null } | null {
  if (!slotsOf(form).anonymous || !WANTS_NAMED.test(w.text)) return null;
  const r = readName(w.text, ctx.county.townships);
  if (!r || !('name' in r)) return null;
  const phones = w.entities.filter((e) => e.type === 'phone');
  return { name: r.name, phone: phones.length === 1 ? String(phones[0]!.value) : null };
}

/** A party named by its kind only ("a chemical factory", "房东"): a later name replaces it. */
const GENERIC_PARTY_EN = /^(?:the |a |an |my |our )?(?:[a-z-]+\s)?(factory|company|plant|mill|school|landlord|employer|boss|shop|store|developer|contractor|hospital|clinic|farm)$/i;
const GENERIC_PARTY_ZH = /^(?:那个|这个|一个)?(?:[\u4e00-\u9fff]{0,2})?(工厂|厂子|厂|公司|房东|老板|学校|开发商|包工头|医院|养殖场)$/;

/** The sentences of an answer that tell of the matter: not those about the talk, whom, or only the place. */
function storySentences(text: string): string {
  const sentences = text.split(/(?<=[。！!？?；;])|(?<=\.)\s+/).map((x) => x.trim()).filter(Boolean);
  const kept = sentences.filter(
    (x) =>
      !AGAINST_SENTENCE.test(x) &&
      !/\b(?:calm|staff|a person|human)\b|工作人员|人工|冷静|不用转/i.test(x) &&
      !(contentSize(x) <= 16 && !/[了过着没欠拆占打骂推停扣]|\b(?:is|was|are|were|has|have|had|did|does)\b/i.test(x)),
  );
  return kept.length === sentences.length ? text : kept.join(' ');
}

/** Words beside the township and the place that tell what happened ("…杏花村 我爸的养老金从今年三月就没发了"). */
function tellsBesidePlace(w: Words, ctx: FormContext): boolean {
  let rest = w.text;
  for (const e of w.entities.filter((x) => x.type === 'township').reverse()) rest = rest.slice(0, e.start) + ' ' + rest.slice(e.end);
  const place = findPlace(rest, ctx.county.townships);
  if (place) rest = rest.replace(place, ' ');
  rest = rest.replace(/[\u4e00-\u9fff]{1,6}(?:村|庄|屯|社区|小区)/g, ' ');
  if (contentSize(rest) < 8) return false;
  return /\p{Script=Han}/u.test(rest) ? /[了过着没欠拆占打骂推停扣]|不给|不发|不管/.test(rest) : /\b(?:has|have|had|hasn'?t|haven'?t|didn'?t|did|was|were|is|are|took|stopped|paid|owes?|dumps?|dumped)\b/i.test(rest);
}

/** The sentence that names the township, without it: the rest is the place when it reads as one. */
/** "西山乡 上坪村 我七十八了 社保所的人说…": typed with spaces for stops, the place is the clause right after the township. */
function placeFirst(rest: string, ctx: FormContext): string | null {
  const first = rest.split(/[，,、]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)[0]!.trim();
  if (first === rest || !/\p{Script=Han}/u.test(first) || contentSize(first) < 3 || !/[村庄屯路街巷号楼院组]|小区|社区/.test(first) || /[了过着说要没找给让把被吗呢叫卖欠打拆占]/.test(first)) return null;
  const p = readPlace(first, ctx.county.townships);
  return p && 'place' in p ? p.place : null;
}

const PHONE_OWNER_ZH = /(?:留的|这个|那个|写的)?电话(?:号码?)?(?:那)?(?:写上)?是(?:俺|我)(?:家)?(闺女|女儿|儿子|老伴|孙子|孙女|媳妇|儿媳|女婿|侄子|外甥|老婆|老公|爱人)([\u4e00-\u9fff]{2,3}?)?的/;
const PHONE_OWNER_EN = /\b(?:the |this |that )?(?:phone|number|phone number) (?:i gave |given )?is my (daughter|son|wife|husband|grandson|granddaughter|niece|nephew)(?:'s)?\b(?: \(?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\)?)?/i;

/** The words staff read beside the story when the phone given is a relative's, or null. */
export function phoneOwnerNote(text: string, locale: FormContext['locale']): string | null {
  const owner = PHONE_OWNER_ZH.exec(text) ?? PHONE_OWNER_EN.exec(text);
  if (!owner) return null;
  return locale === 'zh' ? `（联系电话是${owner[1]}${owner[2] ?? ''}的）` : `(The phone given is my ${`${owner[1]!}${owner[2] ? ` ${owner[2]}` : ''}`}'s.)`;
}

function placeBesideTownship(w: Words, ctx: FormContext): string | null {
  const tw = w.entities.find((e) => e.type === 'township' && !deniedTownship(w.text, e.start, e.end) && !homeTownship(w.text, e.start));
  if (!tw) return null;
  const sentence = /[^。.!！?？;；]*$/.exec(w.text.slice(0, tw.start))![0] + w.text.slice(tw.start, tw.end) + /^[^。!！?？;；]*?(?=[。!！?？;；]|\.(?:\s|$)|$)/.exec(w.text.slice(tw.end))![0];
  const rest = sentence
    .replace(w.text.slice(tw.start, tw.end), ' ')
    .replace(/^\s*[,，、]\s*/, '')
    .replace(/(?:^|\s)(?:in|at|of)\s+(?=[\s,]|$)/gi, ' ')
    .replace(/^\s*(?:(?:it'?s|it is|this is|that'?s)\s+)?/i, '')
    .replace(/^\s*(?:就)?(?:在|是)\s*/, '')
    .replace(/\s+,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/^[,，、]\s*/, '');
  // "The bus depot is on Xinhua Road": where something is, said in English.
  const located = /\p{Script=Han}/u.test(rest) ? null : /\b(?:is|are|was|were)\s+((?:on|at|in|near|behind|next to|opposite)\s+[^.;!?]{3,60})$/i.exec(rest.replace(/[.,]+$/, ''));
  if (located && /\b(?:road|street|lane|avenue|village|square|market|bridge|station|estate|garden)\b/i.test(located[1]!)) {
    const p = readPlace(located[1]!.replace(/^(?:on|at|in)\s+/i, ''), ctx.county.townships);
    if (p && 'place' in p) return p.place;
  }
  // ("青石镇，村支书刘宝山把村里集体的地卖了": a clause that tells what happened is no place.)
  if (/\p{Script=Han}/u.test(rest) ? /[了过着说要没找给让把被吗呢叫卖欠打拆占]/.test(rest) : /\b(?:is|was|are|were|did|does|has|have|had|said|told|took|paid|owes?|owed|want|wants|lives?|rents?|owns?|tore|built|got|[a-z]{3,}ed)\b/i.test(rest)) return placeFirst(rest, ctx);
  if (contentSize(rest) < 3 || !/[村庄屯路街巷号楼院组场站区园厂]|工地|小区|旁边|附近|对面|门口|village|road|street|lane|site|estate|community|building|market|station|bridge|square|near|next to|opposite|behind/i.test(rest)) return null;
  const p = readPlace(rest, ctx.county.townships);
  return p && 'place' in p ? p.place : null;
}

export function mineIntake(w0: Words, form: FormState, ctx: FormContext, asking: string | null): Mined {
  // "yes please go ahead" says nothing beyond the yes.
  if (bareYes(w0.text)) return { values: {} };
  const s = slotsOf(form);
  // ("交警老罚我款", then the story: whom and the kind are read from both.)
  const opened = asking === 'facts' && s.opening ? `${s.opening}${ctx.locale === 'zh' ? '，' : '. '}${w0.text}` : null;
  const w = opened ? { text: opened, entities: ctx.readers.entities(opened) } : w0;
  const values: Record<string, unknown> = {};
  const replaced: Record<string, unknown> = {};
  // A first message tells a story only when there is more in it than a greeting and an introduction.
  const tells = storySize(scrubPersonal(w.text, w.entities, ctx.locale));
  // Asked what happened, told only a name and a phone: that is no story (the question stays).
  const story = asking === 'facts' ? tells >= 4 : (asking === null ? tells >= 8 : contentSize(w.text) >= STORY_SIZE);
  const who = people(w, ctx, asking);
  if (who.ownName) values['name'] = who.ownName;
  if (who.ownPhone) values['phone'] = who.ownPhone;
  // "His ID is 5101… oh wait, that's my husband's. never mind the ID": someone else's number, or one taken back, is not the petitioner's.
  const id = w.entities.find((e) => e.type === 'id_number' && !notOwnId(w.text, e.start, e.end) && !proxy(w));
  const replies = [];
  // (Given after all, once declined: "身份证俺再看看……412723…29" replaces "not given".)
  if (id?.valid !== false && id) (s.idNumber === null ? replaced : values)['idNumber'] = { number: String(id.value), type: 'resident' };
  else if (id && (s.idNumber === undefined || s.idNumber === null)) {
    // A mistyped ID number: said, and asked for on its own.
    replies.push(say(ctx.locale, 'badIdChecksum'));
    values['idRetry'] = true;
  }
  else if (asking !== 'idNumber' && s.idNumber === undefined && NO_ID.test(w.text)) {
    // "I'd rather not give my ID number", "身份证就不给了": declined with the contact details.
    values['idNumber'] = null;
  }
  else if (asking === 'name' || asking === 'phone') {
    const passport = passportIn(w.text);
    if (passport) values['idNumber'] = { number: passport, type: 'passport' };
    // (Someone else's number taken back is no mistyped one of the citizen's.)
    else if (s.idNumber === undefined && idLike(w) && !w.entities.some((e) => e.type === 'id_number')) {
      replies.push(say(ctx.locale, 'badIdFormat'));
      values['idRetry'] = true;
    }
  }
  // "电话1357220918": a mobile number a digit short (or long) is said to be so at once.
  if ((asking === 'name' || asking === 'phone') && !who.ownPhone && s.phone === undefined && /(?<!\d)1[3-9]\d{8}(?!\d)|(?<!\d)1[3-9]\d{10}(?!\d)/.test(w.text.replace(/[\s-]/g, '')) && !w.entities.some((e) => e.type === 'phone') && !/(?<!\d)1[3-9]\d{9}(?!\d)/.test(w.text.replace(/\d{17}[\dXx]/g, ''))) {
    replies.push(say(ctx.locale, 'badPhone'));
  }
  const tw = pickTownship(w, story);
  if (tw) values['township'] = String(tw.value);
  // Asked where (township and place in one question): "河口镇沙窝村" holds both.
  if (asking === 'township') {
    const p = readPlace(w.text, ctx.county.townships);
    // "青石镇，村支书刘宝山把村里集体的地卖了": a deed or a person is no place; only a place named in it.
    const told = p && 'place' in p && (/[把被卖占拆挖打偷欠]|了$/.test(p.place) || respondentIn(p.place) !== null);
    if (p && 'place' in p && !story && !told) values['address'] = p.place;
    else if (told) {
      const named = findPlace(w.text, ctx.county.townships);
      if (named) values['address'] = named;
    }
    else if (p && 'refused' in p && s.address === undefined) values['address'] = null;
  }
  // Asked where, a company or office named beside the place ("石门村 就是那个宏兴煤矿 老板姓赵"): whom, as volunteered.
  if (asking === 'township' && s.respondent === undefined && s.category !== 'conduct') {
    const org = partyIn(w.text);
    if (org && /(?:矿|公司|厂|集团|超市|店|医院|卫生院|学校|幼儿园|物业|开发商|委会|政府|局|所|站|中介)$/.test(org)) values['respondent'] = org.replace(/^(?:就是|那个|这个)+/, '');
    else if (!org && OFFICE_ONLY.test(w.text.trim())) values['respondent'] = officeNamed(w.text);
  }
  // Asked the kind, told whom ("反映村委会"): that is whom.
  const onlyParty = asking === 'category' && s.respondent === undefined ? partyOnly(w.text) : null;
  if (onlyParty) values['respondent'] = onlyParty;
  // Whom said in so many words ("被反映的是杏花村村委会和桃源乡政府", "the complaint is against the County Market
  // Regulation Bureau, not against a company"): taken whenever said, and it replaces a guess when asked where.
  const said = s.category !== 'conduct' ? explicitParty(w.text) : null;
  // ("The complaint is about the township government" after "school" was guessed from the story: said outright, it replaces.)
  if (said && s.respondent && said !== s.respondent && (asking === 'address' || (asking !== 'respondent' && w.text.split(/(?<=[。！!？?])|(?<=\.)\s+/).some((x) => AGAINST_SENTENCE.test(x.trim()))))) replaced['respondent'] = said;
  if (said && s.respondent === undefined && values['respondent'] === undefined && asking !== 'respondent') values['respondent'] = said;
  // "农资店" said first, "镇上丰收农资店" later: the named one replaces the bare kind.
  const named = typeof s.respondent === 'string' && s.respondent.length <= 4 && asking !== 'respondent' ? partyIn(w.text) : null;
  const prefix = named ? named.slice(0, named.length - String(s.respondent).length) : '';
  if (named && !replaced['respondent'] && named !== s.respondent && named.endsWith(s.respondent as string) && prefix.length >= 2 && !/[要找让把给叫被是在有和跟去到那这]/.test(prefix)) replaced['respondent'] = named;
  // "a chemical factory" from the story, "The factory is called Hengda Chemical" later: the name replaces the kind.
  if (typeof s.respondent === 'string' && !replaced['respondent']) {
    const kind = GENERIC_PARTY_EN.exec(s.respondent)?.[1] ?? GENERIC_PARTY_ZH.exec(s.respondent)?.[1];
    const called = kind ? new RegExp(`\\b(?:the |this |that )?${kind}(?:'s)?\\s+(?:name\\s+)?(?:is|was)\\s+(?:called |named |a [\\w ]{0,20}? called )?((?:[A-Z][\\w&'-]*)(?:\\s+[A-Z][\\w&'-]*){0,4})|${kind}(?:的)?(?:名字)?(?:叫|叫做|是)([\\u4e00-\\u9fff]{2,10}?)(?=[，,。.!！\\s]|$)`, 'i').exec(w.text) : null;
    // ("房东叫黄丽华": a person keeps the role beside the name — 房东黄丽华.)
    // (Only the capitalised words make a name: "the factory is by the river east of the village" names none.)
    const capitalised = called?.[1] ? (/^(?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*)*/.exec(called[1])?.[0] ?? null) : undefined;
    // ("It's the school itself, Donghu Middle School": the kind said by its proper name.)
    const Kind = kind && /^[a-z]/.test(kind) ? `${kind[0]!.toUpperCase()}${kind.slice(1)}` : null;
    const proper = Kind && !called ? new RegExp(`\\b((?:[A-Z][\\w'’&-]*\\s+){1,4}${Kind})\\b`).exec(w.text)?.[1]?.replace(/^(?:The|A|An|Our|My|It'?s)\s+/, '') : undefined;
    const properName = proper && proper.split(/\s+/).length >= 2 ? proper : undefined;
    const name = capitalised !== undefined ? capitalised : properName ?? (called?.[2] && /房东|老板|包工头/.test(kind!) ? `${s.respondent}${called[2]}` : called?.[2]);
    if (name && name !== s.respondent && !/^(?:the|a|an|it|not)$/i.test(name)) replaced['respondent'] = name;
  }
  // "地点就是南河镇中心小学门口那条路上": the place said with its label, before it is asked.
  if (s.address === undefined && asking !== 'address') {
    const labelled = PLACE_LABELLED.exec(w.text)?.[1];
    const place = labelled ? readPlace(labelled, ctx.county.townships) : null;
    if (place && 'place' in place) values['address'] = place.place;
  }
  // "养猪场" from the story, "…叫黄记生态养殖场" later: the firm's own name replaces its kind.
  // ("我店在城关镇建设街45号，叫惠民便利店": the citizen's own shop is never whom.)
  const firm0 = asking !== 'respondent' ? /(?:^|[，,。\s]|(?<=[厂场店馆司院校站]))(?:就|它|那个[\u4e00-\u9fff]{0,3})?(?:叫|名叫|叫做|名字叫)\s*([\u4e00-\u9fff]{2,12}(?:场|厂|公司|店|馆|饭店|酒店|餐厅|超市|矿|集团|医院|学校|幼儿园|合作社|站|中心))(?=$|[，,。\s])/.exec(w.text)?.[1] : undefined;
  const firm = firm0 && !ownShopNamed(w.text, firm0) ? firm0 : undefined;
  if (firm && typeof s.respondent === 'string' && !replaced['respondent'] && firm !== s.respondent && (s.respondent.length <= 4 || firm.endsWith(s.respondent.slice(-1)))) replaced['respondent'] = firm;
  // ("管水厂的是镇上的自来水站，叫西山乡供水站": named before whom was asked.)
  else if (firm && s.respondent === undefined && values['respondent'] === undefined && s.category !== 'conduct') values['respondent'] = firm;
  // "砖厂" from the story, "只知道都叫他刘老板" later: the firm and the boss it means.
  if (typeof s.respondent === 'string' && /(?:厂|公司|工地|矿|店|场|项目部)$/.test(s.respondent) && !replaced['respondent'] && asking !== 'respondent') {
    // (Not "老板姓赵" alone: the firm stays whom — "不是老板 是宏兴煤矿这个单位".)
    const boss = /叫他\s*([\u4e00-\u9fff](?:老板|总|经理|工头))|老板(?:叫|是)\s*([\u4e00-\u9fff]{2,3})(?=[，,。\s]|$)/.exec(w.text);
    const who = boss?.[1] ?? (boss?.[2] ? `老板${boss[2]}` : null);
    if (who && !/^(?:啥|什么|谁)/.test(who)) replaced['respondent'] = `${s.respondent}${who}`;
  }
  // ("刚说了 交警大队 城关中队" asked the request, whom "交警": whom said again, more exactly.)
  const again0 = asking === 'demands' ? partyRepeated(w.text) : null;
  if (again0 && !replaced['respondent'] && (s.respondent === undefined || (typeof s.respondent === 'string' && again0 !== s.respondent && again0.includes(s.respondent)))) replaced['respondent'] = again0;
  // "邻居" from the story, "是告俺邻居马二狗" later: the role with the name said after it.
  if (typeof s.respondent === 'string' && /^(?:邻居|隔壁|房东|老板|包工头|村主任|村支书|支书|书记|村长|主任|所长|站长|局长|镇长|乡长|(?:村|镇|乡)?会计|出纳|校长|院长|经理|厂长|队长|组长)$/.test(s.respondent) && !replaced['respondent']) {
    const at = w.text.indexOf(s.respondent);
    // ("邻居叫陈老三，大名陈守义": the formal name when given.)
    const called = at >= 0 ? /^(?:家)?(?:的)?(?:叫|名叫|大名叫?)([\u4e00-\u9fff]{2,3}?)(?=[，,。\s]|$)(?:[，,\s]*大名(?:叫|是)?([\u4e00-\u9fff]{2,3}))?/.exec(w.text.slice(at + s.respondent.length)) : null;
    const fuller = called ? `${s.respondent}${called[2] ?? called[1]}` : at >= 0 ? partyIn(w.text.slice(at)) : null;
    // ("让房东马上把水给开了": what follows the role there is how soon, not who.)
    const after = fuller ? fuller.slice(s.respondent.length) : '';
    if (fuller && fuller.startsWith(s.respondent) && after && !NOT_A_NAME_AFTER_ROLE.test(after)) replaced['respondent'] = fuller;
  }
  // Asked whom, told a finer place than the one kept ("Lane 3 of Yuwan village" for "Yuwan village"): the place.
  if (asking === 'respondent' && typeof s.address === 'string' && s.address && w.text.toLowerCase().includes(s.address.toLowerCase()) && w.text.trim().length > s.address.length && contentSize(w.text) <= 16 && !partyIn(w.text)) replaced['address'] = w.text.trim().replace(/[.!。！]$/, '');
  // Asked where and whom together: the party named in the answer.
  if (asking === 'address' && s.respondent === undefined && values['respondent'] === undefined && s.category !== 'conduct') {
    const party = eitherParty(w.text) ?? partyIn(w.text) ?? (OFFICE_ONLY.test(w.text.trim()) ? officeNamed(w.text) : null);
    if (party) values['respondent'] = party;
    else if (/(?:^|[，,；;\s])(?:不知道|不清楚|说不好|不晓得|don'?t know|not sure|no idea)/i.test(w.text)) values['respondent'] = null;

  }
  // Asked the kind, the citizen said what they want done ("公开卖地合同 撤销没表决的卖地"): that is the request.
  // ("I want my deposit back, just me": the count's own clause is the count, not part of the request.)
  // (A long answer that opens with the request is the request too: "I just want my 3000 back. Just me and my husband…".)
  if ((asking === 'category' || asking === 'respondent' || asking === 'address') && s.demands === undefined && REQUEST_LEAD.test(w.text.trim()) && contentSize(w.text) >= 6) {
    const { count, rest } = s.peopleCount === undefined ? splitCount(w.text) : { count: null, rest: w.text };
    const request = rest && contentSize(rest) >= 4 ? rest : w.text;
    values['demands'] = withoutIntroductions(scrubPersonal(request, ctx.readers.entities(request), ctx.locale));
    if (count && request !== w.text) values['peopleCount'] = count;
  }
  // Asked whom (or how many, or for whom), told where it went before ("找过镇上 没用", "之前找过乡里 乡里说管不了"):
  // that is the earlier handling.
  if ((asking === 'respondent' || asking === 'address' || asking === 'peopleCount' || asking === 'scope' || asking === 'representatives') && s.priorPetition === undefined && !story) {
    const prior = priorInStory(w.text);
    if (prior && prior !== 'none') values['priorPetition'] = { kind: prior, detail: scrubPersonal(w.text, w.entities, ctx.locale).slice(0, 500) };
  }
  // "never went anywhere before", "以前没反映过" said on its own whatever was asked: no earlier handling.
  if (asking !== 'priorPetition' && asking !== 'facts' && s.priorPetition === undefined && !story && contentSize(w.text) <= 14 && priorInStory(w.text) === 'none') values['priorPetition'] = { kind: 'none', detail: null };
  // "留的电话是俺闺女刘红的", "the number is my daughter's": whose phone it is, kept for staff beside the story.
  const note = phoneOwnerNote(w.text, ctx.locale);
  if (note && typeof s.facts === 'string' && (s.phone || values['phone'] || replaced['phone']) && !s.facts.includes(note)) replaced['facts'] = `${s.facts}\n${note}`.slice(0, 2000);
  // "first time" taken back ("找过镇政府，他们推给县里", "Actually wait, I did go to the labour bureau"): where it went
  // now stands in place of "never".
  if (s.priorPetition === 'none' && asking !== 'priorPetition' && asking !== 'facts' && contentSize(w.text) <= 60) {
    const prior = priorInStory(w.text);
    if (prior && prior !== 'none') {
      replaced['priorPetition'] = prior;
      replaced['priorDetail'] = scrubPersonal(priorSentence(w.text), ctx.readers.entities(priorSentence(w.text)), ctx.locale).slice(0, 500);
    }
  }
  // "just me", "就我一家" said on its own while something else is asked: the count.
  if (asking !== 'peopleCount' && asking !== 'demands' && asking !== 'representatives' && asking !== 'facts' && s.peopleCount === undefined && !story && contentSize(w.text) <= 10) {
    const { count, rest } = splitCount(w.text);
    if (count && !rest.trim()) values['peopleCount'] = count;
  }
  // "…，涉及全村200多户": a count said as such, wherever it stands.
  if (asking !== 'peopleCount' && asking !== 'demands' && asking !== 'representatives' && s.peopleCount === undefined && !story) {
    const said = /(?:涉及|受影响的?(?:有)?|一共|总共)[^，,。；;]{0,6}?[\d一二两三四五六七八九十百几]+[多来余]?(?:户|家|个人|人|口)|\b(?:affects?|affecting|concerns?)\s+(?:about |around |some )?\d+\s+(?:households|families|people)\b/i.exec(w.text)?.[0];
    const count = said ? readPeopleCount(said) : null;
    if (count) values['peopleCount'] = count;
  }
  // Asked for the request and the count together: the count said in a clause of its own.
  // A long request is still an answer to the question asked: its count clause counts.
  if (asking === 'demands' && s.peopleCount === undefined) {
    const { count } = splitCount(w.text);
    if (count) values['peopleCount'] = count;
  }
  // "老周的电话是137…" after the representatives were given: the phone is that representative's.
  const reps = s.representatives ?? [];
  const phoned = reps.length > 0 && asking !== 'representatives' ? who.others.filter((m) => m.phone && reps.some((r) => sameRepresentative(r, m))) : [];
  // ("老王" given first, "王建国 他电话…" later: the full name replaces the nickname.)
  const fuller = (r: { name: string | null }, m: { name: string | null }) => (m.name && r.name && /^[老小]/.test(r.name) && !/^[老小]/.test(m.name) ? m.name : r.name);
  if (phoned.length > 0) replaced['representatives'] = reps.map((r) => { const m = phoned.find((x) => sameRepresentative(r, x)); return m ? { ...r, name: fuller(r, m), phone: m.phone ?? r.phone } : r; });
  if (who.mentionsRepresentatives && who.others.length > 0 && asking !== 'representatives') {
    // (Only from where they are named: "…一次付清，再给延期的利息。代表是…" names no 付清.)
    const at = representativesAt(w.text);
    values['representatives'] = readRepresentatives(at > 0 ? w.text.slice(at) : w.text, ctx.county.rules.maxRepresentatives);
    // Representatives chosen speak for the many: "全村四十户，代表是周长福…" needs no "for all of them?".
    const n = ((values['peopleCount'] as { n?: number } | undefined)?.n ?? s.peopleCount ?? 0);
    if (s.scope === undefined && n >= ctx.county.rules.groupThreshold && (values['representatives'] as unknown[] | null)?.length) values['scope'] = 'all';
  } else if (asking !== 'representatives' && SELF_REPRESENTS.test(w.text)) {
    // "代表就俺自个", "我来当代表": the citizen alone represents them.
    values['representatives'] = [{ self: true, name: null, phone: null }];
    // A representative speaks for the many: "for all of them" needs no asking.
    const n = ((values['peopleCount'] as { n?: number } | undefined)?.n ?? s.peopleCount ?? 0);
    if (s.scope === undefined && n >= ctx.county.rules.groupThreshold) values['scope'] = 'all';
  }
  // Asked the township, told the place beside it ("在河口镇幸福花园工地，汽车站旁边。…", "the Riverside Garden site in Hekou,
  // near the bus station."): the place is taken with it, not asked for next.
  if (asking === 'township' && s.address === undefined) {
    const place = placeBesideTownship(w, ctx);
    if (place) values['address'] = place;
  }
  if (story) {
    // ("俺家是东胡镇周庄的": where the citizen lives is no place of the matter.)
    // (Only when the matter's own place is said beside it: "医院在城关 … 俺家是东胡镇周庄的"; "我家在城关镇老街，…拆迁" is the place.)
    const elsewhere = w.entities.some((e) => e.type === 'township' && !homeTownship(w.text, e.start)) && /(?:俺|我)(?:们)?家(?:是|住)|家住/.test(w.text);
    const place = values['address'] === undefined ? findPlace(elsewhere ? w.text.replace(/(?:俺|我)(?:们)?家(?:是|住|在)[^，,。？?\s]{1,16}|家住[^，,。？?\s]{1,16}/g, ' ') : w.text, ctx.county.townships) : null;
    if (place) values['address'] = place;
    const count = readPeopleCount(w.text, { narrative: true });
    // (Asked the request and the count together, the count's own clause has been read already.)
    if (count && values['peopleCount'] === undefined) values['peopleCount'] = count;
    const prior = priorInStory(w.text);
    if (prior) values['priorPetition'] = { kind: prior, detail: prior === 'none' ? null : scrubPersonal(priorSentence(w.text), ctx.readers.entities(priorSentence(w.text)), ctx.locale).slice(0, 500) };
    // ("I want my son to get hukou. Only our family.": the count said beside the request is no part of it.)
    const demand0 = demandClause(w.text);
    const apart = demand0 ? splitCount(demand0) : null;
    const demand = apart?.count && contentSize(apart.rest) >= 6 ? apart.rest : demand0;
    if (demand) values['demands'] = withoutIntroductions(scrubPersonal(demand, ctx.readers.entities(demand), ctx.locale));
    // The kind of matter from the story itself (the opening, the facts); a remark while
    // something else is asked must be clearer ("Xinyuan shoe factory" is no pollution).
    // "I want to file a complaint about the police." then, asked where, the story itself: it joins the facts
    // (and is read as the story it is).
    const thin = !!s.facts && (s.category === undefined || storySize(s.facts) < 20);
    // Asked where, answered with the place and the story around it ("就在村东头那个养猪场，老板姓赵，去年开始养的…"): the story is kept too.
    // ("桃源乡杏花村 我爸的养老金从今年三月就没发了": the place, then what happened.)
    // (Only the sentences that tell: "I'm perfectly calm, no need for staff", "Xishan Township, Baiyun village" and
    // "The complaint is against …" are said to us, not of the matter.)
    const told = (asking === 'address' || asking === 'township') ? storySentences(w.text) : w.text;
    const placeAndStory = (asking === 'address' || asking === 'township') && contentSize(told) >= 8 && !(s.facts ?? '').includes(told.trim()) && (contentSize(w.text) >= 30 || tellsBesidePlace(w, ctx));
    const joins = asking !== null && asking !== 'facts' && asking !== 'demands' && contentSize(told) >= 4 && ((thin && readCategory(w.text, ctx.county, ctx.readers, { story: true }) !== null) || placeAndStory);
    if (joins) replaced['facts'] = `${s.facts}\n${scrubPersonal(told, ctx.readers.entities(told), ctx.locale)}`.slice(0, 2000);
    const telling = asking === null || asking === 'facts' || joins;
    // (A first message of questions alone tells no kind: "Does it cost anything…? And who handles it…?")
    if (s.category === undefined && (telling || contentSize(w.text) >= 30) && !(asking === null && !s.facts)) {
      const guess = readCategory(w.text, ctx.county, ctx.readers, { story: true });
      if (guess && (telling || guess.confidence >= 0.75)) values['category'] = guess.code;
    }
    // ("can I stay anonymous? I drive the No. 3 bus…" read as "other"; then "…the overtime pay never comes": the kind, once clear.)
    if (s.category === ctx.county.fallbackCategory && values['category'] === undefined && asking !== 'category' && asking !== CONFIRM) {
      const clearer = readCategory(w.text, ctx.county, ctx.readers, { story: true });
      // (Never to a report about officials: that is said in so many words, not guessed from a village head named.)
      if (clearer && clearer.code !== ctx.county.fallbackCategory && clearer.code !== 'conduct' && clearer.confidence >= 0.85) replaced['category'] = clearer.code;
    }
    const category = (values['category'] as string | undefined) ?? s.category;
    if (category === 'conduct' && s.respondent === undefined) {
      const r = respondentIn(w.text);
      if (r) values['respondent'] = r;
    } else if (s.respondent === undefined && (asking === null || asking === 'facts')) {
      // Whom the complaint is against, kept when the story names it (never asked outside conduct reports).
      // ("交警老罚我款", then the story: the officers the complaint opened with are whom, named by their post.)
      const party = partyIn(w.text) ?? (opened && /交警|辅警|协警|城管|民警|警察/.test(s.opening ?? '') ? respondentIn(s.opening!) : null);
      if (party) values['respondent'] = party;
    }
  }
  // "我要举报…" and then the one reported is an official ("村支书刘宝山"): a report about officials,
  // the official its respondent and what they did more of the story.
  const official = respondentIn(w.text);
  // (A guess from the story's words gives way: "report the village accountant… road money disappeared" is about an official, not rural affairs.)
  if (s.category === undefined && (values['category'] === undefined || values['category'] !== 'conduct') && /举报|检举|控告|告发|\breport(?:ing)? (?:on|against)\b|\breport(?:ing)? (?:the |our |a |my )?(?:\w+ )?(?:accountant|secretary|head|chief|officials?|cadres?|director|leader|officer|mayor)\b/i.test(`${s.facts ?? ''} ${w.text}`) && official) {
    values['category'] = 'conduct';
    if (s.respondent === undefined && asking !== 'respondent') values['respondent'] = official;
    if (s.facts && storySize(s.facts) < 20 && asking !== 'facts' && contentSize(w.text) >= 10) replaced['facts'] = `${s.facts}\n${scrubPersonal(w.text, w.entities, ctx.locale)}`.slice(0, 2000);
  }
  // "想了想还是留个名吧 马小军 137…", "I'll give my name after all": no longer anonymous, the name and contact taken.
  const again = namedAfterAll(w, form, ctx);
  if (again) {
    replaced['anonymous'] = false;
    replaced['name'] = again.name;
    if (again.phone) replaced['phone'] = again.phone;
  }
  // "我不想留名字", "匿名反映" said (not asked) in a report about officials, at any point: the wish is kept.
  const category = (values['category'] as string | undefined) ?? s.category;
  if (category === 'conduct' && s.name === undefined && !s.anonymous && asking !== 'name' && WANTS_ANONYMOUS.test(w.text) && !/[吗么嘛呢?？]|能不能|可不可以|行不行|(?:能|可以|行|中)[^，,。\s]{0,6}不\s*$|(?:能|可以)匿名不|\b(?:can|may|could) i\b/i.test(w.text) && !WANTS_NAMED.test(w.text)) values['name'] = 'anonymous';
  // "代表 我 李红梅 135…" and then "李红梅 135…" as the citizen: one person, listed once, as the citizen.
  const own = (replaced['name'] ?? values['name'] ?? s.name) as string | null | undefined;
  const listed = (replaced['representatives'] ?? values['representatives'] ?? s.representatives) as { self: boolean; name: string | null; phone: string | null }[] | undefined;
  const twin = own && listed ? listed.find((r) => !r.self && r.name === own) : undefined;
  if (twin && listed) {
    const hasSelf = listed.some((r) => r.self);
    const merged = hasSelf ? listed.filter((r) => r !== twin).map((r) => (r.self ? { ...r, phone: r.phone ?? twin.phone } : r)) : listed.map((r) => (r === twin ? { ...r, self: true } : r));
    if (replaced['representatives'] !== undefined || s.representatives !== undefined) replaced['representatives'] = merged;
    else values['representatives'] = merged;
  }
  // "不光施工队 还有县自来水公司": both, the one named first kept.
  const notOnly = /不(?:光|只|仅)(?:是)?\s*([^\s，,。是]{2,12}?)\s*[，,\s]*(?:还有|也有)\s*([^\s，,。]{2,16}?)(?=[\s，,。]|他们|$)/.exec(w.text);
  if (notOnly && s.category !== 'conduct' && asking !== CONFIRM) {
    const first = partyIn(notOnly[1]!) ?? notOnly[1]!;
    const second = partyIn(notOnly[2]!);
    const current = (replaced['respondent'] ?? values['respondent'] ?? s.respondent) as string | undefined;
    if (second && (current === undefined || current.includes(first) || first.includes(current))) {
      if (s.respondent === undefined) values['respondent'] = `${first}、${second}`;
      else replaced['respondent'] = `${first}、${second}`;
    }
  }
  // "…派出所不给上户口 还有乡里民政也不管": one more party, the one named first kept.
  const also = /(?:^|[\s，,。；;])(?:还有|再就是|另外)\s*([^\s，,。]{2,12}?)\s*(?:也|都)(?:不|没|推|拖|说|让|叫)/.exec(w.text);
  const current = (replaced['respondent'] ?? values['respondent'] ?? s.respondent) as string | undefined;
  const more = also && s.category !== 'conduct' && asking !== CONFIRM ? partyIn(also[1]!) : null;
  if (more && typeof current === 'string' && current !== '' && !current.includes(more)) {
    const joined = `${current}、${localOffice(more, (values['township'] ?? s.township ?? null) as string | null, ctx)}`;
    if (s.respondent === undefined) values['respondent'] = joined;
    else replaced['respondent'] = joined;
  }
  return { values, replaced, replies };
}
