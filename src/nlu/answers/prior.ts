/**
 * Where a matter already is, by the words that name a lawful channel: court,
 * arbitration, administrative reconsideration, a closed re-examination, a body
 * handling it now, or an earlier petition. High precision only: the trained
 * reader (intents/answers/priorPetition) decides the rest, and these rules run on
 * whole stories too, where a miss costs only a question.
 */
import { foldDialect } from '../dialect.ts';

export type PriorKind = 'none' | 'earlier_petition' | 'lower_level' | 'litigation' | 'arbitration' | 'reconsideration' | 'recheck_closed';

const NEG = /(?:哪有钱|哪(?:来|有)(?:的)?(?:钱|工夫|时间)|没钱|没有钱|没|没有|未|不|还没|从没|从来没|并没|别|不想|不用|not|never|haven'?t|didn'?t|no|让(?:我|俺|我们)?|叫(?:我|俺|我们)?|说让|建议|可以|能|应该|told (?:me|us) to)\s*(?:(?:有|去|找|向|到|上|打|申请|提起?|走|go to|be in)\s*){0,2}$/i;

const RULES: ReadonlyArray<[PriorKind, RegExp]> = [
  ['recheck_closed', /复核(?:过|了|已|完|结|办结|结论|意见)|已经复核|复查[、，,和及与]?复核(?:都|也)?|复核(?:都|也)(?:走完|做完|办完|结束|完了)|re-?examination (?:was|has been|is) (?:done|closed|finished|decided|over)|after (?:the )?re-?examination|already (?:been )?re-?examined/i],
  ['reconsideration', /行政复议|申请(?:了)?复议|复议(?:申请|决定|还没|中)|在复议|administrative reconsideration|applied for reconsideration|reconsideration (?:application|decision|submitted|filed|is pending)|in reconsideration|reconsid\w* pending/i],
  ['arbitration', /仲裁|arbitrat\w*/i],
  ['litigation', /起诉|告到法院|打官司|官司(?:正在|还在)打|打过官司|正在告|一审|二审|took (?:him|her|them|it|the \w+) to court|filed (?:a )?suit|(?:won|lost) the (?:court )?case|法院(?:已|在|正在|受理|判|立案|开庭)|判决|诉讼|上诉|立了案的?官司|\bsued\b|\bsuing\b|\bsue\b|lawsuit|in court|court case|the court (?:ruled|is)|filed a case (?:in|with) (?:the )?court/i],
];

const LOWER_LEVEL =
  /(?:乡|镇|村|街道|社区|乡镇|县里|部门|单位|局里|派出所|(?:[\u4e00-\u9fff]{1,6}局))(?:里|上|政府|委会)?(?:说)?(?:正在|还在|已经在|在)(?:处理|调查|调解|办理|协调|查|核实|走程序)|(?:being|still being) (?:handled|dealt with|processed|investigated) by|is (?:handling|investigating|dealing with) it/i;
const EARLIER =
  /(?:找|跑|问|去)了(?:好几|几|两|三|多|很多|无数)(?:回|次|趟|遍)|调(?:解)?了(?:一|两|几|好几|多)(?:回|次|趟)|(?:又|也|还|都)(?:去|找)(?:了)?[^，,。.!！?？\s]{0,6}(?:镇政府|乡政府|镇里|乡里|村委会?|信访办|信访局)|\b(?:told us to (?:ask|go to|see|wait)|sent us (?:back )?to|(?:phoned|called|rang|visited|asked|wrote to) (?:the )?(?:township|village|county|civil affairs|labou?r|social security|city management|transport|environment)\b[\w ]{0,20}\b(?:office|bureau|committee|government|station))|(?:村里|村委会?|村干部|镇里|乡里|司法所|调委会|调解委员会|派出所)[^，,。.!！?？]{0,4}调解过|调解(?:过|了)(?:一回|一次|两回|两次|几回|几次|好几次|多次)|\b(?:we|i) (?:told|asked|reported (?:it )?to|complained to) (?:the )?(?:headmaster|principal|village (?:head|committee|chief)|township|committee|police|bureau|office|labou?r bureau)\b|(?:以前|之前|上次|去年|前年|早就|已经|多次|好几次|反复|找|向|到|去|跟|和)[^，,。.!！?？]{0,12}?(?:反映|反应|上访|信访|投诉|举报|告|问|说)过(?!几句|两句|的话)|(?:找过|去过|问过|打过)[^，,。.!！?？]{0,10}?(?:政府|镇里|乡里|村里|村委|信访|热线|12345|部门|局|所|书记|支书|村长|主任|领导|干部)(?:[^，,。.!！?？]{0,6}(?:说过|反映过|问过))?|\b(?:i|we) (?:did |have |had |already )?(?:go|went|gone|been) (?:to )?(?:see )?(?:the )?(?:township|town|village|county|civil affairs|labou?r|social security|human resources|city management|police|environment(?:al)?(?: protection)?|housing|land|education|market regulation|health)\b[\w ]{0,20}?\b(?:office|bureau|committee|government|station|department|authority)\b|(?:petitioned|complained|reported (?:it)?) (?:before|earlier|many times|several times|twice|already)|(?:went|wrote|called|complained|talked) to (?:the|their|his|her) [\w\s]{2,30}(?:before|once|twice|already|several times|many times|\d+ times)/i;

/** A channel that would not take the matter: rejected, refused, 不予受理, 驳回. */
const REFUSED = /^[^。.!！?？]{0,40}?(?:\b(?:rejected|refused|turned (?:it |us |me |him |her )?down|would(?:n'?t| not) (?:take|accept|hear)|did(?:n'?t| not) (?:take|accept)|dismissed)\b|不受理|不予受理|没受理|没有受理|驳回|不给立案|不立案|不收)/i;

/** A lawful channel named as having refused the matter ("仲裁不受理", "arbitration rejected it"): raised before, not there now. */
export function channelRefused(text: string): boolean {
  return RULES.some(([, re]) => [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].some((m) => REFUSED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))));
}

function unnegated(text: string, re: RegExp): boolean {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(g)) {
    // "以前没反映过": the negation inside the words counts as much as one before them.
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    // "Nobody has reported it before": an English negation a few words back.
    const negatedEn = /\b(?:nobody|no one|nothing|never|not|no|hasn'?t|haven'?t|didn'?t)\b[^.,;!?]*$/i.test(before);
    // "打官司俺们打不起", "told us to sue but we can't afford a lawyer": a channel out of reach is not where the matter is.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const outOfReach = /^[^，,。.!！?？]{0,6}(?:打不起|告不起|请不起|没钱|不起)|^[^。.!！?？]{0,8}(?:还没去|没去|还没申请|没申请|还没告|没告|没时间去)|^[^.;!?]{0,30}\b(?:can'?t|cannot|couldn'?t) afford/i.test(after);
    // ("my cousin says for a fine you do administrative reconsideration", "听说可以起诉": advice heard, not where the matter is.)
    const hearsay = /(?:\b(?:says?|said|told me|suggests?|suggested|recommends?|heard)\b|听说|建议|说可以|说要|说得)[^.。!！?？]{0,40}$/i.test(before);
    // ("applied for labour arbitration but they rejected it", "劳动仲裁不受理": refused there, the matter is not in that channel.)
    const refused = REFUSED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (!NEG.test(before.slice(-16)) && !negatedEn && !outOfReach && !hearsay && !refused && !/没|未|从不|\bnever\b|\bnot\b/i.test(m[0])) return true;
  }
  return false;
}

/** A lawful channel the text names (unnegated), strongest first, or null. */
export function priorChannelIn(text: string): PriorKind | null {
  for (const [kind, re] of RULES) if (unnegated(text, re)) return kind;
  return null;
}

/** What a whole story says about earlier handling (channels, handled below, petitioned before), or null. */
/** "这事以前没反映过，头一回", "never reported it before": said in a story, the first time. */
const FIRST_TIME =
  /(?:以前|之前|从来|从前)?(?:都)?(?:没|没有|未|从未|从没)(?:有)?(?:向[^，,。]{0,6}|找[^，,。]{0,6})?(?:反映|反应|上访|信访|投诉|举报)过|头一回(?:反映|来)?|第一次(?:反映|来反映|投诉|上访)|(?:以前|之前|从来)?(?:都)?没(?:有)?找过(?:谁|任何人|任何部门|哪里|哪儿|人|部门)?(?=$|[，,。！!\s])|哪(?:儿|里)?都没(?:去|找|反映)过|^\s*(?:no[,.!]?\s*)?(?:it'?s |this is )?(?:the |my |our )?first time(?: ever)?\s*[.!]?\s*$|\b(?:never (?:went|been|gone) (?:anywhere|to anyone|to any (?:office|department))|haven'?t (?:gone|been) (?:anywhere|to anyone)|(?:this is|it'?s) (?:the|my|our) first time(?: (?:reporting|complaining|asking))?\s*[.!]?$|\bnever (?:went |been |gone )?(?:to|with) (?:the |any )?(?:government|authorities|officials?|offices?|departments?)\b|\bfirst time (?:to|with) (?:the )?(?:government|authorities)\b|never (?:reported|complained|petitioned|raised)|first time (?:we|I) (?:report|complain|raise)|(?:nobody|no one) has (?:reported|complained|raised)|\b(?:we|i) (?:haven'?t|have not|hadn'?t|didn'?t|did not) (?:petitioned|reported|complained|filed|raised (?:it|this))(?: (?:it|this|anything))?(?: anywhere)?(?: before)?\b)/i;

export function priorInStory(text0: string): PriorKind | null {
  const text = foldDialect(text0);
  return (
    priorChannelIn(text) ??
    (channelRefused(text) ? 'earlier_petition' : null) ??
    (unnegated(text, LOWER_LEVEL) ? 'lower_level' : unnegated(text, EARLIER) ? 'earlier_petition' : FIRST_TIME.test(text) ? 'none' : null)
  );
}

/** The sentence of a story that tells of earlier handling ("找过村委会好几次，没人管。"), kept as its detail; the whole text when none alone does. */
export function priorSentence(text: string): string {
  // (Typed with spaces for stops: "喂 有人没 俺是西山乡石门村的 … 找过村里好几回没人管".)
  const sentences = text.split(/(?<=[。！!？?；;\n])|(?<=\.)\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/).map((s) => s.trim()).filter(Boolean);
  // ("First time. Actually wait, I did go to the labour bureau…": the sentence that says what the whole does.)
  const whole = priorInStory(text);
  const same = sentences.findIndex((s) => priorInStory(s) === whole);
  const hit = same >= 0 ? same : sentences.findIndex((s) => priorInStory(s) !== null);
  if (hit < 0) return text;
  if (sentences.length === 1) return clausesOf(text);
  // "去过劳动监察大队。没下文。": a short sentence after it says how it ended.
  const next = sentences[hit + 1];
  return clausesOf(next && next.length <= 12 ? `${sentences[hit]}${next}` : sentences[hit]!);
}

/** How it ended, said right after the earlier handling ("没人管", "推给县里"). */
const OUTCOME = /没人管|没人理|没下文|没用|不管|没结果|没回音|没答复|推给|踢皮球|不了了之/;

/**
 * Of one long sentence typed with commas only ("…我找他说过好几次，他说…，我打过12345也没人管，…"),
 * the clauses that tell of earlier handling and how each ended; the sentence when it is short or none does.
 */
function clausesOf(sentence: string): string {
  if (sentence.length <= 40 || !/\p{Script=Han}/u.test(sentence)) return sentence;
  const clauses = sentence.split(/[，,；;]/).map((c) => c.trim()).filter(Boolean);
  const kept: string[] = [];
  clauses.forEach((c, i) => {
    if (priorInStory(c) === null) return;
    if (!kept.includes(c)) kept.push(c);
    const after = clauses[i + 1];
    if (after && after.length <= 10 && OUTCOME.test(after) && !kept.includes(after)) kept.push(after);
  });
  return kept.length ? kept.join('，') : sentence;
}
