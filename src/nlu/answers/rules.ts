/**
 * Words that settle an answer before the classifier is asked: the explicit yes,
 * no, go on, stop, first time, refusal — with their negations first ("不用停" goes
 * on, "不是第一次" is no first time). High precision only; the trained reader
 * decides whatever these do not.
 */
import type { ClassifiedSlot } from './corpus.ts';

type Rules = ReadonlyArray<readonly [RegExp, string]>;

const RULES: Partial<Record<ClassifiedSlot, Rules>> = {
  consent: [
    [/不给.{0,3}保证|不签|\bi (?:won'?t|will not) (?:sign|confirm)\b|\b(?:do not|don'?t) accept\b|^\s*nope\b/i, 'no'],
    [/是哪(?:三|几)个|(?:给(?:我|俺))?念念|where is the text|read it (?:first|before)/i, 'more'],
    [/木看|没看(?!完)|咋看|都有啥|都有什么|全文|原文|全部内容|哪几(?:条|个|样)|都是(?:啥|什么|哪)|具体指|指(?:的是)?(?:啥|什么)|说细点|细点|(?:啥|什么)叫|先了解|\bmore info|complete text|whole text|full text/i, 'more'],
    [/^(?:懂|i agre+d?|agred|agre+)\b|^懂|\bi agre\b|\bagred\b|^(?<!不)知道(?:咧|嘞|啦|哩|了)|^同义|\baccepted\b|\bi confirm\b/i, 'yes'],
    [/(?:先|想)?(?:看看|看一下|详细|具体|解释|说说|讲讲|讲一下).{0,8}(?:规定|程序|内容|条例|再同意|三个明白|复查|复核)|三个明白(?:是|指)|(?:哪|啥|什么)(?:子)?三个明白|什么(?:意思|是三个明白)|还没看完|没看懂|看不(?:懂|明白)|说(?:详细|清楚)点|一条一条|字太多|(?:(?<!for )explain(?!ed|ing)|more detail|details|more information|tell me more|full (?:rules|regulations|text)|detailed regulations|read (?:the )?(?:rules|procedure)|what (?:is|are) (?:this|the three)|what exactly|english version|don'?t (?:fully )?understand|haven'?t finished)/i, 'more'],
    [/不(?:同意|答应|接受|保证|认可)|不敢(?:保证|打包票)?|可不敢|拒绝|没法保证|保证不了|不能保证|凭啥(?:让|要)|我再保证|\b(?:disagree|refuse|won'?t (?:guarantee|agree)|can'?t (?:promise|guarantee|confirm)|not agree|don'?t (?:agree|accept)|dont accept|don'?t want to agree|not agreeing|no way)\b/i, 'no'],
    [/同意|了解|明白|懂了|知道了|晓得|清楚了|属实|真实|是真的|真事|句句是实|实话|假话|不会骗|没毛病|保证|没问题|可以|^(?:好|行|中|嗯|对|是)|不反对|\b(?:yes|agree|understood|understand|ok(?:ay)?|true|sure|fine|got it|i do|truth|accept)\b/i, 'yes'],
  ],
  confirm: [
    [/(?:先别|别急|等等|等一下|wait|hold on)[^。.]{0,30}(?:改|不对|错|fix|change|correct|edit)|(?:还有|有)(?:一)?(?:处|个地方|地方)没改|\b(?:aren'?t|isn'?t|not) complete\b|incomplete|编缉|修该|\bedti\b/i, 'edit'],
    [/不(?:想|要)(?:提交|交|登|弄|反映)|改主意|\bcancle\b/i, 'cancel'],
    [/没(?:有)?(?:说)?错|都对|(?:算了|想想)[^。.]{0,8}(?:交|提交)|不用(?:在|再)改|\bwhatever,? (?:just )?submit|\bsubmit anyway|\bsubmitt\b|提叫|\bsubmit (?:it )?now\b|no need to wait/i, 'yes'],
    [/不(?:取消|撤)|别取消|don'?t cancel|not cancel|never ?mind,? (?:submit|send|file)|没(?:啥|什么|有)(?:要|可|需要)?改|没(?:要|可|需要)改|不用改|不改了|nothing to (?:change|fix|edit)|no need to (?:edit|change)/i, 'yes'],
    [/不(?:提交|交了|登记了|登了|反映了|办了|弄啦|弄了|整了)|别(?:提交|交)|撤销|(?:全部|都|整个)删(?:掉|除)|不要了|决定不|\b(?:don'?t (?:submit|send|file)|do not submit|not filing|delete (?:it|everything)|scrap it|cancel|forget it|changed my mind|decided not|no need to submit|withdraw)\b/i, 'cancel'],
    [/改|不对|错|有误|不一样|弄混|少了|多了|不全|不准|补充|加(?:上|东西)|重新说|等(?:一)?下|\b(?:change|fix|wrong|mistake|typo|edit|modify|not (?:quite )?right|incorrect|mixed up|missing|hold on|wait|off|not what i said|not complete)\b/i, 'edit'],
    [/(?<![别不再先])提交(?!之前|以前|前)|^\s*交|(?:就|那就|就这么|就这样|这样|直接|赶紧|帮我|给我|给俺|麻烦)(?:提)?交|交(?:上|吧|了吧|去吧|上去)[吧啊。.!！\s]*$|确认|确定|没错|都对|对的|正确|就这样|就这么|行了?|可以|没问题|中|^(?:对|是|好|嗯)|\b(?:submit|send|file it|go ahead|correct|right|yes|ok(?:ay)?|fine|good|looks? good|all good|perfect|confirm)\b/i, 'yes'],
  ],
  triage: [
    [/\bactually,? no\b(?![^.]{0,30}\b(?:register|file|continue|go on|anyway|keep)\b)|\bstop\.?\s*$/i, 'stop'],
    [/还是(?!不)(?:给.{0,4})?(?:登|记上|报上)|\banyway\b/i, 'continue'],
    [/走(?:仲裁|法律|诉讼|司法|那个|那条)|(?:那|就)走那|专门的(?:路子|渠道)|come back (?:if|later|when)|\bstopp\b/i, 'stop'],
    [/不(?:登|弄|办|整|反映|记)不行|第一次|头一回|首次|没(?:有)?(?:部门|单位|人)(?:在)?(?:处理|管)|\bfirst time\b|\bno (?:office|one|body|department)\b[^.]{0,20}\b(?:is|has|was)\b|\bnobody (?:is|has)\b|等不起|不能(?:再)?等|不用等|别停|不(?:用|要)停|不到此为止|don'?t stop|keep (?:going|registering)|can'?t wait/i, 'continue'],
    [/不(?:用|要|必)?(?:再)?登(?:记|了|啦)?|别登|不记了|先不|不用了|到此为止|到这(?:吧|儿)?|不(?:办|弄|反映)了|算了|等(?:法院|仲裁|复议|判决|结果|通知|着|他们)|回头(?:找|问)|先问问|\b(?:don'?t register|not register|no need|i'?ll wait|we'?ll wait|wait for|not now|stop here|check with|leave it|that'?s fine)\b/i, 'stop'],
    [/继续|仍然|还是.{0,4}登|登(?:记|上|吧)|记上|整上|给.{0,4}登|等级|\b(?:register|continue|go ahead|proceed|keep going|go on|file it|do it|yes)\b/i, 'continue'],
  ],
  cancelCheck: [
    [/不想停|不撤|还得(?:登|反映|告)|事还得|\bnot giving up\b|\b(?:do not|don'?t) want to stop\b/i, 'continue'],
    [/\b(?:don'?t|do not) want to (?:go on|continue|file|keep going)\b|还是不(?:弄|办|登|反映|整)|不用(?:再)?(?:登|办|弄|反映)|不(?:再)?继续/i, 'cancel'],
    [/不是不|谁说.{0,3}取消|没想(?:要)?取消|(?:咋|怎么|哪)能取消|莫取消|別取消|取消(?:个|个啥|啥|什么)|要登|不是说不|\b(?:never said|didn'?t say|didn'?t ask|no!? i didn'?t)\b|contiune/i, 'continue'],
    [/不(?:是|要)?(?:这个意思|取消|停)|别(?:取消|停)|确定不取消|没说|误会|弄错了|点错|我要提交|继续|接着|还是(?!不).{0,4}(?:登|反映|提交|交|弄|办|整|记|说)|不(?:弄|办|登|整|反映|记|说)不(?:行|中)|(?:弄|办|整)吧|登(?:上|记上|吧)|给.{0,4}登|\b(?:don'?t (?:stop|cancel)|not (?:cancel|stop)|keep going|go on|continue|mistake|didn'?t mean)\b/i, 'continue'],
    [/不(?:登|办|整|弄|反映|要)(?:了|啦)?|取消|算了|停|是的|对|确定|确订|\b(?:yes|stop|cancel|correct|don'?t want to (?:file|go on|continue))\b/i, 'cancel'],
  ],
  priorPetition: [
    // "没有仲裁 也没起诉 就是第一次来": no channel and the first time.
    [/不是(?:第一次|头一回|头一遭)|not (?:the )?first time/i, 'earlier_petition'],
    [/(?:没|没有|也没|\bno\b|haven'?t|didn'?t|never)[^。]{0,48}(?:(?:就|这|都)?是第一次|第一次(?:来|反映|说|登记|找)|头一回|头一遭|\bfirst time\b|\bthis is the first\b)|(?:哪|哪儿|哪里|谁)(?:也|都)(?:木|没)(?:去|找)过|木找过|没(?:去过|找过)(?:别处|别的地方|别人)|没找过别人|^第一回|刚知道|就今天|\bno,? (?:i |we )?didn'?t (?:go|report|complain|tell)(?![^.]*\b(?:but|went|called|wrote|told|asked)\b)|^i haven'?t,? no\b|^no,? (?:i |we )?haven'?t\b/i, 'none'],
    [/一直没(?:信|音|消息|回|结果|动静|人管|下文)|没个准信|提过(?:两|几|好几|三)?(?:回|次|遍)|当面(?:提|说|反映)过|\bnobody (?:tells?|told)\b|\bno one (?:tells?|told)\b|后来(?:就)?(?:再)?没|^(?!.*(?:正在|还在))(?=.*等了(?:一|两|三|半|好几|几)(?:年|个月|月))|每(?:回|次)都说|\bstopped (?:answering|responding|replying)|can'?t help|never got (?:a|any) (?:response|reply|answer)/i, 'earlier_petition'],
    [/刚找过|说这几天|派人来|\bsaid they'?re (?:investigating|looking into|checking)|are investigating|dealing with it|working on it/i, 'lower_level'],
    // Told to go to court, or not in court at all: the lawful channels are not where the matter is.
    [/(?:没|没有|还没|未|不是|并没|没去)(?:有)?(?:去)?(?:在)?(?:法院|起诉|打官司|告|仲裁|复议)|(?:让|叫|说让|建议|可以|能|应该|得)(?:我|俺|我们)?(?:去)?(?:申请)?(?:法院|打官司|起诉|仲裁|复议)(?![^，,。]{0,6}(?:了|过|中|着))|\bnot (?:in|at|to|gone to|going to) (?:court|arbitration)|told (?:me|us) to (?:go to court|sue)|haven'?t (?:sued|gone to court)|didn'?t sue|no (?:court|lawsuit)/i, 'earlier_petition'],
    [/不是(?:第一次|头一回|头一遭)|not (?:the )?first time/i, 'earlier_petition'],
    [/第一次|头一回|头一遭|首次|(?:从来)?没(?:有)?(?:向\S{0,6})?(?:反映|上访|信访|投诉|找|告|报)过|从没|一直忍着|没敢|\b(?:first time|never (?:reported|complained|raised|been)|not yet|nothing before|not before|never before|no(?:,| one)? (?:prior|before|has handled)|haven'?t (?:reported|complained|raised|told) (?:it )?(?:anywhere|anyone|before)|was afraid to)\b/i, 'none'],
    // Raised, then nothing: whatever they said they would do, it is no matter handled now.
    [/没下文|没(?:有)?结果|没人管|没(?:有)?(?:部门|单位)(?:在)?(?:处理|管)|\bno (?:office|one|department|authority) (?:is|has|was) (?:handl|deal|look)\w*|\bnobody (?:is|has) (?:handl|deal)\w*|没人理|没动静|没回音|没音信|不了了之|石沉大海|推来推去|到现在(?:也|还)?(?:没|不|是)|(?:到现在|至今|现在)[^，,。]{0,6}还是|(?:研究|拖|等|推)到(?:现在|今天)|好几(?:回|次)了|(?:跑|找)了(?:好几|无数|多少)(?:回|次|趟)|后来(?:就)?没|就没(?:信|下文|人)|\b(?:nothing (?:happened|came of it|done)|never heard (?:back|anything)|no (?:result|answer|reply|response)|got nowhere|heard nothing|ignored (?:us|me)|brushed (?:us|me) off)\b/i, 'earlier_petition'],
    [/正在|还在(?:办|查|处理|调解|调查)|在(?:办|查|处理|调解|调查)(?:理)?|说(?:在)?(?:查|研究|核实|处理)|让等(?:通知|着)|等(?:通知|结果|着呢)|受理了|立案了|\b(?:in progress|being handled|is (?:checking|reviewing|investigating|handling|mediating)|with the \w+ (?:office|bureau)|waiting for (?:the )?(?:result|answer|decision)|promised an answer|not due yet)\b/i, 'lower_level'],
    [/(?:反映|上访|信访|投诉|举报|找|告|报警|报)过|去过|打过|问过|说过|推来推去|没(?:下文|结果|人管|动静)|\b(?:before|several times|twice|three times|raised|complained|reported|went to|called|emailed|pushed us around|nothing (?:done|happened))\b/i, 'earlier_petition'],
  ],
  idNumber: [
    [/不(?:想|愿|方便|给|提供|说)|保密|免了|算了|跳过|\b(?:rather not|don'?t want|prefer not|no thanks?|pass|none of your business|skip|not comfortable)\b/i, 'refuse'],
    [/不记得|记不住|记不清|忘了|忘记|想不起|\bleft (?:it|my id|my card|the card)\b|in the car\b|不知道|没带|在家|不在身边|丢了|找不到|只记得|\b(?:don'?t (?:remember|know|have)|can'?t (?:remember|recall)|not with me|at home|lost|forgot|only remember)\b/i, 'unknown'],
  ],
  satisfaction: [
    [/\bnot\.?\s*$/i, 'dissatisfied'],
    // Marks: full marks, a pass, a fail ("满分", "及格", "7 out of 10").
    [/不及格|零分|0\s*分|\b(?:[0-3]|zero)\s*(?:out of|\/)\s*10\b|办结个啥|还漏着|没落实(?!.*(?:大部分|一半))|没(?:解决|办成)(?:啥|什么)?/i, 'dissatisfied'],
    [/满分|滿分|一百分|100分|\b(?:10|ten)\s*(?:out of|\/)\s*10\b|full marks|^中[\s，,]*挺中|没啥不(?:满|滿)意|沒啥不滿意|都弄好了/i, 'satisfied'],
    [/及格|六七十分|[6-7]0\s*分|七十分|六十分|\b(?:[5-7]|five|six|seven)\s*(?:out of|\/)\s*10\b|勉强满意|还算可以|還算可以|\bgot most of\b|\bmost of (?:it|them|the \w+) (?:is |was |were |are )?(?:paid|back|solved|fixed|done|returned)\b/i, 'basically_satisfied'],
    [/没什么不满意|没啥不满意|挑不出毛病|不是基本满意|说不满意是假的|\bnot basically\b|\bfully satisfied\b/i, 'satisfied'],
    // Sarcasm and a review asked for: no praise.
    [/呵呵|又推|thanks for nothing|yeah right|want a review|(?<!不用|不需要|不要|无需|没必要)复查|\bdis+ati?sfied\b/i, 'dissatisfied'],
    [/还中|将就|acceptable|basicall?y|\bbasicaly\b/i, 'basically_satisfied'],
    [/\bpleased\b|\bsa?st?isfied\b|\bsatisifed\b/i, 'satisfied'],
    // Half-way said outright before any "不满意" inside it (说不上太满意, 也不算不满意).
    [/说不上太满意|也不算不满意|基本(?:上)?满意|大体(?:上)?满意|\bbasically satisfied\b|\bnot bad\b/i, 'basically_satisfied'],
    // A result with a "but" (钱是给了 但是拖了半年, "fixed, but it took months"): half-way, unless said outright.
    [/^(?!.*(?:不满意|不滿意|not (?:satisfied|happy)|dissatisfied|unsatisfied)).*(?:给了|發了|发了|到了|解决了|办了|修了|补了|退了|拿到了|到账|\b(?:came|paid|fixed|solved|done|sorted|repaired|returned)\b)[^。.]{0,12}(?:但是|可是|不过|就是|只是|\bbut\b|\bthough\b|\balthough\b)/i, 'basically_satisfied'],
    [/^不满(?!意)|不满(?!意)[\s，,。!！]|根本没(?:来|管|人|办|解决|处理)|\bnobody (?:came|showed up)\b/i, 'dissatisfied'],
    [/\b(?:the )?money (?:came|arrived|is in|has come)\b|\bgot (?:the|my|our) money\b|钱(?:都)?(?:到了|到账了|拿到了)/i, 'satisfied'],
    [/不(?:太)?满意|满意不了|满意个|\bnot (?:happy|satisfied|good|great|ok|okay)\b|\bunhappy\b|\bpoor\b|\bbad\b|\bdisappoint\w*|\bworst\b|\bhorrible\b|\bnothing (?:was )?(?:done|solved|fixed)\b|咋满意|怎么满意|满意[？?].{0,4}做梦|做梦|不咋(?:地|样)|跟没(?:答复|说)一样|官话|敷衍|太差|很差|没用|没解决|\b(?:dissatisfied|unsatisfied|not satisfied|terrible|useless|brushed (?:me|us) off|awful|pushed it back|oh sure)\b/i, 'dissatisfied'],
    [/说不上太满意|也不算不满意|基本(?:上)?满意|过得去|还凑合|\bbasically\b|could be better|not bad|\bok(?:ay)?\b|\bfair\b|\bdecent\b|\balright\b|大体(?:上)?满意|还(?:算|行|可以)|差不多|说得过去|凑合|一般|大部分|六七分|马马虎虎|\b(?:mostly|somewhat|fairly|reasonably|more or less|partly|half|so-so|good enough|satisfied-ish|-ish)\b/i, 'basically_satisfied'],
    [/满意|很好|挺好|不错|\b(?:satisfied|happy|great|excellent|very good)\b/i, 'satisfied'],
  ],
};

/** A question's topic by its words; asked only of what reads as a question (statements are left to the classifier). */
const QUESTION_RULES: Rules = [
  // "what is administrative reconsideration?": a word explained by the question asked again, no topic of ours.
  [/^\s*what (?:is|are|does) (?!the (?:time|deadline|cost|fee)|it cost)|什么叫|啥叫|是什么意思|啥意思|\bis (?:it|this|that) (?:legal|allowed|lawful)\b|合法吗|合不合法|犯法吗/i, 'none'],
  [/没(?:什么|啥)(?:要)?问的|没(?:有)?(?:别的)?问题了?$|无所谓|都行|都可以|看着办|(?:为啥|为什么)[？?]?\s*因为|(?:都|全)(?:带着|有|在|准备好)|上次来过|老百姓死活|能不急|不怕|\bno (?:more )?questions?\b|nothing (?:else )?to ask|not afraid|put my name down|as long as it takes|\bi have (?:all|the|them)\b|why would (?:i|we|anyone)|can you believe|who does that|what else could|where'?s the money|how you treat|already told you|不合理！/i, 'none'],
  [/哪个部门|哪个单位|哪个局|谁管|归谁|归哪|谁(?:来|给)?(?:我|俺)?办|谁负责|找谁|which (?:agency|department|office|bureau|unit|authority)|who (?:is responsible|will (?:deal|handle)|gives|decides|handles|is in charge)|police or|who do i [^?]{0,20}talk|in charge/i, 'unit'],
  [/多少钱|收费|收钱|买(?:什么|啥)|be charged|charge me|花钱|花多少|要钱|费用|免费|\bfree\b|\bfees?\b|\bcosts?\b|(?<!in )\bcharges?\b|who pays|pay anything|(?:have|need) to pay/i, 'cost'],
  [/查(?:不|得)?(?:到|出)(?:来)?是(?:我|俺)|(?:举报|材料|名字|信息)[^？?]{0,8}(?:转|给|交)(?:到)?(?:乡|镇|村)|别转给(?:村|乡|镇)|转过去.{0,4}知道|share my (?:phone|number|name|details|information)|报复|穿小鞋|打击|使绊子|找(?:我|俺)(?:的)?麻烦|知道是(?:我|俺)|保密|泄露|secret|confidential|retaliat|punish|fire me|get back at|find out (?:it was|who)|cut (?:her|his|my|our) (?:dibao|allowance|pay|benefit)/i, 'retaliation'],
  [/匿名|名字[^？?]{0,4}不(?:填|写|留)|不填名字|give (?:my|her|his) (?:real )?name|不留(?:姓)?名|不写名|不报名|不说(?:我的)?名字|不(?:留|写|给)(?:电话|手机)|without (?:my|her|his|a|giving (?:my|a)) (?:name|phone)|no name|anonymous|skip my name|not say who i am|don'?t leave (?:a|my) (?:phone|number|name)/i, 'anonymous'],
  [/真人|人工|机器(?:回|人)?|工作人员.{0,6}(?:联系|打电话|来|回|看)|见着个人|有人(?:来|联系|打电话|上门)|(?:跟|和|给)(?:我|俺)联系|联系(?:我|俺)|(?:number|someone) (?:i|we) can call|\bhuman\b|real person|automated|\bbot\b|phone me|call me|contact me|someone (?:come|visit)|who will (?:phone|call|contact)/i, 'human'],
  [/推回|(?:go|goes|sent?) back to the|send [^?]{0,20}back to/i, 'unit'],
  [/多久|多长时间|几天|多少天|啥时候|什么时候|准话|工作日|自然日|deadline|how long|how many (?:days|weeks|months)|\bwhen\b|this week|before (?:the )?(?:spring festival|new year)|working days|calendar days/i, 'duration'],
  [/材料|证据|原件|复印件|照片|视频|\bpapers?\b|带(?:什么|啥|些)|准备(?:些)?(?:啥|什么)|算不算数|欠条|originals?|copies|evidence|documents?|photos?|\bbring\b/i, 'materials'],
  [/为什么|为啥|干啥用|做啥用|干嘛|有啥用|必须|非得|一定要|不填|空着|不回答|不答|先不回答|以后再补|mandatory|compulsory|must i|have to|required|leave (?:this|it) blank|\bskip\b|\bwhy\b/i, 'why'],
];
const QUESTION_FORM =
  /[?？]|吗|么|呢|啥|什么|多少|几|谁|哪|咋|怎么|要[^，,。]{0,6}还是|是[^，,。]{0,8}还是|能不能|会不会|是不是|要不要|可不可以|可以不|有没有|算不算|行不行|用不用|需不需要|^\s*(?:how|what|when|where|why|who|which|can|could|will|would|is|are|do|does|did|should|may|must|am|any)\b/i;

/** The label these words settle, or null. */
export function ruleAnswer(slot: ClassifiedSlot, text: string): string | null {
  if (slot === 'question') {
    const hit = QUESTION_RULES.find(([re]) => re.test(text))?.[1] ?? null;
    return hit === 'none' || QUESTION_FORM.test(text) ? hit : null;
  }
  for (const [re, label] of RULES[slot] ?? []) if (re.test(text)) return label;
  return null;
}
