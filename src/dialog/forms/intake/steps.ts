/**
 * The intake's steps, in the order they are asked: each says when it is due, how
 * an answer is read and validated, its question (and example), and what happens
 * the third time (the citizen's words kept, skipped, or a person).
 */
import { foldDialect } from '../../../nlu/dialect.ts';
import { SAID_BEFORE_TAIL, SAID_BEFORE_WORDS } from '../../form/said-before.ts';
import { townshipName, unitName } from '../../../domain/county/schema.ts';
import { readName } from '../../../nlu/answers/name.ts';
import { groupScopeIn as scopeOf, readPeopleCount } from '../../../nlu/answers/people-count.ts';
import { findPlace, readPlace } from '../../../nlu/answers/place.ts';
import { priorChannelIn, priorInStory } from '../../../nlu/answers/prior.ts';
import { readRepresentatives, type RepresentativeMention } from '../../../nlu/answers/representatives.ts';
import { nearTownship, suggestTownships } from '../../../nlu/extractors/township-suggest.ts';
import type { Entity, EntityType } from '../../../nlu/extractors/types.ts';
import { t, type MessageKey } from '../../catalog/catalog.ts';
import type { FormContext, GiveUp, Reading, Step, Words } from '../../form/spec.ts';
import { channelText, guideText, guideVersion } from '../../guide.ts';
import { button, say } from '../../replies.ts';
import type { Button, FormState, Locale, PriorPetition, Reply } from '../../types.ts';
import { ask } from '../ask.ts';
import { readCategory } from './category.ts';
import { isGroup, LAWFUL_CHANNEL, setSlots, slotsOf } from './slots.ts';
import { bareYes, contentSize, withoutOpening, eitherParty, isBareAnnouncement, isRefusal, partyIn, REQUEST_LEAD, respondentIn, restated, restatedFrom, representativesAt, roleNamedEn, scrubPersonal, splitCount, storySize, withoutIntroductions, withoutSecondName, withoutTalk } from './text.ts';
import { findRespondentUnits } from '../../../domain/routing.ts';
import { channelFor } from './triage.ts';

const PRIORS: readonly PriorPetition[] = ['none', 'earlier_petition', 'lower_level', 'litigation', 'arbitration', 'reconsideration', 'recheck_closed'];
const PRIOR_LABEL: Readonly<Record<PriorPetition, MessageKey>> = {
  none: 'priorNone',
  earlier_petition: 'priorEarlier',
  litigation: 'priorLitigation',
  arbitration: 'priorArbitration',
  reconsideration: 'priorReconsideration',
  lower_level: 'priorLowerLevel',
  recheck_closed: 'priorRecheckClosed',
};
/** Longest free text kept for facts, demands, a respondent. */
export const MAX_TEXT = 2000;

const ok = (value: unknown, extra: Partial<Extract<Reading, { ok: true }>> = {}): Reading => ({ ok: true, value, ...extra });
/** "刚才说过了：…", "I just told you: …", "to: …": words about the answer, not the answer. */
const ANSWER_LEAD = new RegExp(`^(?:${SAID_BEFORE_WORDS}|to\\b|is\\b)\\s*[:：,，!！.。]*\\s*`, 'i');
const unlead = (w: Words): Words => {
  let text = w.text.replace(ANSWER_LEAD, '');
  // ("Thank you, that helps. Then I want to file one here. The middle school …": the story starts after them.)
  text = withoutOpening(text);
  return text === w.text ? w : { text, entities: w.entities.map((e) => ({ ...e, start: e.start - (w.text.length - text.length), end: e.end - (w.text.length - text.length) })) };
};
const failed = (...replies: Reply[]): Reading => ({ ok: false, replies });
const settle = (form: FormState, patch: Record<string, unknown>, replies: Reply[] = [], note?: [string, string]): GiveUp => ({
  form: { ...setSlots(form, patch), notes: note ? { ...form.notes, [note[0]]: note[1] } : form.notes },
  replies,
});
const kept = (l: Locale, words: string) => say(l, 'keptWords', { words: words.slice(0, 80) });
const notGiven = (l: Locale) => t(l, 'notGiven');
const clip = (s: string) => s.slice(0, MAX_TEXT);
const scrub = (w: Words, l: Locale) => clip(scrubPersonal(w.text, w.entities, l));

const townshipLabel = (ctx: FormContext, name: string | null | undefined) => (name ? townshipName(ctx.county, name, ctx.locale) : notGiven(ctx.locale));

export function countText(n: number, unit: 'people' | 'households' | undefined, l: Locale): string {
  if (n === 1) return t(l, unit === 'households' ? 'oneHousehold' : 'onePerson');
  return t(l, unit === 'households' ? 'householdUnit' : 'peopleUnit', { n });
}

// ---- consent --------------------------------------------------------------

export const consent: Step = {
  name: 'consent',
  expecting: 'consent',
  // Not asked on its own: the summary presents the three understandings and submitting confirms them
  // (intakeSpec.summary.preface). Kept for a draft that was asking it and for its button.
  due: () => false,
  read(w, _f, ctx) {
    const r = ctx.readers.answer('consent', w.text);
    if (!r || r.confidence < 0.5) return null;
    if (r.label === 'yes') return ok({ at: ctx.now.toISOString(), version: guideVersion(ctx.county) });
    if (r.label === 'more') return failed({ text: guideText(ctx.county, 'procedure', ctx.locale) });
    return failed(say(ctx.locale, 'consentNeeded'));
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const buttons = [button(l, 'consentYes', 'consent:yes'), button(l, 'consentMore', 'guide:procedure'), button(l, 'btnCancel', 'cmd:cancel')];
    const question = say(l, 'consentAsk', undefined, buttons);
    if (again || f.asks > 1) return [question];
    return [say(l, 'consentIntro', { summary: guideText(ctx.county, 'summary', l) }), question];
  },
  // The summary's submit button then carries the confirmation (said in the summary).
  giveUp: (f, _w, ctx) => settle(f, { consent: { at: ctx.now.toISOString(), version: guideVersion(ctx.county), implied: true } }),
  press: (arg, _f, ctx) => (arg === 'yes' ? { at: ctx.now.toISOString(), version: guideVersion(ctx.county) } : undefined),
};

// ---- facts ----------------------------------------------------------------

export const facts: Step = {
  name: 'facts',
  expecting: 'facts',
  free: true,
  plausible: (w) => contentSize(w.text) >= 10,
  due: (f) => !slotsOf(f).facts,
  read(w0, _f, ctx) {
    const w = unlead(w0);
    if (isBareAnnouncement(w.text)) return null;
    // "yes please go ahead" asked what happened is a go-ahead, not the story.
    if (bareYes(w.text)) return failed(say(ctx.locale, 'tooShort'));
    const scrubbed = scrub(w, ctx.locale);
    // "我叫李秀英，电话139…" asked what happened: the introduction fills its own fields; the story is still to come.
    if (scrubbed !== w.text && storySize(scrubbed) < 4) return null;
    return contentSize(w.text) >= 4 ? ok(scrubbed) : failed(say(ctx.locale, 'tooShort'));
  },
  // (The few words said first, "交警老罚我款", open the story.)
  apply: (f, v) => {
    // Asked again from the summary ("事情经过" chosen to change), a sentence or two is more of the story, never
    // all of it: "补贴是今年三月份取消的" after "俺腿瘸了二十年 有残疾证 …" is added, as a long story is never
    // replaced by a few words (a whole new story, or "事情经过改成：…", still replaces).
    const kept = slotsOf(f).facts;
    if (kept && f.asking === 'facts' && contentSize(kept) >= 30 && contentSize(String(v)) < Math.min(20, contentSize(kept) / 2) && !kept.includes(String(v))) {
      return setSlots(f, { facts: `${kept}\n${String(v)}`.slice(0, MAX_TEXT) });
    }
    const opening = slotsOf(f).opening;
    const next = setSlots(f, { facts: opening && !String(v).includes(opening) ? `${opening}\n${String(v)}`.slice(0, MAX_TEXT) : (v as string) });
    return opening ? { ...next, slots: { ...next.slots, opening: undefined } } : next;
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askFacts', example: 'exFacts' }, again),
  giveUp: (f, words, ctx) => settle(f, { facts: clip([slotsOf(f).opening, words].filter(Boolean).join('\n') || notGiven(ctx.locale)), opening: undefined }),
  field: { label: 'fFacts', words: /事情经过|经过|事实|事情(?!的?经过)|what happened|the story|facts|description/i, show: (f) => slotsOf(f).facts ?? '' },
};

// ---- township -------------------------------------------------------------

function townshipButtons(ctx: FormContext, names?: readonly string[]): Button[] {
  return (names ?? ctx.county.townships.map((x) => x.name)).map((n) => ({ label: townshipName(ctx.county, n, ctx.locale), payload: `township:${n}` }));
}

/** A township said and taken back: "不是东湖，是桃源", "刚才说成青石镇了", "not Donghu". */
export function deniedTownship(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 4);
  return /不是|并非|not\s*$|哦不对|不对|说成|写成|打成|弄成|搞成/i.test(before) || /^(?:的?)(?:不对|错了|说错)/.test(after) || (/说成|写成/.test(before) && /^了/.test(after));
}

/** "俺家是东湖镇周庄的", "家住城关", "周庄是俺家在东湖镇": the township the citizen lives in, said as such. */
export function homeTownship(text: string, start: number): boolean {
  return /(?:(?:俺|我)(?:们)?家(?:是|住|在)?|家住|住在|老家(?:是|在)?|(?:俺|我)(?:家)?在)\s*$|\b(?:i|we) (?:live|lives|am living|are living) in\s*$|\bmy home is in\s*$/i.test(text.slice(Math.max(0, start - 20), start));
}

/** "the social security bureau", "I guess the Nanhe civil affairs office": only an office or a company, no place. */
export const OFFICE_ONLY = /^(?:(?:i (?:guess|think|suppose)|probably|maybe|perhaps)\s+)?(?:the |a |an |our |my )?(?:[\w'&-]+\s+){0,4}(?:bureau|office|department|government|committee|company|factory|school|hospital|station|authority|administration|centre|center)[.!]?$/i;
/** The office named, without the guessing and the article ("Nanhe civil affairs office"). */
export const officeNamed = (text: string) => text.trim().replace(/^(?:(?:i (?:guess|think|suppose)|probably|maybe|perhaps)\s+)?(?:the|a|an|our|my)\s+/i, '').replace(/[.!]$/, '');

/** "不在你们县，在市里", "it's not in your county": the place is elsewhere — no township of ours to ask for. */
export const OUTSIDE_COUNTY =
  /(?:不是|不在|不属于)(?:咱|咱们|本|你们|我们|这个|这)(?:县|县里)(?:的|里)?|(?:在|是)市里(?![^，。,]{0,4}(?:乡|镇))|(?:在)?(?:外县|外省|外市|邻县|隔壁县|别的县|其他县|省城|省会)|\b(?:not|isn'?t|wasn'?t) (?:in|part of) (?:your|the|this) county\b|\boutside (?:of )?(?:your|the|this) county\b|\b(?:in )?(?:another|a different|the next|the neighbou?ring) (?:county|province)\b|\bprovincial capital\b/i;

export const township: Step = {
  name: 'township',
  expecting: 'township',
  due: (f) => slotsOf(f).township === undefined,
  read(w, f, ctx) {
    const l = ctx.locale;
    const all = w.entities.filter((e) => e.type === 'township');
    // ("医院在城关 县医院嘛 俺家是东胡镇周庄的": where it happened, not where the citizen lives.)
    const said = all.filter((e) => !deniedTownship(w.text, e.start, e.end));
    const notHome = said.filter((e) => !homeTownship(w.text, e.start));
    // (Not asked, a home said is no correction of where it happened: "周庄是俺家在东湖镇".)
    if (said.length > 0 && notHome.length === 0 && f.asking !== 'township' && slotsOf(f).township) return null;
    const chosen = (notHome.length > 0 ? notHome : said).at(-1) ?? all.at(-1);
    if (chosen) return ok(String(chosen.value));
    // A report about officials may leave the township out.
    if (isRefusal(w.text) && slotsOf(f).category === 'conduct') return ok(null);
    // Not in this county: said once, the question ends; staff see the citizen's words.
    if (OUTSIDE_COUNTY.test(w.text)) return ok(null, { note: `${t(l, 'townshipOutsideShown')}: ${w.text.slice(0, 80)}`, replies: [say(l, 'townshipOutside')] });
    // "俺是桃园乡的": one character off one township is that township (the summary shows it).
    const near = nearTownship(w.text, ctx.county.townships);
    if (near) return ok(near);
    if (contentSize(w.text) > 30) return null;
    // An office named, or a sentence of the story, asked where: no township attempt to call unknown (the miner keeps it).
    if (OFFICE_ONLY.test(w.text.trim()) || (!/\p{Script=Han}/u.test(w.text) && w.text.trim().split(/\s+/).length > 5)) return null;
    const hints = suggestTownships(w.text, ctx.county.townships);
    // "俺们村", "our village": a place without its township — asked which township, not told it is unknown.
    const where = hints.length === 0 ? readPlace(w.text, ctx.county.townships) : null;
    if (where && 'vague' in where) return failed(say(l, 'townshipOfPlace', undefined, townshipButtons(ctx)));
    if (hints.length > 0) return failed({ text: t(l, 'didYouMean'), buttons: townshipButtons(ctx, hints) });
    // "在马家村村委会，去年3月份他跟老板签的合同": a sentence, not a township name to call unknown.
    if (/[，,。；;！!？?]/.test(w.text.trim().replace(/[。.!！]$/, '')) || contentSize(w.text) > 12) return null;
    return failed(say(l, 'unknownTownship', { text: w.text.slice(0, 20) }), say(l, 'outsideCounty', { count: ctx.county.townships.length }));
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const townships = ctx.county.townships.map((x) => townshipName(ctx.county, x.name, l)).join(l === 'zh' ? '、' : ', ');
    // The village is known ("俺是王家庄的"): only its township is asked.
    const place = slotsOf(f).address;
    if (place) return ask(l, { key: 'askTownshipOfPlace', params: { townships, place }, buttons: townshipButtons(ctx), example: 'exTownship' }, again);
    return ask(l, { key: 'askWhere', params: { townships }, buttons: townshipButtons(ctx), example: 'exTownship' }, again);
  },
  giveUp: (f, words, ctx) => settle(f, { township: null }, [say(ctx.locale, 'townshipGaveUp')], words ? ['township', words] : undefined),
  press: (arg, _f, ctx) => (ctx.county.townships.some((x) => x.name === arg) ? arg : undefined),
  field: { label: 'fTownship', words: /乡镇|哪个镇|镇名|township|town\b/i, show: (f, ctx) => (slotsOf(f).township === null && f.notes['township'] ? t(ctx.locale, 'townshipOutsideShown') : townshipLabel(ctx, slotsOf(f).township)) },
};

// ---- address --------------------------------------------------------------

/** "石桥村东头，宏达化肥厂": the answer without a clause that only names the party ("不知道" too). */
/** A sentence that says whom it is against ("The complaint is about Chengguan police station, especially…"). */
export const AGAINST_SENTENCE = /^(?:(?:and|also|but)\s+)?(?:the )?(?:complaint|report|petition)\s+is\s+(?:about|against)|^the (?:office|company|factory|shop|school|boss|landlord|person|people) (?:is|was|are|were)\b|^(?:it'?s|it is|i'?m complaining)\s+(?:about|against)\b|^(?:被)?反映的(?:是|人是|单位是)|^被反映/i;

function withoutParty(text: string): string {
  // Sentences about whom go whole; the rest keeps its own spaces and commas.
  const sentences = text.match(/[^。.!！?？]+(?:[。!！?？]|\.(?!\d)|$)\s*/g) ?? [text];
  const told = sentences.filter((x) => !AGAINST_SENTENCE.test(x.trim())).join('').trim();
  // ("就杨家沟村口那段路 反映的是青石镇政府 他们雇的打药队": clauses parted by spaces count too.)
  const clauses = (told.match(/[^，,；;。]+[，,；;。]?\s*/g) ?? [told]).flatMap((c) => c.split(/(?<=[\u4e00-\u9fff])(?=\s+[\u4e00-\u9fff])/));
  if (clauses.length < 2) return told || text;
  const kept = clauses.filter((c) => {
    const bare = c.replace(/[，,；;。\s]+$/, '');
    const party = partyIn(bare);
    const placeWord = /[村庄屯路街巷号楼院区组]|village|road|street|lane|building|estate/i.test(bare.replace(party ?? '', ''));
    // ("他们雇的打药队": a clause about them is no part of where.)
    return !((party && !placeWord) || /^(?:不知道|不清楚|说不好|不晓得|don'?t know|not sure|no idea)[。.!！]*$/i.test(bare) || /^(?:他们|他|她|人家)(?![村庄家])/.test(bare.trim()) || /^(?:被)?(?:反映|告|投诉|举报)的(?:就)?是/.test(bare.trim()));
  });
  return kept.join('').replace(/[，,；;.\s]+$/, '');
}

const ENGLISH_CLAUSE = /\b(?:i|my|we|our|he|she|they|it|you)\b[^.?!]{0,30}\b(?:need|needs|is|are|was|were|have|has|had|want|wants|went|said|told|get|got|will|can|didn'?t|don'?t)\b/i;
const PLACE_WORD_EN = /\b(?:village|road|street|lane|avenue|town|township|community|estate|building|block|group|square|market|bridge|river|school|clinic|hospital|factory|site|field|farm|near|opposite|next to|behind|between|east|west|north|south|no\.?\s*\d)|\d/i;

/** "地点就是…", "地址是…": a place said with its label. */
export const PLACE_LABELLED = /(?:地点|地址|位置|具体地方)(?:就|应该)?(?:是|在|写)\s*([^。！!？?；;]{2,30})/;

export const address: Step = {
  name: 'address',
  expecting: 'address',
  optional: true,
  due: (f) => slotsOf(f).address === undefined,
  read(w0, f, ctx) {
    if (isRefusal(w0.text)) return ok(null);
    // "It was at the Laojie Restaurant on Binhe Road in Hekou, around 7pm on 3 October": where, without when.
    const en = /\p{Script=Han}/u.test(w0.text) ? w0.text : w0.text.replace(/^(?:it|this|that)\s+(?:was|is|happened)\s+(?:at|in|on)\s+/i, '').replace(/,?\s*(?:around|at|about)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|o'?clock)\b[^.]*|\s+on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:\w{0,2})?\b[^.]*/g, '');
    const w = en === w0.text ? w0 : { text: en, entities: ctx.readers.entities(en) };
    // Asked with whom it is against: the clause that names the party is no part of the place.
    const text = slotsOf(f).respondent === undefined ? withoutParty(w.text) : w.text;
    if (!text) return null;
    // "我没有过激啊…。地点就是南河镇中心小学门口那条路上。…": the place said with its label.
    const labelled = PLACE_LABELLED.exec(w.text)?.[1];
    const named = labelled ? readPlace(labelled, ctx.county.townships) : null;
    if (named && 'place' in named) return ok(named.place);
    // "杏花村。不知道是谁停的…", "Shangling village. The quarry is called …": the place is the first sentence; the rest is read by the miner.
    // (Not at "No. 21": "Xinmin street No. 21" is one place.)
    const first = /^(?:\b[Nn]o\.(?=\s*\d)|[^。.!！?？])+(?=[。!！?？]|(?<!\b[Nn]o)\.\s)/.exec(text)?.[0]?.trim();
    if (first && first.length < text.trim().length - 2) {
      const p1 = readPlace(first, ctx.county.townships);
      if (p1 && 'place' in p1 && (findPlace(first, ctx.county.townships) || /[村庄屯路街巷号楼院组]|village|road|street|lane|building/i.test(first))) return ok(p1.place);
    }
    // "就在我们村东头那个养猪场，老板姓赵，去年开始养的…": a long answer that opens with where — that clause is the place.
    // (A name of the place right after it belongs to it: "…the east end of our village, Liujia village, …".)
    const clause = contentSize(text) > 24 ? /^[^，,；;。.!！?？]+(?:[，,]\s*(?:[A-Z][a-z]+ ){1,2}(?:village|road|street|lane|community)\b|[，,][\u4e00-\u9fff]{1,6}(?:村|庄|屯|组|社区|小区)(?=[，,；;。]))*/.exec(text)?.[0]?.trim() : undefined;
    if (clause && /^(?:就|就是)?(?:在|是在)|^(?:it'?s |it is )?(?:at|in|near|on) /i.test(clause)) {
      const p1 = readPlace(clause, ctx.county.townships);
      if (p1 && 'place' in p1 && (findPlace(clause, ctx.county.townships) || /[村庄屯路街巷号楼院组]|东头|西头|南头|北头|门口|旁边|对面|附近|路口|village|road|street|lane|building|end of/i.test(clause))) return ok(p1.place);
    }
    // "the shop is Huang's Noodles at 18 Zhongxin Street, Qingshi": a numbered street named inside a sentence, with the shop's name.
    // (Read from all the words: "the shop is …" is no sentence about whom here.)
    const street = /\b(?:at|on)\s+((?:No\.?\s*)?\d+[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|Road|Avenue|Lane|Rd|St)\b\.?)/.exec(w.text);
    if (street && !/\p{Script=Han}/u.test(w.text)) {
      const named = /\b(?:shop|store|restaurant|stall|business|workshop|house|flat|factory) is ((?:[A-Z][\w'’-]*\s?){1,4}?)\s+(?:at|on)\s*$/.exec(w.text.slice(0, street.index + 3))?.[1];
      return ok(named ? `${named.trim()}, ${street[1]!.replace(/\.$/, '')}` : street[1]!.replace(/\.$/, ''));
    }
    // "The plant is Qingshi-owned but the outlet is at Shangyu village, under the stone bridge": where it is, said in a sentence.
    const located = /\b(?:is|are|was|were|it'?s|located|happened|happens)\s+((?:at|in|near|under|behind|beside|next to|opposite|on)\s+[^.;!?]{3,80})/i.exec(text)?.[1];
    if (located && !/\p{Script=Han}/u.test(text) && /\b(?:village|road|street|lane|community|estate|building|bridge|market|square|block|no\.?\s*\d)/i.test(located)) {
      const p2 = readPlace(located.replace(/^(?:at|in|on)\s+/i, ''), ctx.county.townships);
      if (p2 && 'place' in p2) return ok(p2.place);
    }
    // An office named asked where and whom: whom (the miner takes it), no place.
    if (OFFICE_ONLY.test(text.trim()) && !/\b(?:village|road|street|lane)\b/i.test(text)) return null;
    // "By the way, my mother needs a checkup": a sentence about something else, with no place word in it.
    if (!/\p{Script=Han}/u.test(text) && ENGLISH_CLAUSE.test(text) && !PLACE_WORD_EN.test(text)) return null;
    const p = readPlace(text, ctx.county.townships);
    if (!p) return null;
    if ('refused' in p) return ok(null);
    // "找过村里调解 也找过镇上司法所…": where it was raised before, no place (the miner takes it as such).
    const prior = priorInStory(text);
    if (prior && prior !== 'none' && slotsOf(f).priorPetition === undefined && !findPlace(text, ctx.county.townships)) return null;
    return 'place' in p ? ok(p.place) : failed(say(ctx.locale, 'askPlaceSpecific'));
  },
  // Whom it is against is asked in the same breath when the story did not say it (one answer fewer).
  ask: (f, ctx, again) => ask(ctx.locale, { key: slotsOf(f).respondent === undefined ? 'askAddressAndParty' : 'askAddress', example: 'exAddress', skip: 'address' }, again),
  giveUp(f, words, ctx) {
    const usable = words && contentSize(words) >= 2 && words.length <= 60;
    return settle(f, { address: usable ? words : null }, usable ? [kept(ctx.locale, words)] : []);
  },
  field: { label: 'fAddress', joins: 'more', words: /地点|地址|位置|具体地方|(?<![啥什么哪个这那])地方(?=是|在|写|改|应该|说错|不对|错了)|街名|路名|村名|地名|小区名|place|address|location|village name|street name|\b(?:we|I) (?:actually )?(?:live|stay) (?:in|at)\b/i, show: (f, ctx) => slotsOf(f).address ?? notGiven(ctx.locale) },
};

// ---- category -------------------------------------------------------------

function categoryButtons(ctx: FormContext): Button[] {
  return ctx.county.categories.map((c) => ({ label: ctx.locale === 'zh' ? c.nameZh : c.nameEn, payload: `category:${c.code}` }));
}

/** The words name a party and nothing more: "反映村委会吧", "镇政府". */
export function partyOnly(text: string): string | null {
  const bare = text.trim().replace(/^(?:反映|投诉|告|找|就是|是)+|(?:吧|呗|啊|呀|的事|那边)+$|[。.!！\s]+$/g, '');
  const party = partyIn(bare);
  return party && party === bare && !CONDUCT_WORDS.test(text) ? party : null;
}
/** "刚说了 交警大队 城关中队": whom said again (to another question), pointing back — the office, or null. */
export function partyRepeated(text: string): string | null {
  const said = text.trim().replace(/^(?:我|俺)?(?:刚才?|刚刚|前面|早就?|都|不是)?(?:说|讲|告诉你)(?:过)?了?(?:啊|呀|嘛|吗)?[\s，,。]+/, '').replace(/[。.!！\s]+$/, '').trim();
  if (contentSize(said) > 14) return null;
  // (Only offices' names, one or a few: "城关中队" holds a 关 that is no request.)
  const names = said.split(/[\s，,、]+/).filter(Boolean);
  return names.length > 0 && names.every((n) => /^[\u4e00-\u9fff]{1,8}(?:队|局|所|站|政府|委会|公司|厂|医院|学校|办|中心)$/.test(n)) ? names.join('') : null;
}

const CONDUCT_WORDS = /贪|腐|受贿|索贿|挪用|吃拿卡要|作风|违纪|以权谋私|优亲厚友|打人|骂人|不作为|乱作为/;

export const category: Step = {
  name: 'category',
  expecting: 'category',
  readsWhole: true,
  due: (f) => slotsOf(f).category === undefined,
  read(w, f, ctx) {
    // "反映村委会", "村委会吧": whom, answered to "what kind?" — taken as whom (mine.ts), and the kind asked again.
    if (partyOnly(w.text)) return null;
    // ("这个要交钱不 俺木有钱": left of a question, a remark about money tells no kind.)
    if (/^(?:我|俺|咱)?(?:也|可|真)?(?:没有?|木有|没)(?:啥|什么)?钱(?:啊|呀|哩|咧|了)?[。！!\s]*$/.test(foldDialect(w.text.trim()))) return null;
    // "这算啥类俺也不懂 就是庄稼地叫炸坏了 … 你看着办吧": left to us — the kind the story and these words tell.
    if (/看着办|你说算啥|你说了算|你定|不懂|不知道算|you decide|whatever you think|not sure what kind|no idea what kind/i.test(w.text)) {
      const told = readCategory(`${slotsOf(f).facts ?? ''} ${w.text}`, ctx.county, ctx.readers, { story: true });
      if (told && told.confidence >= 0.5) return ok(told.code);
    }
    // ("算农业的吧，一共是14户": the count beside the kind is read by the miner.)
    const counted = splitCount(w.text);
    const said0 = counted.count && contentSize(counted.rest) >= 2 ? counted.rest : w.text;
    // "类别你就写饮水或者环境吧", "应该算饮水安全吧，环境类？": the words about the field go, and of two kinds offered the first one read.
    const said = said0.replace(/类别|种类|类型|分类|(?:你|您)?(?:就)?(?:写|填|算|归)(?:成|为|到|作)?(?=[\u4e00-\u9fff])|(?:应该|大概|可能)(?:算|是)?|[吧呗啊呀][？?]?/g, ' ').trim() || said0;
    const offered = said.split(/或者|或是|还是|[、/，,？?]|\bor\b/).map((x) => x.trim()).filter((x) => contentSize(x) >= 2);
    const parts = offered.length > 1 ? offered.map((x) => readCategory(x, ctx.county, ctx.readers, { story: false })).filter((g) => g !== null && g.code !== 'other') : [];
    const guess = parts[0] ?? readCategory(said, ctx.county, ctx.readers, { story: false });
    return guess ? ok(guess.code) : failed();
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askCategory', buttons: categoryButtons(ctx), example: 'exCategory' }, again),
  giveUp: (f, words, ctx) => settle(f, { category: ctx.county.fallbackCategory }, words ? [kept(ctx.locale, words)] : [], words ? ['category', words] : undefined),
  press: (arg, _f, ctx) => (ctx.county.categories.some((c) => c.code === arg) ? arg : undefined),
  field: {
    label: 'fCategory',
    words: /类别|类型|分类|哪一类|kind of matter|\bkind\b|category|type of/i,
    show(f, ctx) {
      const c = ctx.county.categories.find((x) => x.code === slotsOf(f).category);
      return c ? (ctx.locale === 'zh' ? c.nameZh : c.nameEn) : notGiven(ctx.locale);
    },
  },
};

// ---- respondent (reports about officials) ----------------------------------

/** Words around whom: "被反映的是", "不是说了么", "the complaint is against", "就行". */
const RESPONDENT_LEAD =
  /^(?:(?:不是)?(?:(?:我|俺)?(?:刚才?|刚刚|前面|早就?|都)?说(?:过)?了(?:么|吗|嘛)?)(?:啊|呀|嘛|么)?[\s，,]*)?(?:(?:我|俺|我们|俺们)?(?:要)?(?:反映|投诉|举报|告)的?(?:是|人是|单位是)|被反映(?:的)?(?:人|对象|单位)?(?:是|改成|写)?|就是|是)?[\s:：]*|^(?:(?:the )?complaint (?:is )?against|(?:it'?s |it is )?against|(?:we'?re |i'?m )?complaining about|(?:it'?s|it is) (?:about|against))[\s:]+/i;
const RESPONDENT_TAIL = /(?:这个单位|这家单位|这个公司|这家公司|这个人|这帮人)?(?:\s*[(（](?![^)）]*(?:boss|owner|manager|director|head|principal|headmaster|chairman|老板|负责人|经理|法人|老总|校长|院长))[^)）]{0,40}[)）])?[\s，,。.；;]*(?:(?:前头|前面|刚才|上面)?(?:都|早)?说过了(?:嘛|吗|啊|呀)?|就行|就可以|就好|即可|吧|啊|呀|呢)?[\s，,。.；;!！]*$/;

/** "against the market operator", "告的是镇政府": whom, named as such inside a longer answer. */
const EXPLICIT_PARTY = /(?:^|[.,;!?，。；]\s*|\band\s+)(?:(?:the |my |our )?complaint (?:is )?(?:against|about)|(?:it'?s |it is |we'?re |i'?m )?(?:against|complaining about)|(?:it'?s|it is) about(?= (?:the|a|an|our|my|his|her) [^,.;]{0,40}\b(?:team|office|bureau|company|school|station|committee|government|hospital|factory|department|police|management|developer|landlord|boss|contractor|brigade|institute|centre|center)\b))\s+((?:the |a |an |my |our )?(?:[^,.;!?()]|\.(?=\d)|(?<=\b(?:Mrs?|Ms|Dr|St|Co))\.){2,60}?)(?=\s*(?:[,;!?(]|(?<!\b(?:Mrs?|Ms|Dr|St|Co))\.(?!\d)|$))|(?:告的|反映的|投诉的|被反映的|针对的|举报的)(?:就)?是([^，,。；;！!？?\s]{2,24})/i;

/** Whom, when the words say so ("against …", "被反映的是…"), or null. */
/** "罚我的是城关市场监管所", "打俺的是城管": whom, said as the one who did it to the citizen. */
const DID_IT_TO_ME = /(?:罚|扣|打|骂|查封|封|拆|占|推|收)(?:了)?(?:我|俺)(?:们|家)?(?:的|家的)(?:是|就是)\s*([^，,。；;！!\s]{2,20})/;

export function explicitParty(text: string): string | null {
  const did = DID_IT_TO_ME.exec(text)?.[1];
  if (did) return did;
  const hit = EXPLICIT_PARTY.exec(text);
  // ('against "Top Scholar Education"': the name, without the quotes it was said in.)
  return unquote((hit?.[1] ?? hit?.[2])?.trim() ?? '') || null;
}

/** A name said inside quotes ('"Top Scholar Education"'): the name alone. */
const unquote = (v: string) => v.replace(/^["“'‘「『]+([^"”'’」』]+)["”'’」』]+$/, '$1');

const HEDGE = /(?:那)?谁知道|(?:我|俺)?哪知道|应该是|可能是|大概是|估计是|好像是|也许是|(?:我|俺)(?:猜|估计|觉得)|(?:我|俺)问你呢|\b(?:probably|maybe|perhaps|i guess|i think|not sure)\b/i;

/** "俺们村支书刘长海" → "村支书刘长海", "社保局嘛" → "社保局": whom, without the citizen's "our" or a closing particle. */
const bareParty = (said: string) => {
  const v = unquote(said.trim());
  return v.replace(/^(?:俺们|我们|咱们|俺|我|咱)(?:的)?(?=[村镇乡县厂公学医]|邻居)/, '').replace(/(?:嘛|吧|呗|噻|哦|啊|呀|呢)+$/, '').replace(/(?<=[队局所站厂司府会院校店场])的$/, '').trim() || v;
};

/** An answer that is only a place: "Lane 3 of Yuwan village", "王庄村东头". */
const PLACE_ONLY = /^(?:(?:lane|no\.?|number|building|block)\s*\d+\s+(?:of|in)\s+)?[A-Z][a-z]+ (?:village|road|street|lane)[.!]?$|^(?:lane|no\.?)\s*\d+[, ]+(?:of |in )?[A-Z][a-z]+ (?:village|road|street)[.!]?$|^[\u4e00-\u9fff]{1,6}(?:村|庄|屯)(?:[东西南北]头|[一二三四五六七八九十\d]+组)?$/i;

/**
 * "是乡里民政上取消的吧", "是镇上给扣的": who did it, said with the deed. 乡里/镇上 becomes the township's name when it is
 * known ("西山乡民政").
 */
export function didIt(text: string, township: string | null, ctx: FormContext): { who: string; clause: string } | null {
  const m = /(?:^|[\s，,。])((?:应该|可能|估计|大概|好像)?是\s*([^\s，,。；;是]{2,10}?)(?:上|那边|那儿|里头)?(?:给|把(?:俺|我)的?[^\s，,。]{0,4})?(?:取消|弄|搞|干|扣|拆|占|停|收|卡|砍|划|调整)(?:掉|走|下)?(?:的|了)(?:吧|呗|啊)?)/.exec(text);
  if (!m) return null;
  const raw = m[2]!.replace(/(?:上|那边|里头)$/, '');
  if (/^(?:谁|啥|什么|他|她|他们|俺|我)/.test(raw)) return null;
  return { who: localOffice(raw, township, ctx), clause: m[1]! };
}

/** "乡里民政所" when the township is known: 北岭乡民政所. */
export function localOffice(who: string, township: string | null, ctx: FormContext): string {
  const place = township ? townshipName(ctx.county, township, ctx.locale) : null;
  return place ? who.replace(/^(?:乡里|镇里|镇上|乡上|乡|镇)(?=[\u4e00-\u9fff]{2,})/, place) : who;
}

export const respondent: Step = {
  name: 'respondent',
  expecting: 'respondent',
  free: true,
  optional: true,
  // Whom the matter is against: asked of every petition the story did not say it of (optional).
  due: (f) => slotsOf(f).respondent === undefined,
  read(w, f, ctx) {
    // ("I guess the Nanhe civil affairs office", "可能是社保所": the party, not the guessing.)
    const said = restated(w.text.trim()).replace(/^(?:i (?:guess|think|suppose)|probably|maybe|perhaps|(?:我|俺)?(?:猜|估计|觉得)?(?:应该|可能|大概|估计|好像)是)[\s,，]*/i, '') || restated(w.text.trim());
    const text = said.replace(RESPONDENT_LEAD, '').replace(RESPONDENT_TAIL, '').trim() || said;
    // "就我自己", "just me": how many, said out of turn — nobody to complain about (the miner takes the count).
    const counted = splitCount(text);
    if (counted.count && !counted.rest.trim()) return null;
    // ("俺说了镇残联 对了俺那个残疾证到期了要换": whom first, then something else — whom, and the rest is story.)
    const firstClause = text.split(/[，,。；;]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)[0]!.trim();
    const restOf = text.slice(text.indexOf(firstClause) + firstClause.length);
    const firstParty = firstClause !== text && /\p{Script=Han}/u.test(firstClause) && contentSize(firstClause) <= 10 && !partyIn(restOf) && !respondentIn(restOf) ? partyOnly(firstClause) : null;
    if (firstParty) {
      const more = text.slice(text.indexOf(firstClause) + firstClause.length).replace(/^[\s，,。；;]+|^(?:对了|还有|另外)[\s，,]*/g, '').trim();
      return ok(contentSize(more) >= 6 ? { who: firstParty, more: scrubPersonal(more, ctx.readers.entities(more), ctx.locale) } : firstParty);
    }
    // "村委会说不知道…可能是乡里社保所": the one they guess at, after those who only answered them.
    const guess = /(?:^|[，,。；;\s])(?:(?:我|俺)?(?:猜|估计|觉得)?(?:可能|估计|大概|应该|好像|八成|多半)是)\s*([^，,。；;]{2,16})[。！!]*$/.exec(text)?.[1];
    if (guess && partyIn(guess)) return ok(partyIn(guess));
    // "俺也说不清 是乡里民政上取消的吧 村会计来说的 说俺儿子…": the one who did it, whoever brought the news; the rest is story.
    const did = didIt(text, slotsOf(f).township ?? null, ctx);
    if (did) {
      const more = text.replace(/^(?:(?:我|俺)也?说不(?:清|好|上来)[\s，,]*)/, '').replace(did.clause, ' ').replace(/^[\s，,]+/, '').trim();
      return ok(contentSize(more) >= 8 && /[了过着说没不给]/.test(more) ? { who: did.who, more: scrubPersonal(more, ctx.readers.entities(more), ctx.locale) } : did.who);
    }
    // Outside reports about officials, a company, a school, a boss named in the answer is the party.
    const party = slotsOf(f).category !== 'conduct' ? (eitherParty(text) ?? partyIn(text)) : null;
    // "Lane 3 of Yuwan village", "王庄村东头": a place, asked whom — no party (the miner takes the place).
    if (PLACE_ONLY.test(text.trim()) && !partyIn(text) && !respondentIn(text)) return null;
    // "Lane 3 of Yuwan village, the house owner is Qian Laowu": the person said to hold the role.
    const holder = roleNamedEn(text);
    if (holder) return ok(holder);
    // "…It is about the water supply. The office is the Taoyuan township water station (…)": the office named as such.
    const office = /\bthe (?:office|company|unit|one responsible|responsible (?:office|unit)) (?:is|was)\s+((?:the )?[^.;!?()]{3,60}?)(?=\s*(?:\(|[.;!?]|$))/i.exec(w.text)?.[1];
    if (office && !/\b(?:not|no)\b/i.test(office)) return ok(clip(office.trim()));
    // Whom said in so many words inside a longer answer ("…Against the market operator, I don't know the name"):
    // that phrase, whatever else the message says.
    const explicit = explicitParty(restated(w.text));
    if (explicit && !/^(?:not|no|nobody|don'?t|不|没)/i.test(explicit)) return ok(clip(scrubPersonal(explicit, ctx.readers.entities(explicit), ctx.locale)));
    // "要求采石场停工 给村里打新井": a request that names whom — whom is taken (the request is kept by the miner);
    // "找过镇上 没用": where it went before, no answer to whom.
    if (REQUEST_LEAD.test(text) && party) return ok(party);
    // ("要求把路让出来 就俺一家": a request naming nobody is no answer to whom — the miner keeps it as the request.)
    if (REQUEST_LEAD.test(text) && !respondentIn(text) && findRespondentUnits(ctx.county, text).length === 0) return null;
    if (!party && priorInStory(text) !== null && priorInStory(text) !== 'none' && !respondentIn(text)) return null;
    // "县城投公司搞的拆迁 还有城关镇拆迁办 带头的姓郑": every party listed, not the first alone.
    const listedParties = /还有|以及|另外|和|跟/.test(text) ? [...new Set(text.split(/[\s，,；;、]+|还有|以及|另外/).map((c) => partyIn(c)).filter((p): p is string => p !== null))] : [];
    if (listedParties.length >= 2 && contentSize(text) - contentSize(listedParties.join('')) >= 6) return ok(clip(listedParties.map((p) => localOffice(p, slotsOf(f).township ?? null, ctx)).join(ctx.locale === 'zh' ? '、' : ', ')));
    // "the chemical plant in Qingshi Town (I don't know its name)", "河口镇那个化工厂，名字不知道": whom, described — only the name is unknown.
    const nameUnknown = /[(（]?\s*(?:(?:i )?(?:don'?t|do not) know (?:its|his|her|their|the) (?:name|names)|name unknown|(?:名字|叫啥|叫什么)(?:名字)?(?:我|俺)?不(?:知道|清楚|晓得)|(?:我|俺)?不(?:知道|清楚|晓得)(?:它|他|她)?(?:叫啥|叫什么|名字)(?:名字)?)\s*[)）]?[。.!！]*\s*$/i;
    const described = nameUnknown.test(said) ? said.replace(nameUnknown, '').replace(RESPONDENT_LEAD, '').replace(/[\s，,;；]+$/, '').trim() : '';
    if (described && (partyIn(described) || respondentIn(described)) && contentSize(described) <= 40) return ok(clip(`${described}${ctx.locale === 'zh' ? '（名称不详）' : ' (name unknown)'}`));
    if ((isRefusal(w.text) || /不(?:想|方便|敢)?说|不(?:知道|清楚|懂|晓得)(?:是谁|叫啥|找谁|这个)?|说不(?:清|好)|问(?:点)?别的|跳过|rather not|don'?t know|not sure|no idea|no clue|skip|next question|ask (?:me )?something else/i.test(w.text)) && !w.entities.some((e) => e.type === 'phone')) return ok(party);
    // "镇政府 来了个铲车就推了 说是违建…": whom first, then more of the story — whom is the opening, the rest joins the facts.
    const lead = /^([^\s，,。；;]{2,12})[\s，,；;]+(.+)$/s.exec(text);
    if (lead && contentSize(lead[2]!) >= 8 && /[了过着说推拆扒占打骂欠拖征量来是叫]/.test(lead[2]!) && (partyIn(lead[1]!) !== null || respondentIn(lead[1]!) !== null || findRespondentUnits(ctx.county, lead[1]!).length > 0 || /(?:政府|委会|公司|局|所|站|厂|学校|医院|派出所)$/.test(lead[1]!))) {
      // ("反映村委会吧": the party, without the words around it.)
      return ok({ who: partyIn(lead[1]!) ?? lead[1]!.replace(/^(?:反映|就是|是)|(?:吧|呗|啊)$/g, ''), more: scrubPersonal(lead[2]!, ctx.readers.entities(lead[2]!), ctx.locale) });
    }
    // "China Mobile Shifan branch and Jiaxin Property": names only, parted by "and" — whom, as said.
    if (!/\p{Script=Han}/u.test(text) && /^(?:(?:the )?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|branch|office|company|group|bureau|property|station|team|co\.?|ltd\.?))*)(?:\s*(?:,|and|&)\s*(?:the )?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|branch|office|company|group|bureau|property|station|team|co\.?|ltd\.?))*)*[.!]?$/.test(text.trim()) && text.trim().split(/\s+/).length <= 10) return ok(clip(text.trim().replace(/[.!]$/, '')));
    // A guess hedged about ("那谁知道 应该是管发钱的吧 社保局"): the party guessed, not the hedging.
    if (HEDGE.test(text) && (party ?? respondentIn(text))) return ok(clip(party ?? respondentIn(text)!));
    // A short answer is whom, whole: "包工头周老三和宏盛房地产公司", "my landlord Mr Zhou and Jinxiu Property Services".
    const listed = contentSize(text) <= 40 && !/[。!！?？]\s*\S|\.(?!\d)\s*\S/.test(text.replace(/\b(Co|Ltd|Inc|Corp|Mr|Mrs|Ms|Dr|St)\./g, '$1')) && (party !== null || respondentIn(text) !== null || findRespondentUnits(ctx.county, text).length > 0);
    if (listed) return ok(clip(scrubPersonal(text, ctx.readers.entities(text), ctx.locale)));
    // "I told you, Qian Laowu, the owner of the house": a person's name said in a short answer is whom.
    const person = /^(?:(?:i )?(?:just |already )?told you,?\s*|as i said,?\s*)?([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?=\s*(?:,|\.(?!\d)|$|\(|who\b|the\b))/.exec(text.trim());
    // ("Zhao Jianguo, Hongsheng Construction Co.": a person and the company after them are both whom.)
    const andCompany = person ? /^[\s,]+(?:(?:and|of|from)\s+)?(?:(?:his|her|the)\s+(?:company|firm)\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'.-]*){0,4}\.?$/.test(text.trim().slice(text.trim().indexOf(person[1]!) + person[1]!.length)) : false;
    if (person && andCompany && contentSize(text) <= 30) return ok(clip(text.trim().replace(/^(?:(?:i )?(?:just |already )?told you,?\s*|as i said,?\s*)/i, '').replace(/\.$/, '')));
    if (person && contentSize(text) <= 30 && !/\b(?:Village|Road|Street|Town|Township|County|Lane)\b/.test(person[1]!)) return ok(person[1]!);
    if (party && contentSize(text) > 12) return ok(party);
    // Whom: a position, an office, a name — or a short answer; a long remark is something else (more facts).
    const named = respondentIn(text) || findRespondentUnits(ctx.county, text).length > 0 || w.entities.some((e) => e.type === 'township');
    if (named || contentSize(text) <= 12) return text.length >= 2 ? ok(text === w.text.trim() ? scrub(w, ctx.locale) : clip(scrubPersonal(text, ctx.readers.entities(text), ctx.locale))) : failed();
    return null;
  },
  ask: (f, ctx, again) =>
    slotsOf(f).category === 'conduct'
      ? [say(ctx.locale, 'categoryConduct'), ...ask(ctx.locale, { key: 'askRespondent', skip: 'respondent' }, again)]
      : ask(ctx.locale, { key: 'askParty', example: 'exParty', skip: 'respondent' }, again),
  apply: (f, v) => {
    if (typeof v !== 'object' || v === null) return setSlots(f, { respondent: typeof v === 'string' ? bareParty(v) : null });
    const { who, more } = v as { who: string; more: string };
    const facts = slotsOf(f).facts;
    // (The story may hold these words already: the whole answer joined it.)
    if (facts?.includes(more)) return setSlots(f, { respondent: bareParty(who) });
    return setSlots(f, { respondent: bareParty(who), facts: (facts ? `${facts}\n${more}` : more).slice(0, 2000) });
  },
  giveUp: (f, words) => settle(f, { respondent: words ? clip(words) : null }),
  field: {
    label: 'fRespondent',
    words: /被反映(?:的)?(?:人|对象|单位)?|反映的对象|(?<![我俺你他她的])对象(?=(?:不对|错了|写|改|是|就写|应该|:|：|\s))|反映的(?=(?:不)?是[^，,。\s]{0,12}(?:局|所|站|政府|委会|公司|厂|学校|医院|包工头|老板|书记|支书|主任|镇长|乡长|干部|物业|开发商))|被投诉(?:的)?(?:人|单位)?|被举报(?:的)?(?:人|对象|单位)?(?=是|的?名字|不对|错了|写|改|应该|:|：|\s|，|,)|举报(?:的)?(?:人|对象)|反映的(?:干部|人)|告的是|投诉的是|reported (?:official|person|office|party)|respondent|against whom|(?:it'?s |is |complaint is |complaining |complaint )?against/i,
    show: (f, ctx) => slotsOf(f).respondent ?? notGiven(ctx.locale),
    hidden: (f) => slotsOf(f).category !== 'conduct' && !slotsOf(f).respondent,
    joins: 'another',
  },
};

// ---- demands --------------------------------------------------------------

/** What a demand sounds like: asking for something to be done. */
const DEMAND_CUE = /要求|希望|请|让|要回|讨回|追回|拿回|结清|(?:就|只)?想(?:要|把|让|讨|拿)|给(?:个|我|俺|我们|俺们|大家)?(?:说法|补|退|赔|发|钱|解决|办|修|换|答复|交代|批)|还(?:钱|款|给|我|俺|回|清|地|房)|退|赔|补|修|查|处理|解决|恢复|停|关|拆|发|追究|道歉|整改|公开|取消|归还|重新|按|want|need|ask|pay|fix|stop|close|return|refund|compensat|repair|investigat|punish|restore|remove|reopen|please|should|\bget\b[^.]{0,30}\bback\b|\bfind\b|\bhold\b[^.]{0,30}\baccountable\b|\bwant\b/i;

/** "同意", "好的", "ok": a word of assent answers no question about what they want. */
const BARE_ASSENT = /^\s*(?:同意|好的?|好吧|嗯+|对|是的?|行|可以|知道了|明白了?|收到|ok(?:ay)?|yes|yeah|sure|agreed?|fine|i agree)[\s。.!！,，~]*$/i;

/** The request without the sentences after it that tell where it went before ("找过镇上劳动所，他们推给县里"). */
function withoutPrior(text: string): string {
  const clauses = text.match(/[^，,。！!？?；;]+[，,。！!？?；;]?\s*/g) ?? [text];
  const at = clauses.findIndex((c, i) => i > 0 && (priorInStory(c) ?? 'none') !== 'none');
  if (at <= 0 || contentSize(clauses.slice(0, at).join('')) < 4) return withoutSaidBeside(text);
  return withoutSaidBeside(clauses.slice(0, at).join('').replace(/[\s，,；;]+$/, '').trim());
}

/**
 * "… or provide a free school bus. I'm speaking for the parents. No, we haven't petitioned before, …": sentences after
 * the request that say for whom, or that it is the first time, answer other questions (the miner reads them).
 */
function withoutSaidBeside(text: string): string {
  // (Typed with spaces for commas too: "给俺把低保恢复了呗 俺以前没找过谁 就村会计那说过一嘴 他说他管不了".)
  const sentences = text.split(/(?<=[。！!？?]|\.(?!\d))\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/).filter((x) => x.trim());
  if (sentences.length < 2) return text;
  const aside = (x: string) => !DEMAND_CUE.test(x.replace(/\b(?:speaking|filing|writing|reporting)\b|\bpetition\w*|反映|信访|上访|说过|找过|问过/gi, ''));
  // ("对了俺孙子说可以找医保局": advice heard about where to go is no request.)
  const advice = (x: string) => /^(?:对了|另外|还有)?[^，,。\s]{0,6}(?:说|讲)(?:可以|要|得|应该)?(?:去)?找/.test(x.trim());
  // Earlier handling ends the request (what follows tells how it went); for whom is left out where it stands.
  const prior = sentences.findIndex((x, i) => i > 0 && priorInStory(x) !== null && aside(x));
  const upTo = prior > 0 ? sentences.slice(0, prior) : sentences;
  const kept = upTo.filter((x, i) => i === 0 || !((scopeOf(x) !== null && aside(x)) || advice(x)));
  if (kept.length === sentences.length) return text;
  const han = /\p{Script=Han}/u.test(text);
  return kept.map((x) => x.trim()).join(han ? ' ' : ' ').trim();
}

/** "问清楚了，要求赶紧把水管修好": clauses before the one that opens the request, when none of them asks for anything. */
function fromRequest(text: string): string {
  const clauses = text.split(/(?<=[，,。！!；;：:])\s*|(?<=\.)\s+/);
  const at = clauses.findIndex((c, i) => i > 0 && REQUEST_LEAD.test(c.trim()));
  // (A clause that asks for something stays: "按标准把少发的补助补齐，公开…"; "不是拆迁", "接着说拆迁" ask for nothing.)
  // ("Give my bike back, pay my clinic bill…": a list of requests from its first clause.)
  if (at <= 0 || REQUEST_LEAD.test(clauses[0]!.trim()) || clauses.slice(0, at).some((c) => DEMAND_CUE.test(c.replace(/不是[^，,。]{1,8}|拆迁|征收|说|问/g, '')))) return text;
  return clauses.slice(at).join('');
}

/** A sentence for the story said beside the request, with the words asking for it: "…, put that in too", "…这个也写上". */
const FOR_THE_STORY =
  /(?:[.。!！;；]\s*|\s+|[，,]\s*)((?:oh,?\s*)?(?:and\s+)?[^.。!！;；]{4,}?)[,，\s]*(?:(?:please\s+)?(?:put|add|write|note) (?:that|this|it) (?:in|down|in there)(?: too| as well)?|(?:这个|这事|这些|这)?也(?:给(?:我|俺))?(?:写上|记上|写进去|记下))[.。!！]*\s*$/i;

export const demands: Step = {
  name: 'demands',
  expecting: 'demands',
  free: true,
  plausible: (w) => DEMAND_CUE.test(w.text),
  due: (f) => !slotsOf(f).demands,
  read(w0, f, ctx) {
    const w = unlead(w0);
    if (isBareAnnouncement(w.text)) return null;
    if (BARE_ASSENT.test(w.text)) return failed(say(ctx.locale, 'tooShort'));
    // ("不对不对，刘记超市是我自己的店，我反映的是城关市场监管所": whom, set right — no request.)
    if (/^(?:不对|不是|错了|搞错了)/.test(w.text.trim()) && /(?:反映|告|投诉|举报)的是/.test(w.text) && !DEMAND_CUE.test(w.text.replace(/(?:反映|告|投诉|举报)的是[^，,。；;]*/g, ''))) return null;
    // "没找过", "找过镇政府，他们推给县里": where it went before, said out of turn — no request (the miner takes it).
    if (priorInStory(w.text) !== null && !DEMAND_CUE.test(w.text.replace(/推给|推到|让(?:我|俺)(?:们)?(?:去)?找|叫(?:我|俺)(?:们)?(?:去)?找/g, '')) && contentSize(w.text) <= 40) return null;
    // "Sorry, my daughter just got home, one sec. ... OK back. What I want: …": the request starts at its label.
    const labelled = /(?:^|[.。!！?？…]\s*)(?:what (?:i|we) (?:want|ask for|are asking for)(?: is)?|my (?:request|demand) is|(?:我的)?诉求(?:就)?是|(?:我|俺)(?:的)?要求(?:就)?是)\s*[:：]\s*/i.exec(w.text);
    if (labelled && labelled.index > 0 && contentSize(w.text.slice(labelled.index + labelled[0].length)) >= 4) {
      const from = w.text.slice(labelled.index + labelled[0].length);
      return demands.read({ text: from, entities: ctx.readers.entities(from) }, f, ctx);
    }
    // "… oh and the inspector was rude, said "pay or close", put that in too": more of the story, told beside the request.
    const aside = FOR_THE_STORY.exec(w.text);
    if (aside && aside.index > 0) {
      const rest = w.text.slice(0, aside.index).trim();
      const told = aside[1]!.replace(/^(?:oh,?\s*)?(?:and\s+)?|^(?:哦|对了|还有)[，,\s]*/i, '').trim();
      const r = rest ? demands.read({ text: rest, entities: ctx.readers.entities(rest) }, f, ctx) : null;
      if (r?.ok && typeof r.value === 'string' && contentSize(told) >= 4) return ok({ demand: r.value, more: scrubPersonal(told, ctx.readers.entities(told), ctx.locale) });
    }
    // ("把罚款退了…你们这能管交警吗？还是要我去找公安局？": a question beside the request is no part of it.)
    // (Not from inside a number, "the 2,300 refunded", nor across an English sentence's end.)
    const asked = w.text.replace(/(?:^|(?<=[。！!？?，]|(?<!\d),|\.\s))[^。！!？?，,.]*(?:,(?=\d)[^。！!？?，,.]*)*[？?]/g, '').replace(/[，,\s]+$/, '');
    if (asked !== w.text && contentSize(asked) >= 4) return demands.read({ text: asked, entities: ctx.readers.entities(asked) }, f, ctx);
    // "哦我看错了一位，是4305…": a number said again is no request (the miner takes the number).
    if (w.entities.some((e) => e.type === 'phone' || e.type === 'id_number') && contentSize(scrubPersonal(w.text, w.entities, ctx.locale).replace(/\[[^\]]{1,10}\]|(?:哦|噢)?(?:我)?(?:看|说|写|打|记)错了(?:一位|一个数)?|不对|应该是|是|sorry|I mean|wrong|it'?s/gi, '')) < 4) return null;
    // "社保所" asked what they want: whom, not a request (the miner takes it when whom is open).
    if (partyRepeated(w.text) !== null) return null;
    if (partyOnly(w.text) !== null && contentSize(w.text) <= 8 && !DEMAND_CUE.test(w.text)) return null;
    // Asked together with how many it concerns: the count's own clause is no part of the request.
    // ("我没想干啥过激的事啊，我就是想讲理。我要求…", "那我匿名。要求…": words about the talk are no part of it either.)
    // (Nor the representatives named after it, nor where it went before: "…，就俺一家。找过镇上劳动所…".)
    const reps = representativesAt(w.text);
    const told = reps > 0 && contentSize(w.text.slice(0, reps)) >= 4 ? w.text.slice(0, reps).replace(/[\s，,；;]+$/, '') : w.text;
    // ("…半年都挣不到。就我自己。" with the count known: for whom, said again, is no part of the request.)
    const said0 = slotsOf(f).peopleCount === undefined ? splitCount(told).rest : told.replace(/(?<=\S)[，,。.\s]*(?:就|只)(?:我|俺)(?:自己|一个人?|一家|一户)[。.!！]*$/, '');
    // ("俺就问问 俺不匿名 俺敢实名 俺要求重新选举…": words about asking and about one's name are no part of the request.)
    const unnamed = said0.replace(/(?:^|[\s，,。])(?:(?:俺|我)(?:就)?(?:只是)?问问|(?:俺|我)(?:不|不用|不想|不要)匿名|(?:俺|我)(?:敢|要|就)实名(?:举报|反映)?)(?=[\s，,。]|$)/g, ' ').trim() || said0;
    const said = withoutPrior(fromRequest(withoutTalk(unnamed).trim() || unnamed));
    if (!said) return null;
    const text = said
      .replace(/^(?:等下|等等|对了|还有)[，,\s]*(?:我还没说诉求呢?[。，,\s]*)?(?:诉求是|我的诉求是|要求是)?[:：\s]*/, '')
      // "不是老板 是宏兴煤矿这个单位 俺就想让矿上…": a correction said first is no part of the request.
      .replace(/^不是[^，,。\s]{1,10}[\s，,]*(?:而)?是[^，,。\s]{1,16}[\s，,。]+(?=\S{4,})/, '')
      .replace(/^(?:(?:我|俺)(?:刚才|刚刚|前面)?(?:都)?(?:说|讲)(?:过)?了?(?:啊|呀|嘛)?[\s，,。]*)/, '');
    return contentSize(text) >= 2 ? ok(clip(withoutIntroductions(scrubPersonal(text, ctx.readers.entities(text), ctx.locale)))) : failed(say(ctx.locale, 'tooShort'));
  },
  apply: (f, v) => {
    if (typeof v !== 'object' || v === null) return setSlots(f, { demands: v as string });
    const { demand, more } = v as { demand: string; more: string };
    const facts = slotsOf(f).facts;
    return setSlots(f, { demands: demand, facts: (facts ? `${facts}\n${more}` : more).slice(0, MAX_TEXT) });
  },
  // How many it concerns is asked in the same breath (one answer fewer to wait for).
  ask: (f, ctx, again) => ask(ctx.locale, { key: slotsOf(f).peopleCount === undefined ? 'askDemandsAndCount' : 'askDemands', example: 'exDemands' }, again),
  giveUp: (f, words, ctx) => settle(f, { demands: clip(words || notGiven(ctx.locale)) }),
  field: { label: 'fDemands', words: /诉求|要求|请求|request|demands?|what (?:i|we) (?:want|ask)\b/i, show: (f) => slotsOf(f).demands ?? '' },
};

// ---- how many, for whom ------------------------------------------------------

function applyCount(f: FormState, v: { n: number; unit: 'people' | 'households'; scope: 'all' | 'self' | null; family?: true }, threshold: number): FormState {
  // ("涉及人数改成7户" while filing for one's own household: how many are concerned, said again.)
  const self = v.scope === 'self' || (v.scope === null && slotsOf(f).scope === 'self' && f.notes['affected'] !== undefined);
  // (A family counted is that family, however large: "就俺一家 俺家五口人" are five people filing for themselves.)
  if (self && v.n >= threshold && !v.family) {
    // One reporter speaking of many: the case is theirs; the number stays in the notes.
    return { ...setSlots(f, { peopleCount: 1, peopleUnit: v.unit, scope: 'self' }), notes: { ...f.notes, affected: `${v.n} ${v.unit}` } };
  }
  return setSlots(f, { peopleCount: v.n, peopleUnit: v.unit, ...(v.scope ? { scope: v.scope } : {}) });
}

export const peopleCount: Step = {
  name: 'peopleCount',
  expecting: 'peopleCount',
  due: (f) => slotsOf(f).peopleCount === undefined,
  read(w, _f, ctx) {
    const v = readPeopleCount(w.text);
    // "全村四十户，代表是周长福…": representatives named for the many speak for all of them.
    if (v && !v.scope && v.n >= ctx.county.rules.groupThreshold && representativesAt(w.text) >= 0) return ok({ ...v, scope: 'all' });
    return v ? ok(v) : failed(say(ctx.locale, 'badPeopleCount'));
  },
  apply: (f, v, ctx) => applyCount(f, v as Parameters<typeof applyCount>[1], ctx.county.rules.groupThreshold),
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askPeopleCount', buttons: [button(ctx.locale, 'onlyMe', 'count:1')], example: 'exPeopleCount' }, again),
  giveUp: (f, words, ctx) => settle(f, { peopleCount: 1, peopleUnit: 'people' }, words ? [kept(ctx.locale, words)] : [], words ? ['peopleCount', words] : undefined),
  press: (arg) => (/^\d{1,6}$/.test(arg) && Number(arg) > 0 ? { n: Number(arg), unit: 'people', scope: Number(arg) === 1 ? 'self' : null } : undefined),
  field: {
    label: 'fPeopleCount',
    words: /涉及人数|人数|几个人|多少人|多少户|户数|number of (?:people|households)|(?:people|households|families) (?:affected|concerned|involved)|people|persons|households|families/i,
    show(f, ctx) {
      const s = slotsOf(f);
      const affected = f.notes['affected']?.split(' ');
      const affectedText = affected ? countText(Number(affected[0]), affected[1] as 'people' | 'households', ctx.locale) : '';
      const scope =
        s.scope === 'all' && isGroup(s, ctx.county.rules.groupThreshold)
          ? t(ctx.locale, 'groupAll')
          : s.scope === 'self' && affected
            ? t(ctx.locale, 'groupSelfOf', { affected: affectedText })
            : '';
      return `${countText(s.peopleCount ?? 1, s.peopleUnit, ctx.locale)}${scope}`;
    },
  },
};

const SCOPE_ALL = /^(?:我们|俺们|咱们)?(?:就是|是)?(?:算是|也算|算)?(?:(?:我|俺)(?:来)?(?:当|是|做)(?:这个)?代表|(?:替|为|帮)(?:大家|大伙|全村|村民|乡亲们|他们)|是|对|嗯|是的|对的|对啊|都|都算|都算上|一起|大家|全部|全体|代表大家|代表他们|替大家|yes|yeah|yep|all|all of them|everyone|for all|on behalf)/i;
const SCOPE_SELF = /只为|就为|就我(?![跟和与])|只有我|我自己|自己家|俺自己|我家|俺家|不是|不代表|代表不了|没有代表|just (?:me|for me|myself)|only (?:me|for me|myself|my)|myself|no\b|not\b/i;

export const scope: Step = {
  name: 'scope',
  expecting: 'peopleCount',
  due: (f, ctx) => (slotsOf(f).peopleCount ?? 0) >= ctx.county.rules.groupThreshold && slotsOf(f).scope === undefined,
  read(w, f, ctx) {
    // "没反映过" asked whether they speak for all: where it went before, no answer to this (the miner takes it).
    if ((priorInStory(w.text) ?? null) !== null && !/代表|大家|全村|都算|自己|only|all|everyone|myself/i.test(w.text)) return null;
    const v = readPeopleCount(w.text);
    if (v?.scope) return ok(v.scope === 'all' && v.n >= ctx.county.rules.groupThreshold ? { scope: 'all', n: v.n, unit: v.unit } : v.scope);
    // The number said again ("16 people"): they speak for all of them (and the number may be new).
    if (v && v.n >= ctx.county.rules.groupThreshold) return ok({ scope: 'all', n: v.n, unit: v.unit });
    // "对 我代表大家 …就我跟老王牵头": speaking for them all, said outright, before any "就我".
    if (/代表(?:大家|大伙|全村|他们|村民|全体)|(?:替|为)(?:大家|大伙|全村)/.test(w.text) && !/不(?:是)?代表|代表不了|只为|只替/.test(w.text)) return ok('all');
    // "俺和村里的赵老三当代表": representatives chosen besides the citizen speak for the many.
    if (/(?:当|做|作|选|推)(?:了|出)?(?:个|几个|三个|两个)?代表/.test(w.text) && !/只为|不代表|代表不了|就(?:我|俺)(?:自己|一个)/.test(w.text) && (readRepresentatives(w.text, 10) ?? []).some((m) => !m.self && m.name)) return ok('all');
    // "代表就俺自个": the citizen represents them all.
    if (/代表(?:就|只有|就是|是)?(?:我|俺)/.test(w.text) && !/不(?:是)?代表|代表不了/.test(w.text)) return ok('all');
    if (SCOPE_SELF.test(w.text)) return ok('self');
    // (Representatives named for them: "代表是我和周长贵…" files for all.)
    if (SCOPE_ALL.test(w.text.trim()) || /代表(?:是|有|就是)[^，。]{0,4}(?:我|俺)?[和跟与]?[\u4e00-\u9fff]{2,3}/.test(w.text)) return ok('all');
    const yes = ctx.readers.intent(w.text);
    if (yes.name === 'affirm' && yes.confidence >= 0.6) return ok('all');
    if (yes.name === 'deny' && yes.confidence >= 0.6) return ok('self');
    return failed();
  },
  apply(f, value, ctx) {
    const s = slotsOf(f);
    if (value === 'self') return applyCount(f, { n: s.peopleCount ?? 1, unit: s.peopleUnit ?? 'people', scope: 'self' }, ctx.county.rules.groupThreshold);
    if (typeof value === 'object' && value) {
      const v = value as { n: number; unit: 'people' | 'households' };
      return setSlots(f, { scope: 'all', peopleCount: v.n, peopleUnit: v.unit });
    }
    return setSlots(f, { scope: 'all' });
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const s = slotsOf(f);
    const buttons = [button(l, 'scopeAll', 'scope:all'), button(l, 'scopeSelf', 'scope:self')];
    return ask(l, { key: 'askScope', params: { count: countText(s.peopleCount ?? 0, s.peopleUnit, l) }, buttons }, again);
  },
  // Unsure whom they speak for: the number they said stands (their own words); representatives are then optional.
  giveUp: (f, words) => ({ form: { ...setSlots(f, { scope: 'all' }), notes: words ? { ...f.notes, scope: words } : f.notes }, replies: [] }),
  press: (arg) => (arg === 'all' || arg === 'self' ? arg : undefined),
};

// ---- representatives -------------------------------------------------------

function showRepresentatives(f: FormState, ctx: FormContext): string {
  const s = slotsOf(f);
  const reps = s.representatives ?? [];
  if (reps.length === 0) return notGiven(ctx.locale);
  return reps
    .map((r) => {
      // (Before the citizen's name is known, the self mark alone: "you", "本人".)
      const own = r.name ?? s.name ?? '';
      const name = r.self ? (own ? `${own}${t(ctx.locale, 'selfMark')}` : t(ctx.locale, 'selfAlone')) : (r.name ?? '');
      const phone = r.phone ?? (r.self ? s.phone : null);
      return phone ? `${name} ${phone}` : name;
    })
    .join(ctx.locale === 'zh' ? '、' : ', ');
}

/** A sentence about another part of the petition (whom, where, what is wanted). */
const OTHER_SUBJECT = /\b(?:factory|company|plant|mill|shop|called|named|place|address|village|request|complaint|against)\b|公司|工厂|厂子|(?:厂|矿|局|所)(?:叫|是)|叫做|地点|地址|诉求|被反映|告的是/i;

/** "我，王德顺 139…" from 王德顺: the citizen's own name beside "me" is the citizen, not one more. */
function ownNameFolded(reps: RepresentativeMention[] | null, own: string | null | undefined): RepresentativeMention[] | null {
  const mine = own ? reps?.find((r) => !r.self && r.name === own) : undefined;
  if (!reps || !mine) return reps;
  const self = reps.find((r) => r.self);
  if (self && self.name && self.name !== own) return reps;
  const me = { self: true, name: own!, phone: self?.phone ?? mine.phone };
  return [me, ...reps.filter((r) => r !== mine && r !== self)];
}

export const representatives: Step = {
  // A list: read whole, never cut at the first comma ("代表改成杨德贵 139…，杨秀兰 158…").
  readsWhole: true,
  name: 'representatives',
  expecting: 'representatives',
  optional: true,
  // An anonymous report names nobody: its representatives would name the reporter.
  due: (f, ctx) => isGroup(slotsOf(f), ctx.county.rules.groupThreshold) && slotsOf(f).representatives === undefined && !slotsOf(f).anonymous,
  read(w, _f, ctx) {
    // (A sentence about something else is no part of the list: "… me and Li Wei. The factory is Hengda Chemical".)
    const sentences = w.text.split(/(?<=[。!！?？]|\.(?!\d))\s*/).filter(Boolean);
    // (The first sentence and any with a phone number stay: "The village elected two people …: Tang Jinbao (138…)".)
    const listed = sentences.filter((x, i) => i === 0 || /代表|representatives?|\d{7,}/i.test(x) || !OTHER_SUBJECT.test(x)).join(' ') || w.text;
    // "I'm not representing anyone, I'm only filing for my own family": no list — for whom, said again (read late).
    const reps = readRepresentatives(listed, ctx.county.rules.maxRepresentatives);
    // ("the representatives are only me and Li Wei" is a list.)
    if (scopeOf(w.text) === 'self' && !(reps ?? []).some((r) => !r.self)) return failed();
    return reps ? ok(reps) : failed(say(ctx.locale, 'badRepresentatives', { max: ctx.county.rules.maxRepresentatives }));
  },
  apply(f, value) {
    const s = slotsOf(f);
    const reps = ownNameFolded(value as RepresentativeMention[] | null, s.name);
    const self = reps?.find((r) => r.self);
    // The citizen named among them: their own name and phone, when not known yet.
    const patch = { representatives: reps ?? [], ...(self?.name && s.name === undefined ? { name: self.name } : {}), ...(self?.phone && s.phone === undefined ? { phone: self.phone } : {}) };
    return setSlots(f, patch);
  },
  ask(f, ctx, again) {
    const s = slotsOf(f);
    const params = { count: countText(s.peopleCount ?? 0, s.peopleUnit, ctx.locale), max: ctx.county.rules.maxRepresentatives };
    return ask(ctx.locale, { key: 'askRepresentatives', params, example: 'exRepresentatives', skip: 'representatives' }, again);
  },
  giveUp: (f) => settle(f, { representatives: [] }),
  field: { label: 'fRepresentatives', words: /代表|representatives?/i, show: showRepresentatives, hidden: (f, ctx) => !isGroup(slotsOf(f), ctx.county.rules.groupThreshold) },
};

// ---- earlier handling ---------------------------------------------------------

function priorButtons(l: Locale): Button[] {
  return PRIORS.map((p) => button(l, PRIOR_LABEL[p], `prior:${p}`));
}

export function readPrior(text: string, ctx: FormContext): PriorPetition | null {
  const rule = priorChannelIn(text);
  if (rule) return rule;
  // "头一回 以前找过村支书 他说管不了": the first time here, but raised before — that is earlier handling.
  const told = priorInStory(text);
  // (Not when it is being handled there now: "说正在处理，让等" is handled below.)
  // (But "找过乡里好几回…让等着": told to wait time after time is an earlier petition without result.)
  const again = /好几(?:回|次|趟)|(?:很|许)?多(?:回|次|趟)|几(?:回|次|趟)|无数(?:回|次)|(?:一|两|三|半)年多?|\b(?:twice|several times|many times|again and again|\d+ times|for (?:a|one|two|\d+) (?:years?|months))\b/i.test(text);
  if (told === 'earlier_petition' && (again || !/正在(?:处理|调查|办|查|走)|(?<!结果还|结果)在(?:处理|查|办)|让(?:我|俺)?等|等(?:通知|消息|答复)|\b(?:still (?:handling|investigating|looking)|(?:told|asked) (?:me|us) to wait|waiting for (?:their|an) answer)\b/i.test(text))) return told;
  const r = ctx.readers.answer('priorPetition', text);
  // ("我听说可以申请行政复议，是不是走那个更好？": a channel heard of, or asked about, is not where the matter went.)
  const heardOf = /听说|听人说|有人说|建议|是不是(?:该|要|得)?(?:走|去|申请)|要不要(?:走|去|申请)|\b(?:heard|someone (?:said|told)|should i (?:go|apply)|is it better)\b/i.test(text);
  if (r && r.confidence >= 0.5 && (PRIORS as readonly string[]).includes(r.label) && !(heardOf && r.label !== 'none' && r.label !== 'earlier_petition' && r.label !== 'lower_level')) return r.label as PriorPetition;
  // ("Only the property company, maybe 6 or 7 calls. Never to the government.": the first time, said in so many words.)
  return told === 'none' ? 'none' : null;
}

/** "刚才不是说了吗，", "一开始就说了呀，", "I told you,": a reproach before the answer, no part of it. */
const SAID_ALREADY = new RegExp(`^(?:${SAID_BEFORE_WORDS}${SAID_BEFORE_TAIL}|说了(?:找过[^，,。]{0,10})?了?(?:啊|呀|嘛))[\\s，,。.!！:：]*`, 'i');

export const priorPetition: Step = {
  name: 'priorPetition',
  expecting: 'priorPetition',
  // Its detail is the citizen's own account: a correction keeps every clause of it.
  readsWhole: true,
  due: (f) => slotsOf(f).priorPetition === undefined,
  read(w, _f, ctx) {
    const kind = readPrior(w.text, ctx);
    // ("…nobody answered. I need to go cook dinner now, I'll come back in a bit.": the remark about the talk is no part of it.)
    // ("Earlier handling: father phoned …": the field's own name said before its value is no part of it.)
    const told = (withoutTalk(w.text).trim() || w.text).replace(SAID_ALREADY, '').replace(/^(?:earlier handling|prior handling|此前处理(?:情况)?|以前(?:的)?处理)\s*[:：]\s*/i, '') || w.text;
    return kind ? ok({ kind, detail: kind === 'none' || w.text.length <= 4 ? null : clip(withoutIntroductions(scrubPersonal(told, ctx.readers.entities(told), ctx.locale))) }) : failed();
  },
  apply: (f, v) => {
    const { kind, detail } = v as { kind: PriorPetition; detail: string | null };
    const next = setSlots(f, { priorPetition: kind, priorDetail: detail ?? slotsOf(f).priorDetail ?? null });
    return { ...next, slots: { ...next.slots, triage: undefined } };
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askPriorPetition', buttons: priorButtons(ctx.locale), example: 'exPriorPetition' }, again),
  // Raised before, in the citizen's own words: staff read them.
  giveUp: (f, words) => settle(f, { priorPetition: 'earlier_petition', priorDetail: words ? clip(words) : null }),
  press: (arg) => ((PRIORS as readonly string[]).includes(arg) ? { kind: arg, detail: null } : undefined),
  field: {
    label: 'fPriorPetition',
    words: /此前处理情况|此前(?:的)?处理|以前(?:的)?处理|之前(?:的)?处理|以前反映|之前反映|处理情况|反映过(?:的)?(?:情况)?|earlier handling|prior handling|raised (?:it )?before|handled before|court thing/i,
    show(f, ctx) {
      const s = slotsOf(f);
      const label = s.priorPetition ? t(ctx.locale, PRIOR_LABEL[s.priorPetition]) : notGiven(ctx.locale);
      if (!s.priorDetail) return label;
      const detail = s.priorDetail.length > 160 ? `${s.priorDetail.slice(0, 160)}…` : s.priorDetail;
      return ctx.locale === 'zh' ? `${label}（${detail}）` : `${label} (${detail})`;
    },
  },
};

export const triage: Step = {
  name: 'triage',
  expecting: 'priorPetition',
  due: (f) => {
    const s = slotsOf(f);
    return s.priorPetition !== undefined && LAWFUL_CHANNEL.has(s.priorPetition) && s.triage === undefined;
  },
  read(w, f, ctx) {
    if (UNSURE.test(w.text.trim())) return { ok: false };
    // "俺没去法院 没告 就是劳动局那人让俺去告": the channel was misheard — the earlier handling is read again.
    if (CHANNEL_DENIED.test(w.text)) {
      const s = slotsOf(f);
      const again = [w.text, s.priorDetail ?? ''].map((x) => priorInStory(x)).find((k) => k && !LAWFUL_CHANNEL.has(k));
      return ok({ prior: again ?? null });
    }
    const r = ctx.readers.answer('triage', w.text);
    if (!r || r.confidence < 0.5) return null;
    // Stopping ends the draft: only on a clear wish, never on a doubt.
    if (r.label === 'continue') return ok('continue');
    return r.confidence >= 0.75 ? triageStop(f, ctx) : { ok: false };
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const channel = channelFor(slotsOf(f).priorPetition!)!;
    const buttons = [button(l, 'triageContinue', 'triage:continue'), button(l, 'triageStop', 'triage:stop')];
    return ask(l, { key: 'triageExplain', params: { channel: channelText(ctx.county, channel, l) }, buttons }, again);
  },
  // A channel taken back: the earlier handling read again (or asked again), and no triage.
  apply: (f, v) => {
    if (typeof v !== 'object' || v === null) return setSlots(f, { triage: v as 'continue' });
    const prior = (v as { prior: PriorPetition | null }).prior;
    const next = setSlots(f, { priorPetition: prior ?? undefined, triage: undefined });
    return prior ? next : { ...next, slots: Object.fromEntries(Object.entries(next.slots).filter(([k]) => k !== 'priorPetition' && k !== 'triage')) };
  },
  // Not sure: register it; staff decide lawfully whether to accept it.
  giveUp: (f) => settle(f, { triage: 'continue' }),
  press: (arg, f, ctx) => (arg === 'continue' ? 'continue' : arg === 'stop' ? triageStop(f, ctx) : undefined),
};

/** "俺没去法院 没告", "we never went to court": the lawful channel heard in the earlier answer is denied. */
const CHANNEL_DENIED = /(?:没|没有|并没|从没|从来没|不是)(?:去|到|在|有)?(?:过)?(?:法院|起诉|告|打官司|打过官司|仲裁|复议|申请仲裁|申请复议)|\b(?:(?:did|have|has)(?: not|n'?t)|never) (?:go(?:ne)? to court|went to (?:court|arbitration)|sued?|filed (?:a )?(?:suit|lawsuit|case))|\bnot in court\b|\bno court\b|\bnot (?:suing|taking (?:it|them|him|her) to court)\b/i;
const UNSURE = /^(?:不知道|不清楚|不晓得|不懂|说不好|随便|看着办|都行|你说呢|咋办|怎么办|i don'?t know|not sure|no idea|whatever|up to you)[。.!！?？吧啊呀]*$/i;

/** The citizen chose the lawful channel: the draft is parked (they may still change their mind) and the outcome recorded. */
function triageStop(f: FormState, ctx: FormContext): Reading {
  const channel = channelFor(slotsOf(f).priorPetition!)!;
  const l = ctx.locale;
  return ok('stop', { end: { replies: [say(l, 'triageStopped', { channel: channelText(ctx.county, channel, l) })], effects: [{ type: 'record_outcome', kind: 'redirected', detail: slotsOf(f).priorPetition! }] } });
}

// ---- who is filing ------------------------------------------------------------

const isConduct = (f: FormState) => slotsOf(f).category === 'conduct';

/** A Chinese name said beside an English one: "(刘宇轩)", "Chinese name 张丽丽", "中文名叫张丽丽". */
const CHINESE_NAME_BESIDE = /[（(]\s*([\u4e00-\u9fff]{2,4})\s*[)）]|(?:chinese name(?: is)?|中文名(?:字)?(?:是|叫)?|(?<=[A-Za-z][.,]?\s{1,2}))\s*[:：]?\s*([\u4e00-\u9fff]{2,4})(?=\s*(?:$|[,，.。;；!！]))/i;

export const name: Step = {
  name: 'name',
  expecting: 'name',
  due: (f) => slotsOf(f).name === undefined && !slotsOf(f).anonymous,
  read(w, f, ctx) {
    // "王建军 电话…。哦不对，我名字是王建国": the name said last, when it is one.
    // "Liu Yuxuan (刘宇轩)": the name as typed first, the other aside.
    const text = withoutSecondName(w.text);
    const said = restated(text);
    const r = (said !== text ? readName(said, ctx.county.townships) : null) ?? readName(text, ctx.county.townships);
    // "Lily Zhang, Chinese name 张丽丽", "Liu Yuxuan (刘宇轩)": both, the Chinese one beside — and said alone on the
    // summary ("please also put my Chinese name 张丽丽"), beside the English one kept.
    const zh = CHINESE_NAME_BESIDE.exec(w.text);
    const zhName = zh ? (zh[1] ?? zh[2])! : null;
    if (zhName) {
      const latin = (n: string | null | undefined) => (n && /^[A-Za-z][A-Za-z .'-]+$/.test(n) ? n : null);
      const kept = slotsOf(f).name;
      const typed = /(?:^|[\s:：,，])([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?=\s*[(（]?\s*[\u4e00-\u9fff]|\s*,?\s*chinese name)/i.exec(w.text)?.[1];
      const en = latin(r && 'name' in r ? r.name : null) ?? latin(typed) ?? latin(typeof kept === 'string' ? kept.replace(/\s*\(.*\)$/, '') : null);
      if (en) return ok(`${en} (${zhName})`);
    }
    if (!r) return failed(say(ctx.locale, 'badName'));
    if ('name' in r) return ok(r.name);
    // "不匿名了", "实名举报": no wish to stay anonymous, whatever else the words lack.
    if (/不(?:用|要|想|再)?匿名|实名|\bnot anonymous\b/i.test(w.text)) return failed(say(ctx.locale, 'badName'));
    return isConduct(f) ? ok('anonymous') : failed(say(ctx.locale, 'faqAnonymousOther'));
  },
  apply(f, value) {
    // A name given after choosing to stay anonymous ("不匿名了 名字写马小军"): filed under the name.
    if (value !== 'anonymous') return setSlots(f, slotsOf(f).anonymous ? { name: value as string, anonymous: false } : { name: value as string });
    // A phone the reporter chose to leave ("名字就不留了 电话留一个…") stays: the name is what is withheld.
    return setSlots(f, { name: null, phone: slotsOf(f).phone ?? null, idNumber: null, idType: null, anonymous: true });
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const buttons = isConduct(f) ? [button(l, 'anonymousButton', 'anon:yes')] : [];
    return ask(l, { key: isConduct(f) ? 'askContactConduct' : 'askContact', buttons, example: 'exName' }, again);
  },
  giveUp(f, words, ctx) {
    const usable = words && words.length <= 20 && !/\d/.test(words);
    return settle(f, { name: usable ? words : null }, usable ? [kept(ctx.locale, words)] : []);
  },
  press: (arg, f) => (arg === 'yes' && isConduct(f) ? 'anonymous' : undefined),
  field: {
    label: 'fName',
    // ("邻居大名叫刘志刚", "the landlord's name is …": another person's name, not the citizen's.)
    words: /(?<!(?:邻居|他|她|对方|老板|房东|包工头|支书|书记|村长|主任|镇长|乡长|所长|局长|干部|经理|厂长|老师|校长|医生|会计|儿子|女儿|老伴|老婆|老公|妈|爸|娘|爹|(?:被)?(?:举报|反映|投诉)的(?:人|对象)?|对象)(?:的)?)(?:名字|姓名|大名)|(?<!\b(?:his|her|their|[a-z]+'s)\s)\bname\b/i,
    show: (f, ctx) => (slotsOf(f).anonymous ? t(ctx.locale, 'anonymous') : (slotsOf(f).name ?? notGiven(ctx.locale))),
  },
};

/** The citizen's own phone: the first one not denied ("电话不是137…，是135…"). */
/** The entities of a type, less those taken back in the same breath: "13812345670 - no wait, 13812345607". */
function notTakenBack(w: Words, type: EntityType): Entity[] {
  const from = restatedFrom(w.text);
  const all = w.entities.filter((e) => e.type === type);
  return all.some((e) => e.start >= from) ? all.filter((e) => e.start >= from) : all;
}

function ownPhone(w: Words): string | null {
  const phones = notTakenBack(w, 'phone');
  const kept = phones.filter((e) => !/(?:不是|并非|not)\s*$/i.test(w.text.slice(Math.max(0, e.start - 5), e.start)));
  const p = kept[0] ?? phones.at(-1);
  return p ? String(p.value) : null;
}

export const phone: Step = {
  name: 'phone',
  expecting: 'phone',
  entity: 'phone',
  due: (f) => slotsOf(f).phone === undefined && !slotsOf(f).anonymous,
  read(w, _f, ctx) {
    const p = ownPhone(w);
    if (p) return ok(p);
    const l = ctx.locale;
    if (/没(?:有)?(?:手机|电话)|不用手机|no (?:phone|mobile)|don'?t have a (?:phone|mobile)/i.test(w.text)) return failed(say(l, 'noPhone'));
    return /\d{5,}/.test(w.text) ? failed(say(l, 'badPhone')) : failed();
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askPhoneAndId', example: 'exPhone' }, again),
  giveUp: (f, words, ctx) => settle(f, { phone: null }, [say(ctx.locale, 'phoneGaveUp')], words ? ['phone', words] : undefined),
  // ("Xinmin street number 21": a house number, not the phone.)
  field: { label: 'fPhone', words: /电话号码|手机号码?|电话|手机|(?<!门牌|房|楼|身份证|证件|案件|编)号码|联系方式|(?:phone|mobile|cell(?:phone)?|contact) (?:number|no\.?)|phone|mobile|(?<!\b(?:street|road|lane|house|building|room|flat|door|id|case|passport|plate)\s)\bnumber\b(?!\s*\d{1,5}\b)/i, show: (f, ctx) => slotsOf(f).phone ?? notGiven(ctx.locale), hidden: (f) => !!slotsOf(f).anonymous && !slotsOf(f).phone },
};

const PASSPORT = /(?:护照|passport|港澳|台胞|通行证|permit|foreign(?:er)?'?s? (?:id|card))[^\d]{0,24}?\b([A-Za-z]{0,2}\d{6,9}[A-Za-z]?)\b|\b([A-Z]{1,2}\d{7,8})\b/i;

/** A passport or permit number in a message, upper-cased, or null. */
export function passportIn(text: string): string | null {
  const m = PASSPORT.exec(text);
  const n = m?.[1] ?? m?.[2];
  return n ? n.toUpperCase() : null;
}

export const idNumber: Step = {
  name: 'idNumber',
  expecting: 'idNumber',
  entity: 'id_number',
  optional: true,
  // Offered with the contact questions; asked on its own only when neither was needed.
  due: (f) => slotsOf(f).idNumber === undefined && !slotsOf(f).anonymous && ((!f.meta['asked.name'] && !f.meta['asked.phone']) || f.slots['idRetry'] === true),
  read(w, _f, ctx) {
    const l = ctx.locale;
    const id = notTakenBack(w, 'id_number')[0];
    if (id && id.valid !== false) return ok({ number: String(id.value), type: 'resident' });
    if (id) return failed(say(l, 'badIdChecksum'));
    const passNo = passportIn(w.text);
    if (passNo) return ok({ number: passNo, type: 'passport' });
    const r = ctx.readers.answer('idNumber', w.text);
    if (r && r.confidence >= 0.5) {
      if (r.label === 'passport') return failed(say(l, 'askPassportNumber'));
      return ok(null);
    }
    if (isRefusal(w.text)) return ok(null);
    // "俺刚才不是说了嘛，13976543210": a phone said again is no ID number typed wrong.
    if (w.entities.some((e) => e.type === 'phone') && !/\d{15,}/.test(w.text)) return null;
    return /\d{6,}/.test(w.text) ? failed(say(l, 'badIdFormat')) : null;
  },
  apply(f, value) {
    const v = value as { number: string; type: 'resident' | 'passport' } | null;
    return setSlots(f, { idNumber: v?.number ?? null, idType: v?.type ?? null });
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'askIdNumber', example: 'exIdNumber', skip: 'idNumber' }, again),
  giveUp: (f) => settle(f, { idNumber: null, idType: null }),
  field: {
    label: 'fIdNumber',
    words: /身份证号?|证件号|护照号?|\bid(?: number| card)?\b|passport/i,
    show(f, ctx) {
      const s = slotsOf(f);
      if (!s.idNumber) return notGiven(ctx.locale);
      return s.idType === 'passport' ? t(ctx.locale, 'passport', { number: s.idNumber }) : s.idNumber;
    },
    hidden: (f) => !!slotsOf(f).anonymous,
  },
};

export const INTAKE_STEPS: readonly Step[] = [
  consent,
  facts,
  township,
  address,
  category,
  respondent,
  demands,
  peopleCount,
  scope,
  representatives,
  priorPetition,
  triage,
  name,
  phone,
  idNumber,
];

export { unitName };
