/**
 * Splits a message into the part that answers and the questions asked beside it
 * ("同意。这事归哪个部门管？", "Yes. But I'd prefer to talk to a human"). A clause
 * that only looks like a question ("我不知道选哪个") stays in the answer: the
 * question reader says whether it asks the bot something.
 */
import type { IntentName } from '../../nlu/intents.ts';
import type { Readers } from '../../nlu/nlu.ts';
import { contentSize } from '../forms/intake/text.ts';
import { RECEPTION_ASK } from '../forms/reception/words.ts';

export type QuestionTopic = 'unit' | 'duration' | 'retaliation' | 'anonymous' | 'materials' | 'why' | 'human' | 'cost' | 'travel' | 'bot' | 'readBack' | 'progress' | 'later' | 'reps' | 'visit' | 'scope' | 'lawyer' | 'court' | 'higher' | 'legal' | 'reception' | 'review' | 'kinds' | 'letter' | 'firstLocal' | 'hurry' | 'smallTalk' | 'onBehalf' | 'penalty' | 'another' | 'lostCode' | 'signatures' | 'siteVisit' | 'safety' | 'foreigner' | 'language' | 'official';

export interface Question {
  text: string;
  topic: QuestionTopic | null;
  /** A guide intent when no narrower topic fits (procedure, conduct, rights, help). */
  intent: IntentName | null;
}

export interface Segments {
  /** The message without its questions ('' when it only asks). */
  answer: string;
  questions: Question[];
  /** The citizen asks for a person somewhere in the message. */
  wantsPerson: boolean;
}

const QUESTION_LIKE =
  /[?？]|还是找|该找|找谁|(?:要|用|得|收)(?:交)?(?:钱|费)不\s*$|(?:能|可以|行|中|成|会|用|让)[^，,。\s]{1,8}不\s*$|(?:上|去|到)哪(?![里儿个些])|归谁|谁管|哪个部门|哪个单位|吗|么\s*$|呢\s*$|怎么|怎样|咋|如何|多久|多长时间|多少天|几天|什么时候|啥时候|哪个|哪里|哪儿|哪些|谁|为什么|为啥|干嘛|能不能|可不可以|可以不|会不会|是不是|要不要|有没有|需不需要|用不用|行不行|必须|^\s*(?:how|what|when|where|why|who|which|can|could|will|would|is|are|do|does|did|should|may|must|am)\b|\b(?:to know|wondering|tell me) (?:when|how long|whether|if)\b/i;
/** Asking for a person in so many words. */
const PERSON = /(?<!不|不用|不要|不需要|别|甭|无需)(?:转|转接|要|找)(?:个)?人工|人工(?:客服|服务)|(?:找|要|跟|和|叫|来)(?:个)?真人|(?:叫|找|让)(?:个)?(?:工作人员|管事的)(?:来)?(?:跟|和|给)(?:我|俺)说|真人(?:说|聊|回)|(?:talk|speak|chat) (?:to|with) (?:a |an )?(?:human|real person|person|member of staff|staff|officer|someone real)|(?:real|live) (?:person|human|agent)|transfer me/i;

/** "我要找你们领导", "叫管事的出来", "I want to see your boss": someone in charge asked for now. */
const LEADER_WANTED = /(?:找|叫|让)(?:你们|一下)?(?:的)?(?:值班)?(?:领导|负责人|管事的|当官的)(?!.{0,4}(?:哪天|什么时候|啥时候|接访|接待日))|\b(?:see|talk to|speak (?:to|with)|get me|want) (?:your|the) (?:boss|manager|supervisor|person in charge)\b/i;

/** A person asked for in so many words (not merely a question the intent model heard as one). */
export const asksForPerson = (text: string) => PERSON.test(text) || LEADER_WANTED.test(text);
/** Someone in charge asked for ("找你们领导"): the leaders' reception days are worth a word. */
export const asksForLeader = (text: string) => LEADER_WANTED.test(text);

/** CJK characters count one, Latin words two (as the intake counts a story). */
const storySize = (text: string) => (text.match(/[\u3400-\u9fff]/g)?.length ?? 0) + 2 * (text.match(/[A-Za-z]{2,}/g)?.length ?? 0);

export const isQuestionLike = (text: string) => QUESTION_LIKE.test(text);

const TOPICS: ReadonlySet<string> = new Set(['unit', 'duration', 'retaliation', 'anonymous', 'materials', 'why', 'human', 'cost']);
const GUIDE: ReadonlySet<string> = new Set(['guide_procedure', 'guide_conduct', 'guide_rights', 'help']);
const MIN_TOPIC = 0.55;
const MIN_GUIDE = 0.7;

/** Clauses: sentence ends and commas, and spaces between Chinese words (typed as commas). */
function clauses(text: string): string[] {
  return text
    // ("what the petition procedure is and how long it takes?": two questions in one sentence.)
    .split(/(?<=[。！!？?；;\n])|(?<=[，,])|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])|(?<=[.!?])\s+|\s+(?=and (?:how|what|when|where|who|which|whether)\b)/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** "不给行不行？", "must I?": asking whether the question must be answered. */
const MUST = /不给|不说|不填|不写|不留|不提供|必须|一定要|非得|非要|\bskip\b|have to|must i|need to|required/i;

/** "信访局在哪", "电话多少", "where is your office?": where to come and whom to call. */
const VISIT = /信访局[^，,。？?]{0,4}(?:在哪|在什么地方|地址|咋走|怎么走)|(?:你们|信访局|接待)[^，,。？?]{0,4}(?:在哪|地址|电话(?:是)?多少|电话号码?)|(?:办公|接待)(?:地点|地址|大厅)|电话多少|\bwhere (?:is|are) (?:the|your) (?:office|bureau)\b|\b(?:office|bureau)(?:'s)? (?:address|phone number|location)\b|\b(?:address|phone number|number|location) (?:of|for) (?:the|your) (?:office|bureau)\b|\bhow (?:do|can) i (?:get|come) to (?:the|your) (?:office|bureau)\b|\b(?:go|come|petition|visit|file)\b[^?.]{0,20}\bin person\b|\bwhere is it\b|\bwhen is (?:it|the office|your office) open\b|\b(?:opening|office|reception) hours\b|几点(?:上班|开门|办公)|什么时候(?:上班|开门|办公)|办公时间|接待时间|(?:当面|亲自)(?:去|来)?(?:反映|信访|上访)/i;
/** "这个可以投诉吗", "你们管不管", "can I file a complaint here?": whether the bureau takes such a matter. */
const SCOPE = /归不归(?:你们|这里|这儿|信访局)?管|\bis (?:it|this|that) (?:even )?(?:the )?(?:government'?s|your) (?:job|business|problem|matter)\b|(?:可以|能|能不能|可不可以)(?:来)?(?:信访|上访)(?:吗|么|不|[?？]|$)|\b(?:is|am i in) (?:this|here) (?:even |really )?the right place\b|\bam i (?:even )?in the right place\b|\bright place for (?:this|it|me)\b|\bshould i (?:go to|ask|try) (?:the|another|a different)\b|(?:是不是|是)?(?:找|来)(?:对|错)(?:地方|了地方|门)|(?:县里|这里|你们|信访局)(?:能)?管不(?![了好住])|(?:这边|这儿|这里|你们这|你们)(?:能|可以)?管(?:得了)?[^，,。？?]{0,6}(?:吗|么|不管)|能管不(?![了好住])|(?:这个|这种|这样的|这类)?(?:事|事情)?(?:可以|能)(?:在这)?(?:投诉|反映|找你们|登记|信访|上访)(?:吗|不|么)|(?:你们|信访局)(?:到底)?(?:管不管|管吗|受理吗|受不受理|能管吗|管这)|(?:这种|这类|这样的)(?:事|纠纷)[^，。？?]{0,8}(?:找你们|你们管|归你们)|\b(?:can i (?:file|make|lodge) (?:a )?(?:complaint|petition) (?:here|about this)|can (?:i|we) (?:complain|report (?:this|it)|petition) (?:here|about (?:this|it))|is this the (?:right )?place to (?:complain|report)|do you (?:handle|deal with|take) (?:this|such|these)|is this something you (?:handle|deal with))\b/i;
/** "要不要请律师", "do I need a lawyer?". */
const LAWYER = /(?:要|需要|得|用不用|要不要)(?:请|找)?律师|律师(?:要|得)?(?:请|找)吗|\b(?:need|have to (?:get|hire)|should i (?:get|hire)) a lawyer\b/i;
/** "这事是纪委管还是你们管", "归民政管还是归乡里管", "which department deals with it?": who handles it. */
const UNIT = /\b(?:go|goes|be sent|be handled|belong) (?:to|by) the discipline (?:commission|inspection(?: commission)?)\b|\bdiscipline (?:commission|inspection)\b[^.?]{0,30}\?|管还是[^，,。？?]{0,8}管|归(?:哪|谁|什么)[^，,。？?]{0,4}管|(?:哪个|哪一个|什么)(?:部门|单位|机关)(?:来)?(?:管|负责|处理|办)|纪委(?:到底)?(?:管不管|管吗|管)|转给纪委|(?:谁|哪个部门)(?:来)?(?:管|负责)(?:这|啊|呀|呢|吗|[?？]|$)|\b(?:which|what) (?:department|office|bureau|agency|unit)\b|\bwho (?:actually |really |exactly |then )?(?:handles|deals with|is responsible for|is in charge of)\b|(?:这事|这个|这种事|这件事|那|该|应该|得|要|去)找谁(?:啊|呀|呢|吗|好|去|[?？。]|$)|(?:这|那)?(?:笔)?(?:钱|工钱|工资|补偿款?|赔偿款?|损失)(?:该|应该)?(?:由)?谁(?:来)?(?:给|出|赔|付|还|承担)|\bwho (?:do|should|can|must) (?:i|we) (?:talk|speak|go|turn|complain|write) to\b|\bwho (?:do|should|can) (?:i|we) (?:see|contact|ask)\b|\bwho (?:pays|will pay|should pay|is going to pay)\b/i;
/** "能不能去法院告", "can I sue instead?": whether the court is the way. */
const COURT = /(?:能|可以|能不能|可不可以|该不该|要不要|是不是得?)[^，,。？?]{0,4}(?:去)?(?:法院|起诉|打官司|告他们?)|(?:法院|起诉|打官司)[^，,。？?]{0,4}(?:行不行|可以吗|能行吗|管用吗)|\b(?:can|should|could) (?:i|we) (?:sue|go to court|take (?:them|him|her|it) to court)\b/i;
/** "Will the principal know it is me?", "他会不会知道是我反映的": whether the one reported learns who reported. */
/** "do I need to bring the other villagers to sign anything?", "要不要大家签字按手印": no signatures are needed. */
const SIGNATURES = /\b(?:sign anything|signatures?|sign (?:a|the) (?:petition|form|paper)|(?:need|have) (?:\w+ ){0,6}to sign)\b|签字|签名|按手印|摁手印|联名信/i;

/** "查询码找不到了…用手机号能查吗？", "I lost the query code": following a case without its code. */
const LOST_CODE = /查询码[^，,。？?]{0,6}(?:找不到|丢了|忘了|不记得|没了|弄丢)|(?:用|拿|凭)(?:手机号|电话号?|身份证)(?:码)?(?:能|可以)?查|\b(?:lost|forgot|can'?t find|don'?t have) (?:the |my )?(?:query )?code\b|\bwith my (?:phone|phone number|id)\b[^?]{0,20}\?/i;

const FOUND_OUT = /(?:可|千万)?别让[^，,。\s]{1,6}知道|[^，,。\s]{1,6}(?:会|能)知道(?:是)?(?:我|俺)(?:告|举报|反映)的?(?:不|吗|么)?|知道了没|会不会知道是(?:我|俺)|知道是(?:我|俺)(?:举报|反映|告)的?(?:吗|不)|会不会(?:被)?(?:报复|打击报复|穿小鞋)|\b(?:will|would|could|can) (?:the \w+|my \w+|he|she|they|him|them)\b[^?.]{0,30}\b(?:know|find out|learn|see)\b[^?.]{0,24}\b(?:me|i|who)\b/i;
/** "收这个钱合法吗", "is such a fee legal?": whether what was done is lawful — for the unit in charge to decide. */
const LEGAL = /合法吗|违法吗|合不合法|违不违法|是不是违法|是不是合法|犯法吗|允许吗|让不让收|能这样(?:收|搞|弄)吗|\bis (?:this|it|that|such|this kind of)\b[^?.]{0,40}\b(?:legal|allowed|lawful|illegal|against the (?:law|rules))\b|\bnot allowed\b[^?.]{0,40}\bright\s*\?|\b(?:legal|allowed|lawful) or not\b/i;
/** "能不能去市里上访", "can I go to the city instead?": a trip to a higher level. */
const HIGHER = /(?:去|到|找)(?:市里|市上|省里|省城|北京|上面|上级)[^，,。？?]{0,4}(?:上访|反映|告|找)?[^，,。？?]{0,4}(?:吗|么|行不行|能不能|可以吗|管用)|(?:能不能|可以|能|可不可以)(?:去|到|找)(?:市里|市上|省里|省城|北京|上面|上级)|\b(?:go|complain|petition|appeal) (?:to )?(?:the )?(?:city|province|provincial|beijing|higher level)\b[^.?]{0,20}\?/i;

/** "能写信反映吗", "can I petition by letter?": whether a letter is taken. */
/** "外国人能信访吗", "I'm not Chinese, can foreigners petition?": whether one may petition without being a citizen. */
const FOREIGNER = /(?:外国人|外籍|老外|不是中国人)[^，,。？?]{0,8}(?:能|可以|能不能|可不可以)(?:信访|上访|反映|投诉|登记)|\b(?:can|may|could) (?:a )?foreigners? (?:petition|complain|file|report)|\bforeigners? (?:allowed|able) to (?:petition|complain|file)|\b(?:i'?m|i am) not (?:a )?chinese\b[^?]{0,40}\bcan i\b/i;
/** "还能喝吗", "should we stop drinking the water?": whether something is safe to go on using, now. */
const SAFETY = /(?:还能|能不能|敢不敢|要不要|该不该|还敢|可以)(?:继续)?(?:喝|吃|用|住)(?:吗|么|不|啊|[?？]|$)|(?:水|井水|菜|房子)(?:还)?(?:能|敢)(?:喝|吃|用|住)(?:吗|么|不)?|\b(?:should|do) (?:we|i) (?:stop|keep|still) (?:drinking|using|eating|living)\b|\bis (?:it|the water|the food|the house|the building) (?:still )?safe to (?:drink|eat|use|live|stay)\b|\bsafe to (?:drink|eat|use|live)\b/i;
/** "会有人来现场看吗", "will someone come and look at it?": whether staff come to see the place. */
/** "结账单子要不要交给你们 咋交", "用不用拿过去", "do I need to bring the receipts?": how material is given. */
const MATERIALS_ASK =
  /(?:单子|单据|清单|收据|发票|票据|证据|材料|照片|相片|视频|录音|合同|病历|证明|诊断书|截图)[^，。？?]{0,12}(?:要不要|用不用|需不需要|咋|怎么|能不能|给不给|拿不拿)(?:交|给|拿|送|寄|发|带|上传|补)|(?:要不要|用不用|需不需要)(?:交|给|拿|送|寄|带|发)(?:过去|过来|上去)?|\b(?:do|should|must|can) (?:i|we) (?:need to )?(?:bring|send|upload|submit|hand in|show)\b[^?.]{0,30}\b(?:receipts?|documents?|papers?|photos?|pictures?|videos?|evidence|bills?|records?|certificates?|contracts?)\b/i;
/** "Will the staff call me in English?", "工作人员会说英语吗": the language staff answer in. */
const LANGUAGE = /\b(?:in english|speak english|english[- ]speaking|speaks english)\b[^.]{0,40}\?|\b(?:will|can|could|does|do) (?:the )?(?:staff|someone|anyone|they|you|the officers?)\b[^.?]{0,30}\b(?:english)\b|(?:会|能)(?:说|讲)英(?:语|文)|用英(?:语|文)(?:联系|打电话|回复|答复|沟通)/i;
/** "你们这个真是政府的吗", "is this really the government?": whether the service is the bureau's own. */
const OFFICIAL = /(?:你们|这个|这)[^，,。？?]{0,6}(?:真是|真的是|是不是|到底是不是)(?:政府|信访局|官方|国家)(?:的)?|(?:是不是|别是)(?:骗子|骗人的|诈骗)|\bis this (?:really |actually )?(?:the )?(?:government|official|real bureau|bureau)\b|\bis this a scam\b/i;
const SITE_VISIT = /(?:上门|到(?:俺|我)?家里?来)(?:找|看)?|\b(?:visit|come to) (?:my|her|his|our) (?:mother|father|mum|mom|dad|parents|home|house|door)\b|(?:会|能|能不能|可不可以|可以|有没有)?(?:有人|派人|来人)(?:来|过来|下来|到)?(?:现场|实地|俺家|我家|村里|地里)?(?:看(?:看|一下|一看)?|查看|核实|瞧瞧)|(?:多久|什么时候|啥时候)(?:能|会)?(?:来人|派人)|现场(?:看|查看|核实|核查)|\b(?:will|can|could|would) (?:someone|somebody|anyone|staff|you|they) (?:come|visit|send someone)\b[^.?]{0,30}\b(?:look|see|check|inspect|site|place|house|here)\b|\bsite (?:visit|inspection)\b/i;
const LETTER = /写信|寄信|来信|信件|邮寄|寄(?:材料|过去|给你们)|\b(?:by (?:letter|post|mail)|(?:send|write|post|mail) (?:you |them )?(?:a )?letters?|letters? (?:instead|to you|to the bureau))\b/i;
/** "要先去乡里吗", "do I have to go through the township first?": whether the township comes first. */
const FIRST_LOCAL = /(?:先|得先|要先|必须先)(?:去|到|找|经过|通过|走)?(?:乡里|镇里|乡镇|乡政府|镇政府|村里|村委会?)|(?:乡里|镇里|乡镇|村里)[^，,。？?]{0,6}先(?:去|找|反映|走)|\b(?:go|went|start) (?:through|to|with) (?:the |my )?(?:township|village)(?: government| committee)? first\b|\b(?:township|village) first\b/i;
/** "能快点吗", "can you hurry it up?": asking for speed — the timeline, and whom to ask. */
const HURRY = /(?:能|可以|能不能|可不可以|麻烦|请)?(?:你们)?(?:快点|快一点|快些|加快|抓紧|尽快|加急)(?:办|处理|受理|办理|解决|给(?:个)?(?:答复|说法|结果|回复))?(?:一下)?(?:吗|么|不|呀|啊|吧|呢|[?？。！!，,]|$)|(?:帮(?:我|俺))?催(?:一催|一下|催)(?:他们|承办单位)?(?:吗|么|不|呀|啊|吧|[?？。！!]|$)|等不及|\b(?:hurry (?:it |this |them |things )?up|speed (?:it|this|things|my case) up|expedite (?:it|this|my case)|rush (?:it|this|my case))\b|\b(?:can|could|will) (?:you|they|it|this|my case)(?: be)? (?:go |move |handled |processed |dealt with |done )?(?:any )?(?:faster|sooner|quicker|more quickly)\b/i;
/** "今天真冷，你们那下雪了没", "how are you?": small talk put to us — a short friendly word. */
const SMALL_TALK = /(?:下雪|下雨|下大雪|降温)了(?:没|吗|么|没有)|(?:你们|你那|县城|县里|那边)[^，,。？?]{0,4}(?:冷不冷|热不热|天气(?:怎么样|咋样|好吗))|(?:你|您)(?:吃饭?了(?:吗|没)|好吗|忙吗|累不累)|\b(?:how are you|how'?s (?:the|your) (?:weather|day)|is it (?:cold|snowing|raining) (?:there|where you are|today))\b/i;
/** "什么时候给答复", "I'm dying to know when they will decide": when an answer comes. */
const WHEN = /(?:什么时候|啥时候|多久|几天|哪天)[^，,。？?]{0,10}(?:受理|答复|回复|决定|结果|处理|办|说法|消息|回音|联系)|\bwhen (?:(?:will|do|would|can|does|should) (?:they|you|someone|somebody|anyone|the \w+|it|i|we)|(?:they|you|someone|somebody|the \w+|it|i|we)(?:'ll| will| would| are going to| is going to| can))\b[^?.]{0,30}\b(?:decid\w*|answer\w*|repl\w*|respond\w*|get back|hear|accept\w*|contact\w*|call\w*|let (?:me|us) know|tell (?:me|us))\b/i;

/** "要俺去县里跑吗", "do I have to come in person?": whether they must travel. */
const TRAVEL = /要(?:我|俺)?(?:去|到|跑).{0,8}(?:吗|不|么)|要不要(?:去|跑)|用不用(?:去|跑)|得去.{0,6}吗|(?:do|must|should|will) i (?:need to |have to )?(?:come|go|travel)\b|in person\?/i;

/** "你是真人还是机器啊", "are you a bot?": about us, not a call for a person. */
export const ARE_YOU_BOT = /(?:你|您)是(?:不是)?(?:真人|机器人?|人工智能|ai|电脑|自动)|(?:是|还是)(?:真人|机器人?)(?:吗|啊|呀|呢)?|are you (?:a |an )?(?:bot|robot|human|real person|machine|ai|computer|person)\b|is this (?:a )?(?:bot|robot|real person|human)\b/i;
/** "你刚才都给俺记了些啥 念给俺听听", "what have you got so far?": the draft read back. */
export const READ_BACK = /记了(?:些)?(?:啥|什么|哪些)|记下(?:了)?(?:啥|什么|哪些)|念给.{0,3}听|读给.{0,3}听|(?:说|念)一遍.{0,4}记的|what (?:have you|did you) (?:got|get|note|noted|write|written|record|recorded)|read (?:it|that|them)? ?back|what do you have so far/i;

/** "不满意还能咋办", "Do I have the right to appeal if they say no?": what follows an answer they do not accept. */
const REVIEW = /不满意(?:的话)?(?:怎么办|咋办|咋整|还能|能不能|可以|找谁|去哪)|(?:能|可以|能不能|可不可以)(?:申请)?(?:复查|复核|再审|申诉)|复查|复核|\b(?:appeal|not (?:happy|satisfied) with (?:the|their) (?:answer|reply|decision)|if (?:they|you) (?:say no|refuse|reject)|disagree with (?:the|their) (?:answer|reply|decision))\b/i;

/** "提交完了怎么查进度？", "how do I check on it later?": how to follow the case. */
const PROGRESS = /(?:怎么|咋|如何|在哪|去哪)(?:儿)?(?:查|看|问)(?:进度|结果|办得怎么样)?|查(?:询)?进度|(?:能|可以|能不能)(?:看|查)(?:到|得到)?(?:处理|办理)?(?:记录|进度|结果)|处理记录|办理记录|\bcan i (?:see|get|read) (?:the |my )?(?:record|records|file|progress|case history)\b|(?:how|where) (?:do|can|will|should) i (?:check|follow|track|see|find out)|check (?:on )?(?:the )?(?:progress|status)|track (?:my|the|it)/i;

/** "过两天还能接着登记吗", "can we stop here and I come back later?": whether the draft waits for them. */
const LATER =
  /(?:过两天|过几天|回头|以后|明天|晚点|下次|改天)(?:再)?(?:还)?(?:能|可以)?(?:接着|继续|再)(?:登|弄|办|说|填|来)|(?:(?:刚才|之前)?(?:说的|填的|写的)(?:会不会|能不能)?|会不会|能不能)(?:没了|丢了|还在)|(?:能不能|可不可以|能|可以)(?:先)?(?:存着|存一下|保存|留着)|(?:先)?存着(?:吧|行吗|行不|可以吗)|(?:我|俺)?回来(?:再|接着|继续)(?:说|弄|登记|填)|\b(?:come back|continue|finish|carry on) (?:later|tomorrow|another (?:day|time))|\bstop here and\b|\b(?:save|keep) (?:it|this|my|what)\b|\bwill (?:it|this|what i (?:wrote|said|told you)) (?:be )?(?:kept|saved|lost|still be)\b/i;

/** "你咋不回答我", "you didn't answer me": a reproach that neither asks nor answers anything. */
const REPROACH = /(?:你|您)?(?:咋|怎么|为啥|为什么)(?:还)?不回答(?:我|俺)?(?:的问题|呢|啊|呀)?|(?:你|您)?(?:还)?没回答(?:我|俺)(?:的问题|呢|啊|呀)?|\byou (?:didn'?t|did not|never|still haven'?t) answer(?:ed)?(?: me| my question)?(?: about (?:the |my )?[\w-]+(?: [\w-]+)?)?\b|\bthat'?s not what i (?:asked|meant|said)\b|(?:我)?问的不是这个|(?:我)?不是问(?:这个|你这个)|(?:俺|我)问你话呢|(?:咋|怎么)(?:又)?(?:成|变成|写成|弄成)了[^，,。？?\s]{1,12}?了(?=地点|诉求|名字|电话|事情经过|[，,。\s]|$)/i;

/** Words that lead into a question and say nothing themselves ("Thanks, but", "by the way", "对了", "谢谢"). */
const LEAD_IN = /^(?:(?:thanks?|thank you|many thanks|but|and|also|so|well|by the way|btw|oh|sorry|excuse me|one more (?:thing|question)|对了|还有|另外|那|那个|谢谢(?:你|您)?|多谢|不好意思|麻烦(?:问一下|您)?|顺便问一?下|还想问一?下)[\s,，.。!！:：…-]*)+$/i;

/** Coming back, and asking where the talk was: "回来了", "吃完了", "俺们说到哪了", "你刚才问啥来着 以前反映过没有是吧". */
const BACK_LEAD =
  /^(?:(?:吃完了|忙完了|弄完了|(?:我|俺)?回来了|刚才[^，,。\s]{0,10}(?:来|叫|找)(?:俺|我)?[^，,。\s]{0,6}|(?:俺们|我们|咱们)?(?:刚才)?说到哪(?:了|儿了)?|(?:你)?刚才问(?:啥|的啥|什么)(?:来着)?|刚才问到哪(?:了)?|[^，,。\s]{1,12}没有是吧|ok,? (?:i'?m )?back|(?:i'?m )?back now|sorry,? (?:i'?m )?back|where were we\??)[\s，,。.!！？?]*)+/i;
/** Stepping away at the end of an answer: "… 等一下 俺老伴叫俺吃饭", "… 等等 有人敲门". */
const PAUSE_TAIL =
  /[\s，,。]+(?:等一下|等等|稍等|等会儿?)[\s，,]*(?:(?:俺|我)?(?:老伴|老婆|老公|孩子|儿子|闺女|孙子|媳妇)?(?:叫|喊)(?:俺|我)(?:去)?(?:吃饭|干活|回家)|有人敲门|有人叫(?:俺|我)|来客人了|来人了|(?:我|俺)?(?:先)?接个?电话|电话来了)?[。!！]*$/;

/** A short message that only steps away for a moment: a call, someone at the door. */
export const BRIEF_PAUSE =
  /^(?:(?:等一下|等等|稍等(?:一下)?|等会儿?|等我一下|你等一下|先等等)[，,。.!！\s]*(?:(?:我|俺)?(?:来|有)?(?:个)?电话(?:来)?了|(?:我|俺)?接个?电话|有人(?:来了|敲门|叫我)|(?:我|俺)?(?:去)?开(?:个)?门|(?:孩子|娃|孙子|孙女|儿子|闺女)(?:哭了|醒了|在哭|闹了)|(?:老伴|老婆|老公|媳妇)(?:叫|喊)(?:我|俺))?|(?:我|俺)?(?:来|有)(?:个)?电话(?:了)?|(?:我|俺)?(?:先)?接个?电话(?:去)?|(?:(?:hold on|hang on|wait)(?: a (?:sec(?:ond)?|moment|minute|bit))?|one (?:moment|sec(?:ond)?|minute)|just a (?:moment|sec(?:ond)?|minute)|give me a (?:moment|sec(?:ond)?|minute))(?:[,.!\s]+(?:please|my phone is ringing|(?:i (?:have|need|got) to|let me) (?:take|answer) (?:a|this|the) (?:call|phone)|(?:someone|somebody)(?:'s| is) at the door|(?:someone|somebody) is calling me|give me (?:a (?:few )?|some |one |two |five )?(?:moments?|minutes?|mins?|secs?|seconds?)|(?:i'?ll )?be (?:right )?back(?: soon| in a (?:minute|moment|bit))?|brb|(?:my|the) (?:son|daughter|baby|kid|child|grandson|granddaughter|wife|husband|mother|father|mum|mom|dad) (?:is|'s) (?:crying|calling(?: me)?|awake|here|home)|(?:someone|somebody|the doorbell) (?:is )?(?:ringing|knocking)))*|my phone is ringing|(?:i (?:have|need|got) to|let me) (?:take|answer) (?:a|this|the) (?:call|phone)(?: quickly)?)[。.!！\s]*$/i;

/** Hesitation that only sounds like a question ("这个怎么说呢"). */
const HESITATION = /^(?:这个|那个|嗯)?(?:怎么|咋|怎么样)(?:说|讲)呢[。.…]*$|^(?:well|hmm|let me think)[.…]*$/i;

/** "我谁也不代表", "哪儿都没去过": a question word that means "nobody", "nowhere" — no question. */
const NONE_OF_THEM = /(?:谁|什么|啥|哪(?:儿|里)?|哪个)(?:也|都)(?:不|没)|不(?:是)?(?:代表|替)谁|谁[^，。？?]{0,6}就[^，。？?]{0,6}谁|^补充(?:一下|一句|下|几句)?(?:经过|情况|事情|说明|内容)/;

/** "都有啥类别？", "what kinds are there?": the county's kinds of matter, listed. */
const KINDS = /(?:都)?有(?:啥|什么|哪些|哪几)(?:个)?(?:类别|类|种类)|类别(?:都)?有(?:啥|什么|哪些)|\bwhat (?:kinds|categories|types)(?: of matters?)? (?:are there|do you have|can i choose)\b|\b(?:list|show me) (?:the )?(?:kinds|categories)\b/i;

/**
 * "身份证要填我爸的还是我的？", "替我妈反映可以吗", "do I put my details or my father's?": filing for a relative —
 * whose name, phone and ID the form takes.
 */
const ON_BEHALF =
  /(?:叫|让)?(?:俺|我)(?:家)?(?:闺女|女儿|儿子|孙子|孙女|家里人|老伴|媳妇|儿媳|女婿|外孙)(?:能|可以|来)?(?:替|帮|给)(?:俺|我)(?:弄|填|登|办|反映|写|打字|说)[^，,。]{0,4}(?:不|吗|么|行不|行吗|中不|可以吗|[?？])|(?:填|写|留|给|用)(?:我|俺)(?:爸|妈|爹|娘|父亲|母亲|老伴|爷爷|奶奶|儿子|女儿|闺女|家里人|家人|亲戚)[^，。？?]{0,6}(?:还是|或者)(?:填|写|留|用)?(?:我|俺)(?:自己)?的?|(?:填|写|留|用)(?:我|俺)(?:自己)?的?(?:还是|或者)(?:填|写|留|用)?(?:我|俺)(?:爸|妈|爹|娘|父亲|母亲|老伴|爷爷|奶奶|儿子|女儿|闺女|家里人|家人|亲戚)|(?:我|俺)?(?:能|可以|能不能|可不可以)(?:替|帮|代)(?:我|俺)?(?:爸|妈|爹|娘|父亲|母亲|老伴|爷爷|奶奶|儿子|女儿|闺女|家里人|家人|亲戚|别人|他|她)(?:来)?(?:反映|登记|上访|信访|告|投诉)|(?:替|帮|代)(?:我|俺)?(?:爸|妈|爹|娘|父亲|母亲|老伴|家里人|家人|亲戚|别人|他|她)(?:来)?(?:反映|登记)(?:的话)?[^，。？?]{0,8}(?:填|写|留)(?:谁|哪个)|\b(?:my (?:details|name|number|info|id)|mine)\b[^?.]{0,20}\bor (?:my |his |her )?(?:father|mother|dad|mum|mom|son|daughter|husband|wife|parent|grandfather|grandmother)(?:'s)?\b|\b(?:his|her|my (?:father|mother|dad|mum|mom|son|daughter|husband|wife|parent)'s)\b[^?.]{0,20}\bor (?:my own|mine)\b|\b(?:can|could|may) (?:i|we) (?:file|petition|report|do|write|apply|complain|submit)(?: (?:this|it|the complaint|the petition))? (?:for (?:her|him|them|my |someone|somebody|another)|on (?:her|his|their|my \w+'s|someone'?s) behalf|on behalf of)|\b(?:file|do|write|submit) (?:this|it) (?:for (?:her|him)|on (?:her|his) behalf)\b[^.]{0,20}\?|(?:替|帮|代)(?:我|俺)?(?:爸|妈|爹|娘|父亲|母亲|老伴|爷爷|奶奶|婆婆|公公|儿子|女儿|闺女|家里人|家人|亲戚|他|她|老人)(?:来)?(?:反映|登记|说|写|填|办|申请)[^，。]{0,4}(?:行吗|行不|可以吗|中不|成吗|能行吗|行不行|可不可以|吗|[?？])|\b(?:my own|my) (?:name|details|phone|contact)\b[^?]{0,40}\b(?:writing|filing|reporting|complaining|doing this) (?:for|on behalf of) (?:my )?(?:parents|father|mother|dad|mum|mom|family|grandparents)|\bis it (?:ok|okay|fine|alright|all right) (?:that|if) i (?:give|use|put) my own (?:name|details|phone|contact)|\b(?:since|as|because) i(?:'m| am) (?:writing|filing|doing this|reporting) (?:for|on behalf of) my (?:parents|father|mother|dad|mum|mom|family|grandparents)\b/i;

/** A question said to be beside the point, through its question mark: "Sorry, unrelated, but …?", "顺便问一下，…？". */
const ASIDE =
  /^(?:(?:sorry|excuse me),?\s*)?(?:(?:this is |it'?s )?(?:unrelated|off[- ]topic)|a side question|quick question|by the way|btw|顺便问(?:一下|一句|个事)?|另外问(?:一下|一句)?|插一句|问个别的|先问个别的|跟这事没关系)[^?？.。!！]{0,200}[?？]/i;

/**
 * "can a petition cancel a fine, or do i have to appeal?", "罚款不服能不能撤销": an administrative penalty — its lawful
 * channels are reconsideration and the court, not a petition.
 */
const PENALTY =
  /(?:行政)?复议[^。？?]{0,16}(?:信访|哪个好|更好|还是|好不好|管用)|(?:信访|上访)[^。？?]{0,8}(?:还是|和|跟)(?:行政)?复议|\b(?:administrative )?reconsideration\b[^.?]{0,40}\b(?:or|better|instead|than)\b[^.?]{0,20}\b(?:petition|complain)|\b(?:have to|need to|must|should) (?:i )?pay (?:a |the )?(?:fine|penalty)\b|\bpay (?:a |the )?(?:fine|penalty) (?:first )?(?:to|before|so)\b|(?:要|得|必须|非得)(?:先)?交(?:了)?罚款|(?:罚款|罚单|处罚|罚了(?:我|俺))[^。？?]{0,20}(?:不服|撤销|取消|退|复议|起诉|合法|合理|冤|怎么办|咋办|能不能|管不管|有用|能管)|(?:复议|起诉|撤销|取消)[^。？?]{0,10}(?:罚款|罚单|处罚)|\b(?:fine|fined|penalty|penalt(?:y|ies)|ticket)\b[^.?]{0,60}\b(?:cancel|appeal|reconsideration|challenge|contest|dispute|overturn|legal|lawful|court|sue|instead|what can you|do about|get rid of|revoke|withdraw)|\b(?:cancel|appeal|challenge|contest|overturn|revoke|do about)\b[^.?]{0,40}\b(?:a |the |my |this )?(?:fine|penalty|ticket)\b|\badministrative reconsideration\b/i;

/** "can I also complain here about my mother's pension?", "还有一件事能一起反映吗": a second matter, filed on its own. */
const ANOTHER =
  /\b(?:also|another|separately|second|other)\b[^.?]{0,30}\b(?:complain|file|petition|report|matter|problem|issue|complaint)\b|\b(?:complain|file|report|petition)\b[^.?]{0,30}\b(?:too|as well|separately|also)\b|(?:还|另外|再)(?:有|想)?(?:一件|一个|个)(?:事|问题|事情)[^。？?]{0,10}(?:能|可以|要|怎么)?(?:反映|登记|一起)|(?:再|另外|另)(?:反映|登记)(?:一件|一个|个)|一起(?:反映|登记)(?:吗|行吗|可以吗)/i;

/** The same aside after a sentence of the answer. */
const ASIDE_LATER = new RegExp(`(^[^]*?[.!。！])\\s+(${ASIDE.source.slice(1)})`, 'i');

/** Topics read by their words, before any classifier: about us, the draft, travel, progress, later, representatives. */
function specialTopic(clause: string): Question | null {
  const topic: QuestionTopic | null = ARE_YOU_BOT.test(clause)
    ? 'bot'
    : LOST_CODE.test(clause)
      ? 'lostCode'
    : SIGNATURES.test(clause) && /[?？吗么]|\b(?:do|does|should|must|need)\b|要不要|用不用|需不需要/i.test(clause)
      ? 'signatures'
    : PENALTY.test(clause)
      ? 'penalty'
    : ANOTHER.test(clause) && /[?？]|\bcan i\b|能不能|可以吗|行吗|吗/.test(clause)
      ? 'another'
    : ON_BEHALF.test(clause)
      ? 'onBehalf'
    : READ_BACK.test(clause)
      ? 'readBack'
      : RECEPTION_ASK.test(clause)
      ? 'reception'
      : VISIT.test(clause)
      ? 'visit'
      : SMALL_TALK.test(clause)
      ? 'smallTalk'
      : FOREIGNER.test(clause)
      ? 'foreigner'
      : OFFICIAL.test(clause)
      ? 'official'
      : MATERIALS_ASK.test(clause)
      ? 'materials'
      : LANGUAGE.test(clause)
      ? 'language'
      : SITE_VISIT.test(clause)
      ? 'siteVisit'
      : SAFETY.test(clause)
      ? 'safety'
      : LETTER.test(clause)
      ? 'letter'
      : FIRST_LOCAL.test(clause)
      ? 'firstLocal'
      : FOUND_OUT.test(clause)
      ? 'retaliation'
      : UNIT.test(clause)
      ? 'unit'
      : SCOPE.test(clause)
      ? 'scope'
      : COURT.test(clause)
      ? 'court'
      : LEGAL.test(clause)
      ? 'legal'
      : HIGHER.test(clause)
      ? 'higher'
      : LAWYER.test(clause)
      ? 'lawyer'
      : REVIEW.test(clause)
      ? 'review'
      : HURRY.test(clause)
      ? 'hurry'
      : WHEN.test(clause)
      ? 'duration'
      : TRAVEL.test(clause)
        ? 'travel'
        : PROGRESS.test(clause)
          ? 'progress'
          : LATER.test(clause)
            ? 'later'
            : // "Can I give the other members' names as representatives?", "代表要几个？".
              /\brepresentatives?\b|代表(?:要|能|可以|得|需要|是|怎么|几|多少)|(?:几|多少)个代表|谁(?:来)?当代表/i.test(clause)
              ? 'reps'
              : KINDS.test(clause)
                ? 'kinds'
                : null;
  return topic ? { text: clause, topic, intent: null } : null;
}

/**
 * The reader's topic must be about this office's handling: "when is the county hospital open on Sundays?" is no
 * question of how long a petition takes, nor "what's the weather tomorrow?" one of who handles it.
 */
const TOPIC_WORDS: Readonly<Record<string, RegExp>> = {
  duration: /多久|多长时间|几天|多少天|几个月|期限|(?:什么|啥)时候.{0,8}(?:结果|答复|回复|处理|受理|办|解决|回音|消息|联系|给|能)|要等|等多|how long|how soon|how many days|when (?:will|do|can|would|should) (?:i|we) (?:hear|get|know|receive|expect)|\bwhen will (?:it|this|they|someone|somebody|anyone|the \w+)\b[^?]{0,30}\b(?:handl|process|resolv|sort|answer|decid|fix|done|repl|respond|contact|call|come|get back|hear)/i,
  unit: /部门|单位|机关|管|负责|找谁|哪(?:里|儿)办|窗口|who (?:do|should|can) (?:i|we) (?:talk|speak|go|turn)|which (?:department|office|bureau|unit|agency|authority)|who (?:handles|deals|is responsible|is in charge|will handle|takes care|decides)|in charge|responsible|whose (?:job|business)/i,
  cost: /钱|费|花销|免费|收费|\b(?:free|cost|costs|pay|fee|fees|charge|charges|money|price|expensive)\b/i,
  why: /为什么|为啥|干嘛|干啥用|有啥用|非得|必须|一定要|要不要|用不用|\b(?:why|what for|need|needed|have to|must|necessary|required|compulsory)\b/i,
  materials: /材料|证据|照片|相片|视频|录音|上传|传|发给|复印|单据|合同|document|evidence|photo|picture|video|recording|upload|send|proof|paper|receipt|contract|file/i,
  anonymous: /匿名|名字|姓名|实名|留名|真名|anonym|\bname\b/i,
  // ("再找人来鉴定一下房子还能不能住" asks for an expert, not for a person to talk to.)
  human: /人工|真人|工作人员|客服|领导|干部|管事的|(?:跟|和|给)(?:我|俺)(?:说|聊|讲|谈|回)|\b(?:person|human|staff|agent|officer|someone real|real person|talk to|speak to|speak with)\b/i,
};
const fitsTopic = (label: string, text: string) => TOPIC_WORDS[label]?.test(text) ?? true;

function classify(clause: string, readers: Readers): Question | null {
  if (HESITATION.test(clause.trim())) return null;
  if (NONE_OF_THEM.test(clause) && !/[?？]/.test(clause)) return null;
  // "What happened is wrong.": an English sentence ending in a full stop states, it does not ask.
  if (!/[?？]/.test(clause) && !/\p{Script=Han}/u.test(clause) && /\.\s*$/.test(clause) && !TRAVEL.test(clause)) return null;
  // "俺不是说了桃园乡么": a reproach, no question.
  if (/(?:不是|没)(?:都|早)?(?:说|讲|告诉你|跟你说)(?:了|过)/.test(clause) && !/[?？]\s*$/.test(clause)) return null;
  // "诉求后面那句要多久是我问你的": a line of the summary pointed at, cited, not asked.
  if (/(?:那|这|一)句|几个字|\b(?:that|this|the last|the first) (?:line|sentence|bit)\b/i.test(clause) && !/[?？]\s*$/.test(clause)) return null;
  // "被反映的单位咋没写": a field left out, said as a reproach — a correction, no question.
  if (/(?:咋|怎么|为啥|为什么)(?:没|不)(?:写|记|填|加)(?:上)?/.test(clause) && !/[?？]\s*$/.test(clause)) return null;
  if (ARE_YOU_BOT.test(clause)) return { text: clause, topic: 'bot', intent: null };
  // "你咋不回答我", "you didn't answer me": a reproach; the question beside it is what to answer.
  if (REPROACH.test(clause) && contentSize(clause) <= 10) return null;
  // "社保局？", "the labour bureau?": an answer given unsure, no question.
  if (/^[^\s，,。？?]{2,10}[?？]$/.test(clause.trim()) && /(?:局|所|站|委会|政府|公司|厂|学校|医院|村|镇|乡)[?？]$|\b(?:bureau|office|company|factory|school|hospital|committee)\?$/i.test(clause.trim()) && !QUESTION_LIKE.test(clause.replace(/[?？]$/, ''))) return null;
  if (!QUESTION_LIKE.test(clause) && !FOUND_OUT.test(clause) && !OFFICIAL.test(clause) && !MATERIALS_ASK.test(clause) && !TRAVEL.test(clause) && !READ_BACK.test(clause) && !VISIT.test(clause) && !SCOPE.test(clause) && !LAWYER.test(clause) && !UNIT.test(clause) && !COURT.test(clause) && !HIGHER.test(clause) && !LEGAL.test(clause) && !RECEPTION_ASK.test(clause) && !(REVIEW.test(clause) && /[?？吗]\s*$|怎么办|咋办/.test(clause)) && !KINDS.test(clause) && !WHEN.test(clause) && !LOST_CODE.test(clause) && !(SIGNATURES.test(clause) && /[?？吗么]|要不要|用不用|需不需要/.test(clause)) && !(LATER.test(clause) && /[吗么?？]|不\s*$|能不能|可不可以|会不会|还在不/.test(clause)) && !ON_BEHALF.test(clause) && !(ANOTHER.test(clause) && /\bcan i\b|\bcould i\b|能不能|可以吗|行吗|吗/i.test(clause)) && !(PENALTY.test(clause) && /\badministrative reconsideration\b|复议|\b(?:can|could|should|do|does|is|what|how|whether)\b|能不能|可不可以|怎么|咋|吗|[?？]/i.test(clause))) return null;
  const special = specialTopic(clause);
  if (special) return special;
  // A question mark is a question unless the reader is sure it is not; the topic may then be weaker.
  const marked = /[?？]\s*$/.test(clause);
  // ("…残疾证到期了要换 上哪换": a clause that can only ask, unmarked — asked, never part of an answer.)
  if (!marked && /^(?:那|这个?|俺|我)?(?:该|得|要)?(?:上|去|到)哪(?:儿|里)?(?:换|办|去|找|交|领|问|补办)(?:啊|呀|呢)?\s*$/.test(clause.trim())) return { text: clause, topic: null, intent: null };
  const q = readers.answer('question', clause);
  if (marked && MUST.test(clause) && !(q && q.label !== 'none' && q.label !== 'why' && q.confidence >= 0.7)) return { text: clause, topic: 'why', intent: null };
  // A broad question about rights, conduct or procedure gets the guide, not a narrower answer.
  const broad = readers.intent(clause);
  if (GUIDE.has(broad.name) && broad.confidence >= 0.8 && !(q && q.label !== 'none' && q.confidence >= 0.8)) return { text: clause, topic: null, intent: broad.name };
  // An unsure topic gives way to a guide the intent model is fairly sure of ("上访要注意什么？" is no question of cost).
  if (GUIDE.has(broad.name) && broad.confidence >= 0.5 && q && q.label !== 'none' && q.confidence < 0.6) return { text: clause, topic: null, intent: broad.name };
  if (q && q.label !== 'none' && TOPICS.has(q.label) && q.confidence >= (marked ? 0.35 : MIN_TOPIC) && fitsTopic(q.label, clause)) {
    return { text: clause, topic: q.label as QuestionTopic, intent: null };
  }
  if (q && q.label === 'none' && q.confidence >= (marked ? 0.8 : MIN_TOPIC)) return null;
  const intent = readers.intent(clause);
  if (GUIDE.has(intent.name) && intent.confidence >= MIN_GUIDE) return { text: clause, topic: null, intent: intent.name };
  if (marked && MUST.test(clause)) return { text: clause, topic: 'why', intent: null };
  return marked ? { text: clause, topic: null, intent: null } : null;
}

/** A question closing a story, by its narrow topic only (anonymity, who handles it, how long…), or null. */
export function closingQuestion(sentence: string, readers: Readers): Question | null {
  if (!/[?？]\s*$/.test(sentence)) return null;
  const special = specialTopic(sentence);
  if (special) return special;
  const q = readers.answer('question', sentence);
  if (q && TOPICS.has(q.label) && q.confidence >= 0.5 && fitsTopic(q.label, sentence)) return { text: sentence, topic: q.label as QuestionTopic, intent: null };
  const c = classify(sentence, readers);
  return c?.topic ? c : null;
}

/**
 * The questions a first story ends with, in the order asked: its last clauses while they ask
 * ("…补偿款到现在没给，这事找谁", "…能在这反映吗？能不能不留名", "…and i got nothing. who do i talk to").
 * Only narrow topics count; a clause of the story that merely sounds like one ("村里谁也不管") ends the search.
 */
export function closingQuestions(text: string, readers: Readers): Question[] {
  const parts = clauses(text);
  const out: Question[] = [];
  for (let i = parts.length - 1; i > 0 && out.length < 3; i--) {
    const part = parts[i]!;
    const q = /[?？]\s*$/.test(part) ? closingQuestion(part, readers) : classify(part, readers);
    if (!q?.topic) break;
    out.unshift({ ...q, text: part });
  }
  return out;
}

/** The sentence of `text` that holds the clause found at `at`. */
function sentenceOf(text: string, at: number, clause: string): string {
  if (at < 0) return clause;
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('。', at - 1), text.lastIndexOf('?', at - 1), text.lastIndexOf('？', at - 1), text.lastIndexOf('!', at - 1)) + 1;
  const ends = ['.', '。', '?', '？', '!'].map((c) => text.indexOf(c, at + clause.length - 1)).filter((x) => x >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : text.length);
}

/**
 * `free`: the step takes free text (a story): only a short message can be a
 * question then, so a long story with a "?" in it stays the answer.
 */
export function segment(text0: string, readers: Readers, opts: { free: boolean }): Segments {
  // "吃完了 回来了 你刚才问啥来着 以前反映过没有是吧 找过镇上环保所…", "…就俺一家 等一下 俺老伴叫俺吃饭":
  // words about stepping away and coming back are no part of the answer.
  const stripped = text0.replace(BACK_LEAD, '').replace(PAUSE_TAIL, '').trim();
  if (!stripped && text0.trim()) return { answer: '', questions: [], wantsPerson: false };
  const text = stripped || text0;
  const whole = readers.intent(text);
  // Only a clear call for a person: answers that merely mention one ("大伙让我出面", "someone should check") are answers.
  // ("俩人 听不懂咋的": a reproach that the bot does not understand, no call for a person.)
  const wantsPerson = !ARE_YOU_BOT.test(text) && (PERSON.test(text) || (whole.name === 'handoff_human' && whole.confidence >= 0.7 && text.length <= 12 && !/听不懂|看不懂|不明白|不懂(?:啊|吗|咋的)|\bdon'?t (?:you )?understand\b/i.test(text)));
  // "Sorry, unrelated, but do you know if …? She needs a follow-up.": an aside asked, and a few words about it — no answer.
  // (An aside may follow the answer too: "… Sun Hao 15003918274. Sorry, unrelated - can I also complain …? She's in Taoyuan.")
  const later = ASIDE.exec(text.trim()) ? null : ASIDE_LATER.exec(text.trim());
  if (later) {
    const head = text.trim().slice(0, later.index + later[1]!.length);
    const tail = text.trim().slice(later.index + later[0].length).trim();
    const q = classify(later[2]!, readers) ?? { text: later[2]!.trim(), topic: null, intent: null };
    const inner = segment(head, readers, opts);
    return { answer: contentSize(tail) <= 12 ? inner.answer : `${inner.answer} ${tail}`.trim(), questions: [...inner.questions, q], wantsPerson: inner.wantsPerson || wantsPerson };
  }
  const aside = ASIDE.exec(text.trim());
  if (aside) {
    const rest = text.trim().slice(aside[0].length).trim();
    const q = classify(aside[0], readers) ?? { text: aside[0].trim(), topic: null, intent: null };
    if (contentSize(rest) <= 12) return { answer: '', questions: [q], wantsPerson };
    if (opts.free) return { answer: rest, questions: [q], wantsPerson };
  }
  if (opts.free && storySize(text) > 40) {
    // A long answer keeps its words, but a question closing it is asked ("… Just me. How long will it take?").
    const sentences = text.trim().split(/(?<=[。！!？?；;.])\s+|(?<=[。！!？?；;])/).filter(Boolean);
    const last = sentences.at(-1);
    const q = sentences.length > 1 && last ? closingQuestion(last, readers) : null;
    if (!q) {
      // "…他亲戚起码占了五六个名额 举报完了大概要多久能查": a clause typed after a space, unmarked, that asks a narrow question.
      const tail = /\p{Script=Han}/u.test(text) ? closingQuestions(text, readers).filter((x) => x.topic && x.topic !== 'why' && x.topic !== 'human') : [];
      const first = tail[0];
      if (!first || !/多久|多长时间|几天|什么时候|啥时候|找谁|哪个部门|管还是|归谁|归哪|谁管|管不管|怎么办|咋办|能不能|可不可以|[吗么]\s*[？?]?\s*$/.test(first.text)) {
        // "…全村一百二十来户都没水 这要多久能修好啊 天冷了…": a how-long typed between the clauses of a request is asked too.
        const within = /\p{Script=Han}/u.test(text) ? clauses(text).find((c) => /多久|多长时间|什么时候能|啥时候能|几天能/.test(c) && /[啊呀呢吗么？?]\s*$|能(?:修好|解决|办好|弄好|有结果)/.test(c)) : undefined;
        if (within) return { answer: text.replace(within, ' ').replace(/\s{2,}/g, ' ').trim(), questions: [{ text: within, topic: 'duration', intent: null }], wantsPerson };
        return { answer: text, questions: [], wantsPerson };
      }
      return { answer: text.slice(0, text.lastIndexOf(first.text)).trim(), questions: tail, wantsPerson };
    }
    return { answer: text.slice(0, text.lastIndexOf(last!)).trim(), questions: [q], wantsPerson };
  }
  const parts = clauses(text);
  const questions: Question[] = [];
  // ("事情经过里'能不能不留名'不是事情，去掉", "please delete 'Can I get a phone call …?'": words quoted from the
  // summary are cited, not asked.)
  const quoted = [...text.matchAll(/[“"「『‘'][^”"」』’']{1,200}[”"」』’']/g)].map((m) => [m.index, m.index + m[0].length] as const);
  let from = 0;
  let materialTail = -1;
  parts.forEach((part, i) => {
    const at = text.indexOf(part, from);
    if (at >= 0) from = at + part.length;
    if (at >= 0 && quoted.some(([a, b]) => at < b && a < at + part.length)) return;
    let q = classify(part, readers);
    // ("…can I file my mother's pension problem too, separately?": a word or two after a comma finish the clause before.)
    // ("Shouldn't this go to the discipline commission instead of you, though?": the tail of a question already read is part of it.)
    if (i > 0 && /^[A-Za-z]+(?:\s+[A-Za-z]+)?\s*[?？]$/.test(part.trim()) && questions.at(-1)?.text === parts[i - 1]) return;
    if (i > 0 && /^[A-Za-z]+(?:\s+[A-Za-z]+)?\s*[?？]$/.test(part.trim()) && !questions.some((x) => x.text === parts[i - 1])) {
      const joined = classify(`${parts[i - 1]} ${part}`, readers);
      if (joined?.topic) {
        questions.push({ ...joined, text: `${parts[i - 1]} ${part}` });
        return;
      }
    }
    // "就是怕他回头给我家使绊子，这个你们管不管？": a short question that points back is read with the clause before it.
    if (q && q.topic === null && (q.intent === null || q.intent === 'help') && i > 0 && /^(?:这|那|这个|那个|这事|this|that|it)/i.test(part)) {
      const joined = classify(`${parts[i - 1]}${part}`, readers);
      if (joined?.topic || (joined?.intent && joined.intent !== 'help')) q = { ...joined, text: part };
    }
    if (q) questions.push(q);
    // "Do I need to send photos of the damage? I have about 30 on my phone, and a video …": what is said of the
    // material right after a question about it goes with the question, not into the story.
    else if (i > 0 && questions.at(-1)?.topic === 'materials' && (questions.at(-1)?.text === parts[i - 1] || materialTail === i - 1) && TOPIC_WORDS['materials']!.test(sentenceOf(text, at, part))) {
      questions.push({ ...questions.at(-1)!, text: part });
      materialTail = i;
    }
  });
  // "my cousin says for a fine you do "administrative reconsideration". is that true? should I do that instead?":
  // questions that only point at a penalty spoken of beside them are that question, answered once.
  const HEARSAY = /\b(?:says?|said|told me|heard)\b|听说|说是|说要|说可以/i;
  const penaltySpoken = questions.some((q) => PENALTY.test(q.text)) || text.split(/(?<=[。！!？?；;]|\.)\s*/).some((x) => PENALTY.test(x) && HEARSAY.test(x));
  if (penaltySpoken && questions.some((q) => q.topic === null && (q.intent === null || q.intent === 'help'))) {
    const vague = (q: Question) => q.topic === null && (q.intent === null || q.intent === 'help');
    const first = questions.findIndex(vague);
    const kept = questions.filter((q, i) => i === first || !vague(q));
    questions.splice(0, questions.length, ...kept.map((q) => (vague(q) && !kept.some((k) => k.topic === 'penalty') ? { ...q, topic: 'penalty' as const } : q)).filter((q) => !vague(q)));
  }
  // The answer is the message without its questions, as typed (no spaces added).
  // A phone or ID number typed into the question's clause ("13937608820 - will this number be given
  // to the village?") stays with the answer.
  let rest = text;
  // "另外问下，…？": the words that lead into a question go with it.
  for (const q of questions) {
    // ("找过乡纪委，没结果。对了，这个啥时候能有结果？": "对了" goes with the question too.)
    const lead = new RegExp(`(?:(?:对了|还有|另外|顺便说一下|by the way|oh,? and|also)[，,：:\\s]*)?(?:(?:另外|顺便|还想|我想|想|再)?(?:问(?:一)?下|请问|问一句|问个事)[，,：:\\s]*)?(?=${q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`);
    rest = rest.replace(lead, '');
  }
  for (const q of questions) {
    const kept = readers.entities(q.text).filter((e) => e.type === 'phone' || e.type === 'id_number').map((e) => q.text.slice(e.start, e.end));
    rest = rest.replace(q.text, kept.join(' '));
  }
  // ("…0237. And you didn't answer about the fine.": the word that led into the reproach goes with it.)
  rest = rest.replace(new RegExp(`(?:\\b(?:and|but|also)\\s+)?(?:${REPROACH.source})[.!。！]*`, 'gi'), '').trim();
  // ("that's about your reply, not the fine. my cousin says for a fine you do "administrative reconsideration".":
  // what is said around a question about a penalty belongs to the question.)
  if (questions.some((q) => q.topic === 'penalty')) {
    rest = rest
      .split(/(?<=[。！!；;]|\.)\s+/)
      .filter((x) => !(PENALTY.test(x) && HEARSAY.test(x)) && !/^(?:that'?s|this is|it'?s) about (?:your|the|my)\b/i.test(x.trim()))
      .join(' ')
      .trim();
  }
  // A person wanted in a clause of its own ("…, 转人工") is no answer to the step.
  const personClause = wantsPerson && parts.length > 1 ? parts.find((p) => readers.intent(p).name === 'handoff_human') : undefined;
  // "转人工", "能不能叫个真人跟俺说": the whole message asks for a person — no answer to the step at all.
  // (A short message the model reads as a call for a person, "human", "客服呢": the whole of it.)
  const onlyPerson = wantsPerson && (!PERSON.test(text) || rest.replace(new RegExp(PERSON.source, 'gi'), '').replace(/(?:俺|我)?(?:不会弄|弄不来|搞不懂|不懂这些|不会用|看不懂|整不明白)(?:这个|这些)?/g, '').replace(/[^\p{L}\p{N}]/gu, '').replace(/^(?:我要|俺要|帮我|给我|请|麻烦|能不能|可不可以|你们)?(?:叫个|找个|来个)?(?:跟俺说|跟我说|说说|吧|啊|呀|好吗|行吗|please|cani|canyou|could(?:i|you)|iwant(?:to)?|i?d?like(?:to)?|iwouldlike(?:to)?|letme|now)*$/i, '').length <= 2);
  const cleaned = onlyPerson ? '' : personClause ? rest.replace(personClause, '').trim() : rest;
  // "Thanks, but …?", "by the way, how are you?": words that only lead into the question answer nothing.
  // ("回来了 刚才说的还在不": back from a pause, the words say only that.)
  const back = cleaned.replace(/^(?:(?:我|俺)?回来了|(?:ok,? )?(?:i'?m )?back(?: now| again)?)[\s，,。.!！]*/i, '');
  const answer = questions.length > 0 && (LEAD_IN.test(cleaned) || back === '') ? '' : cleaned.replace(/^[，,。.\s]+|[，,\s]+$/g, '');
  // A person asked for is handed over: the question whether one can be had needs no answer of its own.
  return { answer, questions: wantsPerson ? questions.filter((q) => q.topic !== 'human') : questions, wantsPerson };
}
