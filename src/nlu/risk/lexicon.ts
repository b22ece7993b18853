/**
 * Our own high-precision risk lexicon, per category and language. A pattern is
 * tested per clause; a negation just before it ("不会去跳楼", "I won't hurt
 * anyone") or a question about the rules in the same clause ("堵路会不会被拘留",
 * "is it illegal to go to beijing") cancels it. Anger words alone ("气死我了",
 * "I am furious") and group size alone ("三十多户") are deliberately absent.
 */
export const RISK_CATEGORIES = ['self_harm', 'violence', 'threat', 'blocking', 'gathering', 'capital'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

type Lexicon = Readonly<Record<RiskCategory, readonly RegExp[]>>;

/** Numerals are bounded ({1,6}): an unbounded run backtracked quadratically on a long string of numerals. */
const GROUP_ZH = '(?:我们|大家|全村|全厂|村里|工友|业主|乡亲|一起|集体|组团|几个|十几|二十|三十|几十|上百|几百|[一二两三四五六七八九十百千]{1,6}多?[个号名户人]|\\d{2,6}多?[个号名户人]|一车)';
const GROUP_EN = '(?:we|us|our|all of us|together|as a group|dozen|dozens|hundreds?|\\d{2,}|twenty|thirty|forty|fifty|sixty|everyone|villagers|families|a bus)';
/** "I'll / we will / gonna …": a stated plan (apostrophes are already dropped: ill, im, hell). */
const PLAN_EN = '(?:ill|i will|im going to|i am going to|im gonna|gonna|we will|we are going to|were going to|he will|hell|he says hell|they will|theyll)';
/** Beijing as typed by hurried petitioners, and the capital by other names. */
const BEIJING_ZH = '(?:北京|北经|首都|京城)';
const BEIJING_EN = '(?:beijing|bejing|beijng|peking|the capital)';
/** Going to Beijing for ordinary reasons (work, study, a doctor, sightseeing) is not a petition. */
const ORDINARY_TRIP_ZH = '(?!.{0,4}(?:打工|工作|上班|上学|读书|上大学|旅游|玩|看病|治病|出差|开会|探亲|看展|参观))';
const ORDINARY_TRIP_EN =
  '(?!(?: \\w+){0,3} (?:for|to) (?:a |the |my |his |her |our )?(?:trade|fair|holiday|vacation|trip|tour|work|job|business|study|studies|school|college|university|treatment|hospital|doctor|surgery|conference|visit|see|sightseeing|concert|wedding|graduation)|(?: for (?:my|his|her|our) (?:daughters?|sons?|family|wifes?|husbands?|childs?|kids?)))';

export const LEXICON: Readonly<Record<'zh' | 'en', Lexicon>> = {
  zh: {
    self_harm: [
      /跳楼|跳河|跳江|跳湖|跳井|楼上跳|跳下去|跳下来/u,
      // Poison bought, stored or drunk; a bare mention of pesticide (fake pesticide, crops) is not enough.
      /喝(?:农)?药|吃(?:农)?药自|(?:买|备|存|准备|揣)(?:好|了)*.{0,3}(?:农药|敌敌畏|安眠药)|农药.{0,4}(?:喝|吞|灌)|(?:吃|吞|攒|藏|一瓶|一把|全部|整瓶)[^，。]{0,4}安眠药|安眠药[^，。]{0,6}(?:攒|藏|吃了|吞|够了|全吃|一起吃|吃光)|(?:喝|吃|吞|拌|买了|准备|一包|一瓶)[^，。]{0,4}老鼠药|百草枯|敌敌畏/u,
      /上吊|吊死(?!鬼)|自杀|自焚|轻生|割腕|寻死|寻短见|做傻事|(?:好|真的|就)?想解脱|(?:我|俺)(?:真的|真)?(?:会|要|就)跳(?!舞|槽|过|绳)|(?:挂|吊|拴)[^，。]{0,4}房梁|房梁上|(?:我|俺)(?:已经|现在|正)?(?:在|坐在|站在|爬到|爬上|蹲在)[^，。]{0,8}(?:窗户?边|窗台|楼顶|天台|顶楼|屋顶|房顶|楼边|栏杆|桥上|桥边|桥栏|烟囱|电塔|塔吊|脚手架)|在上面(?:坐|站)了/u,
      /(?:我|俺)(?:已经)?(?:写好|立好|写了)[^，。]{0,3}遗(?:嘱|书|言)|生不如死|活够了|活腻了|想不开|自尽|结束(?:自己的)?生命|离开这个世界|从这(?:个)?世界上?消失|(?:吃|吞|喝)(?:了|下|掉)?[^，。]{0,4}(?:一整瓶|一瓶|整瓶|一把|所有的?)[^，。]{0,6}(?:药|片)|水(?:到|没过|淹到)(?:腰|胸|脖子)|(?:我|俺)(?:已经|现在|正)?在(?:河|江|湖|水库)里|走投无路|(?:我|俺)(?:真的?|好|是真的?)?想死(?![他她你])|想去死|不想(?:再)?活(?!得)|活着受罪|活不下去|活着没意思|没有活路|没活路|不活了|命也不要了|不要命了|遗书|点了自己|烧死自己/u,
      /(?:从|往)[^，。]{0,8}(?:楼|桥|顶|塔|崖)[^，。]{0,4}(?:一跳|跳下|跳了)|还不如[^，。]{0,6}(?:死了|一跳|一了百了)|(?<![急气笑烦累饿热冷吵])去死|一死了之|死了算了|以死|死给.{0,3}看|撞死在|结束(?:自己的)?生命/u,
      // Euphemisms: "settle it once and for all", "a length of rope", "come and collect my body".
      /自我了断|了断自己|(?<![跟和与同找][^，。]{0,4})做个了断|一了百了|一根绳子|绳子[^，。]{0,8}(?:挂好|备好|系好|准备好|解决|了结|一挂|吊)|收尸|后事都?(?:交代|安排)|(?:写|留|录)[好了下]*[^，。]{0,3}遗言|遗言[^，。]{0,3}(?:写好|留好|录好)/u,
      // Setting oneself alight, starving oneself, dying on the bureau's doorstep.
      /把自己.{0,3}(?:点|烧|吊|淹|了结)了?|饿死(?:在|自己)|绝食|(?:我|俺|就)[^，。]{0,6}死在(?:你们|他们|政府|镇|县|市|信访|村委|门口|这)/u,
    ],
    violence: [
      // Not after 被 (a victim's report: "被人拿刀划伤", "被邻居打死").
      /(?<!被[^，。我]{0,6})(?:拿|带|揣|买|准备好?|磨好?)(?:了|上|着)?[^，。]{0,6}(?:菜刀|刀(?!具|片|口)|斧头|锄头|铁锹|铁锤|锤子|榔头|镰刀|棍子|汽油)(?![^，。]{0,3}(?:厂|店|下地|干活))/u,
      /整死|剁了(?:他|她)|(?:给他|往[^，。]{0,4})下毒|纵火|泼硫酸|(?:让|叫)(?:他|她)[^，。]{0,4}(?:走不出|出不了)[^，。]{0,4}(?:门|这)|(?<!被[^，。我]{0,8})(?:砍(?:了(?![^，。]{0,6}(?:树|柴|竹|林|苗))|死|他|她|人)|杀(?:了|死|掉|人)|弄死|打死|捅(?:了|死|他)|宰了)/u,
      // Blood, a life for a life, "one comes, one burns".
      /(?:让|叫|要)(?:他|她|你|他们|你们|那帮人)?见血|一命换一命|以命抵命|(?:让|叫)(?:他|她|他们)偿命|来一个(?:砍|杀|烧|打|捅|弄)一个|废了(?:他|她|你)|(?:让|叫)(?:他|她|你|他们|你们)(?:竖着进来)?(?:横着|躺着)(?:出去|回去)/u,
      // Fire bombs and arson without the word 烧: petrol in bottles, "set the digger alight", "reduce it to ashes".
      /汽油瓶|燃烧瓶|(?:灌|装)(?:了|满)?汽油|把.{0,10}(?:挖掘机|铲车|车|房子?|楼|办公室|售楼部|厂房|仓库|家)(?:给)?(?:点|烧)了|(?:烧|变)成.{0,2}灰|夷为平地/u,
      /炸(?:了|掉|毁)|烧(?:了|掉).{0,6}(?:房|家|楼|车|办公|厂)|放火|点火|泼汽油/u,
      /拼命(?!地?(?:干|工作|挣|学|跑|赚|攒|读|练|打工))|同归于尽|血债血还|打断.{0,4}腿|打残|打一顿|揍(?:他|一顿)|开车撞|砸(?:了|烂|掉)|(?:全|都|给)砸(?:了|烂)/u,
    ],
    threat: [
      // Retaliation only when the speaker means it, not feared (被/怕/会不会…报复, 打击报复, 报复我).
      /(?<!被[^，。]{0,8}|怕[^，。]{0,8}|遭到?[^，。]{0,6}|担心[^，。]{0,8}|会不会[^，。]{0,10}|打击)报复(?![我俺]|举报人)|血债血偿|(?:要|去|得)报仇|报这个仇|鸡犬不宁|后果自负|出了人命|闹出人命|付出.{0,3}代价|走着瞧|等着瞧|吃不了兜着走|不得安宁/u,
      /你信不信|信不信我|看谁狠|[一挨]个一?个?(?:地)?找(?:他们|你们)|^(?:你们?|他|你们都)(?:给我)?等着$|你们?给我等着|闹出大事|别怪我不客气|别怪我|找上门|说到做到|(?:会|让你们|让他)后悔/u,
      /知道.{0,8}(?:住哪|家住|住在|车牌|孩子|学校)|找他(?:的)?(?:孩子|家人|老婆)/u,
      // The same knowledge told the other way round: "his plate and his wife's shop, I have written them down".
      /(?:住(?:在)?哪|家住|车牌|孩子|儿子|女儿|老婆|学校|放学|下班|单位|开的店).{0,10}我(?:都|也)?(?:知道|清楚|一清二楚|清清楚楚|记下|记住|查到|摸清)/u,
      // Veiled warnings without a violent word: "walk carefully at night", "you'll see", "I have friends on the street".
      // ("回家路上小心点" said kindly stays quiet: a warning needs 最好/给我, or the night-walk idiom with 点.)
      /(?:走夜路|夜路)(?:的时候)?(?:最好)?(?:小心|注意|当心)点|夜路走多了|(?:你|你们|他|她)[^，。]{0,8}(?:最好|给我)[^，。]{0,6}(?:小心|当心|注意点|锁好)/u,
      /(?:让|叫|要)(?:你|你们|他|他们)好看|有(?:你|你们|他)好看|给(?:你|你们|他)点颜色|道上.{0,3}有.{0,4}(?:朋友|兄弟|人)|(?:在)?道上(?:混|的(?:朋友|兄弟))|混社会的|找人(?:收拾|弄|教训)|(?:你|你们|自己).{0,3}掂量/u,
      /别(?:说|怪)我没(?:提醒|警告|说)|(?:你们?|一个个|名字|工号).{0,6}我都?记(?:住|下)(?:了|来了)|跟(?:你|你们|他)没完/u,
    ],
    blocking: [
      /(?:堵|封|拦|挡)(?:了|住|上|死)?.{0,8}(?:国道|公路|高速|马路|路口|大门|门口|厂门|桥|路|门)(?!.{0,2}车)/u,
      /(?:拦|截)(?:了|住)?.{0,6}(?:车|高铁|火车)(?!票)|堵.{1,6}(?:的车|高铁|火车)/u,
      /(?:门口|门|大门|厂门|路|路口|国道|公路)(?:给|都)?(?:堵|封|围)(?:住|上|死|了)/u,
      /卧轨|堵门|围住|围堵|挡死|封了那条路|把[^，。]{0,10}(?:路|路口|大门|门)[^，。]{0,8}(?:横上|堵上|挡上|拦上|封上)/u,
      // Vehicles, bodies and locks: "the tractor across the gate", "parked in the middle of the highway", "lock the site gate".
      /(?:横|挡|躺|卧|堵)在.{0,8}(?:门口|大门|门前|路|国道|公路|中间|车前|前面|出口|入口)|停在.{0,6}(?:路|国道|公路|马路)?(?:中间|当中|正中)|(?:大门口|门口|路中间|路口|路上)(?:横着|挡着|堵着|躺着|一横)|躺在.{0,8}车(?:前|下|头)/u,
      /把.{0,12}(?:大门|厂门|门|路|路口|出口|入口|收费站|桥)(?:给)?(?:锁|焊|封|堵|拦|挡)(?:了|住|上|死)|(?:路|门|路口|出口|入口)[^，。]{0,8}(?:封死|堵死|锁死|焊死)/u,
    ],
    gathering: [
      /把[^，。]{0,10}(?:大厅|办公室|办公楼|院子|大院|售楼部|售楼处)(?:给)?占了|不出来就不走|不给说法(?:就)?不走|不解决(?:就)?不走|静坐|游行|示威|集会|聚集|集合|拉横幅|坐着不走|占领|集体维权|人越多声势|声势越大/u,
      new RegExp(`(?:组织|发动|叫上|约好|约了|通知|召集|商量好).{0,16}(?:去|到)`, 'u'),
      new RegExp(`${GROUP_ZH}.{0,10}(?:一起|集体|都)(?:去|到).{0,8}(?:政府|县委|市委|县里|市里|镇上|广场|门口|局)`, 'u'),
      /(?:全村|全厂|所有人|几百|上百).{0,6}(?:去|到).{0,4}(?:政府|县委|市委).{0,6}(?:闹|讨)/u,
      new RegExp(`${GROUP_ZH}.{0,10}(?:集中|聚)(?:到|在).{0,8}(?:政府|县委|市委|广场|门口|局)`, 'u'),
      // A crowd going somewhere to sit it out: "五十多号人去…门口坐着".
      new RegExp(`${GROUP_ZH}.{0,10}(?:去|到)[^，。]{0,10}(?:坐着|守着|蹲着|坐下|住下)`, 'u'),
      /集体(?:上访|请愿|讨薪|去|到)|人越多越好|统一穿|一起(?:上|去|到)[^，。]{0,6}闹/u,
    ],
    capital: [
      /进京|上京|赴京|组团.{0,4}北京|中南海|天安门|国家信访局/u,
      /(?:去|到|上)北京.{0,4}(?:上访|告状?|反映|喊冤|讨说法)|去北京的(?:火车|车|机)票/u,
      new RegExp(`${GROUP_ZH}.{0,16}(?:去|到|上|找)(?:北京|中央|国家信访局)`, 'u'),
      new RegExp(`(?:去|到)北京.{0,8}${GROUP_ZH}`, 'u'),
      // One person is enough; Beijing by other names and typos; "the centre" itself; being intercepted on the way (截访).
      // Not "去过北京": a past trip is not a plan.
      new RegExp(`(?:上|去|到|跑|奔|进)${BEIJING_ZH}${ORDINARY_TRIP_ZH}|(?:去|到|找|上)中央|中央领导|截访|(?:被|给)[^，。]{0,6}截(?:回|住|下)`, 'u'),
    ],
  },
  en: {
    self_harm: [
      /\b(?:kill|hang|hurt)(?:ing)? (?:myself|himself|herself|ourselves)\b|\bsuicid|\bno way out\b|\bexcept dying\b|\bwish i (?:was|were) dead\b|\btake my own life\b|\bnot worth living\b|\bswallowed all\b|\bwhole bottle of\b|\boverdos\w*|\bwater (?:is )?up to my (?:waist|chest|neck)\b|\b(?:wrote|written|made) my will\b|\bbury me\b|\bnoose\b|\b(?:from|on|at) the (?:top|roof|edge) of (?:the|this|a) (?:\w+ )?(?:building|hospital|bridge|tower|block|office)\b|\bwriting (?:this )?from the (?:roof|bridge|ledge)\b|\benough of (?:living|life)\b/,
      /\bjump (?:off|from|into)\b|\bi will jump\b|\bon the roof\b.{0,60}\bjump/,
      /\b(?:drink|drank|drunk|take|took|swallow)\w* (?:\w+ ){0,4}(?:pesticide|poison|pills(?! for)|weedkiller|paraquat)\b|\b(?:im|i am) (?:on|at) the (?:roof|rooftop|ledge|edge|bridge|top of)\b|\bgas is on\b|\b(?:im|i am|ive been|i have been) (?:standing |sitting |waiting )?(?:on|at|outside|over|up on) (?:the|this) (?:\w+ )?(?:roof|rooftop|ledge|edge|bridge|overpass|railing|tower|crane|chimney|window ?sill)\b|\brope\b[^.]{0,30}\b(?:beam|tested|ready)\b|\bturned on the gas\b|\b(?:take|took|taking|swallow\w*|saved?|saving|hoard\w*|bought|all (?:my|the|her|his)|enough|bottle of|handful of) (?:\w+ ){0,2}sleeping (?:pills|tablets)\b|\bsleeping (?:pills|tablets)\b[^.]{0,20}\b(?:tonight|all|enough|ready)\b/,
      /\bend (?:my|his|her|our) (?:own )?life\b|\bend it all\b|\btake (?:my|his|her) own life\b|\bset (?:myself|himself|herself) on fire\b/,
      /\bend(?:ing)? it (?:today|tonight|now)\b|\bend everything\b|\bim ending it\b|\brather die\b(?! than (?:sign|accept|agree|give in|give up|apologi|pay))|\bcant go on\b(?! (?:paying|working|waiting))|\bgoodbye (?:everyone|all)\b|\blast message\b(?! (?:got|was|didnt|did not|failed|went|is (?:missing|cut)))|\bjumping (?:off|from|into)\b|\b(?:want|wants|going) to die\b|\bdont want to live\b|\bno point (?:in )?living\b|\bbetter (?:to be|off) dead\b|\bcut (?:my|his|her) wrists?\b|\bthrow (?:myself|himself|herself) (?:into|off)\b/,
      // Euphemisms: the news, a last letter, not waking up, the bridge, collecting the body.
      /\b(?:read|reading|hear|hearing|see|seeing)(?: about)? me (?:in|on) the (?:\w+ )?(?:news|papers?|tv)\b|\bstarv(?:e|ing) myself\b|\bhunger strike\b|\bmy (?:last|final|goodbye) (?:letter|letters|words|note)\b|\bsuicide note\b|\b(?:last|final|goodbye) (?:letter|note)s? to my\b/,
      // "don't see the point" carries its own negation: matched from "dont" so NEGATION does not cancel it.
      /\b(?:dont|do not|cant|cannot) see (?:the|any) point (?:of|in) (?:waking up|going on|carrying on|living)\b|\bpoint (?:of|in) (?:waking up|going on|carrying on|living)\b|\bnothing (?:left )?to live for\b|\bno reason to (?:live|go on)\b|\bwont be (?:around|alive|here) (?:much longer|tomorrow)\b/,
      /\b(?:bridge|roof|rooftop|ledge|tower)\b.{0,60}\b(?:step|jump|leap)\w* off\b|\b(?:just )?step off (?:the )?(?:bridge|roof|ledge|building)\b|\b(?:collect|pick up|claim|identify) my (?:body|corpse|remains)\b/,
    ],
    violence: [
      /\b(?:kill|stab|shoot|murder|strangle) (?:that|the|him|her|them|his|every|you)\b/,
      /\bsmash\w* (?:\w+ ){0,2}(?:windows?|office|doors?|cars?)\b|\b(?:burn|blow) (?:up|down)\b|\bset (?:fire|light) to\b|\bpetrol on\b|\bpour (?:petrol|gasoline)\b/,
      /\b(?:beat|smash|attack|break)\w* (?:up |him |her |them |his |the )?(?:\w+ )?(?:up|crew|guards?|legs|car|half to death|officials?)\b/,
      /\b(?:explosives|dynamite|a bomb)\b|\bhave a knife\b|\b(?:knife|axe|shovels?|gun)\b.{0,60}\b(?:use it|attack|on (?:him|the))\b|\bfight (?:them|him) to the death\b|\brun (?:them|him) over\b|\bhurt (?:anyone|someone|him|her|them)\b/,
      // A stated plan with a weapon or fists, or driving into a building.
      new RegExp(`\\b${PLAN_EN}\\b.{0,60}\\b(?:shotgun|rifle|gun|machete|cleaver|crowbar|axe|knife|hammer|baseball bat)\\b`),
      new RegExp(`\\b${PLAN_EN}\\b.{0,40}\\b(?:punch|slap|kick|smack|thrash|beat|stab|strangle|choke)(?:ing)? (?:that|the|this|him|her|them|you|his|every|those)\\b`),
      /\b(?:drive|ram|plough|plow) (?:my |the |a |our )?(?:\w+ )?(?:straight |right )?(?:through|into) (?:the |their |your )?(?:\w+ ){0,2}(?:doors?|gates?|office|building|crowd)\b|\bram (?:their|the|his|her|your) \w+|\bsmash\w* (?:up )?(?:every|all (?:the|their)|their) (?:\w+ )?(?:windshields?|windscreens?|windows?|cars?|trucks?|glass)\b|\b(?:molotov|petrol bomb|fire bomb)s?\b/,
    ],
    threat: [
      /\b(?:you|they|he|she|his family)(?: will| are going to|ll| shall) (?:all )?(?:regret|pay)\b(?! (?:not|you|me|us|for (?:the|my|our)|back|the|attention))|\bpay in blood\b|\bmark my words\b/,
      /\bthere will be consequences\b|\bdidnt warn you\b|\b(?:dont|do not) say (?:i|we) didnt warn you\b|\b(?:not|never) be safe\b|\brevenge\b|\bwatch (?:his|her|your) back\b|\bdont blame me\b|\bsomething bad will happen\b|\bif someone dies\b/,
      // (Not "I know where the office is".)
      /\bi know (?:where(?! (?:to|the (?:\w+ )?(?:office|bureau|building|hall|court)s?)\b)|which school)\b|\bmake sure (?:that |the )?\w+ never\b|\bpay (?:him|her|them) a visit\b|\bwait and see what\b|\bnever sleeps? in peace\b/,
      // Veiled threats with no violent word.
      /\b(?:wont|will not|isnt going to|is not going to|not going to) end well\b|\byou ?ll be sorry\b|\bwho (?:youre|you are) dealing with\b|\b(?:cant|cannot) hide (?:behind|forever)\b|\bbut not forever\b|\bhide (?:\w+ ){0,6}(?:but )?not forever\b|\bno idea who (?:my \w+ (?:are|is)|i know)\b|\b(?:one day|sooner or later) you ?ll\b/,
      // First person only: "we have your address on the form" is the office talking.
      /\b(?:ive got|i have|i know|i found|i wrote down|ive written down|i noted|ive noted)\b (?:your|his|her|their) (?:home address|(?:wifes|husbands|kids|childs|familys|sons|daughters) (?:\w+ )?(?:address|number|phone|school)|(?:license )?plate(?: number)?|car)\b|\b(?:seen|know|found out) where (?:you|he|she|they) (?:live|lives|park|parks|work|works|sleep|sleeps)\b/,
      /\b(?:you|youd|he|hed|she|shed|they|your \w+)(?: had)? (?:should|better|ought to) (?:be careful|watch out)(?:$| now| from now on)|\b(?:ill|i will) be (?:there|waiting)(?: for (?:you|him|her|them))?$|\bsomething (?:bad |terrible |nasty |awful )?(?:will|might|may|could|is going to) happen to (?:you|him|her|them|his|her|your)\b/,
    ],
    blocking: [
      /\bblock(?:ing)? (?:the |a |any |our )?(?:\w+ ){0,3}(?:road|highway|expressway|gate|doors?|bridge|entrance|exit|tracks|railway|street)\b/,
      /\b(?:lie|lay) (?:down )?on the (?:railway|tracks|road)\b|\bbarricade\b|\bblockade\b|\bshut down the (?:main )?road\b|\bsurround the\b/,
      /\bblock\w* (?:the )?(?:\w+ )?(?:bureau|office|government)\w*(?: s)? door/,
      // Vehicles, rocks, chains and bodies across the way; parking only as a first-person plan
      // ("someone parked across my driveway" is a complaint).
      new RegExp(`\\b(?:${PLAN_EN}|im|i am|were|we are|lets)\\b (?:\\w+ )?(?:park|parking|put|putting|lay|laying|leave|leaving|pile|piling|drag|dragging)\\w* (?:\\w+ ){0,3}(?:across|in the middle of) (?:the )?(?:\\w+ ){0,2}(?:gate|entrance|exit|road|highway|street|door|driveway|bridge)\\b`),
      /\b(?:chain|chaining|weld|welding|padlock|padlocking|nail|nailing)\w* (?:the|their|its|our|his|her|your|that|this) (?:\w+ ){0,2}(?:doors?|gates?|entrance)\b|\block\w* (?:\w+ ){0,3}(?:doors?|gates?) shut\b/,
      /\bstop (?:the|their|any|all) (?:\w+ )?(?:cars?|trains?|trucks?|lorries|buses|vehicles|traffic|excavators|diggers|bulldozers)\b|\b(?:lie|lay|lying|sit|sitting|stand|standing)(?: down)? (?:in front of|under) (?:the |his |her |their |a )?(?:\w+ ){0,3}(?:cars?|trucks?|convoy|bulldozers?|excavators?|vehicles?|motorcade|trains?)\b/,
    ],
    gathering: [
      /\bmeet at the (?:\w+ )?(?:government|city hall|square)\b/,
      // A crowd meeting somewhere and moving on together; a "collective visit".
      /\b(?:everyone|everybody|all of us|workers|villagers|homeowners|owners|people|residents|families)\b.{0,30}\b(?:meet|meets|meeting|gather|gathering|assemble)\w* (?:at|outside|in front of) the (?:\w+ ){0,2}(?:government|city hall|square|gate|bureau|office|plaza)\b(?!.{0,30}\b(?:festival|dance|dancing|party|concert|celebration|fair|market|performance|lawyer|mediation|appointment)\b)|\bmarching\b|\bcollective (?:visit|petition|protest|action)\b|\bthe more (?:people )?the better\b/,
      /\b(?:\d{2,}|dozens?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|all of us|everyone)\b.{0,40}\b(?:go|going|come|coming|head|heading)\b (?:\w+ )?together\b|\bsit (?:there|outside|in front)\b.{0,40}\buntil\b/,
      /\bwhole village\b.{0,30}\b(?:coming|going|go|come|march)\b|\bsit[- ]in\b|\bprotest\b|\bdemonstration\b|\brally\b|\b(?<!(?:since|in|last|this|of|until|from|by|early|late|mid|before|after|next|till|to|and|or|through|during) )march\b(?! \d)|\boccupy\b|\bgather at\b|\bmobili[sz]e\b/,
      new RegExp(`\\b${GROUP_EN}\\b.{0,40}\\b(?:go|going|come|meet)\\b.{0,30}\\b(?:government|city hall|county office|party committee|square)\\b.{0,20}\\b(?:together|demand)`),
      // A number and "together" only with a movement in between ("a hundred households signed together" is a letter).
      new RegExp(`\\b(?:\\d{2,}|hundreds?|fifty|sixty|two hundred|three hundred|three villages|bring everyone)\\b.{0,50}\\b(?:go|going|come|coming|march\\w*|meet|gather\\w*|head\\w*)\\b.{0,30}\\b(?:together|gate|the more the better)\\b`),
    ],
    capital: [
      /\bzhongnanhai\b|\btiananmen\b/,
      new RegExp(`\\b${GROUP_EN}\\b.{0,40}\\b(?:to|in) (?:beijing|the capital)\\b`),
      /\b(?:take|taking|took) (?:it|this|the matter) to (?:beijing|the capital)\b|\bto beijing to (?:petition|complain|protest)\b|\bnational petition office\b|\b(?:ticket|train|flight) to beijing\b/,
      new RegExp(`\\b(?:to|in) (?:beijing|the capital)\\b.{0,30}\\b${GROUP_EN}\\b`),
      // One person is enough: going or taking the case to Beijing / the centre, typos included.
      new RegExp(`\\b(?:go|goes|going|head|heading|way|get|getting|travel\\w*|off)\\b (?:up |straight |directly |all the way )?to ${BEIJING_EN}\\b${ORDINARY_TRIP_EN}`),
      new RegExp(`\\b(?:take|taking|took|bring|bringing)\\b (?:\\w+ ){0,2}(?:all the way )?to (?:${BEIJING_EN}|the central (?:government|authorities|leadership))\\b`),
      /(?<!according |due |thanks |contrary |pursuant )\bto the central (?:government|authorities|leadership|committee)\b|\bpetition\w* (?:the )?central (?:government|authorities|leadership)\b|\bstate bureau for letters and visits\b/,
    ],
  },
};

/** A negation just before a pattern (same clause, a few characters / words). */
export const NEGATION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /(?:不会|不要|不想|不准备|不打算|没打算|没想|绝不|(?<!解)决不|并不|不可能|不是(?:要|去|说)|不能|别(?!想|怪|说我没|找我|后悔)|放心|从没|从来没|没有要|不去)[^，。]{0,6}$|(?<![再要还])不(?:去)?$/u,
  en: /\b(?:not|never|wont|dont|wouldnt|cant|cannot|isnt|arent)\b(?: \w+){0,2} ?$/,
};

/** A negation inside a match that starts with its subject ("我们不会去北京", "we are not going to beijing"). */
export const INNER_NEGATION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /不会|不去|不要|绝不|(?<!解)决不|不打算|不准备|没打算/u,
  en: /\b(?:not|never|wont|dont|wouldnt)\b/,
};

/** A question about what the rules allow, not a plan. */
export const RULES_QUESTION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /违法|犯法|合法|拘留|判刑|处罚|允许|限制|可以吗|可以不|能不能|^能[^，。]{1,16}(?:不|么)[?？]?$|行不行|行不$|行吗|行吧$|中不中|会不会被|会被[^，。]{0,4}(?:抓|拘|关|判|罚)|被抓吗|抓回来|是不是违|违规|合规|合不合|犯不犯|规定|越级|记一笔|有没有影响|会怎(?:么)?样[吗呢？?]?$|算不算|算(?:非法|聚集|闹事|越级|违规)|非法聚集|最多(?:去|能去|来)|注意(?:啥|什么|点啥|些什么)|要注意|^(?:可以|可不可以|能不能|能否|是否可以)|(?:是要|要|需要)先[^，。]{0,8}吗|(?:要|需要)什么(?:手续|材料)|^请问|(?:要)?坐牢吗|判几年|能(?:不能)?带[^，。]{0,6}吗|^(?:想|我想)(?:问一下|咨询一下)|(?:有没有人|谁)能告诉我/u,
  en: /\billegal\b|\blegal\b|\barrested\b|\bdetained\b|\ballowed\b|\blimit\b|\bjust asking\b|\bis it\b|\bagainst the (?:law|rules)\b|^(?:can|could|may) (?:i|we)\b|\bwhat (?:will|would|could) happen\b|\bwhat happens (?:if|to)\b|^what if\b|\b(?:is|would) (?:it|that|this) (?:be )?(?:ok|okay|fine|a crime|compliant|allowed)\b|\bbreaking (?:the )?(?:rules|law|order)\b|\b(?:get|be) (?:us|me)? ?(?:in trouble|punished|locked up|sent back)\b|\bsend us back\b|\bcounts? as\b|\bover-?\s?level\b|\bwatch out for\b|\bis (?:that|it) ok\b|\bok or not\b|\bcompliant\b|\bagainst the rules\b|\bwill (?:police|they|the police) (?:send|catch|arrest|detain)\b|\b(?:police|they) will (?:catch|arrest|detain|send)\b|\bwill (?:i|we) be (?:punished|arrested|detained|caught|sent back|in trouble)\b|^can (?:\d+|all|some|many|a few) of us\b/,
};

/**
 * Harmless mentions that look like a category: someone else's death, fake pesticide that killed
 * the crops, an injury already reported, an animal killed by a neighbour, roads blocked by other
 * people's trucks or sand. In a clause that matches, that category's patterns do not count (and the
 * classifier may not overrule them).
 */
export const DEFUSERS: Readonly<Record<'zh' | 'en', Partial<Record<RiskCategory, RegExp>>>> = {
  zh: {
    // ("又怕你们联系不上我……那就留个电话吧": afraid of not being reached, not of being gone.)
    self_harm: /(?:怕|担心|免得)(?:你们|您们|工作人员)?(?:联系|找)不(?:上|到)(?:我|俺)|(?:喝(?:农)?药|上吊|跳楼|跳河|自杀|轻生)(?:走了|去世|身亡|没了)|(?:有人|有个人|邻居|别人|他家|她家)[^，。要想说准备]{0,4}(?:喝(?:农)?药|上吊|跳楼|跳河|自杀|轻生)了|假农药|农药(?:是假的|是假货|有问题)|卖农药|(?:庄稼|苗|鱼|树|作物|猪|鸡|鸭).{0,4}(?:死|药死)|(?:死之前|临死前|去世前|闭眼前)(?:就|还)?(?:想|要|能)(?:看到|见到|看看|等到|拿到)/u,
    violence: /被[^，。我]{0,6}(?:拿|用)?(?:刀|棍)|被[^，。我]{0,8}(?:打死|砍|捅|划伤|打伤)|(?:狗|猫|鸡|鸭|猪|羊|牛)[^，。]{0,8}(?:打死|毒死|药死)/u,
    // A past or ordinary trip to Beijing (work, study, a doctor) is not a plan to petition there.
    capital: /北京.{0,4}(?:打工|工作|上班|上学|读书|上大学|旅游|看病|治病|出差|开会|探亲)|去过(?:一次|一趟|几次)?(?:北京|首都|京城)|(?:以前|之前|上次|去年|前年)[^，。]{0,3}(?:去|到)过?北京/u,
    // "俺哪知道 你看着办": the choice left to the bureau, not a veiled warning.
    // ("俺孙子放学了俺去接一下": a grandchild, not the insult.)
    // ("11月28号放学坐学校校车，司机急刹车": a child's ride home — not "我知道他孩子每天几点放学坐校车".)
    threat: /(?:我|俺|咱)(?:家|们家)?(?:的)?(?:小)?(?:孙子|孙女|外孙|孙儿)|^(?![^，。]*(?:他|她|知道|晓得|认得|几点))[^，。]*(?:放学(?:坐|乘|搭|回家的路上|的时候坐)|(?:坐|乘|搭)(?:学校(?:的)?)?校车)|(?:孙子|孙女|外孙)(?:放学|上学|读书|念书|生病|住院|上班|结婚|考学|回来|要上|在外)|(?:不知道|哪知道|哪晓得|不清楚|不懂|随便|都行)[^。！!]{0,10}?(?:你|您)们?(?:就)?看着办|(?:算|归)(?:哪|什么|啥)(?:类|一类|个部门)[^。]{0,8}(?:你|您)们?看着办|(?:你|您)们?看着办(?:吧)?[^，。]{0,2}(?:都行|就行|都可以)|拍到|拍下|拍了|违章|肇事|逃逸|倒垃圾|偷倒|排污|(?:被|怕|害怕|担心|会不会|遭到?)[^，。]{0,10}报复|打击报复|报复(?:我|俺|举报人)/u,
    gathering: /(?:开业|促销|广告|婚礼|喜事|店|商场|超市|庆典)[^，。]{0,8}(?:横幅|条幅)|(?:横幅|条幅)[^，。]{0,8}(?:广告|促销|开业|婚礼|庆典)/u,
    // (Land taken by a road or a project: "县里修高速占了俺们的地".)
    // ("让他把堵路的那截墙拆了": what blocks the citizen's way, to be taken down — no blockade.)
    // ("邻居…把我家出门的路都堵窄了": the citizen's own way blocked by someone — done to them, no blockade.)
    // ("他盖了三层楼，把俺家光全挡了": the light a building takes from the citizen's house.)
    // ("那个租客…他才是赖着不走的人": someone else who will not move out — no occupation.)
    blocking: /(?:他|她|他们|她们|租客|房客|租户|对方|那人|那家人)(?:才|就|也|还|一直)?[^，。我俺咱]{0,3}赖(?:着|在(?:我|俺|咱)?(?:们)?(?:家|屋里|房子里|店里)?[^，。我俺咱]{0,8})不(?:走|搬)|赖着不(?:走|搬)的(?:人|租客|房客|那个)|把(?:我们|俺们|咱们|我|俺|咱)(?:家|村)(?:的)?[^，。]{0,8}(?:堵|挡)窄了|(?:我们|俺们|咱们|我|俺|咱)(?:家)?(?:的)?(?:光|阳光|光线|采光|窗户|窗子)(?:全|都|给)?(?:挡|遮|堵)(?:住|死|完)?了?|(?:挡|遮)(?:住|了)*(?:我们|俺们|咱们|我|俺|咱)?(?:家)?(?:的)?(?:光|阳光|光线|采光)|(?:涵洞|水渠|沟渠|排水沟|河道|水沟|渠)[^，。把]{0,4}(?:让|叫|被)[^，。把我俺]{1,8}(?:给)?(?:堵|封)(?:死|住|上)?了|往(?:我们|俺们|咱们|我|俺|咱)(?:家|村)?(?:这边|那边|这头)?占了|占了?(?:快|有|差不多|将近|足足)?[一二两三四五六七八九十半几\d.]+(?:多)?(?:米|尺|亩|分地|平米|平方)|堵(?:着)?(?:路|道|门|出路)的(?:那)?(?:截|堵|道|面|个|些)?(?:墙|石头|土堆|车|栏杆|柴火)|(?:拆|挪|移|搬|清)(?:掉|走|开)?[^，。]{0,4}堵(?:路|道)的|(?:修|建|盖)[^，。]{0,4}(?:高速|公路|铁路|路|桥|厂|楼)[^，。]{0,4}占|占(?:用)?了?(?:我们|俺们|咱们|我|俺|咱)(?:家|村)?的?(?:地|田|耕地|宅基地|房|院子)|(?:天天|每天|经常|总是|老是)[^，。]{0,4}(?:堵|挡|占|锁)|(?:早市|夜市|摊子|摊贩|车辆|乱停)[^，。]{0,6}(?:把|堵|挡|占)|(?<![我俺咱])(?:开发商|物业|银行|法院|他们|老板|村里|镇里|有人|人家|对方|邻居|城管)[^，。]{0,4}把|(?:大妈|大爷|小贩|摊贩|商贩|司机|施工队|工程队|货车|渣土车)[^，。]{0,4}把|(?:树|电线杆|墙|山体|石头|土|广告牌)[^，。]{0,4}(?:倒|塌|滑)[^，。]{0,6}(?:堵|挡|封|拦)|维修[^，。]{0,4}(?:封|堵)|封路(?:施工|维修)|被(?!逼|迫)[^，。我]{0,12}(?:堵|封|挡|拦)|(?<![我俺咱][^，。]{0,10})(?:车辆|大车|货车|卡车|渣土车|拉货的车|泥石流|塌方|落石|沙子|积雪|大雪|倒下的树)[^，。]{0,6}把[^，。]{0,8}(?:堵|封|挡|拦)|堵车|水泄不通|排水沟|下水道|管道|马桶/u,
  },
  en: {
    // ("cancel the staff thing, I don't need them": no person needed, no life given up.)
    self_harm: /\b(?:i )?(?:don'?t|do not|no longer) need (?:them|it|staff|a person|the staff|anyone|a human|the human|help from staff)\b|\bcancel the (?:staff|human|person)\b|\b(?:took|taken) (?:his|her|their) own (?:life|lives)\b|\b(?:killed|hanged) (?:himself|herself|themselves)\b|\b(?:fake|counterfeit) (?:pesticide|pills)\b|\bpesticide (?:\w+ ){0,3}(?:was|is) fake\b|\bbefore (?:he|she) dies\b/,
    violence: /\b(?:was|were|been|got) (?:\w+ )?(?:cut|stabbed|beaten|attacked|hit|injured) (?:with|by)\b|\b(?:dog|cat|pig|cow|sheep|goats?|chickens?)\b.{0,20}\b(?:beaten|killed|poisoned)\b/,
    capital: /\b(?:went|been|was|were) (?:up )?to beijing\b|\b(?:beijing|the capital)\b(?: \w+){0,3} for (?:a |the |my |his |her |our )?(?:trade|fair|holiday|vacation|work|job|business|study|school|college|university|treatment|hospital|doctor|surgery|conference|sightseeing|concert|wedding|graduation|sons?|daughters?)\b/,
    threat: /\b(?:dumping|dumped|hit and run|caught on camera|took (?:a )?photos?\b(?! of (?:his|her|their) (?:\w+ )?(?:kids?|children|sons?|daughters?|wife|husband|family)))\b|\b(?:afraid|scared|worried|fear|frightened)\b[^,.]{0,40}\b(?:retaliat\w*|revenge|punish\w*)|\b(?:will|would|could|can|might) (?:they|he|she|the \w+|my \w+) (?:retaliate|take revenge)\b|\b(?:retaliat\w*|revenge) (?:against|on) (?:me|us)\b|\b(?:revenge|retaliate) (?:me|us)\b/,
    // A clause that only counts who is affected ("many families are affected", "i think about 40 children"): the size of the harm, no crowd brought anywhere.
    gathering: /^(?:(?:many|several|dozens of|hundreds of|lots of|about|around|over|nearly|almost|\d{1,5}) (?:\w+ )?(?:families|households|parents|children|kids|pupils|students|residents|people) (?:are|were|have been|got|is) affected|(?:i think |maybe |probably )?(?:about |around |roughly |nearly |almost |over )?\d{1,5} (?:children|kids|pupils|students))$/,
    // ("You cut off 'Taoyuan town'": words cut from the summary.)
    // ("i went to their office one time but they not let me in": the citizen kept out, no blockade — a clause that
    // also blocks, camps or plans, "they wont let me in so tomorrow we block the gate", is not defused.)
    blocking: /^(?![^,.]{0,160}\b(?:block\w*|barricad\w*|occup\w*|surround\w*|camp\w*|sit|sitting|chain\w*|lie|lying|kneel\w*|tomorrow|tonight|next|going to|until|so we|then we|we will|well|ill|i will)\b)(?:but |and |so |then )?(?:they|he|she|security|the (?:guards?|security|staff|officials?|receptionist|doorman)) (?:did not|didnt|not|never|wouldnt|would not|refused to|wont|will not|dont|do not|does not|doesnt) let (?:me|us) (?:in|inside|enter)\b|\byou (?:cut|left|took) (?:off|out)\b|\bcut off ['"‘“]|\b(?:developer|management|company|they|site|crew|owner|landlord)\b(?: \w+){0,3} (?:locked|blocked|fenced|closed)\b|\bblocked by\b|\b(?:is|was|has been|have been|are|were|keeps? getting) blocked\b|\b(?:trucks?|lorries|vans?|cars?|vehicles?|sand|snow|mud|debris|rocks|landslides?|floods?|traffic|roadworks|stalls?|vendors|trees?|barbecue)\b(?: \w+){0,3} block(?:s|ed|ing)?\b|\b(?:tree|pole|wall) fell\b|\bblock(?:s|ed|ing)? (?:all |most )?(?:of )?(?:our|my) (?:\w+ )?(?:way|path|door|gate|drive\w*|lane|access|entrance|yard|light|sunlight|sun|view|windows?)\b|\b(?:landlord|owner|he|she|they|boss|manager)\b(?: \w+){0,6} lock(?:s|ed|ing)? (?:the|our|my) (?:\w+ )?(?:door|room|house|flat|apartment|shop|gate)\b|\bstop (?:him |her |them )?lock(?:ing)? (?:the|our|my) (?:door|room|house|flat|apartment)\b/,
  },
};
