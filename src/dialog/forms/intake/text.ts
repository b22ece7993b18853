/**
 * Small text signals of the intake beyond the trained readers: how much a message
 * says, personal data kept out of free text, refusals, where a demand starts,
 * a bare "I want to complain", and a respondent named by position.
 */
import { leadingSurname } from '../../../nlu/extractors/surnames.ts';
import type { Entity } from '../../../nlu/extractors/types.ts';
import { readPeopleCount, scopeOf, type PeopleCount } from '../../../nlu/answers/people-count.ts';

/** Counts meaningful characters: a CJK ideograph counts one, a Latin word two. */
export function contentSize(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return cjk + words * 2;
}

/** Size from which a message counts as telling the matter. */
export const STORY_SIZE = 20;

/** Replaces personal data in free text by placeholders of the conversation's language. */
export function scrubPersonal(text: string, entities: readonly Entity[], locale: 'zh' | 'en'): string {
  const labels = locale === 'zh' ? { phone: '[电话]', id: '[证件号]', name: '[姓名]' } : { phone: '[phone]', id: '[ID number]', name: '[name]' };
  const spans = entities.filter((e) => e.type === 'phone' || e.type === 'id_number' || e.type === 'person_name').sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of spans) {
    const label = e.type === 'phone' ? labels.phone : e.type === 'id_number' ? labels.id : labels.name;
    out = out.slice(0, e.start) + label + out.slice(e.end);
  }
  return out;
}

/**
 * The words of an answer without the clauses that only introduce the citizen ("我叫[姓名] 电话[电话]",
 * "My name is [name], phone [phone]"): those are in their own fields, and a placeholder in the summary
 * reads as a fault.
 */
export function withoutIntroductions(scrubbed: string): string {
  const parts = scrubbed.split(/(?<=[，,。.!！;；\n])\s*|\s+(?=(?:我|俺)(?:叫|是)\s*\[|(?:电话|手机)|my name|phone)/i);
  const kept = parts.filter((p) => !/^(?:(?:对了|还有|另外|顺便)[，,\s]*)?(?:(?:我|俺)(?:的)?(?:名字)?(?:叫|是)\s*\[姓名\]|(?:(?:我|俺)(?:的)?)?(?:电话|手机|phone|tel)?\s*(?:是|号码?|number|is)?[:：]?\s*\[(?:电话|phone)\]|(?:my name is|i'?m|name:?)\s*\[name\])[\s，,。.!！;；]*$/i.test(p.trim()));
  if (kept.length === parts.length) return scrubbed;
  const out = kept.map((p) => p.trim()).join(' ').replace(/([，。！；])\s+/g, '$1').replace(/[\s，,;；]+$/, '').trim();
  return out || scrubbed;
}

const REFUSAL =
  /^(?:不想|不愿意?|不方便|不提供|不给|不用|没有|没|无|算了|跳过|略|保密|不说|不告诉你|不清楚|不知道|记不住|忘了|skip|no\b(?!\.?\s*\d)|none|nope|n\/a|i'?d rather not|rather not|prefer not|don'?t want|no thanks|not now|pass\b)/i;
export const isRefusal = (text: string) => REFUSAL.test(text.trim().replace(/[。.!！~～]+$/, ''));

const DEMAND = /(?:我们?|俺们?)?(?:要求|希望|请求|诉求是?|恳请|请政府|请领导|(?<![不没别])想让|(?<![不没别])想要|盼望|要他们|让他们|(?<![\u4e00-\u9fff])要(?=[^，。\s]{1,8}(?:处理|赔|退|还|修|查|恢复|道歉|给个说法))|(?:给俺们?|给我们?)(?=解决|退|赔|补|还|一个说法|个说法|做主|处理|安排|落实|恢复))|\b(?:i|we) (?:want|demand|ask|hope|request|would like)\b|\bplease\b/i;

/** A request said in so many words: "要求…", "公开…", "撤销…", "we want …". */
export const REQUEST_LEAD = /^(?:(?:我们|俺们|我|俺)?(?:要求|希望|请求|想要|就想|想让|想叫|只想|就是想|盼着)|要(?=[^，。\s]{1,8}(?:处理|赔|退|还|修|查|恢复|道歉|给个说法|给说法|办|解决|落实|补发|发放))|让(?:他|她|他们|她们|他家|她家|对方|老板|厂里|厂家|村里|镇上|镇里|政府|学校|公司)(?=[^，。\s]{0,8}(?:给|把|赔|退|还|修|拆|停|恢复|道歉|发))|公开|撤销|退还|赔偿|恢复|还给|补发|追回|查处|(?:we|i) (?:just |only |really |simply )?(?:want|ask|demand|need)|please (?:make|order|get)|(?:please\s+)?(?:restore|reinstate|pay (?:us|me|back|the|our|my)|return (?:the|our|my)|refund|give (?:us|me|back|my|our|him|her|them)|stop (?:the|them|him|her|it)|fix (?:the|our|my)|repair (?:the|our|my)|investigate|compensate|punish|reopen|remove (?:the|it))\b)/i;

/** The demand clause of a story ("…，要求尽快发放补偿款。"), or null. */
export function demandClause(text: string): string | null {
  const m = DEMAND.exec(text);
  if (!m) return null;
  // "I want to report the head of…", "我要反映…": an announcement, not what is asked for.
  if (/^\s*(?:to\s+)?(?:report|complain|file|petition|lodge|反映|举报|投诉|上访|告)/i.test(text.slice(m.index + m[0].length))) return null;
  const rest = text.slice(m.index);
  // "…，还有我不想留名字": the next thing said is no part of the request.
  const end = rest.search(/[。！!？?\n]|[，,]\s*(?:还有|另外|对了|顺便|再说|我不想|能不能|能匿名|可以匿名)|$/);
  // "…全额发下来，代表是我刘大海，电话…": who represents the group is no part of the request either.
  const reps = representativesAt(rest);
  const clause = rest.slice(0, reps > 0 && reps < end ? reps : end).replace(/[，,;；\s]+$/, '').trim();
  return contentSize(clause) >= 6 ? clause : null;
}

/** Opening phrases that only announce a petition ("我要反映问题", "I want to complain"). */
const ANNOUNCE =
  /^(?:(?:你好|您好|喂|在吗|hello|hi|hey|good (?:morning|afternoon|evening))[,，!！。\s]*)*(?:(?:我|俺)(?:想|要)|i (?:want|would like|need|wish) to|i'd like to)\s*(?:反映|反应|投诉|信访|上访|举报|申诉|告状|咨询|登记|file|make|submit|lodge|report|complain|petition)?\s*(?:一下|个)?\s*(?:新的|另一个|另外一个|另外的|别的|一个新的?|a new|another)?\s*(?:问题|情况|事情|事|一件事|a (?:petition|complaint|problem)|an? (?:issue|problem|matter)|(?:issue|problem|matter|complaint)|something)?[。.!！\s]*$/i;
export const isBareAnnouncement = (text: string) => ANNOUNCE.test(text.trim());

/** Words about the conversation, not the matter: "我没事，就是想登记一下", "I'm fine, I just want to file this". */
const ABOUT_TALK =
  /^(?:我|俺)?(?:没事|挺好|很好|好好的)|没想.{0,6}(?:傻事|不开|怎么样|过激)|^(?:我|俺)?(?:就是)?想(?:讲理|讲讲理|讨个说法)[。！!]*$|^(?:那|那就|好)?(?:我|俺)(?:就)?匿名(?:吧|了)?[。！!]*$|^(?:(?:ok|okay|好了?|嗯)[,，\s]*)?(?:我|俺)回来了|^(?:(?:ok|okay)[,\s]*)?(?:i'?m|i am) back\b|^(?:我)?问清楚了[。，,！!]*$|(?:回头|等会儿?|待会儿?|一会儿?)再(?:说|来|聊)[。！!]*$|^(?:我|俺)(?:先|得)?(?:去)?(?:做饭|吃饭|忙|干活|接孩子)(?:了|去了)?|\bi (?:need|have|got) to go\b|\bi'?ll (?:come|be) back\b|\bgotta go\b|别担心|不用担心|不要担心|(?:就|只)是想(?:把这事|把这个事)?(?:登记|反映|投诉|说说|问问)|^(?:i'?m|i am) (?:fine|ok|okay|alright|all right|safe)\b|\b(?:nobody|no one|noone) is in danger\b|\bnot in danger\b|\bdon'?t worry\b|\bjust want(?:ed)? to (?:file|report|register|complain|ask)\b/i;

/** What is left of a message once the sentences about the conversation are taken out. */
export function withoutTalk(text: string): string {
  // (The spaces after a kept sentence stay: "…investigate, and an explanation …".)
  return text
    .split(/(?<=[。！!？?；;，,.])/)
    .filter((s) => !ABOUT_TALK.test(s.trim()))
    .join('');
}

export { restated, restatedFrom } from '../../../nlu/answers/restated.ts';
import { restatedFrom } from '../../../nlu/answers/restated.ts';

/** "Liu Yuxuan (刘宇轩)", "my name Nguyen Thi Lan, chinese name 阮氏兰": one person's second name set aside. */
export const withoutSecondName = (text: string) =>
  text
    .replace(/\s*[（(]\s*[\u4e00-\u9fff]{2,4}\s*[)）]/g, '')
    // "Zhou Mei (I go by Emma)", "He Dawei (David)", "刘建国（小名狗蛋）": a name one is called by, beside the real one.
    .replace(/\s*[（(]\s*(?:i go by|call me|called|aka|a\.k\.a\.?|nickname|english name)?\s*[A-Za-z][A-Za-z'-]{1,15}\s*[)）]/gi, '')
    .replace(/\s*[（(]\s*(?:小名|外号|也叫|大家叫我|英文名)(?:叫|是)?[^)）]{1,8}[)）]/g, '').replace(/[,，]?\s*(?:my )?chinese name(?: is)?\s*[\u4e00-\u9fff]{2,4}\.?/gi, ',');

/** A respondent named by position in a report about officials ("我们镇上的一个副镇长", "deputy director Sun"). */
const POSITION_ZH =
  /(?:(?:我们|俺们|咱们)?[\u4e00-\u9fff]{0,8}?(?:镇|乡|村|局|所|站|办|委|院|队)(?:上|里)?的?)?(?:一个|一位|那个|有个)?(?:分管[\u4e00-\u9fff]{1,6}的)?(?:副)?(?:镇长|乡长|党委书记|书记|村支书|支书|村主任|主任|站长|所长|局长|科长|股长|会计|出纳|干部|民警|警察|交警|辅警|协警|城管|队长|组长|院长|校长)(?:[，,]?\s*(?:姓|叫)[\u4e00-\u9fff]{1,3})?/;
const POSITION_EN =
  /\b(?:(?:the|an?|our)\s+)?(?:deputy\s+|vice\s+)?(?:village head|village chief|party secretary|township head|head|director|chief|secretary|official|officer|mayor|accountant|policeman|cadre)(?:\s+(?:of|at)\s+(?:the\s+|our\s+)?(?:(?:[\w']+\s+){0,5}(?:office|bureau|station|committee|department)|[\w\s]{2,40}?(?:township|village|town)))?(?:\s+(?:named|called)\s+\w+|\s+\w+)?\b/i;

/** Whom a complaint is against, when the story names it: a company, a school, a boss, a village committee. */
const PARTY_ZH =
  /((?:[\u4e00-\u9fff]{0,8}?)(?:公司|工厂|煤矿|矿场|采石场|石场|集团|超市|饭店|酒店|餐馆|饭馆|学校|中学|小学|一中|二中|幼儿园|医院|卫生院|卫生室|诊所|银行|物业(?:公司)?|开发商|养殖场|养猪场|猪场|鸡场|牛场|采砂场|砂场|石料厂|化工厂|砖厂|工程队|施工队|农资店|健身房|驾校|培训班|村委会|居委会|镇政府|乡政府|派出所|社保所|社保站|医保站|民政所|民政办|司法所|国土所|财政所|劳动所|劳保所|农经站|水利站|林业站|供电所|环保所|残联|电管站|城管|拆迁办|征收办|征迁办|指挥部|管委会|(?<![县市])局|厂))|包工头|老板|房东|开发商|电工|网格员|村干部|村支书|村主任|村会计|村长|邻居|隔壁(?:邻居)?/;
const PARTY_EN =
  /\b((?:the |a |an )?(?:[A-Z](?:[\w'-]|\.(?=\d))*\s+){0,3}(?:factory|company|restaurant|school|kindergarten|hospital|clinic|farm|workshop|quarry|gym|shop|store|supermarket|developer|contractor|landlord|employer|boss|property management|bus company|mine|plant|site|village committee|police station|health centre|health center|depot|warehouse|logistics|market management|hotel|bank|mill|farm))\b/i;
/** "the boss is Zhao Jianguo (of Hongda Construction)": a role, then who holds it. */
const ROLE_NAMED_EN = /\b(?:[Tt]he|[Oo]ur|[Mm]y) (?:[a-z]+ )?(?:boss|landlord|employer|contractor|foreman|owner|manager)\s+(?:is|was)\s+(?:called\s+|named\s+|a (?:guy|man|woman|person|fellow) (?:called|named)\s+)?((?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?:\s+(?:of|from|at)\s+((?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,4}))?/;
/** "a company called Hengda Sand & Gravel": the name said after "called". */
const CALLED_EN = /\b(?:company|firm|factory|shop|business|developer|contractor|employer|outfit|depot|mill|farm) (?:called|named) ((?:[A-Z][\w'-]*|&)(?:\s+(?:[A-Z][\w'-]*|&|Co\.?|Ltd\.?)){0,5})/;
const PARTY_LEAD = /^(?:.*(?:反映|投诉|举报|找过|去过|问过|到过|开始|开了|办了|搞了|在|是|给|被|把|让|的|了|跟|和|向|找|说|到|去|从|有个|一个|那个|这个|趟))(?=[\u4e00-\u9fff]{2,})/;

/** "村里征地补偿款一直没发", "镇上把路挖了不管": the village or township as the one doing (or failing to do) it. */
const ACTOR_ZH: ReadonlyArray<[RegExp, string]> = [
  [/(?:^|[，,。；;！!\s])(?:俺们|我们|咱们)?(?:村里|村委会?|村两委)[^，,。；;]{0,14}?(?:没|不|扣|占|拖|收|卖|卡|停|取消|拆|挖)/, '村委会'],
  [/(?:^|[，,。；;！!\s])(?:镇里|镇上|镇政府)[^，,。；;]{0,14}?(?:没|不|扣|占|拖|收|卖|卡|停|取消|拆|挖)/, '镇政府'],
  [/(?:^|[，,。；;！!\s])(?:乡里|乡上|乡政府)[^，,。；;]{0,14}?(?:没|不|扣|占|拖|收|卖|卡|停|取消|拆|挖)/, '乡政府'],
];

/** A person's role ("包工头", "村支书") may be followed by the person's name: "包工头老周", "村支书赵有才". */
const ROLE_ZH = /(?:包工头|老板|房东|电工|村电工|网格员|村干部|村支书|支书|村主任|村会计|村长|书记|镇长|乡长|经理|厂长|校长|院长|站长|所长|局长|邻居|隔壁(?:邻居)?)$/;
// ("交警老罚我款": 老 before a verb says how often, no nickname.)
const NICK_ZH = /^(?:老|小)(?![罚是不没要打说来去找拖欠让给把在扣骂欺抢占拆整收管查抓堵拦来])[\u4e00-\u9fff](?:[\u4e00-\u9fff](?=$|[，,。\s和、跟及]))?/;
const NOT_NAME_AFTER = /^(?:跑|说|不|没|把|让|给|欠|拖|也|都|就|还|又|在|是|的|了|和|跟|他|她|们)/;

function nameAfter(rest0: string): string {
  // "邻居叫陈老三，大名陈守义": the formal name wins; "叫" before a name is no part of it.
  const formal = /^(?:叫|名叫)?[\u4e00-\u9fff]{2,3}?[，,\s]*大名(?:叫|是)?([\u4e00-\u9fff]{2,3})/.exec(rest0)?.[1];
  if (formal && leadingSurname(formal)) return formal;
  const rest = rest0.replace(/^(?:叫|名叫)(?=[\u4e00-\u9fff]{2})/, '');
  const nick = NICK_ZH.exec(rest)?.[0];
  if (nick) return nick;
  const run = /^[\u4e00-\u9fff]{2,3}/.exec(rest)?.[0];
  if (!run || NOT_NAME_AFTER.test(run)) return '';
  const surname = leadingSurname(run);
  if (!surname) return '';
  // "赵有才把…": the name ends where a word that cannot be part of a name starts.
  const given = run.slice(surname.length).replace(/[把让给欠拖也都就还又在是的了和跟说不没拿去走吃收贪要].*$/, '');
  return given.length >= 1 ? surname + given : '';
}

/** "我在杨柳村开了个小超市": the citizen's own business is not the party. */
/** "我店在…，叫惠民便利店": the words before the name of the citizen's own shop. */
const OWN_SHOP_NAMED = /(?:我|俺)(?:们)?(?:的|家)?(?:店|超市|小店|铺子|厂|公司)[^。]{0,20}(?:叫|名叫|叫做|名字叫)\s*$/;
/** The firm named in `text` is the citizen's own ("我店…叫惠民便利店"): never whom. */
export const ownShopNamed = (text: string, name: string) => text.includes(name) && OWN_SHOP_NAMED.test(text.slice(0, text.indexOf(name)));
const OWN_BUSINESS = new RegExp(`(?:我|俺)(?:们)?(?:家)?[^，,。\\s]{0,10}?(?:开|办|经营)(?:了|着)?(?:个|一个|家|一家)?[^，,。\\s]{0,6}$|${OWN_SHOP_NAMED.source}`);

const ORG_END = '(?:残联|所|局|站|委会|政府|公司|厂|学校|医院|中心|办|队)';
/** "不知道是镇残联还是民政所停的": not sure which of two — both are kept ("镇残联或民政所"), staff find out. */
export function eitherParty(text: string): string | null {
  const m = new RegExp(`([\\u4e00-\\u9fff]{2,10}?${ORG_END})还是([\\u4e00-\\u9fff]{2,10}?${ORG_END})`).exec(text);
  return m ? `${m[1]!.replace(/^(?:不知道|不清楚|不晓得)?(?:是)?/, '')}或${m[2]}` : null;
}

/**
 * Not whom when it is the citizen's own: "my company", "our factory" (not "my landlord", "my boss"),
 * "My company set up a plant", where they work ("I am a teacher at the middle school").
 */
/** "…被卫健局", "…叫镇政府" (not "叫宏达的公司", a name): the one who did it. */
const AGENT = /[被让][^，。\s被叫让]{1,8}$|叫(?![^，。\s]*的)[^，。\s被叫让]{1,8}$/;

function ownEnglishParty(text: string, x: RegExpMatchArray): 'own' | 'workplace' | null {
  const party = x[1] ?? '';
  const before = text.slice(Math.max(0, x.index! - 40), x.index);
  // "the kids walk 5 km to school", "drive to hospital": a place people go, not whom the complaint is about.
  if (/\b(?:to|from|at|after|before)\s+(?:school|hospital|market|work|church)$/i.test(text.slice(0, x.index! + x[0].length))) return 'own';
  const mine = /\b(?:my|our)\s+$/i.test(before.slice(-6)) || /^(?:my|our)\s/i.test(party);
  const business = /(?:company|firm|business|factory|shop|store|farm|plant|restaurant|workshop)$/i.test(party);
  if ((mine && business) || /\b(?:my (?:company|firm|family|business)|we|i) (?:set up|run|own|opened|built|started)\s+(?:a |an |the )?$/i.test(before)) return 'own';
  return /\b(?:i am|i'?m)\b[^.,;]{0,30}\b(?:at|in|for)\b[^.,;]{0,30}$/i.test(text.slice(Math.max(0, x.index! - 40), x.index! + x[0].length)) ? 'workplace' : null;
}

/** Offices typed with a wrong character of the same sound ("民正所", "退役军人事物局"): their right names. */
export function officeTypos(text: string): string {
  // ("乡里民政也不管": the township's civil affairs office, so called for short.)
  return text.replace(/((?:乡里|镇里|镇上|乡上)(?:的)?)(民政|社保|司法|财政|土管)(?![所站办局科])/g, '$1$2所').replace(/民正/g, '民政').replace(/事物局/g, '事务局').replace(/优扶/g, '优抚').replace(/社报局/g, '社保局').replace(/派处所/g, '派出所');
}

export function partyIn(text0: string): string | null {
  const text = officeTypos(text0);
  // (Not the citizen's own role: "我是包工头，老板跑了" is against the boss.)
  // (Nor where the citizen retired from: "我是西山乡中心小学的退休教师" — where they work now may well be the party.)
  const ownWork = (x: RegExpMatchArray) => /(?:我|俺)(?:原来|以前|本来)?(?:是|在)[^，,。\s]{0,16}$/.test(text.slice(Math.max(0, x.index! - 12), x.index! + x[0].length)) && /^[^，,。\s]{0,4}?的?退休(?:教师|老师|职工|员工|工人|医生|护士|干部|会计|司机)/.test(text.slice(x.index! + x[0].length));
  // (Nor the bureau the citizen is talking to: "你们信访局能管…不".)
  const us = (x: RegExpMatchArray) => /信访局$/.test(x[0]) && (/(?:你们|您们|这里|咱)/.test(x[0]) || /(?:你们|您们)\s*$/.test(text.slice(Math.max(0, x.index! - 3), x.index)) || /^[^，。]{0,3}(?:能|管|受理|会)/.test(text.slice(x.index! + x[0].length)));
  // (Nor the end of a stretch of road: "从村口到小学那二里多地".)
  const route = (x: RegExpMatchArray) => /从[^，,。\s]{1,10}到$/.test(text.slice(Math.max(0, x.index! - 12), x.index! + x[0].length - x[0].replace(/^.*到/, '').length));
  const candidates = [...text.matchAll(new RegExp(PARTY_ZH.source, 'g'))].filter((x) => !us(x) && !route(x) && !OWN_BUSINESS.test(text.slice(Math.max(0, x.index - 16), x.index + x[0].length)) && !/(?:我|俺)(?:就|本人)?是(?:个|一个|这个)?$/.test(text.slice(Math.max(0, x.index - 5), x.index)) && !ownWork(x));
  // The one who did it, when the story says so ("执业许可被卫健局吊销了"): before a party merely named.
  const m = candidates.find((x) => /[被叫让]\s*$/.test(text.slice(Math.max(0, x.index! - 1), x.index)) || AGENT.test(x[0])) ?? candidates[0];
  const agent = m && m !== candidates[0] ? true : !!m && AGENT.test(m[0]);
  const zh0 = m ? m[0] + (ROLE_ZH.test(m[0]) ? nameAfter(text.slice(m.index + m[0].length)) : '') : undefined;
  const zh = agent && zh0 ? zh0.replace(/^.*[被叫让](?=[\u4e00-\u9fff]{2,})/, '') : zh0;
  if (zh) {
    const cut = zh
      .replace(PARTY_LEAD, '')
      // ("镇上残联", "乡里民政所": the township's own office, so called.)
      .replace(/^(?:镇上|镇里)(?=残联|民政|社保|财政|司法|派出所)/, '镇')
      .replace(/^(?:我们|俺们|咱们|我|俺|那个|这个|一个|有个|村里|镇上|县里|个|家|时候|那时候|的时候)/, '')
      // "(我)老公在厂里干活": where a relative works is said, not its name.
      .replace(/^(?:老公|老婆|爱人|丈夫|媳妇|儿子|女儿|闺女|孩子|爸|妈|父亲|母亲|他|她|哥|弟|姐|妹)(?:在|去|到)/, '')
      // "(我)家孩子学校", "孩子读的幼儿园": whose it is, not its name.
      .replace(/^(?:家)?(?:孩子|娃|儿子|闺女|女儿|小孩)?(?:上的|读的|所在的|的)?(?=[\u4e00-\u9fff]{2,})/, '')
      // "(南和)镇阳光幼儿园": the end of a township's name left before the party's own.
      // (Not the level of an office: "县社保局", "乡社保所" are those offices.)
      .replace(/^[镇乡县](?![城里上])(?![\u4e00-\u9fff]{1,8}(?:局|所|站|办|委|院|政府|公司)$)(?=[\u4e00-\u9fff]{3,})/, '');
    // ("叫啥路桥公司来着": a name forgotten — the kind of party, its name unknown.)
    const forgot = /^(?:叫)?(?:啥|什么|甚么|个啥)(?=[\u4e00-\u9fff]{2,})/.exec(cut);
    if (forgot) return `${cut.slice(forgot[0].length)}（名称不详）`;
    return cut.length >= 2 ? cut : null;
  }
  const called = CALLED_EN.exec(text)?.[1]?.trim();
  if (called) return called;
  // "a tutoring school in Nanhe Town, Top Scholar Education, which promised …": the name set beside the kind.
  const beside = /\b(?:school|company|factory|shop|store|clinic|hospital|developer|firm|agency|centre|center|restaurant|hotel)(?: in (?:[A-Z]\w+ ?){1,2})?,\s+((?:[A-Z][\w&'’-]*)(?:\s+(?:[A-Z][\w&'’-]*|&)){0,4}),/.exec(text)?.[1];
  if (beside && !/\b(?:Town|Township|County|Village)$/.test(beside)) return beside;
  // "The developer Huasheng Real Estate keeps saying next month": the role and its name side by side.
  const apposed = /\b(?:[Tt]he|[Oo]ur|[Mm]y) (?:developer|landlord|employer|contractor|company|factory|boss|builder|property (?:company|management))\s+((?:[A-Z][\w&'’-]*)(?:\s+(?:[A-Z][\w&'’-]*|&|Co\.?|Ltd\.?)){0,4})/.exec(text)?.[1]?.trim();
  if (apposed && !/^(?:Is|Was|Has|Had|Says|Said|Keeps|And|But|In|On|At)$/.test(apposed.split(/\s+/)[0]!)) return apposed.replace(/\.$/, '');
  // "the boss is Zhao Jianguo of Hongda Construction": the person and the firm, not the bare role.
  const named = ROLE_NAMED_EN.exec(text);
  if (named) return named[2] ? `${named[1]!.trim()} of ${named[2].trim()}` : named[1]!.trim();
  // (Not the citizen's own: "My company set up a plant…", "our factory".)
  // (Nor one said not to exist: "There's no school bus".)
  const found = [...text.matchAll(new RegExp(PARTY_EN.source, PARTY_EN.flags.includes('g') ? PARTY_EN.flags : `${PARTY_EN.flags}g`))].filter((x) => ownEnglishParty(text, x) !== 'own' && !/\b(?:no|without)\s+(?:\w+\s+)?\w+$/i.test(x[1]!.trim()));
  // Where the citizen works is whom only when nobody else is named ("14 workers at the Xinyuan shoe factory" — yes;
  // "a teacher at the middle school… my landlord" — the landlord).
  // ("The middle school in Donghu, Donghu No.2 Middle School, …": the one called by its name.)
  const others = found.filter((x) => ownEnglishParty(text, x) === null);
  // ("Now the school has moved out": a capital that only opens the sentence names nothing.)
  const proper = others.find((x) => /^[A-Z]/.test(x[1]!.trim().replace(/^(?:the|a|an)\s+/i, '')) && !/^(?:Now|Then|But|And|So|This|That|It|Our|My|Yesterday|Today|Last|Since|When|After|Before|Also)\b/.test(x[1]!.trim()));
  const en = (proper ?? others[0] ?? found[0])?.[1]?.trim();
  if (!en) return ACTOR_ZH.find(([re]) => re.test(text))?.[1] ?? null;
  // The pattern is case-blind, so "and the valuation company" comes whole: lower-case words before the name go.
  const words = en.split(/\s+/);
  // "a problem with my landlord" → "landlord"; "the Hongsheng construction company" keeps its name.
  while (words.length > 2 && /^[a-z]/.test(words[0]!)) words.shift();
  if (words.length === 2 && /^(?:the|a|an|my|our|his|her|their|your|with|for|at|of|by|to|in)$/i.test(words[0]!)) words.shift();
  return words.join(' ');
}

export function respondentIn(text: string): string | null {
  // ("我们村的村主任。南河镇上坪村村主任刘德旺…": the post said with its place and name is the one meant.)
  const all = [...text.matchAll(new RegExp(POSITION_ZH.source, 'g'))];
  const m = all.find((x) => x !== all[0] && nameAfter(text.slice(x.index + x[0].length)) !== '' && /[镇乡村]/.test(x[0])) ?? all[0];
  if (m) {
    // "(举)报东湖镇杨庄村的村支书": the verb's last character is no part of whom; "收钱的是村会计": nor the clause before 是.
    const who = m[0].replace(/^(?:[\u4e00-\u9fff]{0,4}?(?:举报|检举|控告|告发|反映|投诉))|^(?:报|告)(?=[\u4e00-\u9fff]{2,})/, '').replace(/^[^，,。\s]*?(?:的是|是)(?=[\u4e00-\u9fff]{2,})/, '').replace(/^(?:我们|俺们|咱们)?[镇乡村]的(?=[镇乡村])/, '')
      // "大家怀疑钱被村支书…": the clause before whom.
      .replace(/^.*(?:被|让|叫|把|给|说|怀疑)(?=[\u4e00-\u9fff]{3,}$)/, '');
    // "村支书他侄子把俺家的扶贫钱给领走了": the official's relative who did it, with the official.
    const kin = /^(?:他|她)?(?:的)?(侄子|侄女|儿子|女儿|女婿|小舅子|亲戚|老婆|媳妇|弟弟|哥哥|外甥)/.exec(text.slice(m.index + m[0].length))?.[1];
    if (kin) return `${who}及其${kin}`;
    // "村会计王建国": the person's name after the position.
    return who + (/(?:姓|叫)[\u4e00-\u9fff]{1,3}$/.test(who) ? '' : nameAfter(text.slice(m.index + m[0].length)));
  }
  const en = POSITION_EN.exec(text);
  if (!en) return null;
  // "the deputy head of Hekou Town, a man named Deng Qiang": the person in the post, by name.
  const named = /^,?\s*(?:(?:a|an) (?:man|woman|guy|person|official) )?(?:named|called)\s+([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})/.exec(text.slice(en.index + en[0].length))?.[1];
  return named ? `${en[0].trim()}, ${named}` : en[0].trim();
}

/** Clauses that tell nothing of the matter: greetings, "我叫…", a phone, "东湖的", "想反映个事". */
const NOT_STORY =
  /^(?:你好|您好|喂|在吗|hello|hi|hey|good (?:morning|afternoon|evening)|(?:我|俺)(?:叫|是)\s*\[姓名\]|(?:i'?m|my name is|this is)\s*\[name\]|(?:电话|手机|phone|tel)?(?:是|号码?)?[:：]?\s*\[(?:电话|phone)\]|\[(?:姓名|name|电话|phone|证件号|ID number)\]|(?:我|俺)?(?:是)?[\u4e00-\u9fff]{2,3}(?:镇|乡)?(?:的|人|那边的)|(?:i'?m )?from [A-Z][a-z]+(?: town(?:ship)?)?|(?:(?:我|俺)(?:想|要)|i (?:want|would like|need) to|i'd like to)\s*(?:反映|反应|投诉|说|问|登记|report|complain|file)\s*(?:一下|个|点)?\s*(?:事|事情|问题|情况|something|a (?:complaint|problem))?)[\s。.!！~]*$/i;

/** The size of what a message tells of the matter, once greetings, introductions and announcements are set aside. */
export function storySize(scrubbed: string): number {
  const rest = scrubbed
    .split(/[，,。.!！?？；;\n]+/)
    .map((c) => c.trim())
    .filter((c) => c && !NOT_STORY.test(c));
  return contentSize(rest.join(''));
}

/** Words that make a clause a request even when it names whom ("替大家要回补偿款"). */
const DEMAND_WORDS = /要求|希望|赔|退|补|还|修|查|发|恢复|撤销|公开|\b(?:want|ask|pay|refund|fix|stop|return|compensat)/i;

/** A clause that only says how many ("我们十二个人", "就我自己", "about 40 households"). */
const COUNTISH = /\d|[一二两三四五六七八九十百几俩仨]+[多来余]?(?:个|口|户|家|名|位|人)|(?:我们|俺们|咱们|俺|我|咱)[俩仨]|户|家人|自己|自个|就我|就俺|只有我|俺一个|我一个|people|persons|households?|famil|workers|\bjust me\b|\bonly me\b|\bmyself\b|\bof us\b|\b(?:just|only) (?:my|our|her|his|him|her|us)\b|\blives alone\b|\bby (?:herself|himself)\b|^(?:it'?s |it is )?(?:just )?me and my (?:husband|wife|son|daughter|mother|father|mum|mom|dad|kids?|children|family|parents)\b/i;

/**
 * An answer to "what do you ask for, and how many does it concern?": the count said in a clause
 * of its own, and the rest (the request).
 */
/** Who suffers from it, said beside the request: "全村都受害了", "大家都受影响", "everyone in the village is affected". */
const AFFECTED = /^(?:涉及|影响到?|关系到|牵扯到?)(?:到)?(?:全|整个|所有|好多|很多|不少)|(?:全村|全组|全屯|全队|大家|大伙|乡亲们?|村民们?|邻居们?|好多人|很多人|好几家|家家户户)(?:都|也)?(?:受害|受影响|吃亏|遭殃|遭罪|一样|是这样|受罪)|\b(?:everyone|everybody|the whole (?:village|street|building)|all of us|many (?:people|families))\b[^.,]{0,20}\b(?:affected|suffer(?:s|ing)?|the same)\b/i;

export function splitCount(text0: string): { count: PeopleCount | null; rest: string } {
  // ("…也补给我就我自己": for whom, run on to the request without a stop.)
  const text = text0.replace(/(?<=[\u4e00-\u9fff]{4})(?=(?:就|只)(?:我|俺)(?:自己|一个人?|一家|一户)[。！!]*$)/, '，');
  // "就我自己，不对，还有我老乡小陈也没拿到，算两个人": a count taken back gives way to the one after it,
  // and neither is part of the request.
  const from = restatedFrom(text);
  if (from > 0) {
    const after = text.slice(from);
    // ("eight families living there, no wait, nine": the unit said before goes with the number after.)
    const bareNumber = /^\s*(?:about |like |maybe )?(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|[一二两三四五六七八九十百]+)\b(?!\s*(?:people|persons|households|families|户|人|家))/i.test(after) ? readPeopleCount(text.slice(0, from)) : null;
    const counted = COUNTISH.test(after) ? readPeopleCount(after) : bareNumber ? readPeopleCount(`${after.replace(/^\s*(?:about |like |maybe )?(\S+?)[.。,，!！]?(?:\s.*)?$/is, '$1')} ${bareNumber.unit === 'households' ? 'households' : 'people'}`) : null;
    if (counted) {
      const before = splitCount(text.slice(0, from).replace(/[，,\s]*(?:哦|噢|啊|呃)?(?:不对|(?:说|打|写|输)错了)[，,…\s]*(?:应该)?是?$|[\s,;-]*(?:no,?\s*wait|sorry|I mean|oops)[,.!\s]*(?:it'?s\s*)?$/i, ''));
      if (before.count) return { count: { ...counted, scope: counted.scope ?? scopeOf(after) ?? null }, rest: before.rest };
    }
  }
  // A full stop inside a number ("2.5 mu") ends no clause.
  // Nor does a thousands comma ("45,000 yuan").
  const clauses = text.split(/(?<=[，。;；!！])\s*|(?<=,)(?!\d)\s*|(?<=\.)(?!\d)\s*|\s+(?=[\u4e00-\u9fff])(?<=[\u4e00-\u9fff]\s+)/);
  let count: PeopleCount | null = null;
  let aside: PeopleCount | null = null;
  const rest: string[] = [];
  let countClause = '';
  for (const c of clauses) {
    const bare = c.replace(/[，,。.;；!！\s]+$/, '');
    // ("About thirty households in the village fish or farm along the river.": an English sentence of who is concerned.)
    const countish = !!bare && COUNTISH.test(bare) && (contentSize(bare) <= 14 || (!/\p{Script=Han}/u.test(bare) && bare.split(/\s+/).length <= 16 && !DEMAND_WORDS.test(bare)));
    // "俺家一户 五口人": a second count right after the first says more of it (one household of five).
    if (count && countish && countClause && readPeopleCount(bare)) {
      count = readPeopleCount(`${countClause} ${bare}`) ?? count;
      countClause = '';
      continue;
    }
    // "Just me and my husband, but the lease is in my name": a "but" right after the count says more of it.
    // ("It's just my family, my son and me": who the family is says more of it too.)
    // ("我们一起干活的有十来个人，都没拿到钱": what all of them share says more of the count.)
    if (countClause && bare && (/^(?:(?:but|though|although)\b|不过|但是|可是)|^(?:都|也都|全都|全)(?:没|是|在|受|被|一样)/i.test(bare) || /\band me$|^(?:我|俺)和[\u4e00-\u9fff]{1,4}$/i.test(bare)) && contentSize(bare) <= 16 && !DEMAND_WORDS.test(bare)) {
      countClause = '';
      continue;
    }
    const n: PeopleCount | null = !count && countish ? readPeopleCount(bare) : null;
    countClause = n ? bare : '';
    if (n) count = n;
    // "代表就俺自个", "俺七十七了": who represents them, or the citizen's age, is no part of the request.
    else if (bare && contentSize(bare) <= 10 && /代表|^(?:我|俺)(?:今年)?[一二三四五六七八九十\d]{1,3}(?:岁|了)/.test(bare) && !DEMAND_WORDS.test(bare)) continue;
    // "I am not the only one, but I report by myself, I don't want be representative.": whom they speak for.
    else if (bare && !/\p{Script=Han}/u.test(bare) && bare.split(/\s+/).length <= 16 && /\brepresentatives?\b|\bby myself\b|\bthe only one\b|\bon my own\b/i.test(bare) && !/\b(?:want|demand|ask|refund|stop|pay|return)\b[^.]*\b(?:money|fees?|wages?|back)\b/i.test(bare)) continue;
    // "我替他反映，他住院呢不方便": who files for whom, and why, is no part of the request.
    else if (bare && contentSize(bare) <= 14 && /^(?:我|俺)(?:是)?(?:替|帮|代)(?:他|她|我|俺)[^，,。]{0,4}(?:反映|说|登记|写|问)|^(?:他|她)(?:在|还在)?(?:住院|医院|外地|不方便)/.test(bare) && !DEMAND_WORDS.test(bare)) continue;
    // "我外孙女就在这个学校": the citizen's own tie to it is no part of the request either.
    else if (bare && contentSize(bare) <= 14 && /^(?:我|俺)(?:家)?(?:的)?(?:孙子|孙女|外孙女?|儿子|女儿|闺女|孩子|娃|爱人|老伴|老公|媳妇)[^，,。]{0,4}(?:在|上|读|念)/.test(bare) && !DEMAND_WORDS.test(bare)) continue;
    // "全村都受害了", "everyone here is affected": who suffers from it is no part of the request.
    else if (bare && contentSize(bare) <= 14 && AFFECTED.test(bare) && !DEMAND_WORDS.test(bare)) continue;
    // "俺就代表俺家", "我替大家说": whom they speak for is no part of the request.
    else if (bare && contentSize(bare) <= 14 && scopeOf(bare) !== null && !DEMAND_WORDS.test(bare)) aside ??= readPeopleCount(bare);
    else rest.push(c);
  }
  // Clauses parted by a space keep it ("一是回迁房赶紧交 二是…"); those parted by a comma kept theirs.
  const joined = rest.reduce((acc, c) => (/\p{Script=Han}$/u.test(acc) && /^\p{Script=Han}/u.test(c)) || (/[.;!,]$/.test(acc) && /^[A-Za-z]/.test(c)) ? `${acc} ${c}` : acc + c, '');
  // "俺们那片拆了四十多户 … 俺就说俺家的": whom they speak for may be said in another clause.
  // A count said in a clause of its own wins over one read from "俺就代表俺家".
  count ??= aside;
  // "…就我们一家 五口人": the family alone, beside its size.
  const scope = count && !count.scope ? (aside?.scope ?? scopeOf(text)) : null;
  return { count: scope ? { ...count!, scope } : count, rest: joined.replace(/^[，,\s]+|[，,\s]+$/g, '') };
}

/** Where the representatives are named in a message: from the clause that says so to the end ("…利息。代表是我陈永年，…还有周桂芝…"). */
const REPS_CLAUSE = /(?:^|[，,。；;.!！]\s*|\s)(?:(?:我们|俺们|咱们)的?)?(?:代表(?:是|有|就是|就|选的是|推的是|:|：)|(?:我们|俺们)?(?:推|选)(?:了|出)?(?:[一两二三四五几]个)?代表|\b(?:our |the )?representatives? (?:are|is|will be)\b|\brepresentatives?\s*:|\bI (?:represent|speak for) (?:them|us|the (?:others|group|rest)|everyone|all of (?:them|us))\b)/i;
export function representativesAt(text: string): number {
  const m = REPS_CLAUSE.exec(text);
  return m ? m.index + (m[0].length - m[0].trimStart().replace(/^[，,。；;.!！]/, '').trimStart().length) : -1;
}

/** "the house owner is Qian Laowu": who holds the role, when said so. */
export function roleNamedEn(text: string): string | null {
  const m = ROLE_NAMED_EN.exec(text);
  return m ? (m[2] ? `${m[1]!.trim()} of ${m[2].trim()}` : m[1]!.trim()) : null;
}

const AGREEING = /\bI (?:do )?agree\b|agreed?|please|sure thing|不用改|不改了?|没(?:什么|啥)?要改的?|nothing to (?:change|fix)|no changes?|book (?:it|the slot)|预约吧|就约这个|是的?|对(?:的|了)?|没错|没有?问题|没啥问题|可以|行(?:的|了)?|好(?:的|了)?|嗯+|恩+|都对|全对|就这样|无误|正确|确认|同意|一样|挺好|中|妥|ok(?:ay)?|yes|yeah|yep|yup|correct|right|fine|good|sure|great|perfect|go ahead|all|that'?s|it'?s|looks?|is|are|everything|信息|内容|上面|写的|记的|都|也|了|吧|啊|呀|呢|的|这样|哈|嘛|呗/gi;
/** Only a yes, said in many words: "是的，都对", "yes please go ahead". */
export const bareYes = (text: string) => !/\d{3,}/.test(text) && contentSize(text.replace(AGREEING, '')) <= 2;

/** Sentences that open a message and are about the talk: "Thank you, that helps. Then I want to file one here.", "谢谢。那我登记一下。". */
const OPENING_SENTENCE =
  /^\s*(?:(?:hi|hello)?[,.\s]*(?:before i say anything|before i start|first)[^.!?。！？]{0,30}(?:questions?|ask)[^.!?。！？]{0,20}|(?:我|俺)?(?:想)?先问(?:几个|一下|个)?(?:问题)?[^。！？!?]{0,10}|(?:thanks?|thank you|ok(?:ay)?|good (?:morning|afternoon|evening)|hello|hi|谢谢|好的|好|嗯|明白了|知道了|您好|你好)\b[^.!?。！？]{0,30}|(?:then |so |ok,? )?i(?:'d| would)? (?:want|like|need) to (?:file|report|complain|make|lodge|submit)\b[^.!?]{0,20}|(?:那|那么|那就)?(?:我|俺)(?:就)?(?:要|想)(?:在这)?(?:登记|反映|投诉|举报)(?:一下|个事)?|(?:算了[，,\s]*)+[^.!?。！？]{0,16}?(?:我|俺)?(?:还是)?(?:先)?(?:自己)?(?:来)?登记(?:吧|一下)?)[.!?。！？]+\s*/i;

/** The message without the sentences that open it about the talk, when a story of ten or more follows. */
export function withoutOpening(text: string): string {
  let rest = text;
  for (let m = OPENING_SENTENCE.exec(rest); m && contentSize(rest.slice(m[0].length)) >= 10; m = OPENING_SENTENCE.exec(rest)) rest = rest.slice(m[0].length);
  return rest;
}
