/**
 * The one loop every form runs on. A message is read for the step being asked,
 * for corrections of what was said before and for every other slot; a question
 * beside the answer is answered; then the first step still due is asked — never
 * a third time in a row: the third time the step gives up (keeps the citizen's
 * words, skips, or hands over to a person) and the form moves on. A draft ends
 * only on submission or on a cancel the citizen confirmed.
 */
import { POINTS_BACK, SAID_BEFORE_TAIL, SAID_BEFORE_WORDS } from './said-before.ts';
import { t } from '../catalog/catalog.ts';
import { answerQuestions } from '../faq.ts';
import { requestHandoff } from '../handoff.ts';
import { button, result, say } from '../replies.ts';
import type { ConversationState, Effect, Reply, TurnContext, TurnResult, FormState, Expecting } from '../types.ts';
import { besideCorrections, clausesBesideCorrections, findCorrections, unchangedFields } from './corrections.ts';
import { bareYes, contentSize } from '../forms/intake/text.ts';
import { BRIEF_PAUSE, closingQuestion, closingQuestions, segment, type Question } from './segment.ts';
import { CANCEL_CHECK, CONFIRM, type FormContext, type FormSpec, type GiveUp, type Reading, type Step, type Words } from './spec.ts';

type Why = 'answered' | 'failed' | 'other';

export const topForm = (state: ConversationState): FormState | null => state.forms.at(-1) ?? null;

const withTop = (state: ConversationState, form: FormState): ConversationState => ({ ...state, forms: [...state.forms.slice(0, -1), form] });

const formCtx = (state: ConversationState, ctx: TurnContext): FormContext => ({ ...ctx, locale: state.locale, state });

export const stepOf = (spec: FormSpec, name: string | null): Step | undefined => spec.steps.find((s) => s.name === name);

/** `expecting` of the form on top: its step's, `confirm` on the summary and the cancel question. */
export function expectingOfForm(spec: FormSpec, form: FormState): Expecting | null {
  if (form.asking === CONFIRM || form.asking === CANCEL_CHECK) return 'confirm';
  return stepOf(spec, form.asking)?.expecting ?? null;
}

export function write(step: Step, form: FormState, value: unknown, ctx: FormContext): FormState {
  return step.apply ? step.apply(form, value, ctx) : { ...form, slots: { ...form.slots, [step.name]: value } };
}

function nextStep(spec: FormSpec, form: FormState, ctx: FormContext): string | null {
  const due = spec.steps.find((s) => s.due(form, ctx));
  if (due) return due.name;
  return spec.summary ? CONFIRM : null;
}

/** A new form on top of the others, its intro and first question. */
export function startForm(state0: ConversationState, spec: FormSpec, form: FormState, ctx: TurnContext, replies: Reply[] = [], words?: Words): TurnResult {
  const state = { ...state0, misunderstood: 0, forms: [...state0.forms, form] };
  const fctx = formCtx(state, ctx);
  let f = form;
  const out = [...replies];
  if (words?.text) {
    const mined = applyMined(spec, f, words, fctx, null);
    f = mined.form;
    if (describe(spec, f, mined.noted, fctx) !== '') out.push(notedReply(spec, f, mined.noted, fctx));
    const closing = closingAnswers(words.text, state, spec, f, fctx);
    f = closing.form;
    out.push(...closing.replies);
  }
  out.push(...(spec.intro?.(f, fctx) ?? []));
  return advance(withTop(state, f), spec, f, fctx, out, 'answered', '');
}

/**
 * The questions closing a first story ("…补偿款到现在没给，这事找谁", "…这个能在这反映吗？能不能不留名",
 * "…Can I stay anonymous if I complain about the hospital?"): answered, and taken out of the story.
 */
function closingAnswers(text: string, state: ConversationState, spec: FormSpec, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } {
  let f = form;
  const asked = closingQuestions(text, ctx.readers);
  if (asked.length === 0) {
    const one = lastAsked(text, ctx);
    if (one) asked.push(one);
  }
  if (asked.length === 0) return { form, replies: [] };
  const replies = answerQuestions(asked, state, spec, f, ctx);
  // The questions answered are no part of the story ("…Will my principal find out that I complained?").
  for (const q of asked) {
    const told = f.slots['facts'];
    const said = q.text.replace(/[？?，,]+$/, '');
    if (typeof told !== 'string' || !told.includes(said)) continue;
    const before = told.slice(0, told.lastIndexOf(said)).replace(/[\s，,。.]+$/, '');
    const after = told.slice(told.lastIndexOf(said) + said.length).replace(/^[？?，,\s]+/, '');
    const rest = after ? `${before}${ctx.locale === 'zh' ? '，' : '. '}${after}` : before;
    if (contentSize(rest) >= 10) f = { ...f, slots: { ...f.slots, facts: rest.trim() } };
  }
  return { form: f, replies };
}

/** A question asked before the story's last words ("…每家收两千，能匿名不？俺怕他报复"), or one closing it without a mark. */
function lastAsked(text: string, ctx: FormContext): Question | null {
  const sentences = text.trim().split(/(?<=[。.!！?？])\s*/).filter(Boolean);
  // The last sentence that asks: "…收钱，能不能不留名字？怕被报复" asks in its first sentence's last clause.
  const asking = [...sentences].reverse().find((x) => /[?？]\s*$/.test(x));
  const clauses = asking ? asking.split(/(?<=[，,])\s*/).filter(Boolean) : [];
  // "…我要是举报了他会不会知道是我": a closing clause that asks by its words, without a question mark.
  const tail = asking ? undefined : text.trim().split(/[，,。\s]+/).filter(Boolean);
  const unmarked = tail && tail.length > 1 && /(?:会不会|能不能|可不可以|是不是|有没有|要不要)[^，。\s]{0,12}$|[吗么]$|(?:上|去|到)哪(?:儿|里)?(?:换|办|去|找|交|领|问|说)$|(?:该|得|要)?找谁$|(?:该|那)?(?:咋办|怎么办)(?:啊|呀)?$|^(?:这个|这种事)?(?:能|可以)[^，。\s]{1,8}不$/.test(tail.at(-1)!) ? `${tail.at(-1)!}？` : undefined;
  const last = unmarked ?? (asking === sentences[0] ? (clauses.length > 1 ? clauses.at(-1) : undefined) : asking);
  const q = last ? closingQuestion(last, ctx.readers) : null;
  return q ? { ...q, text: last! } : null;
}

function applyMined(spec: FormSpec, form: FormState, words: Words, ctx: FormContext, asking: string | null): { form: FormState; noted: Step[]; replies: Reply[] } {
  const mined = spec.mine(words, form, ctx, asking);
  let f = form;
  const noted: Step[] = [];
  for (const [name, value] of Object.entries(mined.replaced ?? {})) {
    const step = stepOf(spec, name);
    // (A value declined before and given now is written as its step writes an answer.)
    f = step && f.slots[name] === null ? write(step, f, value, ctx) : { ...f, slots: { ...f.slots, [name]: value } };
    // A value replaced is said back too (not the story joined to the facts: that is said as more of the story).
    // (Whom, a short free field, is said back like a value: "交警大队城关中队".)
    if (step?.field && (!step.free || step.field.joins) && step.field.show(f, ctx).trim() !== '') noted.push(step);
  }
  for (const [name, value] of Object.entries(mined.values)) {
    const step = stepOf(spec, name);
    if (value === undefined || name === asking) continue;
    if (step) {
      if (f.slots[name] !== undefined) continue;
      f = write(step, f, value, ctx);
      if (step.field && step.field.show(f, ctx).trim() !== '') noted.push(step);
    } else if (f.slots[name] === undefined) {
      f = { ...f, slots: { ...f.slots, [name]: value } };
    }
  }
  return { form: f, noted, replies: mined.replies ?? [] };
}

/** A value in a sentence of ours: no full stop of its own, a long story shortened. */
const clip = (v: string) => {
  const bare = v.replace(/[。.!！]+$/, '');
  return bare.length > 80 ? `${bare.slice(0, 78)}…` : bare;
};

function describe(spec: FormSpec, form: FormState, steps: readonly Step[], ctx: FormContext): string {
  return steps
    .filter((s) => s.field && !s.field.hidden?.(form, ctx) && s.field.show(form, ctx).trim() !== '')
    .map((s) => `${t(ctx.locale, s.field!.label)} ${clip(s.field!.show(form, ctx))}`)
    .join(ctx.locale === 'zh' ? '；' : '; ');
}

const notedReply = (spec: FormSpec, form: FormState, steps: readonly Step[], ctx: FormContext) =>
  say(ctx.locale, 'formNoted', { fields: describe(spec, form, steps, ctx) });

/** The summary of a form with a confirmation step. */
export function summaryReply(spec: FormSpec, form: FormState, ctx: FormContext, again: boolean): Reply {
  const l = ctx.locale;
  const buttons = [button(l, spec.summary!.submitLabel, 'confirm:yes'), button(l, 'confirmEdit', 'confirm:edit'), button(l, 'btnCancel', 'cmd:cancel')];
  if (again) return say(l, 'confirmAgain', undefined, buttons);
  const lines = spec.steps
    .filter((s) => s.field && !s.field.hidden?.(form, ctx))
    .map((s) => `${t(l, s.field!.label)}${l === 'zh' ? '：' : ': '}${s.field!.show(form, ctx)}`);
  const footnote = spec.summary!.footnote?.(form, ctx);
  return { text: `${t(l, spec.summary!.title)}\n${lines.join('\n')}\n${footnote ? `${footnote}\n` : ''}${t(l, spec.summary!.ask)}`, buttons };
}

function question(spec: FormSpec, form: FormState, name: string, ctx: FormContext, again: boolean, first = false): Reply[] {
  if (name === CONFIRM) {
    const preface = again || !first ? null : (spec.summary?.preface?.(form, ctx) ?? null);
    return preface ? [preface, summaryReply(spec, form, ctx, again)] : [summaryReply(spec, form, ctx, again)];
  }
  return stepOf(spec, name)!.ask(form, ctx, again);
}

/**
 * Asks the next step that is due (or submits). Counts asks in a row; at the
 * third the step gives up instead of asking again.
 */
/**
 * The words a step may keep as they were said: never a phone or ID number (they were read
 * as such, and a place or a request must not carry them), nor a message that held nothing else.
 */
function ownWords(words: string): string {
  const rest = words
    .replace(/(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,}[\s-]?[\dXx]?/g, ' ')
    .replace(/(?:我的?|俺的?)?(?:电话|手机|联系方式|身份证号?码?|证件号码?|护照号?码?)(?:号码?)?(?:是|为)?[:：]?|\b(?:my )?(?:phone|mobile|number|id(?: number| card)?|passport)(?: number)?(?: is)?:?/gi, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return /[\p{L}]{2,}/u.test(rest.replace(/[^\p{L}]/gu, '')) && rest.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 ? rest : '';
}

export function advance(state: ConversationState, spec: FormSpec, form0: FormState, ctx: FormContext, replies0: Reply[], why0: Why, words: string, effects0: Effect[] = []): TurnResult {
  let form = form0;
  let why = why0;
  // The same words twice in one answer (a warning said by two readers) are said once.
  const replies = replies0.filter((r, i) => replies0.findIndex((x) => x.text === r.text) === i);
  const effects = [...effects0];
  for (let guard = 0; guard < spec.steps.length + 2; guard++) {
    const next = nextStep(spec, form, ctx);
    if (next === null) {
      const submit = spec.submit(form, ctx);
      const settled = { ...form, asking: null, asks: 0 };
      return result(withTop(state, settled), replies, submit ? [...effects, submit] : effects);
    }
    const same = next === form.asking;
    const asks = same ? form.asks + 1 : 1;
    const fails = (same ? (form.fails ?? 0) : 0) + (why === 'failed' ? 1 : 0);
    if (why === 'failed' && fails >= 2) {
      // Two answers that could not be read: no third time; the step keeps the words, skips, or hands over.
      const g = next === CONFIRM ? confirmGiveUp(form, ctx) : stepOf(spec, next)!.giveUp(form, ownWords(words), ctx);
      replies.push(...g.replies);
      effects.push(...(g.effects ?? []));
      if (g.end) return result({ ...state, forms: state.forms.slice(0, -1) }, replies, effects);
      form = { ...g.form, asking: next, asks: next === CONFIRM ? 0 : asks, fails: 0 };
      if (next === CONFIRM) return result(withTop(state, form), replies, effects);
      why = 'answered';
      continue;
    }
    if (asks >= 3 && why !== 'failed') {
      // Questions and remarks in between: the question is not put a third time; the draft waits.
      const label = next === CONFIRM ? 'confirmYes' : stepOf(spec, next)?.field?.label;
      return result(withTop(state, { ...form, fails }), [...replies, label ? say(ctx.locale, 'formHoldField', { field: t(ctx.locale, label) }) : say(ctx.locale, 'formHold')], effects);
    }
    // Which steps were put to the citizen (a step may depend on it: the ID number offered with the contact question).
    const first = !form.meta[`asked.${next}`];
    form = { ...form, asking: next, asks, fails, meta: first ? { ...form.meta, [`asked.${next}`]: true } : form.meta };
    return result(withTop(state, form), [...replies, ...question(spec, form, next, ctx, why === 'failed', first)], effects);
  }
  throw new Error(`form ${spec.name}: no step settles`);
}

function confirmGiveUp(form: FormState, ctx: FormContext): GiveUp {
  const l = ctx.locale;
  return { form, replies: [say(l, 'confirmHelp', undefined, [button(l, 'confirmYes', 'confirm:yes'), button(l, 'confirmEdit', 'confirm:edit'), button(l, 'btnHuman', 'cmd:human')])] };
}

/** The open question again after the engine answered something else (a digression). */
export function formReprompt(state: ConversationState, spec: FormSpec, ctx: TurnContext, lead = true): TurnResult {
  const form = topForm(state)!;
  const fctx = formCtx(state, ctx);
  const back = lead && spec.back ? [say(state.locale, spec.back)] : [];
  if (form.asking === CANCEL_CHECK) return result(state, [...back, cancelQuestion(state.locale)]);
  return advance(state, spec, form, fctx, back, 'other', '');
}

// ---- cancel -------------------------------------------------------------

function cancelQuestion(l: FormContext['locale']): Reply {
  return say(l, 'cancelCheckAsk', undefined, [button(l, 'cancelCheckStop', 'cancel:yes'), button(l, 'cancelCheckGoOn', 'cancel:no')]);
}

/** A wish to stop: drafts ask first; small forms just stop. */
export function askCancel(state: ConversationState, spec: FormSpec, ctx: TurnContext, replies: Reply[] = []): TurnResult {
  const form = topForm(state)!;
  if (!spec.confirmCancel) return cancelForm(state, spec, replies);
  const next = { ...form, meta: { ...form.meta, resume: form.asking }, asking: CANCEL_CHECK, asks: 1 };
  return result(withTop(state, next), [...replies, cancelQuestion(state.locale)]);
}

/** Ends the top form; a draft is parked so "还是登记吧" can bring it back. */
export function cancelForm(state: ConversationState, spec: FormSpec, replies: Reply[] = []): TurnResult {
  const form = topForm(state)!;
  const parked = spec.confirmCancel ? { ...form, asking: null, asks: 0, meta: { ...form.meta, resume: null, stopped: 'cancel' } } : state.parked;
  return result({ ...state, forms: state.forms.slice(0, -1), parked }, [...replies, say(state.locale, spec.cancelled)]);
}

/** The open form back at the question it asked before "stop?". */
const resumedForm = (form: FormState): FormState => ({ ...form, asking: (form.meta['resume'] as string | null | undefined) ?? null, asks: 0, meta: { ...form.meta, resume: null } });

function resume(state: ConversationState, spec: FormSpec, ctx: TurnContext, replies: Reply[]): TurnResult {
  const back = resumedForm(topForm(state)!);
  return advance(withTop(state, back), spec, back, formCtx(state, ctx), [...replies, say(state.locale, 'cancelCheckResumed')], 'answered', '');
}

/** "Go on" said with more: the draft back at its question, and the rest of the message read there. */
function resumeWith(state: ConversationState, spec: FormSpec, text: string, ctx: TurnContext): TurnResult | null {
  const own = formMessage(withTop(state, resumedForm(topForm(state)!)), spec, text, ctx);
  return own ? { ...own, replies: [say(state.locale, 'cancelCheckResumed'), ...own.replies] } : null;
}

function answerCancelCheck(state: ConversationState, spec: FormSpec, text: string, ctx: TurnContext): TurnResult {
  // "对 不登记了 过两天还能接着弄吗": the answer is read without the question, and the question answered.
  const seg = segment(text, ctx.readers, { free: false });
  // "10月8号停的，加到事情经过里": a change to the draft is no answer to "stop?" — the draft goes on, changed.
  if (!STOP.test(text) && !STOP_SHORT.test(text.trim()) && (EDITISH.test(text) || INTO_FIELD.test(text))) {
    const edited = resumeWith(state, spec, text, ctx);
    if (edited) return edited;
  }
  const r = ctx.readers.answer('cancelCheck', seg.answer || text);
  const stop = r?.label === 'cancel' && r.confidence >= 0.6;
  if (!stop) {
    // ("不是不登 俺是说那算了就写名吧 俺叫李长顺 电话136…", "ok I talked her round… She wants the moving costs…": the
    // answer to the open question follows the "go on" — the draft goes on with it.)
    // (Only an answer: "No, wait. Let's go on, the money matters to her." gives a reason, and the question comes again.)
    const rest = text.replace(GO_ON_LEAD, '').trim();
    const form = topForm(state)!;
    const open = stepOf(spec, (form.meta['resume'] as string | null | undefined) ?? '');
    const words = { text: rest, entities: ctx.readers.entities(rest) };
    const answers = words.entities.some((e) => e.type !== 'date') || (open?.plausible ? open.plausible(words, form, formCtx(state, ctx)) : contentSize(rest) >= 4);
    if (rest !== text.trim() && contentSize(rest) >= 4 && answers) {
      const own = resumeWith(state, spec, rest, ctx);
      if (own) return own;
    }
    return resume(state, spec, ctx, []);
  }
  const stopped = cancelForm(state, spec);
  const answers = answerQuestions(seg.questions, state, spec, null, formCtx(stopped.state, ctx));
  return answers.length > 0 ? { ...stopped, replies: [...stopped.replies, ...answers] } : stopped;
}

// ---- a message or a button for the form ---------------------------------

/** Giving up in words ("算了 说了也白说"): asked whether they mean to stop, never taken as an answer. */
const RESIGNED = /^(?:唉|哎|嗯)?[\s,，]*算了(?!.*(?:提交|交|登记吧|就这样))|^(?:不说了|说了也白说|没用的)|^(?:(?:hmm+|ugh|ok|well|oh)[\s,.]*)?(?:never ?mind|forget (?:it|about it))\b(?!.*\b(?:submit|register|file)\b)/i;
/** Words that stop a draft wherever they stand. */
const STOP = /不用(?:再)?(?:新)?登记(?:了)?|不是(?:要)?新登记|不要(?:再)?(?:新)?登记|不办了|不反映了|不投诉了|不举报了|不登记了|不登了|不弄了|不告了|不搞了|不想(?:反映|登记|办)了|撤回(?:登记|反映)?|forget it|don'?t want to (?:file|report|continue)|(?:i'?ll|let'?s) stop here/i;
/** A case's progress asked after. */
const STATUS_WORDS = /查(?:一下|下)?(?:进度|进展|结果)|查询|(?:办|弄)得(?:咋样|怎么样)|咋样了|怎么样了|进度|\b(?:check (?:on )?(?:the |my )?(?:status|progress|case)|status of|look up (?:my|the) case|how is my case)\b/i;
/** Words that stop only as a short message of their own ("取消", "cancel") — "低保取消了" is a story. */
const STOP_SHORT = /^(?:取消|取消登记|取消吧|退出|算了吧?|不要了|不用了|cancel|quit|stop|never ?mind|exit)[。.!！]*$/i;
/** A question that only asks to agree: "…应该归城管那块吧？", "…, right?". */
const TAG_QUESTION = /(?:吧|对吧|是吧|对不对|是不是|才对)[？?。.!！]*\s*$|\b(?:right|isn'?t it|shouldn'?t it)\s*\?\s*$/i;
const UNDO = /改乱了|改错了|恢复(?:成)?原(?:来|样)|改回(?:去|来)|撤销(?:刚才的)?(?:修改|更正)?|还原|\bundo\b|change (?:it|that) back|put (?:it|that) back|revert/i;
/** "交上去以后…", "if I submit…": submitting spoken of, not asked for. */
const CONDITIONAL = /以后|之后|后来|的话|要是|如果|假如|完了|\b(?:after|once|if|when|before)\b/i;
const SUBMIT_WORDS = /(?<![别不再先])提交|交上去?|交吧|交了吧|登记吧|登上|就这样|\bsubmit\b|\bfile it\b|\bsend it\b|\bregister it\b/i;
/** Words that only agree ("是的，都对", "没问题 可以", "yes that's all correct"). */
/** A pause asked for: the draft waits for the citizen. */
const PAUSE =
  /(?:一会儿?|待会儿?|等会儿?)再(?:来|弄|说)|回来再(?:说|弄|登|填)|(?:我|俺)得先去|\bi'?ll (?:come|be) back (?:in (?:a bit|a minute|a while|ten minutes|\d+ minutes|an hour)|later|soon|tomorrow)|\bbe back in\b|\bi (?:have|need|got) to (?:go|take|pick|cook)\b[^.]{0,40}\b(?:back|later|bit)\b|先放着|放一放|晚上再来|再来接着|别(?:给(?:我|俺))?(?:丢|删)了|先去(?:接|忙|做|上)[^。]{0,8}(?:再来|回来)|过(?:两|几)天(?:俺|我)?(?:再)?来|回头(?:再)?(?:来|说|弄)|改天再|明天再(?:来|说|弄)|等(?:我|俺)(?:问问|商量|回来|跟)[^。]{0,10}(?:再|了)|\b(?:stop for now|pause (?:it|this|for now)|come back later|continue (?:later|tomorrow)|(?:ask|check with) my (?:wife|husband|son|daughter|family|father|mother) first|need to (?:ask|check with) my \w+ first)\b/i;
/** "接着给俺登上", "不会干傻事", "I'm ok now, go on": carrying on after a hard moment. */
const GO_ON = /接着(?:给(?:我|俺))?(?:登|说|弄|填|办)|继续(?:登记|填|办|说)?吧?$|继续登|不会(?:干|做)(?:傻事|啥傻事)|没事了|好(?:多)?了[，,\s]*(?:接着|继续)|\b(?:go on|carry on|let'?s continue|continue (?:the|with the|my) (?:petition|form)|i'?m (?:ok|okay|fine|alright) now)\b/i;
/** Back after a pause. */
const RETURNED = /(?:俺|我)(?:又)?(?:回来了|又来了)|接着(?:登记|说|弄|填)|继续(?:登记|填)|(?:想好了|商量好了)[^。]{0,6}(?:还是)?要?(?:登记|反映)|\bI(?:'m| am) back\b|let'?s continue|where were we/i;
/** Words that ask for a change: on the summary they are never the go-ahead, whatever "ok" opens them. */
/** Words inside quotation marks: what the citizen quotes, not what they say. */
const unquoted = (text: string) => text.replace(/[“"「『‘'][^”"」』’']{0,80}[”"」』’']/g, ' ');
/** A field of the form named in the words (its label words), e.g. 地点, 诉求, "the place". */
const namesField = (spec: FormSpec, text: string) => spec.steps.some((s) => s.field?.words.test(text));
/** Words that only say to go on, before the answer that follows them. */
const GO_ON_LEAD =
  /^(?:(?:(?:不是|不|没)(?:要)?(?:不登(?:记)?|不办|停|取消|不反映)(?:了)?|(?:我|俺)是说|那?算了就|继续(?:登记)?|接着(?:登记|弄|登)?|别停|不停|(?:don'?t|do not) (?:stop|cancel)|not (?:stop|cancel)(?:ling)?|(?:ok,? )?i (?:talked|talk) (?:her|him|them) (?:round|around)|let'?s (?:go on|continue)|go on|continue|no)[\s，,。.!！:：…-]*)+/i;
/** "加到事情经过里", "put it in the facts": words going into a field of the draft. */
const INTO_FIELD = /(?:加|补|写|放|记|添)(?:到|进|在)(?:那个)?(?:事情经过|经过|诉求|要求|地点|备注|里面|里头|里)|\b(?:add|put|include) (?:it|this|that) (?:in|to|into) (?:the |my )?(?:facts|story|what happened|request|demands)\b/i;
const EDITISH = /\b(?:replace|remove|delete|change|fix|correct (?:it|that|this|the)|swap|instead|should be|drop|take out|put in)\b|(?<![不没别无用需])(?:改|删)|换成|加上|去掉|拿掉|再加|加一句|添一句|补一句|补上|写上|加进去|别漏|漏了|(?<![没不])错了/i;
/** "我再想想，等我儿子回来看看再交", "let me think about it": not yet — the draft waits on the summary. */
const HOLD = /再想想|想一想|想想再|考虑(?:一下|考虑)|等[^。！!]{0,14}(?:再(?:提)?交|再说|再定|回来)|回头再|晚点再|明天再|先放着|先不(?:提)?交|\b(?:let me think|think (?:it )?over|think about it|not (?:yet|now)|later|tomorrow|ask my (?:son|daughter|wife|husband)|check with my)\b/i;
/** Journeys a small form (a lookup, material, a rating) gives way to; a draft keeps them (a case number excepted). */
const JOURNEYS = new Set(['petition_start', 'case_status', 'case_supplement', 'complaint_review']);
/** Intents that another part of the bot answers while a form waits (then the form asks again). */
const ELSEWHERE = new Set(['greet', 'thanks', 'goodbye', 'help', 'guide_procedure', 'guide_conduct', 'guide_rights', 'handoff_human']);

/** "cancel the fine", "取消罚款": something else to be cancelled — what the citizen asks for, never a stop. */
const CANCEL_OTHER =
  /\b(?:cancel|withdraw|revoke|annul)\s+(?:the |my |this |that |our |his |her )?(?:[a-z-]+\s+){0,2}(?:fine|penalty|ticket|order|decision|contract|booking|subsidy|allowance|benefit|demolition|plan|project|fee|charge|notice|permit|licen[cs]e|eviction)s?\b|(?:取消|撤销|撤回|免除|退还)(?:对(?:我|俺)的|(?:我|俺)的|这个|这笔)?(?:罚款|处罚|罚单|决定|低保资格|补贴|资格|合同|拆迁|收费|押金|通知|禁令)/i;

function wantsStop(text: string, ctx: TurnContext): boolean {
  if (CANCEL_OTHER.test(text)) return false;
  // "i dont understand", "啥意思": lost, not leaving.
  if (/\bunderstand\b|\bwhat (?:is|does|do you mean)\b|不懂|不明白|啥意思|什么意思|看不懂/i.test(text) && !STOP.test(text)) return false;
  const intent = ctx.readers.intent(text);
  // (The model's word alone is not enough: "the developer", "the factory" read as cancel — a stop needs a word of stopping.)
  return STOP.test(text) || STOP_SHORT.test(text.trim()) || (intent.name === 'cancel' && intent.confidence >= 0.6 && text.length <= 24 && STOPPING_WORD.test(text));
}

const STOPPING_WORD = /\b(?:cancel\w*|stop\w*|quit|forget|never ?mind|drop|withdraw\w*|exit|leave it|enough|done|no more|give up)\b|不|别|算|取消|停|退|撤|罢|拉倒/i;

/** "刚才说了啊，", "前面跟你说过了，", "I already told you:", "Anyway,": words before an answer that are no part of it. */
const SAID_BEFORE = new RegExp(
  `^(?:(?:${SAID_BEFORE_WORDS}${SAID_BEFORE_TAIL}|\\bi gave (?:it|that|them) already\\b|(?:hmm|well|ok|okay|anyway)(?:,? that didn'?t answer my question)?)(?:[:：,，.!！。]|\\s)+)+`,
  'i',
);

/** "地点：王庄村；诉求：把路修好": the parts of a message that give a field by its label, with the field. */
function labelledParts(text: string, spec: FormSpec): { step: Step; text: string; rest: string }[] {
  const out: { step: Step; text: string; rest: string }[] = [];
  const unlabelled: string[] = [];
  for (const part of text.split(/[；;\n]|[。，,.](?=\s*[^\s:：，,。；;]{1,12}\s*(?:[:：]|是))|(?<=[。])/)) {
    const m = /^\s*([^:：，,。]{1,12}?)\s*(?:[:：]|(?<=[\u4e00-\u9fff])是)\s*(.+?)\s*$/.exec(part);
    // ("诉求是…" names a free text; "代表是周长福" is read whole by its own step, with the count beside it.)
    const colon = m ? /[:：]/.test(part.slice(0, m[1]!.length + 3)) : false;
    const step = m ? spec.steps.find((st) => st.field && (colon || st.free) && new RegExp(`^(?:${st.field.words.source})$`, 'i').test(m[1]!.trim())) : undefined;
    if (m && step && !out.some((o) => o.step === step)) out.push({ step, text: m[2]!.replace(/[。.]$/, ''), rest: '' });
    else if (part.trim()) unlabelled.push(part.trim());
  }
  const rest = unlabelled.join('，').replace(/[。.，,]+$/, '');
  return out.map((o) => ({ ...o, rest }));
}

/** The answer without what leads into it: the citizen's preamble, or the field's own name ("Place: …", "地点：…"). */
function unlead(w: Words, step: Step): Words {
  let text = w.text.replace(SAID_BEFORE, '');
  const label = step.field?.words;
  if (label) {
    const m = new RegExp(`^(?:the\\s+)?(?:${label.source})\\s*(?:should (?:just |simply |only )?(?:be|say|read)|is|was|[:：]|是|写|为)\\s*[:：]?\\s*`, 'i').exec(text);
    if (m && text.length > m[0].length + 1) text = text.slice(m[0].length);
  }
  text = text.replace(/^(?:it |that |this )?should (?:just |simply |only )?(?:be|say|read)\s*[:：]?\s*/i, '');
  if (text === w.text) return w;
  const cut = w.text.length - text.length;
  return { text, entities: w.entities.filter((e) => e.start >= cut).map((e) => ({ ...e, start: e.start - cut, end: e.end - cut })) };
}

/**
 * The form's answer to a typed message, or null when the message is not for it
 * (the engine answers it and calls formReprompt).
 */
export function formMessage(state: ConversationState, spec: FormSpec, text: string, ctx: TurnContext): TurnResult | null {
  const form = topForm(state)!;
  const fctx = formCtx(state, ctx);
  const l = state.locale;
  if (form.asking === CANCEL_CHECK) return answerCancelCheck(state, spec, text, ctx);
  const step = stepOf(spec, form.asking);
  const resigned = RESIGNED.exec(text);
  if (resigned && form.asking !== CONFIRM && form.asking !== 'triage' && spec.confirmCancel) {
    // "OK never mind. We want the plant to …": the never mind was about what came before; the rest answers.
    const rest = text.slice(resigned.index + resigned[0].length).replace(/^[\s,，.。!！]+/, '');
    if (contentSize(rest) >= 12) return formMessage(state, spec, rest, ctx);
    return askCancel(state, spec, ctx);
  }
  // Nothing typed (spaces): the step says what it needs, or the question comes again.
  if (!text.trim()) {
    const empty = step?.read({ text: '', entities: [] }, form, fctx);
    return empty && !empty.ok ? advance(state, spec, form, fctx, empty.replies ?? [], 'failed', '') : formReprompt(state, spec, ctx, false);
  }
  let seg = segment(text, ctx.readers, { free: step?.free ?? false });
  let words: Words = { text: seg.answer, entities: ctx.readers.entities(seg.answer) };
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  let f = form;

  // "先放着吧 过两天俺再来", "stop for now, I need to ask my wife": the draft waits, nothing is read from the words.
  // (Only the citizen's own pause: "让他们回头再来修路" is a request.)
  if (spec.confirmCancel && form.asking !== CONFIRM && PAUSE.test(text) && !STOP.test(text) && /[我俺咱]|\b(?:i|me|my|we|us)\b/i.test(text) && contentSize(text) <= 40) return result(state, [say(l, 'formHold')]);
  // "等一下，来电话了", "hold on, my phone is ringing": a moment away — the draft waits, the question stays open.
  if (spec.confirmCancel && BRIEF_PAUSE.test(text.trim()) && contentSize(text) <= 24) return result(state, [say(l, 'formPauseBrief')]);
  // After the words to a person in danger the form waits (nothing asked): "不会干傻事 接着给俺登上",
  // "I'm ok, let's go on" bring its question back and are no part of the story.
  if (form.asking === null && Object.keys(form.slots).length > 0 && GO_ON.test(text) && contentSize(text) <= 40) return formReprompt(state, spec, ctx, false);
  // "俺又来了 …还是要登记", "I am back, let's continue": the question again, nothing read from the words.
  if (spec.confirmCancel && RETURNED.test(text) && contentSize(text.replace(new RegExp(RETURNED.source, 'gi'), '')) < 16) {
    // ("ok I'm back. I'm He Dawei (David), 186…": what follows the return is read as any answer.)
    const rest = text.replace(new RegExp(RETURNED.source, 'gi'), ' ').replace(/^[\s,，.。!！:：]*(?:(?:ok|okay|好了?|嗯|那|so)[\s,，.。!！]*)*/i, '').trim();
    // (Only values of their own kind: "俺又来了 上回那个拆房子的事" is talk about the return.)
    const said = rest.replace(/^(?:where were we\??|oh yes|ok(?:ay)?|so|anyway)[\s,，.。!！?？-]*/gi, '').trim();
    // ("ok I'm back. where were we? I want the certificate issued, that's all.": a short answer the open question takes.)
    const open = form.asking ? stepOf(spec, form.asking) : undefined;
    // (English words weigh little in a size; "上回那个拆房子的事 俺想好了还是要登记" is talk about the return.)
    const plausible = !!said && !/\p{Script=Han}/u.test(said) && !!open?.plausible?.({ text: said, entities: ctx.readers.entities(said) }, form, formCtx(state, ctx));
    if (said && (contentSize(said) >= 16 || plausible || ctx.readers.entities(said).some((e) => e.type === 'phone' || e.type === 'person_name' || e.type === 'id_number' || e.type === 'township'))) return formMessage(state, spec, said, ctx);
    const again = formReprompt(state, spec, ctx, false);
    return { ...again, replies: [say(l, 'cancelCheckResumed'), ...again.replies] };
  }
  // "不是新登记 俺是查进度 编号XF…", "不登记 查进度": a case to look up, not this draft — the lookup takes
  // over and the draft stays below it.
  // (Not "我不是查进度，我是要新登记": a lookup denied.)
  if (spec.confirmCancel && form.asking !== CONFIRM && STATUS_WORDS.test(text) && !/(?:不是|不|没)(?:要|来|想)?(?:查|问)(?:一下|下)?(?:进度|进展|结果)|\bnot (?:checking|looking up|asking about (?:the )?(?:status|progress))\b/i.test(text) && (ctx.nlu?.entities.some((e) => e.type === 'case_number') || STOP.test(text) || ctx.readers.intent(text).name === 'case_status')) return null;
  // An outright wish to stop ("算了，不反映了", "forget it") comes before anything the words might correct.
  // (Not a case number given to a lookup beside it: "不是新登记 俺是查进度 编号XF…" answers the lookup.)
  const numberGiven = !spec.confirmCancel && ctx.nlu?.entities.some((e) => e.type === 'case_number');
  // ("代表换一下 刘老三不弄了 换成刘老四": a representative who stops, not the citizen.)
  const othersStop = /代表|换成|换人|\breplace\b|\binstead\b/i.test(text) && !/(?:我|俺|咱)(?:们)?(?:就|也)?不(?:弄|办|搞|登|告|反映|登记)了|\bI (?:want to |will |'ll )?stop\b/i.test(text);
  if ((STOP.test(seg.answer || text) || STOP_SHORT.test(text)) && !(form.asking === CONFIRM && SUBMIT_WORDS.test(text)) && !numberGiven && !othersStop) return askCancel(state, spec, ctx);
  // "你改乱了，恢复成原来的", "change it back": the last correction undone.
  const undo = form.meta['undo'] as Record<string, unknown> | undefined;
  // ("你改错了！诉求就是：…": a new value said with it is a correction, not an undo.)
  const undoSaid = UNDO.exec(text);
  if (undo && undoSaid && !/[:：]|应该是|就是|改成|改为|\bshould (?:be|say|read)\b/i.test(text.slice(undoSaid.index + undoSaid[0].length))) {
    const restored = { ...f, slots: { ...f.slots, ...undo }, meta: { ...f.meta, undo: null } };
    const steps = spec.steps.filter((st) => st.name in undo);
    return advance(withTop(state, restored), spec, restored, fctx, [say(l, 'undone', { fields: describe(spec, restored, steps, fctx) })], 'other', '');
  }
  // Corrections of what was said before, in free words.
  let corrections = seg.answer ? findCorrections(words, spec, f, fctx, form.asking) : [];
  // "类别不太对吧，这是违建，应该归城管那块吧？": a correction put as a question is a correction.
  if (corrections.length === 0 && seg.questions.length > 0 && TAG_QUESTION.test(text)) {
    const whole: Words = { text: text.replace(/[？?]+\s*$/, ''), entities: ctx.readers.entities(text) };
    const asked = findCorrections(whole, spec, f, fctx, form.asking);
    if (asked.length > 0) {
      corrections = asked;
      seg = { ...seg, answer: whole.text, questions: [] };
      words = whole;
    }
  }
  const beforeCorrections = f.slots;
  const corrected: Step[] = [];
  for (const c of corrections) {
    // (The notes count too: "涉及约7户" kept beside one's own household.)
    const before = JSON.stringify([f.slots, f.notes]);
    f = write(c.step, f, c.reading.value, fctx);
    // Nothing claims a change it did not make.
    if (JSON.stringify([f.slots, f.notes]) !== before) corrected.push(c.step);
  }
  let changed = corrected.length > 0;
  // What the correction replaced, for "change it back".
  if (changed) {
    const undoSlots = Object.fromEntries(Object.keys(f.slots).filter((k) => JSON.stringify(f.slots[k]) !== JSON.stringify(beforeCorrections[k])).map((k) => [k, beforeCorrections[k]]));
    f = { ...f, meta: { ...f.meta, undo: undoSlots } };
  }
  // (A change to nothing shown — a field hidden by another value — is not announced as "已更正：。".)
  if (corrected.length > 0 && describe(spec, f, corrected, fctx) !== '') replies.push(say(l, 'corrected', { fields: describe(spec, f, corrected, fctx) }));

  // "乡镇：东湖镇；地点：王庄村村口到小学那段；诉求：把路修好": fields answered by their labels, each read on its own;
  // the question asked reads only its own part, and nothing else is mined from the message.
  // (What else the message holds is read from all of it: "诉求是把路修好，涉及全村200多户" gives the count too.)
  let minedFrom: Words | null = null;
  const labelled = form.asking !== CONFIRM && corrections.length === 0 && seg.answer ? labelledParts(seg.answer, spec) : [];
  if (labelled.length >= 2 || (labelled.length === 1 && labelled[0]!.step !== step && labelled[0]!.rest !== '')) {
    const noted: Step[] = [];
    for (const part of labelled) {
      if (part.step === step || f.slots[part.step.name] !== undefined) continue;
      const r = part.step.read({ text: part.text, entities: ctx.readers.entities(part.text) }, f, fctx);
      if (r?.ok) {
        f = write(part.step, f, r.value, fctx);
        noted.push(part.step);
      }
    }
    if (noted.length > 0) {
      changed = true;
      replies.push(notedReply(spec, f, noted, fctx));
    }
    // (The words without a label answer the question asked: "东湖镇王庄村。诉求是把路修好，涉及全村200多户".)
    const own = labelled.find((part) => part.step === step)?.text ?? labelled[0]!.rest;
    minedFrom = words;
    seg = { ...seg, answer: own };
    words = { text: own, entities: ctx.readers.entities(own) };
  }

  // The answer to the step asked.
  let reading: ReturnType<Step['read']> = null;
  if (seg.answer && form.asking === CONFIRM) {
    const r = ctx.readers.answer('confirm', seg.answer);
    const label = r && r.confidence >= 0.5 ? r.label : null;
    if (corrections.length > 0) {
      // The go-ahead must be said beside the correction, not inside its words ("…我儿子晚交了两天"),
      // nor inside quoted words ("诉求前面那句'我先在这登记吧'去掉"). A change asked for beside it that
      // was not made, or a correction read but not applied, holds the filing: the summary comes again.
      // ("反映对象写县社保局 别的没问题了 提交吧": the clause that names the corrected field is the correction's.)
      const correctedNames = new Set(corrected.map((st) => st.name));
      const besideAll = unquoted(besideCorrections(seg.answer));
      const beside = besideAll
        .split(/(?<=[，,。；;！!])|(?<=[.!?])\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/)
        .filter((part) => !spec.steps.some((st) => correctedNames.has(st.name) && st.field?.words.test(part)))
        .join(' ');
      const unapplied = corrected.length < new Set(corrections.map((c) => c.step)).size;
      // ("地点写县人民医院住院部。提交以后医院会知道是我举报的吗？": the question beside the correction is answered too.)
      // ("Place should be …. And please note the patient is my mother …": the note beside the correction joins the story.)
      const note = spec.addsMore?.test(beside.trim()) ? spec.absorb?.({ text: beside, entities: ctx.readers.entities(beside) }, f, fctx) : null;
      if (note) {
        f = note.form;
        replies.push(...note.replies);
      }
      const answers = answerQuestions(seg.questions, state, spec, f, fctx);
      // (A move or a strike asked beside it holds the filing, wherever it is said: "…remove '…' put it in what happened. then submit".)
      if (unapplied || !SUBMIT_WORDS.test(beside) || HOLD.test(beside) || EDITISH.test(besideAll) || namesField(spec, beside)) return advance(withTop(state, f), spec, { ...f, asks: 0 }, fctx, [...replies, ...answers], 'answered', '');
      return submitNow(state, spec, f, fctx, [...replies, ...answers]);
    }
    // "等等 我再补一句 …" on the summary: more of the story, added, and the summary shown again.
    const more = spec.addsMore?.test(seg.answer) ? spec.absorb?.(words, f, fctx) : null;
    if (more) return result(withTop(state, more.form), [...replies, ...more.replies, summaryReply(spec, more.form, fctx, false)]);
    // ("Submit it, no need to wait till later" is the go-ahead: a hold beside a submit word must be a real one.)
    const holding = HOLD.test(unquoted(seg.answer)) && !(SUBMIT_WORDS.test(seg.answer) && !/再想想|考虑|再(?:提)?交|\bthink\b/i.test(seg.answer));
    if (holding && label !== 'cancel') return result(withTop(state, f), [...replies, ...answerQuestions(seg.questions, state, spec, f, fctx), say(l, 'formHold'), summaryReply(spec, f, fctx, true)]);
    // "身份证不带 以后再说", "no ID with me, later": an optional field left empty, as it is — said so, no guide.
    const leftEmpty = notGivenNow(spec, seg.answer, f, fctx);
    if (leftEmpty && !SUBMIT_WORDS.test(seg.answer)) return result(withTop(state, f), [...replies, say(l, 'keptNotGiven', { field: t(l, leftEmpty.field!.label) }), summaryReply(spec, f, fctx, true)]);
    // "名字写马小军" when it says so already: said back as it stands, not "not understood".
    const same = corrections.length === 0 && !SUBMIT_WORDS.test(seg.answer) ? unchangedFields(words, spec, f, fctx) : [];
    if (same.length > 0) return result(withTop(state, f), [...replies, say(l, 'alreadyNoted', { fields: describe(spec, f, same, fctx) }), summaryReply(spec, f, fctx, true)]);
    // "不给" on the summary after the question that offered the ID number: an answer to that question.
    const named = namedField(spec, seg.answer, f, fctx);
    const late = label !== 'yes' && label !== 'cancel' && !named && !SUBMIT_WORDS.test(seg.answer) ? spec.lateAnswer?.(words, f, fctx) : null;
    if (late) return result(withTop(state, late.form), [...replies, ...late.replies, summaryReply(spec, late.form, fctx, true)]);
    if (named) return result(withTop(state, { ...f, asking: named.name, asks: 1, fails: 0 }), [...replies, ...named.ask({ ...f, asking: named.name }, fctx, false)]);
    // A question on the summary is answered, never taken as the go-ahead ("交上去以后要等多久？",
    // "我拍了视频，能传上去吗？"): filing waits for a "submit" said on its own.
    // Unless the go-ahead is said in so many words beside it ("提交吧。提交完了怎么查进度？").
    const goAhead = label === 'yes' && SUBMIT_WORDS.test(seg.answer) && !CONDITIONAL.test(seg.answer);
    if (seg.questions.length > 0 && !goAhead) {
      return result(withTop(state, f), [...replies, ...answerQuestions(seg.questions, state, spec, f, fctx), summaryReply(spec, f, fctx, true)]);
    }
    // "ok replace Qiu Ping with Yan Bo and remove 'only:'": a change asked for (that we could not make) is no go-ahead.
    // ("地点再加一句，是工业园东区3号工地。其他没问题": a change we did not read is no go-ahead either.)
    if (label === 'yes' && EDITISH.test(seg.answer) && !SUBMIT_WORDS.test(unquoted(seg.answer))) return editChoice(withTop(state, f), spec, fctx, replies);
    // "…in the request remove '…' put it in what happened. then submit": a change asked for and not made holds the filing,
    // whatever go-ahead follows it.
    if (EDITISH.test(unquoted(seg.answer)) && (namesField(spec, unquoted(seg.answer)) || /[“"「『‘'][^”"」』’']{2,}[”"」』’']/.test(seg.answer))) return editChoice(withTop(state, f), spec, fctx, replies);
    if (label === 'yes' && !SUBMIT_WORDS.test(unquoted(seg.answer)) && SUBMIT_WORDS.test(seg.answer)) return result(withTop(state, f), [...replies, summaryReply(spec, f, fctx, true)]);
    // "是杨树屯东头那个红砖厂 不是随便哪个砖厂": a "是" that says more than yes is a change we did not read, no go-ahead.
    if (label === 'yes' && !SUBMIT_WORDS.test(seg.answer) && !bareYes(seg.answer)) return editChoice(withTop(state, f), spec, fctx, replies);
    if (label === 'yes') return submitNow(state, spec, f, fctx, [...replies, ...answerQuestions(seg.questions, state, spec, f, fctx)]);
    if (label === 'cancel' && !CANCEL_OTHER.test(seg.answer)) return askCancel(withTop(state, f), spec, ctx, replies);
    if (label === 'edit') return editChoice(withTop(state, f), spec, fctx, replies);
  } else if (seg.answer && step && !corrections.some((c) => c.step === step)) {
    const beside = seg.questions.length > 0 && step.free && step.plausible && !step.plausible(words, f, fctx);
    // Beside a correction, only the sentences that correct nothing answer the question.
    const besides = corrected.length > 0 && !step.free ? clausesBesideCorrections(seg.answer) : null;
    const answerWords = besides !== null ? { text: besides, entities: ctx.readers.entities(besides) } : words;
    // ("就是西山乡供水站啊，我刚说了。类别你就写饮水或者环境吧" asked the request: talk about other fields, no request.)
    const aboutOthers = step.free && step.plausible && !step.plausible(words, f, fctx) && spec.steps.some((s) => s !== step && s.field?.words.test(seg.answer) && f.slots[s.name] !== undefined) && POINTS_BACK.test(seg.answer);
    reading = beside || besides === '' || aboutOthers ? null : step.read(unlead(answerWords, step), f, fctx);
    // A message that corrected something is not a failed answer to the question asked.
    if (reading && !reading.ok && corrected.length > 0) reading = null;
    // Nor, for a free-text question, its answer: "街名说错了，是新华街" is not the request; a sentence
    // beside the correction may be ("不是化肥厂，是宏达造纸厂。希望环保局来查").
    if (reading && step.free && corrected.length > 0) {
      const beside = besideCorrections(seg.answer);
      reading = contentSize(beside) >= 4 ? step.read({ text: beside, entities: ctx.readers.entities(beside) }, f, fctx) : null;
      if (reading && !reading.ok) reading = null;
    }
    // Nor is a remark beside a question ("Is the township required? There are only a few of us"):
    // the question is answered and the step asked again, without a complaint about the remark.
    if (reading && !reading.ok && seg.questions.length > 0) reading = null;
  }
  // "应该算饮水安全吧，环境类？" asked the kind: an answer put as a question is the answer (not a question to us).
  // (A short one, "环境类？", says the value outright and goes before a guess from the rest.)
  if (step && !step.free && form.asking !== CONFIRM && seg.questions.length > 0) {
    const tag = seg.questions.find((q) => (TAG_QUESTION.test(q.text) || /[类种项][？?]\s*$/.test(q.text)) && (!reading?.ok || contentSize(q.text) <= 8));
    const asAnswer = tag ? step.read(unlead({ text: tag.text.replace(/[？?]+\s*$/, ''), entities: ctx.readers.entities(tag.text) }, step), f, fctx) : null;
    if (tag && asAnswer?.ok) {
      reading = asAnswer;
      seg = { ...seg, questions: seg.questions.filter((q) => q !== tag) };
    }
  }

  // An answer to a question already passed ("就是要把补偿款给了" asked how many): taken there, and
  // the question asked comes again without counting as failed.
  if (reading && !reading.ok && corrected.length === 0 && seg.answer) {
    const late = spec.lateAnswer?.(words, f, fctx);
    if (late) {
      f = late.form;
      replies.push(...late.replies);
      reading = null;
      changed = true;
    }
  }

  // A wish to stop: said outright ("算了，不反映了") whatever else the words hold; a bare "cancel" only when
  // the words answer nothing ("不想说" to an optional question is an answer, not a stop).
  const stopWords = seg.answer || text;
  if (corrections.length === 0 && !reading?.ok && wantsStop(stopWords, ctx)) return askCancel(withTop(state, f), spec, ctx, replies);

  // Everything else the message holds.
  // (Not from a message that corrected something: its words are the correction's.)
  if (seg.answer && corrected.length > 0 && spec.minedBesideCorrections?.some((name) => f.slots[name] === undefined)) {
    // (Only fields still empty, and only those the spec names: the rest of the words are the correction's.)
    const mined = spec.mine(words, f, fctx, form.asking);
    const fill = spec.minedBesideCorrections.filter((name) => f.slots[name] === undefined && mined.values[name] !== undefined && mined.values[name] !== null && name !== form.asking);
    for (const name of fill) f = write(stepOf(spec, name)!, f, mined.values[name], fctx);
    if (fill.length > 0) {
      changed = true;
      replies.push(notedReply(spec, f, fill.map((name) => stepOf(spec, name)!), fctx));
    }
  }
  if (seg.answer && corrected.length === 0) {
    const mined = applyMined(spec, f, minedFrom ?? words, fctx, form.asking);
    if (mined.noted.length > 0) {
      f = mined.form;
      changed = true;
      // An answer to another question ("之前找过乡里" asked whom it concerns) is no failed answer to this one:
      // it is taken, and the question comes again.
      if (reading && !reading.ok && !(reading.replies?.length)) reading = null;
      // (Nothing to show — a value set to "not given" — is no "I have noted: ." either.)
      replies.push(...(describe(spec, f, mined.noted, fctx) !== '' ? [notedReply(spec, f, mined.noted, fctx)] : []), ...mined.replies);
    } else {
      f = mined.form;
      replies.push(...mined.replies);
    }
  }

  // Questions beside the answer, and a person asked for.
  replies.push(...answerQuestions(seg.questions, state, spec, f, fctx));
  if (seg.wantsPerson) {
    const h = requestHandoff(state, 'requested', ctx);
    replies.push(...h.replies);
    effects.push(...h.effects);
    state = { ...state, handoff: h.state.handoff };
  }

  if (reading) return applyReading(withTop(state, f), spec, step!, reading, fctx, replies, effects, seg.answer);
  if (changed || seg.questions.length > 0 || seg.wantsPerson) {
    return advance(withTop(state, f), spec, form.asking === CONFIRM ? { ...f, asks: changed ? 0 : f.asks } : f, fctx, replies, 'other', '', effects);
  }
  // More of the story, told while something else was asked (not on the summary: there it is an edit).
  const absorbed = seg.answer && form.asking !== CONFIRM ? spec.absorb?.(words, f, fctx) : null;
  if (absorbed) return advance(withTop(state, absorbed.form), spec, absorbed.form, fctx, [...replies, ...absorbed.replies], 'other', '', effects);
  // Nothing for the form: a greeting, thanks, a guide question go elsewhere (and, from the small
  // forms, another journey); the rest is a failed answer.
  const intent = ctx.readers.intent(text);
  if ((ELSEWHERE.has(intent.name) || (!spec.confirmCancel && JOURNEYS.has(intent.name))) && intent.confidence >= 0.6) return null;
  if (ctx.nlu?.entities.some((e) => e.type === 'case_number')) return null;
  // Nothing was asked (the form waited quietly, e.g. after the words to a person in danger): go on asking.
  if (form.asking === null) return advance(withTop(state, f), spec, f, fctx, replies, 'other', '', effects);
  return advance(withTop(state, f), spec, f, fctx, [say(l, 'formNotUnderstood')], 'failed', seg.answer || text, effects);
}

/** A step's reading (typed or pressed): the value written and the form goes on, a failed try, or the form closed by the citizen's choice. */
function applyReading(state: ConversationState, spec: FormSpec, step: Step, reading: Reading, ctx: FormContext, replies: Reply[], effects: Effect[], words: string): TurnResult {
  const f0 = topForm(state)!;
  if (!reading.ok) return advance(state, spec, f0, ctx, [...replies, ...(reading.replies ?? [])], 'failed', words, effects);
  if (reading.end) {
    const parked = { ...f0, asking: null, asks: 0, meta: { ...f0.meta, stopped: step.name } };
    return result({ ...state, forms: state.forms.slice(0, -1), parked }, [...replies, ...(reading.replies ?? []), ...reading.end.replies], [...effects, ...reading.end.effects]);
  }
  let f = write(step, f0, reading.value, ctx);
  if (reading.note) f = { ...f, notes: { ...f.notes, [step.name]: reading.note } };
  return advance(withTop(state, f), spec, f, ctx, [...replies, ...(reading.replies ?? [])], 'answered', '', effects);
}

const LATER = /不带|没带|没拿|不给|不想给|不方便|不提供|以后|回头|下次|再说|先不|先空|不用了?|不要了?|\b(?:later|not now|don'?t have (?:it|one)|rather not|skip|not with me|left it)\b/i;

/** An optional field, empty now, that the words name only to leave it empty. */
function notGivenNow(spec: FormSpec, text: string, form: FormState, ctx: FormContext): Step | null {
  if (!LATER.test(text) || contentSize(text) > 20) return null;
  return spec.steps.find((s) => s.optional && s.field && form.slots[s.name] == null && !s.field.hidden?.(form, ctx) && s.field.words.test(text)) ?? null;
}

/** "类别", "改类别", "change the kind": the field to ask again, when the words name it and nothing more. */
function namedField(spec: FormSpec, text: string, form: FormState, ctx: FormContext): Step | null {
  // ("I want to change the people affected", "我想改一下诉求", "诉求要改": the field named for a change, its value to follow.)
  const bare = text
    .trim()
    .replace(/^(?:(?:i(?:'d| would)? (?:want|like|need) to|i'?d like to|please|can (?:i|you)|let me)\s+)?(?:我要|我想|要|想|请|帮我)?(?:修改|改一下|改改|改|更改|change|edit|fix|correct)\s*(?:一下)?\s*(?:the\s+|my\s+)?/i, '')
    .replace(/(?:要|得|需要)?(?:改一下|改改|改|修改|不对|错了)$|\s+(?:is wrong|needs? (?:to be )?chang(?:e|ing|ed))$/i, '')
    .replace(/[。.!！?？]+$/, '')
    .trim();
  if (!bare || bare.length > 20) return null;
  const step = spec.steps.find((s) => s.field && !s.fixed && !s.field.hidden?.(form, ctx) && (t(ctx.locale, s.field.label) === bare || new RegExp(`^(?:${s.field.words.source})$`, 'i').test(bare)));
  return step ?? null;
}

function submitNow(state: ConversationState, spec: FormSpec, form: FormState, ctx: FormContext, replies: Reply[]): TurnResult {
  const effect = spec.submit(form, ctx);
  if (!effect) return advance(withTop(state, form), spec, form, ctx, replies, 'answered', '');
  return result(withTop(state, { ...form, asks: 0 }), replies, [effect]);
}

function editChoice(state: ConversationState, spec: FormSpec, ctx: FormContext, replies: Reply[]): TurnResult {
  const form = topForm(state)!;
  const l = ctx.locale;
  const buttons = spec.steps
    .filter((s) => s.field && !s.fixed && !s.field.hidden?.(form, ctx) && form.slots[s.name] !== undefined)
    .map((s) => ({ label: t(l, s.field!.label), payload: `edit:${s.name}` }));
  return result(state, [...replies, say(l, 'askWhichEdit', undefined, buttons)]);
}

/** A button pressed (or its label typed) while the form is open; null when it is not the form's. */
export function formPayload(state: ConversationState, spec: FormSpec, payload0: string, ctx: TurnContext): TurnResult | null {
  const form = topForm(state)!;
  const payload = spec.alias ? spec.alias(payload0) : payload0;
  const fctx = formCtx(state, ctx);
  const i = payload.indexOf(':');
  const kind = i < 0 ? payload : payload.slice(0, i);
  const arg = i < 0 ? '' : payload.slice(i + 1);
  switch (payload) {
    case 'cmd:cancel':
      return askCancel(state, spec, ctx);
    case 'cancel:yes':
      return form.asking === CANCEL_CHECK ? cancelForm(state, spec) : null;
    case 'cancel:no':
      return form.asking === CANCEL_CHECK ? resume(state, spec, ctx, []) : null;
    case 'confirm:yes':
      return form.asking === CONFIRM || nextStep(spec, form, fctx) === CONFIRM ? submitNow(state, spec, form, fctx, []) : null;
    case 'confirm:edit':
      return editChoice(state, spec, fctx, []);
  }
  if (kind === 'edit') {
    const step = stepOf(spec, arg);
    if (!step?.field) return null;
    const next = { ...form, asking: step.name, asks: 1 };
    return result(withTop(state, next), step.ask(next, fctx, false));
  }
  if (kind === 'skip') {
    const step = stepOf(spec, arg);
    if (!step?.optional) return null;
    const f = write(step, form, null, fctx);
    return advance(withTop(state, f), spec, f, fctx, [], 'answered', '');
  }
  for (const step of spec.steps) {
    if (!step.press || (step.name !== kind && buttonKeyOf(step) !== kind)) continue;
    const value = step.press(arg, form, fctx);
    if (value === undefined) return null;
    if (isReading(value)) return applyReading(state, spec, step, value, fctx, [], [], '');
    return formValue(state, spec, step, value, ctx);
  }
  return null;
}

/** Sets a step's value as if answered (a button) and goes on. */
export function formValue(state: ConversationState, spec: FormSpec, step: Step, value: unknown, ctx: TurnContext): TurnResult {
  const fctx = formCtx(state, ctx);
  const f = write(step, topForm(state)!, value, fctx);
  return advance(withTop(state, f), spec, f, fctx, [], 'answered', '');
}

const isReading = (v: unknown): v is Reading => typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';

/** Button prefixes that differ from the step's name (kept stable for channels and tests). */
const BUTTON_KEYS: Readonly<Record<string, string>> = { peopleCount: 'count', priorPetition: 'prior', name: 'anon' };
const buttonKeyOf = (step: Step) => BUTTON_KEYS[step.name] ?? step.name;
