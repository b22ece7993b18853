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

const GROUP_ZH = '(?:我们|大家|全村|全厂|村里|工友|业主|乡亲|一起|集体|组团|几个|十几|二十|三十|几十|上百|几百|[一二两三四五六七八九十百]+多?[个号名户人]|\\d{2,}多?[个号名户人]|一车)';
const GROUP_EN = '(?:we|us|our|all of us|together|as a group|dozen|dozens|hundreds?|\\d{2,}|twenty|thirty|forty|fifty|sixty|everyone|villagers|families|a bus)';

export const LEXICON: Readonly<Record<'zh' | 'en', Lexicon>> = {
  zh: {
    self_harm: [
      /跳楼|跳河|跳江|跳湖|跳井|楼上跳|楼顶|跳下去|跳下来/u,
      /喝(?:农)?药|农药|安眠药|老鼠药|百草枯/u,
      /上吊|自杀|自焚|轻生|割腕|寻死|寻短见|做傻事/u,
      /不想活|活不下去|活着没意思|没有活路|没活路|不活了|命也不要了|不要命了|遗书|点了自己|烧死自己/u,
      /(?<![急气笑烦累饿热冷吵])去死|一死了之|死了算了|以死|死给.{0,3}看|撞死在|结束(?:自己的)?生命/u,
    ],
    violence: [
      /(?:拿|带|准备好?|磨好?)了?(?:刀|斧头|锄头|铁锹|棍子|汽油)/u,
      /砍(?:了|死|他|她|人)|杀(?:了|死|掉|人)|弄死|打死|捅(?:了|死|他)|宰了/u,
      /炸(?:了|掉|毁)|烧(?:了|掉).{0,6}(?:房|家|楼|车|办公|厂)|放火|点火|泼汽油/u,
      /拼命|同归于尽|血债血还|打断.{0,4}腿|打残|打一顿|揍(?:他|一顿)|开车撞|砸(?:了|烂|掉)/u,
    ],
    threat: [
      /报复|后果自负|出了人命|闹出人命|付出.{0,3}代价|走着瞧|等着瞧|吃不了兜着走|不得安宁/u,
      /闹出大事|别怪我不客气|别怪我|找上门|说到做到|(?:会|让你们|让他)后悔/u,
      /知道.{0,8}(?:住哪|家住|住在|车牌|孩子|学校)|找他(?:的)?(?:孩子|家人|老婆)/u,
    ],
    blocking: [
      /(?:堵|封|拦|挡)(?:了|住|上|死)?.{0,8}(?:国道|公路|高速|马路|路口|大门|门口|厂门|桥|路|门)(?!.{0,2}车)/u,
      /(?:拦|截)(?:了|住)?.{0,6}(?:车|高铁|火车)(?!票)|堵.{1,6}(?:的车|高铁|火车)/u,
      /(?:门口|门|大门|厂门|路|路口|国道|公路)(?:给|都)?(?:堵|封|围)(?:住|上|死|了)/u,
      /卧轨|堵门|围住|围堵|挡死|封了那条路/u,
    ],
    gathering: [
      /静坐|游行|示威|集会|聚集|集合|拉横幅|坐着不走|占领/u,
      new RegExp(`(?:组织|发动|叫上|约好|约了|通知|召集|商量好).{0,16}(?:去|到)`, 'u'),
      new RegExp(`${GROUP_ZH}.{0,10}(?:一起|集体|都)(?:去|到).{0,8}(?:政府|县委|市委|县里|市里|镇上|广场|门口|局)`, 'u'),
      /(?:全村|全厂|所有人|几百|上百).{0,6}(?:去|到).{0,4}(?:政府|县委|市委).{0,6}(?:闹|讨)/u,
      new RegExp(`${GROUP_ZH}.{0,10}(?:集中|聚)(?:到|在).{0,8}(?:政府|县委|市委|广场|门口|局)`, 'u'),
    ],
    capital: [
      /进京|上京|赴京|组团.{0,4}北京|中南海|天安门|国家信访局/u,
      /(?:去|到|上)北京.{0,4}(?:上访|告状?|反映|喊冤|讨说法)|去北京的(?:火车|车|机)票/u,
      new RegExp(`${GROUP_ZH}.{0,16}(?:去|到|上|找)(?:北京|中央|国家信访局)`, 'u'),
      new RegExp(`(?:去|到)北京.{0,8}${GROUP_ZH}`, 'u'),
    ],
  },
  en: {
    self_harm: [
      /\b(?:kill|hang|hurt)(?:ing)? (?:myself|himself|herself|ourselves)\b|\bsuicid/,
      /\bjump (?:off|from|into)\b|\bi will jump\b|\bon the roof\b.*\bjump/,
      /\b(?:drink|take|swallow)\w* (?:\w+ )?(?:pesticide|poison|pills)\b|\bsleeping pills\b/,
      /\bend (?:my|his|her|our) (?:own )?life\b|\bend it all\b|\btake (?:my|his|her) own life\b|\bset (?:myself|himself|herself) on fire\b/,
      /\brather die\b|\bcant go on\b|\bgoodbye (?:everyone|all)\b|\blast message\b|\bjumping (?:off|from|into)\b|\b(?:want|wants|going) to die\b|\bdont want to live\b|\bno point (?:in )?living\b|\bbetter (?:to be|off) dead\b|\bcut (?:my|his|her) wrists?\b|\bthrow (?:myself|himself|herself) (?:into|off)\b/,
    ],
    violence: [
      /\b(?:kill|stab|shoot|murder|strangle) (?:that|the|him|her|them|his|every|you)\b/,
      /\bsmash\w* (?:\w+ ){0,2}(?:windows?|office|doors?|cars?)\b|\b(?:burn|blow) (?:up|down)\b|\bset (?:fire|light) to\b|\bpetrol on\b|\bpour (?:petrol|gasoline)\b/,
      /\b(?:beat|smash|attack|break)\w* (?:up |him |her |them |his |the )?(?:\w+ )?(?:up|crew|guards?|legs|car|half to death|officials?)\b/,
      /\bhave a knife\b|\b(?:knife|axe|shovels?|gun)\b.*\b(?:use it|attack|on (?:him|the))\b|\bfight (?:them|him) to the death\b|\brun (?:them|him) over\b|\bhurt (?:anyone|someone|him|her|them)\b/,
    ],
    threat: [
      /\b(?:you|they|he|she|his family)(?: will| are going to|ll)? (?:all )?(?:regret|pay)\b|\bpay in blood\b|\bmark my words\b/,
      /\bthere will be consequences\b|\bdidnt warn you\b|\b(?:not|never) be safe\b|\brevenge\b|\bwatch (?:his|her|your) back\b|\bdont blame me\b|\bsomething bad will happen\b|\bif someone dies\b/,
      /\bi know (?:where|which school)\b|\bmake sure (?:that |the )?\w+ never\b|\bpay (?:him|her|them) a visit\b|\bwait and see what\b|\bnever sleeps? in peace\b/,
    ],
    blocking: [
      /\bblock(?:ing)? (?:the |a |any |our )?(?:\w+ ){0,3}(?:road|highway|expressway|gate|doors?|bridge|entrance|exit|tracks|railway|street)\b/,
      /\b(?:lie|lay) (?:down )?on the (?:railway|tracks|road)\b|\bbarricade\b|\bblockade\b|\bacross the (?:main )?(?:road|street|gate)\b|\bstop the (?:\w+ )?(?:car|trains?)\b|\bshut down the (?:main )?road\b|\bsurround the\b/,
      /\bblock\w* (?:the )?(?:\w+ )?(?:bureau|office|government)\w*(?: s)? door/,
    ],
    gathering: [
      /\bmeet at the (?:\w+ )?(?:government|city hall|square)\b/,
      /\bwhole village\b.{0,30}\b(?:coming|going|go|come|march)\b|\bsit[- ]in\b|\bprotest\b|\bdemonstration\b|\brally\b|\bmarch\b|\boccupy\b|\bgather at\b|\bmobili[sz]e\b/,
      new RegExp(`\\b${GROUP_EN}\\b.{0,40}\\b(?:go|going|come|meet)\\b.{0,30}\\b(?:government|city hall|county office|party committee|square)\\b.{0,20}\\b(?:together|demand)`),
      new RegExp(`\\b(?:\\d{2,}|hundreds?|fifty|sixty|two hundred|three hundred|three villages|bring everyone)\\b.{0,50}\\b(?:together|gate|the more the better)\\b`),
    ],
    capital: [
      /\bzhongnanhai\b|\btiananmen\b/,
      new RegExp(`\\b${GROUP_EN}\\b.{0,40}\\b(?:to|in) (?:beijing|the capital)\\b`),
      /\b(?:take|taking|took) (?:it|this|the matter) to (?:beijing|the capital)\b|\bto beijing to (?:petition|complain|protest)\b|\bnational petition office\b|\b(?:ticket|train|flight) to beijing\b/,
      new RegExp(`\\b(?:to|in) (?:beijing|the capital)\\b.{0,30}\\b${GROUP_EN}\\b`),
    ],
  },
};

/** A negation just before a pattern (same clause, a few characters / words). */
export const NEGATION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /(?:不会|不要|不想|不准备|不打算|没打算|没想|绝不|(?<!解)决不|并不|不可能|不是要|不能|别|放心|从没|从来没|没有要|不去)[^，。]{0,6}$/u,
  en: /\b(?:not|never|wont|dont|wouldnt|cant|cannot|isnt|arent)\b(?: \w+){0,2} ?$/,
};

/** A negation inside a match that starts with its subject ("我们不会去北京", "we are not going to beijing"). */
export const INNER_NEGATION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /不会|不去|不要|绝不|(?<!解)决不|不打算|不准备|没打算/u,
  en: /\b(?:not|never|wont|dont|wouldnt)\b/,
};

/** A question about what the rules allow, not a plan. */
export const RULES_QUESTION: Readonly<Record<'zh' | 'en', RegExp>> = {
  zh: /违法|犯法|合法|拘留|判刑|处罚|允许|限制|可以吗|行不行|会不会被|是不是违/u,
  en: /\billegal\b|\blegal\b|\barrested\b|\ballowed\b|\blimit\b|\bjust asking\b|\bis it\b/,
};
