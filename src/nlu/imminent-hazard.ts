/**
 * A physical hazard to people now, told by a citizen: a house about to fall with a family inside, gas in
 * the stairwell, a fire with people inside, a dam seeping, blasting beside playing children, a live wire
 * on the road, a flood with people trapped, a chemical leak, children playing at a deep unfenced pond.
 * Not a threat of the citizen (the risk screen's) and not a body in danger (medical-emergency.ts), but
 * lives may be at stake: the answer is "get away, call for help" first. High precision: the hazard
 * itself, now, where people are; not past, negated, supposed ("万一着火"), or a grievance about
 * money, a nuisance or a general 安全隐患 with nobody in danger now.
 */

export type HazardKind = 'gas' | 'fire' | 'collapse' | 'dam' | 'flood' | 'blasting' | 'power' | 'chemical' | 'pit';

/** The number that sends help: 119 fire and rescue (gas, fire, collapse, flood, chemicals), 110 police (the rest). */
export type HazardCall = '119' | '110';

export interface Hazard {
  kind: HazardKind;
  call: HazardCall;
}

interface Rule {
  kind: HazardKind;
  call: HazardCall;
  /** The hazard itself; the words just before it must not negate it, put it in the past or suppose it. */
  core: RegExp;
  /** Each must also be in the message: that it is now, that people are there. */
  needs?: RegExp[];
  /** Anywhere in the message: the hazard is over, or the matter is something else. */
  unless?: RegExp;
}

// Chinese clause: a run without sentence or clause punctuation.
const C = '[^，,。！？!?；;\\n]';

/** Children, neighbours, a family: people at the place. */
const PEOPLE_ZH = '(?:孩子|小孩|娃|学生|村民|住户|行人|路人|老人|一家|全家|人家|人)';

/** "泄露了我的信息": what leaks is personal data. */
const NOT_DATA = '(?!了?(?:我|俺|用户|客户|业主|居民)?(?:们)?的?(?:信息|隐私|个人|资料|电话|号码|住址))';

/** A building or a slope that can fall on people; "房东", "售楼处", "西山乡" are none. */
const STRUCTURE_ZH = '(?:房(?!东|租|价|产|贷|款|本|证|主)|屋|(?<!售)楼(?!盘|市|价|处|长)|墙|桥|梁|天花板|吊顶|教室|校舍|宿舍|窑洞|大棚|山体|后山|山坡|山上|山崖|边坡|护坡|土坡|崖|烟囱|塔吊|广告牌)';

const ZH: Rule[] = [
  {
    kind: 'gas',
    call: '119',
    // "燃气泄漏检测费" is the device or the fee, "燃气公司泄露了我的电话" personal data: not a leak.
    core: new RegExp(`(?:煤气|燃气|天然气|液化气|沼气)${C}{0,8}?(?<v>漏气|泄漏|泄露|在漏|漏了|往外漏|外泄|往外冒|冒气|(?:挖|碰|撞|压)(?:断|破))(?!检测|报警|探测)${NOT_DATA}|(?:煤气|燃气|天然气|液化气)味`),
    // "修好了": the leak is over.
    unless: /修好了|已经修了|处理好了|差点|险些/,
  },
  {
    kind: 'fire',
    call: '119',
    core: /(?:着|起|失)(?:了)?(?:大)?火(?:了)?|火(?:已经)?烧(?:起来|到|进)|烧起来了/,
    // "着火了" is as often a past fire told for insurance or relief: only with signs that it burns now.
    needs: [/正在烧|还在烧|赶紧|快来|救命|里面还有|还有人|火(?:烧)?(?:得|的)?(?:很|特别|越来越)(?:大|旺)|火势|越烧越|浓烟|烟都|被困|困在|出不来|还在(?:里面|楼上|屋里)|没(?:跑)?出来|没撤/],
    unless: /赔|保险|补助|救助|灾后|幸好|差点|那天|当时|烧光|烧没了|不剩|消防来/,
  },
  {
    kind: 'collapse',
    call: '119',
    core: new RegExp(
      `${STRUCTURE_ZH}${C}{0,12}?(?<v>(?:随时(?:都)?(?:可能|会|要|有可能)?|马上(?:就)?(?:要)?|眼看(?:着)?(?:就)?(?:要)?|快(?:要)?|就要)(?:塌|倒(?!闭|霉|卖|贴|腾)|垮|砸|掉(?!价)|滑)|摇摇欲坠|说塌就塌|塌了一半|正在(?:往下)?(?:塌|滑|下沉))`,
    ),
    // "房子都快塌了" alone is how a subsidy complaint speaks: only with people inside, under or passing.
    needs: [new RegExp(`住(?:在)?(?:里面|里头|里边|着)|还(?:在)?住|住人|${PEOPLE_ZH}${C}{0,6}(?:在里面|在里头|在下面|在底下|住在|住着|睡|上课|天天|每天|经过|路过)|(?:底下|下面|下边)(?:就是|住着|有)`)],
    unless: /没(?:有)?人住|空着|无人居住|搬(?:走|出来|出去)了|借住|住在亲戚家/,
  },
  {
    kind: 'dam',
    call: '110',
    // "河堤被挖垮了" is damage told, not water breaking through: the water, or a break about to come.
    core: new RegExp(`(?:水库|大坝|坝体|堤坝|河堤|江堤|大堤|塘坝|拦河坝|坝(?!子)|堤|堰塞湖)${C}{0,8}?(?<v>渗水|(?:在|往外|越)渗|漏水|冒水|管涌|决口|溃|(?:随时|马上|快|就要|要)(?:要)?(?:垮|塌|决|溃|漫)|漫(?:过|堤|坝))`),
    unless: /修好了|已经处理|补偿|赔偿/,
  },
  {
    kind: 'flood',
    call: '119',
    core: new RegExp(`(?:洪水|大水|河水|山洪|水)${C}{0,6}?(?<v>漫进|冲进|灌进|淹进|进了|淹了|淹到|漫到|涨到|没过)${C}{0,6}?(?:村|屋|家|院|房|楼|床|腰|胸|脖子)|(?:山洪|洪水)(?:下来了|来了)|(?:发|涨)(?:大|洪)水了`),
    // "一下雨就淹到门槛" is a drain complaint: only with people trapped or the water still rising.
    needs: [/被困|困在|出不来|(?:还)?没(?:有)?(?:撤|转移|出来)|撤不出|还在(?:屋|家|里面|楼上|房顶)|爬(?:到|上)(?:了)?房顶|还在涨|越涨越/],
  },
  {
    kind: 'blasting',
    call: '110',
    core: /放炮|爆破|炸山|炸石|开山炮|炸药|雷管/,
    // Blasting that shakes a wall or dusts the crops is a damage claim: only with people near and no care taken.
    needs: [
      new RegExp(`${PEOPLE_ZH}${C}{0,12}(?:玩|走|过|上学|放学|住|干活|在)|学校|小学|幼儿园`),
      /(?:不|没(?:有)?|也不|从不|从来不)(?:清场|警戒|拉警戒|通知|喊人|打招呼|提前说)|飞石|石头(?:乱)?(?:飞|崩)|(?:炸|砸|崩)(?:死|伤)(?:人|了人)|伤着人/,
    ],
    // "我弄了炸药，谁来强拆就炸谁" is the citizen's own threat: the risk screen's.
    unless: new RegExp(`(?:我|俺|老子)(?:弄|搞|买|有|带|拿)(?:了|到|着)?${C}{0,4}(?:炸药|雷管)`),
  },
  {
    kind: 'power',
    call: '110',
    core: new RegExp(`(?:电线|高压线|电缆|电线杆|线杆|电杆|变压器|路灯杆?)${C}{0,6}?(?<v>断了|掉(?:在|到|下来|地上)|垂(?:到|在|下来)|耷拉|落(?:在|到)?地|漏电|冒火花|打火|裸露)`),
    // A line down with the power cut is an outage complaint: only while it is live.
    needs: [/还有电|带(?:着)?电|有电|漏电|冒火花|打火|电(?:着|死|伤)|触电/],
  },
  {
    kind: 'chemical',
    call: '119',
    core: new RegExp(`(?:化工厂|化肥厂|农药厂|储罐|罐子|罐车|槽罐车|液氨|氨气|氯气|硫酸|盐酸|硝酸|有毒气体|毒气|危化品|化学品)${C}{0,8}?(?<v>泄漏|泄露|在漏|漏了|往外漏|外泄|爆炸了|炸了)${NOT_DATA}`),
    // Waste water let into a river is pollution, a grievance of its own.
    unless: /废水|污水|排污|偷排|河里/,
  },
  {
    kind: 'pit',
    call: '110',
    core: /大坑|深坑|水坑|水塘|池塘|鱼塘|水池|蓄水池|沉淀池|化粪池|粪池|枯井|机井|矿坑|采砂坑|砂坑|基坑|水库|采石场|工地|井/,
    // "小孩子容易掉下去，能不能围起来" asks for a fence: only with children there now and nothing to stop a fall.
    needs: [
      /(?:孩子|小孩|娃|学生)[^。！？!?]{0,10}(?:天天|每天|经常|老是|常常|一放学就|还在|正在)[^。！？!?]{0,10}(?:玩|游泳|洗澡|耍|跑|爬)|(?:天天|每天|经常)有(?:小孩|孩子|娃|学生)[^。！？!?]{0,8}(?:玩|游泳|洗澡|耍|跑|爬)/,
      /没(?:有)?(?:围挡|围栏|护栏|栏杆|盖|警示|人管)|不(?:围|盖)|敞着|(?:很|太|特别|好几米|几米|十几米|多米)深|淹死|掉(?:进|下)去/,
    ],
  },
];

const PEOPLE_EN = String.raw`\b(?:kids|children|pupils|students|people|family|families|residents|tenants|neighbou?rs|villagers|my (?:mother|father|parents|kids|children|wife|husband|son|daughter)|grand(?:ma|pa|mother|father|parents)|old (?:man|woman|people)|the elderly|we)\b`;

const EN: Rule[] = [
  {
    kind: 'gas',
    call: '119',
    // "the gas company leaks our data" is no gas leak.
    core: /\bgas\b(?! (?:company|companies|bill|price|station))[^.!?]{0,40}?(?<v>\bleak(?:s|ing)?\b)|\bleak(?:s|ing)? gas\b|\bsmell(?:s|ing)? (?:of |like )?gas\b|\bgas smell\b/i,
    unless: /\bgas station\b|\bdata\b|\binformation\b|\bfixed\b|\brepaired\b|\bnearly\b|\balmost\b/i,
  },
  {
    kind: 'fire',
    call: '119',
    // "they are burning straw" is smoke, a nuisance: a building or a hillside burning.
    core: /\bon fire\b|\b(?:house|home|building|flat|block|factory|warehouse|shop|school|forest|hill|mountain)s?\b[^.!?]{0,20}?\b(?:is|are) burning\b|\bthere'?s a fire\b|\bthere is a fire\b|\bfire (?:is )?spreading\b/i,
    needs: [/\bright now\b|\bstill (?:inside|in there|trapped)\b|\btrapped\b|\bcan'?t get out\b|\binside\b|\bspreading\b|\bhelp\b/i],
    unless: /\binsurance\b|\bcompensat\w*\b|\brelief\b/i,
  },
  {
    kind: 'collapse',
    call: '119',
    core: /\b(?:house|home|building|wall|roof|ceiling|bridge|classroom|school|flat|block|slope|hillside|cliff|crane|billboard|chimney)\b[^.!?]{0,60}?(?<v>\b(?:about to (?:collapse|fall|cave in|come down|give way)|(?:could|might|may|will|is going to|gonna) (?:collapse|fall|cave in|come down|give way)[^.!?]{0,25}?\b(?:any (?:minute|moment|day|time)|at any (?:moment|time)|soon|now)|(?:is|are) (?:collapsing|caving in|falling down|coming down)|on the verge of collapse)\b)/i,
    needs: [new RegExp(`${PEOPLE_EN}[^.!?]{0,30}?\\b(?:inside|live|living|sleep|sleeping|under|beneath|below|play|playing|walk|walking|pass|passing|still)\\b|\\bon (?:the )?(?:kids|children|people|pupils|students)\\b`, 'i')],
    unless: /\b(?:nobody|no one) lives\b|\bempty\b|\babandoned\b|\bmoved out\b/i,
  },
  {
    kind: 'dam',
    call: '110',
    core: /\b(?:dam|dyke|dike|levee|embankment)\b[^.!?]{0,30}?(?<v>\b(?:seeping|leaking|cracking|breaching|bursting|overflowing|giving way|about to (?:burst|break|give way|collapse|overflow))\b)/i,
    unless: /\bcompensat\w*\b/i,
  },
  {
    kind: 'flood',
    call: '119',
    core: /\b(?:flood(?:water)?s?|water|river)\b[^.!?]{0,30}?\b(?:coming into|pouring into|inside|up to|reached|reaching|rising in)\b[^.!?]{0,20}?\b(?:houses?|homes?|village|waist|chest|roofs?|first floor|ground floor)\b/i,
    needs: [/\btrapped\b|\bstranded\b|\bcan'?t get out\b|\bstill (?:inside|in (?:their|the) (?:houses?|homes?)|there)\b|\bstill rising\b|\bkeeps? rising\b|\bnot (?:been )?evacuated\b|\bhaven'?t been evacuated\b|\bstuck\b|\bon (?:the )?roofs?\b/i],
  },
  {
    kind: 'blasting',
    call: '110',
    core: /\bblasting\b|\bexplosives?\b|\bdynamite\b|\bdetonat\w+/i,
    needs: [
      /\b(?:kids|children|pupils|school|people|villagers|houses|homes)\b/i,
      /\bwithout (?:clearing|warning|any warning|checking)\b|\bno (?:warning|one clears|clearing|cordon)\b|\bdon'?t (?:clear|warn|check)\b|\bnobody (?:clears?|cleared|warns?|warned)\b|\brocks? (?:fly|flying|land|landing)\b|\bflying rocks?\b|\b(?:kill|hurt|injure) (?:someone|somebody|a child|the kids|people)\b/i,
    ],
    unless: /\bI(?:'ve| have)? (?:got|bought|have)\b[^.!?]{0,10}\b(?:explosives?|dynamite)\b/i,
  },
  {
    kind: 'power',
    call: '110',
    core: /\b(?:power|electric(?:al|ity)?|live|high[- ]voltage) (?:line|cable|wire|pole)s?\b[^.!?]{0,30}?(?<v>\b(?:down|fallen|fell|hanging|dangling|lying|on the (?:ground|road|street)|sparking|snapped|exposed)\b)/i,
    needs: [/\blive\b|\bstill on\b|\bsparking\b|\bsparks\b|\belectrified\b|\bshock\b|\bkids\b|\bchildren\b|\bpeople\b/i],
    unless: /\bno (?:power|electricity)\b|\bpower cut\b|\boutage\b|\bblackout\b/i,
  },
  {
    kind: 'chemical',
    call: '119',
    core: /\b(?:chemicals?|ammonia|chlorine|acid|toxic (?:gas|fumes)|tank(?:er)?s?)\b[^.!?]{0,30}?(?<v>\b(?:leak(?:s|ing)?|spill(?:s|ing)?|exploding|explosion)\b)/i,
    unless: /\bwaste ?water\b|\bsewage\b|\briver\b|\bstream\b/i,
  },
  {
    kind: 'pit',
    call: '110',
    core: /\b(?:pit|pond|pool|quarry|hole|well|reservoir|construction site|building site)\b/i,
    needs: [
      /\b(?:kids|children|pupils)\b[^.!?]{0,30}?\b(?:play|plays|playing|swim|swims|swimming)\b/i,
      /\bno (?:fence|fencing|cover|barrier|railing|warning sign)\b|\bunfenced\b|\buncovered\b|\bdeep\b|\bdrown\b|\bfall in\b/i,
    ],
  },
];

/** "没有漏气", "不是着火", "去年塌过", "万一着火": not a hazard now. */
const NOT_NOW_ZH = new RegExp(`(?:没|没有|不是|不会|并没|别|未|从没|不)\\s*$|(?:去年|前年|以前|那年|上个月|上回|那次|那天|小时候|当年|曾经|年前|上次|之前|当时|万一|如果|要是|假如|一旦|以免|防止|预防|免得)${C}{0,8}$`);
/** "塌过一回", "漏过气": happened once, not now. */
const DONE_ZH = /^过/;
/** "no gas leak", "wasn't on fire", "last year the dam …", "if it catches fire": the same in English. */
const NOT_NOW_EN = /\b(?:no|not|never|no longer|isn'?t|wasn'?t|aren'?t|weren'?t|didn'?t|without|last (?:year|month|week)|years ago|once|if|in case|what if|whether|unless)\b[^.,;!?]{0,14}$/i;

function fires(text: string, rule: Rule, notNow: RegExp, done: RegExp | null): boolean {
  if (rule.unless?.test(text) || !(rule.needs ?? []).every((re) => re.test(text))) return false;
  const g = new RegExp(rule.core.source, `${rule.core.flags.replace('g', '')}g`);
  for (const m of text.matchAll(g)) {
    // Before the thing and, when it is named first ("燃气管道没有漏气"), before what happens to it.
    const v = m.groups?.['v'] === undefined ? m.index : m.index + m[0].lastIndexOf(m.groups['v']);
    if (notNow.test(text.slice(Math.max(0, m.index - 12), m.index)) || notNow.test(text.slice(Math.max(0, v - 12), v))) continue;
    if (done?.test(text.slice(m.index + m[0].length))) continue;
    return true;
  }
  return false;
}

/** The hazard the message tells, the first rule that fires, or null. Pure. */
export function imminentHazard(text: string): Hazard | null {
  for (const rule of ZH) if (fires(text, rule, NOT_NOW_ZH, DONE_ZH)) return { kind: rule.kind, call: rule.call };
  for (const rule of EN) if (fires(text, rule, NOT_NOW_EN, null)) return { kind: rule.kind, call: rule.call };
  return null;
}
