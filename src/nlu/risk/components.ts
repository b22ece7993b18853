/**
 * What a threat is made of, per language: a means (poison, fuel, a rope, a blade,
 * a height or deep water), an act or intent against oneself or others, a farewell,
 * a veiled warning, knowledge of someone's life, an occupation or blockade and its
 * place, a gathering and its size, a trip above the county, a deadline or
 * condition. None decides alone — "农药" is also bought for the fields, "北京" is
 * also where a son studies — a learned model weighs them (see model.ts); these are
 * its features beside the words themselves.
 *
 * The other side, also features: what makes a look-alike harmless (someone else's
 * death, the speaker as victim, a past event, hearsay, an ordinary trip, farming and
 * trade, hyperbole, lawful procedure, a question).
 *
 * Each pattern is a plain alternation with bounded repeats: it runs on every
 * message and must stay linear (see test/unit/risk/regex-bounds.test.ts).
 */
import type { RiskCategory } from './lexicon.ts';

export type RiskLocale = 'zh' | 'en';

export const RISK_COMPONENTS = [
  'poison', 'fire', 'rope', 'weapon', 'height',
  'selfAct', 'farewell', 'harmOthers', 'desperate', 'warning', 'knowsTarget',
  'occupy', 'place', 'group', 'organise', 'above', 'travel', 'ultimatum', 'already', 'relative',
] as const;
export type RiskComponent = (typeof RISK_COMPONENTS)[number];

export const HARMLESS_COMPONENTS = ['othersDeath', 'victim', 'past', 'hearsay', 'ordinaryTrip', 'trade', 'hyperbole', 'procedure', 'question', 'reassure'] as const;
export type HarmlessComponent = (typeof HARMLESS_COMPONENTS)[number];

/** The categories a component speaks for: a harmless mention of that category masks it in its clause. */
export const COMPONENT_CATEGORIES: Readonly<Record<RiskComponent, readonly RiskCategory[]>> = {
  poison: ['self_harm'],
  fire: ['self_harm', 'violence'],
  rope: ['self_harm'],
  weapon: ['violence'],
  height: ['self_harm'],
  selfAct: ['self_harm'],
  farewell: ['self_harm'],
  harmOthers: ['violence'],
  desperate: ['violence', 'threat'],
  warning: ['threat'],
  knowsTarget: ['threat'],
  occupy: ['blocking'],
  place: ['blocking', 'gathering'],
  group: ['gathering', 'capital'],
  organise: ['gathering'],
  above: ['capital'],
  travel: ['capital'],
  ultimatum: [],
  already: [],
  relative: [],
};

/** A harmless cue masks these components in its own clause ("邻居跳河了": the jump is someone else's). */
export const HARMLESS_MASKS: Readonly<Record<HarmlessComponent, readonly RiskComponent[] | 'all'>> = {
  othersDeath: ['poison', 'fire', 'rope', 'height', 'selfAct', 'farewell'],
  victim: ['harmOthers', 'weapon', 'fire', 'occupy', 'warning', 'knowsTarget'],
  past: 'all',
  hearsay: 'all',
  ordinaryTrip: ['above', 'travel'],
  trade: ['poison', 'weapon', 'fire', 'selfAct'],
  hyperbole: ['farewell', 'selfAct', 'harmOthers'],
  procedure: [],
  question: [],
  reassure: 'all',
};

type Patterns<K extends string> = Readonly<Record<RiskLocale, Readonly<Record<K, RegExp>>>>;

const ZH_NUM = '(?:\\d{1,6}|[一二两三四五六七八九十百千几]{1,6})';

export const COMPONENT_PATTERNS: Patterns<RiskComponent> = {
  zh: {
    poison: /农药|农要|敌敌畏|百草枯|草甘膦|除草剂|老鼠药|耗子药|安眠药|安定|毒药|乐果|甲胺磷|半瓶药|一瓶药|药片|硫酸/u,
    fire: /汽油|柴油|煤油|酒精|打火机|火柴|煤气|液化气|一把火|点火|放火|浇.{0,3}油|泼.{0,2}油|装满.{0,2}油|燃烧瓶|烧(?:了|掉|死|喽|个)|把[^，。]{0,10}点(?:了|喽)/u,
    rope: /绳|上吊|吊死|房梁|挂.{0,4}树上/u,
    weapon: /刀|斧|锄头|铁锹|铁锨|锤|榔头|棍|钢管|砖头|匕首|枪|雷管|炸药|家伙|镰刀|酒瓶/u,
    height: /楼顶|天台|楼上|顶楼|房顶|屋顶|\d{1,3}楼|[十二三四五六七八九]{1,3}楼|大桥|桥上|桥栏|桥底|栏杆|塔吊|脚手架|吊车|烟囱|电线杆|电塔|铁塔|高压|广告牌|悬崖|水库|河边|河堤|江边|湖边|井里|铁道|铁轨|火车道|卧轨|下去|往下/u,
    selfAct: /跳(?!舞|涨|槽|绳|棋)|喝药|喝了|喝给|上吊|自杀|自殺|自沙|自焚|割腕|划了|轻生|寻死|短见|傻事|服毒|吞|绝食|不吃不喝|把自己|撞死|淹死|轧|松手|倒下/u,
    farewell: /不想活|不活|活不下去|活够|活着(?:没|太|真|就是|也|干啥|有啥)|死了算|死了反倒|去死|想死|死的心|怎么死|一死|死给|死在|收尸|后事|遗书|遗言|最后(?:一次|一条|几句|一面|的话)|找不到我|别找我|见不到|永别|告别|下辈子|来世|先走一步|走了之|解脱|了断|了结|一了百了|结束(?:这一切|一切|自己|生命)|睡过去|不要醒|醒过来|醒不过来|留恋|牵挂|托付|拜托你们|对不起|累赘|拖累|撑不住|撑不下去|熬不住|熬不下去|扛不住|没脸|不在了|人没了|我没了|命不值钱|贱命|这条命|下去陪|不回家了|不回来/u,
    harmOthers: /砍|杀(?!价|毒|猪|虫|菌)|捅|宰|弄死|打死|掐死|劈|砸|敲碎|揍|打(?:他|她|一顿|断|残|一回)|卸.{0,3}腿|废了|收拾|招呼|绑|泼|撞|炸|见血|放血|拼了|拼命|同归于尽|鱼死网破|一命换一命|偿命|拿命|动手|站不起来|冲进/u,
    desperate: /豁出去|烂命|大不了|坐牢|不怕死|死也要|死了也不怕|光脚的|干出什么|做出什么|不敢保证|会发生什么|憋着火|一点就着|什么都不怕/u,
    warning: /后果|看着办|(?:你们?|他|她|都)等着|等着(?:瞧|吧)|走着瞧|走着看|有你们?好看|让你们?好看|后悔|代价|别怪|出了事|出什么事|出了什么事|出大事|兜不住|倒霉|算账|总账|好过|安生|安宁|小心|当心|注意点|心眼|睡得着|混不下去|没完|报复|加倍|连本带利|找上|心里有数|打招呼/u,
    knowsTarget: /住哪|家住|住址|地址|家也找到|车牌|孩子在|他儿子|他女儿|他老婆|老婆在哪|哪上班|放学|哪条路|几点回家|几点下班|门儿清|打听|照片|摸清|工号|认得他/u,
    occupy: /堵|拦|围|封|挡|锁|缠死|占了|占领|霸占|横在|一横|躺在|一躺|躺着|卧轨|静坐|坐着|坐在|跪|守着|守在|住下|住到|搬到|搬进|睡在|打地铺|搭.{0,2}棚|帐篷|吃住|吃喝都在|不走|不挪|赖着|挖断|路给断|护栏一拉|大门一关|电闸|停着|一停|抬到/u,
    place: /政府|县委|市委|镇上|乡里|信访局|局门|大院|大厅|办公室|办公楼|门口|大门|门前|国道|公路|高速|收费站|路口|道口|马路|进村的路|运输道|桥头|铁路|工地|厂门|厂子|售楼部|售楼处|公司|村委|总部|景区|广场/u,
    group: new RegExp(`我们|咱们|咱|俺们|大家|全村|全镇|全厂|全屯|全体|全部|所有|各家|每家|乡亲|老乡|工友|业主|村民|老少爷们|老兵|受害者|投资人|家长们|一起|一块|集体|组团|群里|${ZH_NUM}(?:多|来)?(?:号|个|户|人|名)|上百|上千|几百|几十|成百|越多|只多不少|带头|串`, 'u'),
    organise: /组织|召集|发动|号召|通知|约好|约了|(?:都|已经|大家|我们)说好|说好了?(?:一起|一块|明天|周|礼拜|到时候)|商量好|商量了|报名|转发|集合|集中|凑|租.{0,3}(?:车|大巴)|拉上|叫上|喊上|统一|打过招呼|联系好|联系上/u,
    above: /市里|市政府|市委|省里|省城|省委|省政府|北京|北经|首都|京城|京里|进京|上京|赴京|中央|国务院|国家信访局|天安门|中南海|两会|大会|部门递/u,
    travel: /去|到(?!底|时候|了$)|上(?:北京|京|省|市|县)|奔|赴|动身|出发|车票|火车票|路费|大巴|行李|买票|坐车|开车|私家车|爬到|走小路|换了路线/u,
    ultimatum: /再不|不给|不解决|不处理|不管|要是|如果|否则|不然|要么|只要|到时候|等到|月底|明天|明早|明儿|今晚|今黑|今天|后天|下周|下礼拜|礼拜|周[一二三四五六日末]|过完年|这回|这次|再拖|再推|再逼|逼急|逼我|逼上|哪天|迟早|早晚|三天/u,
    already: /已经|正在|现在|在上面|准备好|备好|买好|买回来|磨好|写好|打开了|试过了|揣着|带着|兜里|包里|手里|刚/u,
    relative: /(?:我|俺)(?:爸|妈|爹|娘|哥|姐|弟|妹|老公|老婆|老伴|老头子|舅舅|叔|大伯)|老汉|老人家/u,
  },
  en: {
    poison: /\b(?:pesticide|weedkiller|paraquat|dichlorvos|poison|pills|tablets|overdose|acid)\b/,
    fire: /\b(?:petrol|gasoline|fuel|lighter|matches|gas is on|alight|on fire|torch|burn\w*|flames|molotov)\b/,
    rope: /\b(?:rope|hang|hanging|noose|beam)\b/,
    weapon: /\b(?:knife|blade|axe|hoe|shovels?|hammer|brick|iron bars?|pipe|cleavers?|machete|gun|rifle|shotgun|explosives|weapon|fists)\b/,
    height: /\b(?:roof|rooftop|bridge|overpass|ledge|tower|crane|pylon|railing|\d{1,3}(?:st|nd|rd|th) floor|tallest building|building|reservoir|river|canal|lake|cliff|railway|tracks)\b/,
    selfAct: /\b(?:jump\w*|drink|swallow\w*|hang|cut (?:my|myself)|cuts on my|overdose|suicid\w*|kill myself|starv\w*|stop(?:ped)? eating|let go|step(?:ped)? off|myself on fire)\b|\bend(?:ing)? (?:my life|it all|everything|it)\b/,
    farewell: /\b(?:want to die|really want to die|dont want to live|die|being dead|better off dead|no reason to|nothing left|nothing in this world|end of the road|goodbye|farewell|last words|final letter|never wake|fall asleep|sleep forever|be over|burden|sorry|look after my|my peace|wont be (?:a problem|anyones problem|around)|(?:if i|i will|i could|i might|i want to) disappear\w*|when im gone|wasnt alive|join my late|worth nothing|never born|cant (?:go on|hold on|take it|face)|no point)\b/,
    harmOthers: /\b(?:kill|stab|beat|smash|wreck|torch|burn|blow up|attack|punch|slap|kick|strangle|shoot|bash|break (?:his|her)|tie (?:him|her)|run (?:them|him|her) over|drive (?:my|into)|ram|bleed|blood|body bag|going down|take care of (?:that|him|her)|teach|fight|scrap|put a brick|throw acid|never walks)\b/,
    desperate: /\b(?:nothing to lose|jail|prison|not afraid|whatever it takes|cant promise|cannot guarantee|cant guarantee|what i will do|army training)\b/,
    warning: /\b(?:regret|pay|consequences|warned|heads up|careful|watch out|over his shoulder|be sorry|ugly|shame if|settle|account|quiet day|sleeps well|come for you|on you|go down|one way or another|what comes next|think twice|show his face|old way)\b/,
    knowsTarget: /\b(?:where (?:he|she|they|you) (?:lives?|parks?|works?)|address|his house|wife works|his son|his kid|kid goes|school|gets home|parks it|car (?:your|his) \w+ drives|plate|staff number|photos|found out)\b/,
    occupy: /\b(?:block\w*|barricade|surround\w*|occupy|take over|camp|tent|sleep\w*|move into|moves into|sit\w*|kneel|lie down|link arms|across|chain\w*|wired?|weld\w*|padlock|lock\w*|guard|dig up|cut off|close the gate|stay\w*|wont leave|not move|live there|stop (?:it|the|his|her|all)|exits covered)\b/,
    place: /\b(?:government|county|township|town|city hall|bureau|office|compound|committee|gates?|doors?|entrance|lobby|hall|road|highway|expressway|junction|crossing|toll|bridge|site|factory|plant|mine|sales office|school|headquarters|square|inspectorate)\b/,
    group: /\b(?:we|us|our|everyone|everybody|all of us|whole (?:village|hamlet|family|factory)|every (?:family|household|uncle)|villagers|workers|owners|homeowners|veterans|parents|investors|victims|families|households|folks|hundreds?|dozens?|thousand|\d{2,6}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|together|group|coaches|in numbers|how many we are)\b/,
    organise: /\b(?:organi[sz]\w*|mobili[sz]\w*|agreed|sign(?:ed)? up|posted|forward|spread the word|call everyone|bring (?:everyone|kids|banners)|contacted|hired|chip in|get ready|meet|gather(?:ing)? (?:at|outside|in front|everyone)|gathering|rally|march\w*|collective|protest|sit in|banners|roll up|get every)\b/,
    above: /\b(?:beijing|bejing|peking|capital|central|state council|national|ministry|province|provincial|tiananmen|zhongnanhai|two sessions|congress|big meeting|big boss|city)\b/,
    travel: /\b(?:go|going|goes|head\w*|travel\w*|leav\w*|tickets?|train|bus|drive|fare|packed|on foot|take (?:this|it)|carry|different bus)\b/,
    ultimatum: /\b(?:if|unless|until|or else|either|otherwise|tomorrow|tonight|next (?:week|time|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|this month|again|one more time|once more|this time|three days|when|sooner or later|one day)\b/,
    already: /\b(?:already|now|right now|just|have been|bought|tested|sharpened|filled|packed|ready|in my (?:bag|pocket)|under my bed|im standing|i climbed|made up my mind)\b/,
    relative: /\bmy (?:dad|father|mum|mom|mother|brother|sister|husband|wife|grandfather|grandmother|uncle)\b|\bold man\b/,
  },
};

export const HARMLESS_PATTERNS: Patterns<HarmlessComponent> = {
  zh: {
    othersDeath: /(?:他|她|邻居|有人|有个人|别人|人家|爷爷|奶奶|父亲|母亲|老伴|姐夫|大伯|表哥|老王|那个人)[^，。]{0,8}(?:走了|去世|过世|身亡|没了|死了|淹死|跳河|跳楼|喝药|喝农药|上吊|自杀|出了事)|去世的|走了[三四五六七八九十几半一两]{1,3}年|死亡赔偿|丧葬|遗属|销户/u,
    victim: /被[^，。]{0,10}(?:打|砍|捅|伤|堵|封|锁|截|恐吓|威胁|骂|推)|扬言|威胁(?:我|说)|恐吓|吓唬|说要让我|找了几个|进不了家|进不去|出不去|(?:车|别人|有人|他们|人家)[^，。]{0,6}(?:停|堵|挡|占)[^，。]{0,4}(?:我家|我们家)/u,
    past: /去年|前年|以前|之前|上次|上回|当年|那年|年前|过一次|过一趟|过几次|曾经|报了警|报警了|已经报警|立案|被抓了|那些年|过去/u,
    hearsay: /听说|新闻|电视|网上(?:看到|说|传)|据说|有人说|在说要|有人在群里/u,
    ordinaryTrip: /(?:去|到|在|来|从)(?:北京|首都|京城|省城|省里|市里|外地)?[^，。]{0,4}(?:打工|工作|上班|上学|读书|上大学|读研|旅游|看病|治病|复查|出差|开会|探亲|学习|培训|当兵)|研究生|户口|出差/u,
    trade: /庄稼|麦苗|作物|鱼塘|鱼|猪|鸡|鸭|羊|牛|狗|打虫|虫|卖|摊|进货|价格|涨|补贴|市场|五金|软件|拼车|拼多多|秸秆|烧纸|假药|残留/u,
    hyperbole: /笑死|累死|急死|烦死|气死|热死|冷死|饿死|吵死|困死|死机|老命|要命|要疯|崩溃|想撞墙|服了|心都凉/u,
    procedure: /法律|依法|律师|起诉|仲裁|复议|复核|程序|渠道|(?<!不派|不要|不选)代表|联名|纪委|举报|投诉|媒体|曝光|热线|申请|调解|走正规/u,
    question: /吗$|是不是|会不会|能不能|可不可以|行不行|怎么办|怎么处理|谁管|多少钱|有没有|算不算|要不要|需要什么|该怎么/u,
    reassure: /放心|不会乱来|不会干|不闹|不会闹|不会去闹|劝|骂了他|没去|不参加|没有威胁|不会去找/u,
  },
  en: {
    othersDeath: /\b(?:died|passed|drowned|took his own life|took her own life|hanged himself|hanged herself|killed himself|death|funeral|late (?:father|mother|husband|wife)|fell from|nearly died)\b/,
    victim: /\b(?:was|were|got|been) (?:\w+ )?(?:stabbed|beaten|attacked|hit|cut|cornered|threatened|locked out|intercepted)\b|\bthreatened (?:me|my|us|to)\b|\bscare us\b|\bthey (?:said|broke|smashed)\b|\bmake me (?:regret|pay)\b|\b(?:someone|somebody|they|he|she|trucks?|cars?|vans?|lorries|buses|neighbou?rs?)\b (?:\w+ ){0,2}(?:parked|parks|park|blocked|blocks|blocking) (?:\w+ ){0,2}(?:my|our)\b/,
    past: /\b(?:last (?:year|month|spring|week)|years ago|ago|(?<!at )once|used to|already (?:reported|called)|police (?:have|already))\b/,
    hearsay: /\b(?:heard|on tv|in the news|people (?:\w+ ){0,3}(?:say|said|talk)|talk about|someone in the group|saw on)\b/,
    ordinaryTrip: /\b(?:study|studies|university|works? in|business trip|training|medical|treatment|conference|army|hukou|visiting|serves)\b/,
    trade: /\b(?:crops?|field|fish|pond|pig|dog|chickens?|pests|sell|shop|stall|store|licence|market|straw|offerings)\b/,
    hyperbole: /\b(?:killing me|death of me|dying to|lol|crazy|losing my mind|last nerve|end of my rope|phone died|dead end|shoot me|blew up my phone|like a dog|peanuts|breaking point)\b/,
    procedure: /\b(?:law|legal\w*|lawyer|sue|court|arbitration|review|procedure|channels|representatives|joint letter|discipline|report him|media|complaint|hotline|documents|papers|register\w*|appointment|apply\w*|mediate)\b/,
    question: /^(?:(?:is|are|can|could|do|does|will|would|should|may) (?:i|we|it|there|you|they|he|she|my|our|this|that|a|the)|(?:what|how|who|where|why|which)\b)/,
    reassure: /\b(?:dont worry|i wont make trouble|never do anything|never break the law|not threatening|told (?:him|them) (?:off|not to)|didnt go|i will not go there)\b/,
  },
};
