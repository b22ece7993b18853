/**
 * The place of a matter inside its township: a village, road, community,
 * building or landmark phrase. A vague answer ("俺们村", "就在我们那") is no place;
 * the township's own name is dropped (it has its own field).
 */
import { foldWidth } from '../extractors/text.ts';

export type PlaceAnswer = { place: string } | { vague: true } | { refused: true };

type Townships = ReadonlyArray<{ name: string; aliases: readonly string[]; nameEn?: string }>;

/** Characters and words that end a place name in Chinese. */
const ZH_SUFFIX =
  '园区|工业园|码头|渡口|鱼市|菜市|早市|夜市|边上|跟前|煤矿|矿区|矿山|(?<=[\u4e00-\u9fff]{2})矿|开发区|化工|村(?:委会|委|口|东头|西头|南头|北头|里)?|庄|屯|洼|沟|岭|坪|湾|寨|铺|营|堡|坡|峪|店|社区|小区|家属院|院|街道?|大街|路|巷|胡同|弄|号楼?|栋|幢|楼|单元|组|队|厂|公司|工地|工厂|学校|中学|小学|一中|二中|三中|幼儿园|医院|卫生院|诊所|市场|集市?|超市|商场|车站|汽车站|站|广场|公园|桥|河|河边|河道|水库|塘|山|林场|矿|采砂场|砂场|养殖场|猪场|鸡场|牛场|农场|大队|门口|对面|旁边|附近|后面|东边|西边|南边|北边|一带|加油站|饭店|宾馆|政府|派出所';
const ZH_PLACE_WORD = new RegExp(`(?:${ZH_SUFFIX})`);
/** A named place inside a longer message: some characters, then a place suffix. */
const ZH_NAMED_PLACE = new RegExp(
  `([\\u4e00-\\u9fff\\d]{1,10}?(?:村(?:委会)?|庄|屯|洼|寨|社区|小区|家属院|大街|街道?|路|巷|胡同)(?:(?<=[街路庄屯洼寨巷])村)?(?:村?(?:东头|西头|南头|北头|东边|西边|南边|北边|东口|西口|南口|北口|口))?(?:(?:(?!那个|这个|一个|那家|这家)[\\u4e00-\\u9fff\\d]){0,8}?(?:号楼?|组|栋|幢|单元|楼|工地|厂))?)`,
  'g',
);
const EN_PLACE_WORD =
  /\b(?:centre|center|pier|kiln|exit|gate|park|yard|warehouse|mall|office|hall|temple|church|port|dock|canal|field|orchard|pond|lake|hill|mountain|forest|lane|depot|works|workshop|site|village|road|rd|street|st|avenue|ave|lane|alley|community|estate|compound|building|block|flat|apartment|factory|plant|mill|school|kindergarten|market|reservoir|hospital|clinic|station|square|park|site|farm|bridge|river|mine|quarry|hotel|restaurant|shop|store|near|next to|opposite|behind|beside|by the|in front of|corner)\b/i;
const EN_NAMED_PLACE = /\b((?:[A-Z][a-z]+\s+){1,3}(?:[Vv]illage|road|street|[Cc]ommunity|(?<!Real )[Ee]state|[Gg]ardens?|[Hh]eights|[Rr]esidence|market|school|factory|reservoir|hospital|bridge|station|[Hh]ealth [Cc]ent(?:er|re)|[Cc]linic)(?:,?\s+(?:[Gg]roup|[Tt]eam|[Bb]uilding|[Bb]lock|[Nn]o\.?|[Nn]umber)\s*\d+)?)\b/g;

/** Answers that name no particular place. */
const VAGUE =
  /^(?:(?:就|就是|是|在)?(?:在)?(?:我们|俺们|咱们|我|俺|咱|本|这个|那个|这|那|我们这|我们那|俺那|全|同|邻)?(?:村|村里|村子|庄里|屯里|镇上|镇里|乡里|乡下|县里|家里|家|家门口|这里|那里|这儿|那儿|这边|那边|附近|当地|本地|老家|那块|这块|地里|田里)?(?:啊|呀|的|吧|呢|哈|嘛|哩|咧|嘞|啦|哦|噢|那块儿?)*|不知道|不清楚|说不清|说不好|不好说|(?:our|my|the) (?:village|town|place|area)|here|there|near (?:my|our) (?:home|house|place)|at home|not sure|don'?t know|no idea)$/i;
const REFUSAL = /^(?:不想说|不方便(?:说)?|不说|保密|跳过|算了|不用了?|skip|rather not|prefer not|no thanks|n\/a)/i;
/** "I'd rather not name the village", "村名就不说了": the place is withheld, wherever the words stand. */
const WITHHELD = /rather not|prefer not|don'?t want to (?:say|name|tell|give)|won'?t (?:say|name|tell)|不想说|不方便说|不愿意?说|不说了|就不说了|保密|不告诉/i;

const LEAD = /^(?:(?:就是|就在|是在|那个|这个|地点是?|地址是?|位置是?|具体(?:地点|地址|位置)?是?|在|是|住在|住|我家在|俺家在|我们|俺们|咱们|俺|我|咱|家住|就|(?:爹|娘|爸|妈|老娘|老爹|老爸|老妈|爷爷|奶奶|姥姥|姥爷|父亲|母亲|老人|老伴|儿子|闺女|女儿)(?:家)?(?:住在|住|在|家在))\s*)+/;
const LEAD_EN = /^(?:(?:wait|sorry|oh|um|uh|well|actually|ok|okay)[,，.!]?\s*(?=\S)|(?:it'?s|it is|at|in|on|(?:the )?(?:place|address|location) (?:is|should be|should read)|place:?|address:?|location:?|it happened (?:at|in)|happened (?:at|in))\s+)+/i;
const TRAIL = /(?:的|啊|呀|吧|哈|呢|嘛|哦|么|咧|哩|那儿|那里|这儿|这里|那边|这边|那块儿?|(?<=[\u4e00-\u9fff]{2})那)+$/;

/** Institutions named after their township (南河镇一中, 东湖镇卫生院): the township stays in the name. */
const INSTITUTION = /^(?:[一二三四五六七八九]中|中学|小学|中心小学|中心校|卫生院|医院|政府|人民政府|派出所|敬老院|幼儿园|信用社|供销社|粮站|集|市场|财政所|国土所|司法所)/;

/**
 * The township said before the place ("河口镇沙窝村", "Xishan, Houtou village") or
 * after it ("… in Qingshi town") is dropped; a township name inside the place's
 * own name stays (南河镇南河村 → 南河村, 岔河口村, Qingshi village, 南河镇一中).
 */
function dropTownships(t: string, townships: Townships): string {
  const zh = townships.flatMap((tw) => [tw.name, ...tw.aliases]).filter((n) => !/^[A-Za-z]/.test(n)).sort((a, b) => b.length - a.length);
  const en = townships.flatMap((tw) => [...tw.aliases, ...(tw.nameEn ? [tw.nameEn] : [])]).filter((n) => /^[A-Za-z]/.test(n)).sort((a, b) => b.length - a.length);
  let out = t.trim().replace(/^(?:在|是|就在|就是|我们|俺们|咱们|我家|俺家)\s*/, '');
  for (const n of zh) {
    if (!out.startsWith(n)) continue;
    const rest = out.slice(n.length);
    // (A homophone typed for the suffix: "青石真", "西山相".)
    const suffixed = /[镇乡]$/.test(n) || /^[镇乡向真珍震振阵圳相香箱]/.test(rest);
    const after = rest.replace(/^[镇乡向真珍震振阵圳相香箱]/, '').replace(/^[\s,，、的]+/, '');
    // An institution named after its township (南河镇一中) or a bare alias running into a name keeps it.
    if (INSTITUTION.test(after)) break;
    // ("东湖街东湖桥边上", "东湖大道": a street or bridge named after the township keeps its name.)
    if (!suffixed && /^(?:街|路|大道|大街|桥|小区|社区|广场|公园|市场|菜市场|花园|新村|二街|一街)/.test(rest)) break;
    if (suffixed || /^[\s,，、]/.test(rest) || after.length >= 3) out = after;
    break;
  }
  for (const n of en) {
    const name = n.replace(/\s+/g, '\\s+');
    out = out
      .replace(new RegExp(`^${name}(?:\\s+town(?:ship)?)?\\s*[,，]\\s*`, 'i'), '')
      .replace(new RegExp(`\\s*(?:[,，]|\\bin\\b|\\bof\\b)\\s*${name}(?:\\s+town(?:ship)?)?\\s*$`, 'i'), '')
      // ("Donghu Town Health Center": an institution named after its township keeps the name.)
      .replace(new RegExp(`^${name}\\s+town(?:ship)?\\b(?![,\\s]*(?:central |no\\.? ?\\d+ )?(?:health cent(?:er|re)|hospital|clinic|(?:primary |middle |high |central )?school|government|police station|market)\\b)[,\\s]*`, 'i'), '');
  }
  // A township written with a typo (北领乡王家庄, 西山向李家洼): its suffix ends it.
  out = out.replace(new RegExp(`^[\\s,，、]*(?:[\\u4e00-\\u9fff]{2,3}[乡镇](?=[\\u4e00-\\u9fff]{2,})(?!${INSTITUTION.source.slice(1)}))?`), '');
  return out.replace(/^[\s,，、的]+/, '').replace(/\s{2,}/g, ' ').trim();
}

/** A generic place without a name ("学校", "我们小区", "the hospital"): asked for again. */
const GENERIC_ZH = /^(?:(?:在|就是|就在)?(?:我们|俺们|咱们|我|俺|那个|这个|一个|那|这|我住的|我家|俺家)?的?)?(?:学校|医院|小区|工地|工厂|厂子?|村子|村|组|庄|屯|河边|路边|路上|地方|家|单位|公司|镇上|街上|集上|市场|地里|田里|山上)(?:上|里|边|那|那边|这边|附近|后头|前头|东头|西头|南头|北头|后面|前面|口)?(?:那片|那块|那边|那儿)?$/;
const GENERIC_EN = /^(?:(?:it'?s|it is)\s+)?(?:on|in|at|near)?\s*(?:the|my|our|a|an|this|that|their)\s+(?:small |big |little |local |old |new )?(?:school|hospital|clinic|compound|apartment|flat|house|home|village|road|street|factory|place|area|market|town|building|estate|neighbou?rhood)\b(?:\s*,.*)?$/i;


/** "想反映一下…", "说的是…": words about speaking, not the place. */
const SPEECH = /^(?:想|要)?(?:反映|反应|说|问|投诉|举报|讲)(?:的是|一下|下)?/;
/** A verb and its object ("修路", "占地"): what happened, not where. */
const DEED = /^[修铺挖占堵拆建盖补征砍烧淹](?:路|桥|河|房|地|山|坝|渠)$/;

function clean(s0: string): string {
  let s = s0;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SPEECH, '').replace(LEAD, '').replace(LEAD_EN, '').replace(TRAIL, '').replace(/,?\s+(?:i think|i guess|i believe|probably|maybe|i'?m not sure)$/i, '').replace(/^[\s,，、。.:：]+|[\s,，、。.!！~]+$/g, '').trim();
  }
  return s;
}

/** The place an answer to "where exactly?" gives, or vague, or null when it is no answer (a question, a story). */
/** A phone or ID number and its label: never part of a place ("…身份证号4127…" ends in 号, as "18号" does). */
const CONTACT = /(?:我的?|俺的?|(?:我|俺)?(?:妈|爸|娘|爹|老伴|儿子|女儿)的?)?(?:电话|手机|身份证|证件|护照)(?:号码?|号)?(?:是|为)?[:：]?\s*(?:\+?86[\s-]?)?[\dXx][\d\s-]{6,}[\dXx]?|(?:\+?86[\s-]?)?(?<!\d)\d(?:[\s-]?\d){8,}[\dXx]?/gi;

/** "砖厂那个村叫柳河村", "那个小区叫幸福小区": the name said for it. */
const PLACE_CALLED = /(?:那个|这个)?(?:村|村子|庄|社区|小区|镇|乡|街道?)(?:的名字)?(?:叫|叫做|名叫)\s*([\u4e00-\u9fff]{1,8}?(?:村|庄|屯|社区|小区|街|路|组))(?=$|[，,。\s])/;

export function readPlace(text: string, townships: Townships): PlaceAnswer | null {
  const r = readPlaceFolded(text, townships);
  // (The answer is read with its width folded; a Chinese place keeps its Chinese comma.)
  return r && 'place' in r && /\p{Script=Han}/u.test(r.place) ? { place: r.place.replace(/,\s*/g, '，') } : r;
}

function readPlaceFolded(text000: string, townships: Townships): PlaceAnswer | null {
  // ("就在南河镇农贸市场大门口啊我刚说了": that it was said before is no part of the place.)
  const text00 = text000.replace(/[\s，,]*(?:啊|呀|嘛)?(?:我|俺)?(?:刚才?|早就?|都)?(?:都)?(?:说了|说过了|讲了|讲过了)(?:啊|呀|嘛)?[。.!！]*\s*$/, '') || text000;
  const called = PLACE_CALLED.exec(text00)?.[1];
  if (called) return { place: called };
  const text0 = text00.replace(CONTACT, ' ').replace(/\s{2,}/g, ' ').trim();
  if (!/[\p{L}]/u.test(text0)) return null;
  // English sentences beside the place ("… Donghu Town. I'm perfectly calm"): only those that say where.
  const sentences = /[\u4e00-\u9fff]/.test(text0) ? [] : text0.split(/(?<!\b[Nn]o\.)(?<=[.!?])\s+/);
  // (Not the sentence that says whom: "Complaint is about the social security office.")
  const where = sentences.filter((x) => (EN_PLACE_WORD.test(x) || /\d/.test(x)) && !/\b(?:complaint|complaining|against)\b/i.test(x));
  const text = where.length > 0 && where.length < sentences.length ? where.join(' ') : text0;
  // Several clauses ("南河那边哩，就在俺们村里"): the one that names a place, else vague.
  const clauses = foldWidth(text)
    .split(/[，,；;。？?！!]+|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff])/)
    .map((c) => c.trim())
    // ("我们是北岭乡石岗村的，不是要迁我们村": the words taken back are no place.)
    .filter((c, i, all) => all.length === 1 || !/^(?:而)?(?:不是|并不是|并非)/.test(c))
    // ("幸福小区 5号楼2单元301 这是我出租的房子": a remark about the place is no part of it.)
    .filter((c, i) => i === 0 || !/^(?:这|那)(?:里)?是(?:我|俺)/.test(c))
    .filter((c) => c && !/^(?:对|对的|是|是的|嗯|好|好的|就是|yes|yeah|ok|okay|sure|right|wait|sorry|oh|um|uh|well|actually|hmm|no)$/i.test(c));
  if (clauses.length > 1 && clauses.length <= 4) {
    const read = clauses.map((c) => readClause(c, townships));
    const places = read.filter((r): r is { place: string } => r !== null && 'place' in r);
    if (places.length === 0 && read.some((r) => r !== null && 'refused' in r)) return { refused: true };
    // Another clause that reads as nothing may be part of the place ("FitZone gym, 3rd floor of …"): keep all.
    // (Not a clause that tells something: "现在得了矽肺病", "the village committee did it".)
    const tells = (c: string) => (/\p{Script=Han}/u.test(c) ? /[了过着得说要是没不找给让把被吗呢叫]/.test(c) || c.length > 12 : /\b(?:is|was|are|were|did|do|does|have|has|had|said|told|should|would|can|could|will|want|i|we|they|he|she|it'?s)\b/i.test(c));
    const unread = clauses.filter((c, i) => read[i] === null && c.replace(/[^\p{L}\p{N}]/gu, '').length > 3 && !/^(?:对|是|嗯|好|就是|yes|yeah|ok)/i.test(c) && !tells(c));
    // "柳树湾村 村南头那块地 挨着机井": the named place and where in it — kept together, as said.
    const LOCATIVE = /^(?:村|庄|屯|组)?[东西南北](?:头|边|面|侧)|挨着|靠着?|紧挨|旁边|对面|附近|门口|后面|前面|后头|前头|那块|那片|边上|\b(?:next to|near|behind|opposite|beside|by the)\b/i;
    if (places.length >= 1 && clauses.filter((c) => !LOCATIVE.test(c)).length <= 1 && read.every((r, i) => (r !== null && 'place' in r) || LOCATIVE.test(clauses[i]!)) && /\p{Script=Han}/u.test(text)) {
      return { place: clauses.join('，').slice(0, 200) };
    }
    if (places.length === 1 && !/[,，]\s*(?:by|near|next to|opposite|behind|在|靠|挨着|旁边|对面)/i.test(text)) {
      const whole = unread.length > 0 ? readClause(text, townships) : null;
      return whole && 'place' in whole ? whole : places[0]!;
    }
    if (places.length === 0) return read.some((r) => r !== null) ? { vague: true } : null;
    // "县城幸福花园二期工地 都是附近村里的": a remark about the people ("都是…", "我们都是…") is not a second place.
    const remark = /^(?:我们|俺们|咱们|大家|他们|人)?(?:都|也|还|全)(?:是|在)/;
    // "是西山乡社保所弄错的", "这个事归哪个部门管": a deed or a question is not where.
    const deed = /(?:弄|搞|说|归|管|征|修|拆|占|给|办|整)(?:的|了|错的?)?$|[？?吗呢么]|哪|^找(?:的是|过|了)/;
    const named = read.filter((r, i): r is { place: string } => r !== null && 'place' in r && !remark.test(clauses[i]!) && !deed.test(clauses[i]!));
    if (places.length > 1 && named.length === 1) return named[0]!;
    if (places.length > 1 && named.length > 1 && named.length < places.length) return { place: named.map((p) => p.place).join(' ') };
    // Several places and a remark ("幸福公寓，在桃源乡政府往东200米，房东叫周德海"): the places, as said.
    if (places.length > 1 && named.length === places.length && clauses.some((c, i) => !(read[i] && 'place' in read[i]!) && (tells(c) || (read[i] !== null && 'vague' in read[i]!)))) {
      return { place: places.map((p) => p.place).join(/\p{Script=Han}/u.test(text00) ? '，' : ', ').slice(0, 200) };
    }
  }
  return readClause(clauses.length === 1 ? clauses[0]! : text, townships);
}

function readClause(text: string, townships: Townships): PlaceAnswer | null {
  // "…三期，别的没问题": what follows the place is no part of it.
  const t = foldWidth(text).trim().replace(/[,，]\s*(?:别的|其他|其余|其它|剩下|然后|再|其他的|everything else|the rest|others?)\b.*$/i, '').replace(/[。.!！~]+$/, '');
  if (!t || REFUSAL.test(t)) return null;
  if (WITHHELD.test(t)) return { refused: true };
  if (VAGUE.test(t)) return { vague: true };
  // Only a township ("北岭", "就在河口", "Donghu"): the place inside it is still to say.
  const bare = clean(t).replace(/^(?:在|就在|就是|是)\s*/, '').replace(/\s*(?:town(?:ship)?)$/i, '').replace(/[镇乡]$/, '');
  if (townships.some((tw) => [tw.name, ...tw.aliases, tw.nameEn ?? ''].some((n) => n && n.replace(/[镇乡]$/, '').toLowerCase() === bare.toLowerCase()))) return { vague: true };
  const rest = clean(dropTownships(t, townships));
  // "桃园乡": a township's name (misspelt or not in the county) is no place inside one.
  if (/^[\u4e00-\u9fff]{2,3}[镇乡]$/.test(rest)) return { vague: true };
  if (!rest || VAGUE.test(rest) || DEED.test(rest) || GENERIC_ZH.test(rest) || GENERIC_EN.test(rest)) return { vague: true };
  const han = /[\u4e00-\u9fff]/.test(rest);
  // "全村三百多户都要走": a count of people is no place (only a place named beside it is).
  // "要学校处理打人的孩子": a request is no place.
  if (han && /^(?:要|要求|让|叫|给|希望|请|求|赔)/.test(rest)) return null;
  if (han && /[一二两三四五六七八九十百千\d]+[多来余]?(?:户|家(?![\u4e00-\u9fff])|个人|口人|人)|都要|都得/.test(rest)) {
    const named = findPlace(rest, townships);
    return named && named !== rest ? { place: named } : null;
  }
  // "以前在红星煤矿干了二十多年": the named place inside a clause that tells something.
  // ("鱼塘在河口镇杨家湾村南边": what is where, then the place.)
  // ("…村南头挨着机井": 挨着, 靠着, 对着 say where, not what happened.)
  if (han && rest.length > 8 && (/[了过着干住]/.test(rest.replace(/[挨靠对沿顺]着|过(?:河|桥|街|马路)/g, '')) || /^[^在，,]{1,6}在/.test(rest))) {
    const named = findPlace(rest, townships) ?? placeAfterPreposition(rest);
    if (named) return { place: named };
  }
  // ("…鑫达五金厂，在青石镇。我老公是去年十月出的事，右手被冲床压了…": a story is no place; only a place named in it.)
  if (han && rest.length > 30 && /[，,。；;！!]/.test(rest)) {
    const named = findPlace(rest, townships);
    return named ? { place: named } : null;
  }
  if (han ? ZH_PLACE_WORD.test(rest) : EN_PLACE_WORD.test(rest)) return { place: rest.replace(/(?<=\p{Script=Han})[啊呀吧呢嘛哈]+$/u, '').slice(0, 200) };
  // A bare name without a suffix ("杏花", "Houtou"): short, no verbs, no question.
  if (han && rest.length <= 6 && !/[修征拆占打要想说去来给没不吗呢么啥咋怎事改错对数我你他她答问等叫姓找量过了看]|老板|书记|主任|经理|会计/.test(rest)) return { place: rest };
  // (Not a word of talk: "Wait", "Sorry", "Okay".)
  if (!han && /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$/.test(rest) && !/^(?:wait|sorry|okay|ok|yes|yeah|no|hmm|well|hello|hi|thanks|thank you|please|sure|fine|right|actually|anyway|so|and|but|also|hold on|one moment)$/i.test(rest)) return { place: rest };
  return han && rest.length <= 12 && !/[吗呢么啥咋怎？?]/.test(rest) ? { vague: true } : null;
}

/** "以前在红星煤矿干了二十多年" → 红星煤矿: what follows 在/到/去, up to a place word. */
function placeAfterPreposition(text: string): string | null {
  const m = new RegExp(`(?:在|到|去)([\\u4e00-\\u9fff\\d]{1,8}?(?:${ZH_SUFFIX}))`).exec(text);
  const place = m?.[1];
  return place && place.length >= 3 && place.length < text.length && !VAGUE.test(place) ? place : null;
}

/** A specific named place in a longer message ("…我们李家村…", "…on Renmin Road…"), or null. */
export function findPlace(text: string, townships: Townships): string | null {
  const t = foldWidth(text);
  for (const m of t.matchAll(ZH_NAMED_PLACE)) {
    // "跟村主任吵了一架": a village's officer, not a place.
    // ("我们村会计贪污村民的补贴": 村民 are villagers, no village.)
    if (/村$/.test(m[1]!) && /^(?:主任|支书|书记|干部|长|会计|民)/.test(t.slice(m.index + m[0].length))) continue;
    const lead = m[1]!.replace(/^.*?(?:在|住|是|到|去|从|跟|和|找|向|给|把|被|让|说|了|岁|叫|举报|反映|反应|投诉|检举|控告|我们|俺们|咱们)(?=[\u4e00-\u9fff\d]{2,})/, '');
    const place = clean(dropTownships(lead, townships));
    // A named place: not a generic one (小区楼下), no deed or count inside (二十多个娃每天走五里山路).
    // ("村里的路坏了": the village's road — no place named; nor what is left of it, "里的路".)
    const generic = /^(?:小区|社区|村|街|路|楼|院|组|家|里|的|上(?![\u4e00-\u9fff]{1,3}[村庄屯寨]$))/.test(place) || /^(?:村里|村上|镇上|镇里|乡里|县里|城里|家里|屋里)/.test(lead);
    // ("修路要迁我们村的祖坟": our village, moved — no name.)
    const deedy = /[走跑去来到给拿说有把被让叫每个娃了年迁贪要]|\d|(?:我们|俺们|咱们|[我俺咱])(?:村|庄|屯|组)$/.test(place.replace(/\d+(?:号|栋|幢|单元|组|楼)/g, ''));
    // ("城关镇老街": two characters after a township named just before them are a place too.)
    const afterTownship = place.length === 2 && lead.length > place.length && dropTownships(lead, townships) !== lead && /[街村庄屯寨]$/.test(place) && !/^[这那本同一每各]/.test(place);
    if ((place.length >= 3 || afterTownship) && !/(?:一|这|那|同)条/.test(place) && !generic && !deedy && !VAGUE.test(place) && !DEED.test(place) && !/^(?:本|同|邻|全|这个|那个|这条|那条|这段|那段|这片|那片|这块|那块|这边|那边|各|每|哪|修|挖|占|拆|征|旁边|隔壁|附近|对面|别的|其他|外)/.test(place) && !/^(?:烂泥|泥|土|烂|破|水泥|柏油)路$/.test(place)) return place;
  }
  for (const m of t.matchAll(EN_NAMED_PLACE)) {
    const place = dropTownships(m[1]!, townships).replace(/^(?:The|A|Our|My)\s+/, '');
    // ("The hospital says…": a kind of place without its name is none.)
    if (!/^(?:village|road|street|community|estate|market|school|factory|reservoir|hospital|bridge|(?:police |bus |train |fire |petrol |gas )?station|health cent(?:er|re)|clinic)$/i.test(place)) return place;
  }
  return null;
}
