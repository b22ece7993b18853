/**
 * The conversation engine: (state, input, context) → (state, replies, effects).
 * Pure: no I/O, no clock but ctx.now. The form on top (a petition, a case lookup,
 * a grid report) gets the message first; what it does not take is answered by
 * intent (a digression), after which the form asks its open question again.
 */
import type { IntentName } from '../nlu/intents.ts';
import { answerQuestions } from './faq.ts';
import { askCancel, expectingOfForm, formMessage, formPayload, formReprompt, topForm } from './form/run-form.ts';
import { ARE_YOU_BOT, BRIEF_PAUSE, asksForLeader, asksForPerson, isQuestionLike, segment, type Question } from './form/segment.ts';
import { readCategory } from './forms/intake/category.ts';
import { contentSize } from './forms/intake/text.ts';
import { typedButton } from './form/typed-button.ts';
import { startAction } from './forms/case-lookup/citizen-actions.ts';
import { callbackAnswerEvent, callbackAnswerTurn } from './callback-answer.ts';
import { NO_CASE_YET, startLookup } from './forms/case-lookup/lookup-form.ts';
import { specOf } from './forms/form-specs.ts';
import { startIntake } from './forms/intake/intake-form.ts';
import { receptionAnswer, startReception } from './forms/reception/reception-form.ts';
import { RECEPTION_ASK, receptionWish } from './forms/reception/words.ts';
import { gridEventReply } from './forms/screening/events.ts';
import { gridMenu, runSlash, slashCommand } from './forms/screening/grid.ts';
import { channelText, guideText, type GuideTopic } from './guide.ts';
import { requestHandoff } from './handoff.ts';
import { button, menuButtons, result, say } from './replies.ts';
import { inDanger, lifeAtStake, markRisk, riskOfTurn, riskReplies, withRisk } from './risk.ts';
import { upgradeState } from './state-upgrade.ts';
import type { Button, ConversationState, Effect, EffectEvent, CaseLookupAction, FormState, Reply, TurnContext, TurnInput, TurnResult } from './types.ts';

/** Below this, an intent is treated as not understood. */
export const MIN_CONFIDENCE = 0.5;

const GUIDE_INTENTS: Partial<Record<IntentName, GuideTopic>> = {
  guide_procedure: 'procedure',
  guide_conduct: 'conduct',
  guide_rights: 'rights',
};

const CASE_LOOKUP_INTENTS: Partial<Record<IntentName, CaseLookupAction>> = {
  case_status: 'status',
  case_supplement: 'supplement',
  complaint_review: 'review',
};

/** The person asked for is not needed after all. */
const NO_PERSON =
  /(?:不用|不要|不需要|别|甭)(?:再)?(?:转|找|叫)?(?:人工|真人|工作人员)|(?:never ?mind|no need for|don'?t need) (?:the |a )?(?:person|human|staff|member of staff|real person)|cancel (?:the )?(?:human|person|transfer)|(?:转|叫|找)(?:人工|真人|工作人员)(?:干嘛|干啥|做啥|做什么|干什么)|(?:为啥|为什么|咋|怎么)(?:要|就|给(?:我|俺))?(?:转|叫|找)(?:了)?(?:人工|真人|工作人员)|(?:我|俺)(?:又|也|都)?没(?:要|让|叫|说)(?:你)?(?:转|找)?(?:人工|真人|工作人员)|\bwhy (?:did |do |would )?you (?:call|get|bring|transfer|hand|pass)(?:ed|ing)? (?:me )?(?:to )?(?:staff|a human|a person|someone|the staff|a member of staff)\b|\bi (?:didn'?t|did not|never) ask(?:ed)? (?:for )?(?:a |the )?(?:human|person|staff|transfer)\b/i;

export function handleMessage(state0: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  const state1 = upgradeState(state0);
  // Early warning first: calm words and a person, then the message as usual.
  // A grid worker reporting a risk is not the person at risk: the report is flagged instead.
  const risk = ctx.grid ? null : riskOfTurn(state1, input, ctx);
  const state = risk || (ctx.grid && ctx.nlu?.risk?.level === 'risk') ? markRisk(state1) : state1;
  // A life in danger: the calm words, the emergency numbers and a person — nothing else in that reply
  // (no rules, no form question). Filing goes on when the citizen, or the staff member, chooses.
  if (risk && inDanger(risk) && state.handoff?.reason !== 'risk') {
    // (After a filing with nothing open, the words are about that case — flagged by the caller — not a new one.)
    const afterFiling = state.forms.length === 0 && state.lastSubmitted !== null;
    return stayForAPerson(state, input, ctx, riskReplies(state, risk, ctx), { readStory: !afterFiling, flag: true });
  }
  // Someone's body in danger now ("她现在喘不上气", "should I call 120?") or a hazard to people now ("房子随时要塌
  // 一家人还住在里面", a gas leak): the number that sends help first and a person, nothing asked in that reply;
  // the story is kept. Said again while a person is on the way: those words again.
  const atStake = !risk && !ctx.grid && state.expecting !== 'staff' && input.text ? lifeAtStake(input.text, state, ctx) : null;
  if (atStake && state.handoff?.reason !== 'risk') {
    return stayForAPerson(state, input, ctx, atStake.first, { readStory: true, flag: false, midForm: true });
  }
  const r = resumed(state, dispatch(state, input, ctx), ctx);
  if (atStake) return finish({ ...r, replies: [atStake.again, ...r.replies] });
  if (!risk) return finish(r);
  return finish(withRisk(state, r, risk, requestHandoff(r.state, 'risk', ctx), ctx));
}

/**
 * A life at stake: the words that help first and a person — nothing else in that reply (no rules, no form
 * question). What the message tells is kept when it is a first story (`readStory`), never as the answer to the
 * question open ("俺真是不想活了" is no demand); filing goes on when the citizen, or the staff member, chooses.
 * `flag`: the draft is marked a risk (a threat), not for a medical emergency or a hazard. `midForm`: told while a
 * question is open, the message joins the story of the form on top (a hazard or an illness is part of the matter).
 */
function stayForAPerson(state: ConversationState, input: TurnInput, ctx: TurnContext, first: Reply[], opts: { readStory: boolean; flag: boolean; midForm?: boolean }): TurnResult {
  const answering = state.forms.some((f) => f.asking !== null);
  const read = opts.readStory && !answering ? dispatch(state, input, ctx).state : opts.readStory && opts.midForm ? toldBeside(state, input, ctx) : state;
  const kept = opts.flag ? markRisk(read) : read;
  const quiet = { ...kept, forms: kept.forms.map((f) => ({ ...f, asking: null, asks: 0, fails: 0 })) };
  const handoff = requestHandoff({ ...quiet, misunderstood: 0 }, 'risk', ctx);
  return finish({ state: handoff.state, replies: [...first, ...handoff.replies], effects: handoff.effects });
}

/** More of the story told while the form on top asks something else: its own rule (`absorb`) decides what joins. */
function toldBeside(state: ConversationState, input: TurnInput, ctx: TurnContext): ConversationState {
  const top = topForm(state);
  const text = input.text ?? '';
  const told = top ? specOf(top.form).absorb?.({ text, entities: ctx.readers.entities(text) }, top, { ...ctx, locale: state.locale, state }) : null;
  return told ? { ...state, forms: state.forms.map((f) => (f.id === top!.id ? told.form : f)) } : state;
}

export function handleEvent(state0: ConversationState, event: EffectEvent, ctx: TurnContext): TurnResult {
  const state = upgradeState(state0);
  const fctx = { ...ctx, locale: state.locale, state };
  let r: TurnResult | null = gridEventReply(state, event, ctx) ?? callbackAnswerEvent(state, event, ctx);
  // The form the event answers: the top one, or (a filing after a side trip) one below it.
  for (const form of [...state.forms].reverse()) {
    if (r) break;
    r = specOf(form.form).onEvent?.(state, form, event, fctx) ?? null;
  }
  return finish(resumed(state, r ?? result(state, []), ctx));
}

/** `expecting` from the top form (a person answering wins), and the buttons offered. */
function finish(r: TurnResult): TurnResult {
  const s = r.state;
  const top = topForm(s);
  const expecting = s.expecting === 'staff' ? 'staff' : top ? expectingOfForm(specOf(top.form), top) : null;
  const offered = dedupe(r.replies.flatMap((x) => x.buttons ?? []));
  return { ...r, state: { ...s, expecting, offered: offered.length > 0 ? offered : undefined } };
}

function dedupe(buttons: Button[]): Button[] {
  const seen = new Set<string>();
  return buttons.filter((b) => !seen.has(b.payload) && seen.add(b.payload)).slice(0, 24);
}

/**
 * A form left below another (a petition while a case was looked up): once the
 * one on top is gone and nothing waits for an event, it asks its question again.
 */
function resumed(before: ConversationState, r: TurnResult, ctx: TurnContext): TurnResult {
  const top = topForm(r.state);
  if (!top || top.id === topForm(before)?.id || !before.forms.some((f) => f.id === top.id)) return r;
  if (r.effects.some((e) => e.type !== 'request_handoff' && e.type !== 'record_outcome')) return r;
  const again = formReprompt(r.state, specOf(top.form), ctx);
  return { state: again.state, replies: [...r.replies, ...again.replies], effects: [...r.effects, ...again.effects] };
}

/** A message without its clause declining a person (and the "算了" before it): what else it says. */
function besidePerson(text: string): string {
  return text
    .replace(new RegExp(`[^，,。.!！？?]*(?:${NO_PERSON.source})[^，,。.!！？?]*[，,。.!！？?]?`, 'gi'), '')
    // ("我又没闹事…我自己填", "i am calm. let me fill it myself": said of the hand-over, not the matter.)
    .replace(/(?:^|[\s，,。.!！？?]+)(?:(?:我|俺)(?:又|也)?没(?:闹事|闹|闹腾|发火|生气)(?:啊|呀|嘛)?|(?:我|俺)(?:自己)?(?:来)?(?:填|写|弄)(?:吧|就行|就好)?|(?:i'?m|i am) (?:calm|fine|ok(?:ay)?|not angry)|let me (?:fill|do|write|finish) (?:it|this)(?: in)?(?: myself| on my own)?|i can do (?:it|this) myself)(?=$|[\s，,。.!！？?])/gi, ' ')
    .replace(/^[\s，,。.!！]*(?:(?:算了|那|那就|好吧|行|ok(?:ay)?|never ?mind|i(?:'ll| will) wait|(?:我|俺)(?:先)?等(?:着|一下)?(?:吧)?|one more thing:?|还有(?:一个事|个事)?[:：]?)[\s，,。.!！]*)*/i, '')
    .trim();
}

function dispatch(state0: ConversationState, input0: TurnInput, ctx: TurnContext): TurnResult {
  // A bare slash command ("/bind 12345678") says nothing about the language.
  const slash = slashCommand(input0.text);
  const state = { ...state0, locale: input0.locale ?? (slash ? null : ctx.nlu?.locale) ?? state0.locale };
  // A person holds the chat: the bot stays silent; the caller relays the message.
  if (state.expecting === 'staff') return result(state, []);
  if (slash) return runSlash(state, slash, ctx);
  // Typing a button's label is pressing it.
  const typed = !input0.payload && input0.text ? typedButton(input0.text, state.offered) : null;
  const input: TurnInput = typed ? { ...input0, payload: typed.payload } : input0;
  const answer = callbackAnswerTurn(state, input);
  if (answer) return answer;

  const top = topForm(state);
  // "算了不用转人工了" after asking for a person (or being handed over): the chat leaves the staff queue
  // and no wish to stop the petition is read into it — the form goes on. A risk hand-over stays.
  if (state.handoff && state.handoff.reason !== 'risk' && !input.payload && input.text && NO_PERSON.test(input.text)) {
    const kept = { ...state, handoff: null, misunderstood: 0 };
    const withdraw: Effect = { type: 'withdraw_handoff' };
    // ("actually never mind the human… one more thing: what is the procedure after I file?": the rest is heard too.)
    const after = besidePerson(input.text);
    if (!top && contentSize(after) >= 4) {
      // (Read afresh: the whole message's intent was the withdrawal.)
      const next = dispatch(kept, { ...input, text: after }, { ...ctx, nlu: ctx.nlu ? { ...ctx.nlu, intent: ctx.readers.intent(after), entities: ctx.readers.entities(after) } : null });
      return { ...next, replies: [say(state.locale, 'personWithdrawn'), ...next.replies], effects: [...next.effects, withdraw] };
    }
    if (!top) return result(kept, [say(state.locale, 'personWithdrawn')], [withdraw]);
    // ("算了，不用转人工了，那就先提交吧": the rest of the message answers the form.)
    const rest = besidePerson(input.text);
    const again = (contentSize(rest) >= 2 ? formMessage(kept, specOf(top.form), rest, ctx) : null) ?? formReprompt(kept, specOf(top.form), ctx, false);
    return { ...again, replies: [say(state.locale, 'personNotNeeded'), ...again.replies], effects: [...again.effects, withdraw] };
  }
  // After words that sounded like danger, "俺没想干啥…不用转人工。算农业的吧…": the person still comes (staff
  // decide), and the rest of the message answers the form.
  if (top && state.handoff?.reason === 'risk' && !input.payload && input.text && NO_PERSON.test(input.text)) {
    const rest = besidePerson(input.text);
    const own = contentSize(rest) >= 2 ? formMessage(state, specOf(top.form), rest, ctx) : null;
    const next = own ?? formReprompt(state, specOf(top.form), ctx, false);
    return { ...next, replies: [say(state.locale, 'personStillComing'), ...next.replies] };
  }
  // "我还没有编号啊…", "我不是查进度，我是要新登记一个事情" while a lookup waits for a number: the lookup ends and
  // the message is heard as if none were open (a story starts a petition, a question is answered).
  if (top && top.form === 'lookup' && top.asking === 'caseNumber' && !input.payload && input.text && NO_CASE_YET.test(input.text)) {
    const rest = { ...state, forms: state.forms.filter((f) => f !== top) };
    return dispatch(rest, input, ctx);
  }
  // "register it anyway" while a case lookup waits for a number: the kept draft is meant, not a case.
  if (top && top.form !== 'intake' && state.parked && !input.payload && input.text && BRING_BACK.test(input.text)) {
    const back = parkedTurn({ ...state, forms: state.forms.filter((f) => f !== top) }, input.text.trim(), ctx);
    if (back) return back;
  }
  if (top) {
    const spec = specOf(top.form);
    const own = input.payload ? formPayload(state, spec, input.payload, ctx) : input.text !== null ? formMessage(state, spec, input.text.trim(), ctx) : null;
    if (own) return own;
    // Not the form's: answered elsewhere, then the form asks again.
    const other = ctx.grid ? gridMenu(state, input, ctx, (s, i) => citizen(s, i, ctx)) : citizen(state, input, ctx);
    return withReprompt(other, state, ctx);
  }
  return ctx.grid ? gridMenu(state, input, ctx, (s, i) => citizen(s, i, ctx)) : citizen(state, input, ctx);
}

/** After a digression inside a form, ask the form's open question again. */
function withReprompt(r: TurnResult, before: ConversationState, ctx: TurnContext): TurnResult {
  const top = topForm(r.state);
  if (!top || top.id !== topForm(before)?.id || r.state.expecting === 'staff') return r;
  if (r.effects.some((e) => e.type !== 'request_handoff' && e.type !== 'record_outcome')) return r;
  const again = formReprompt(r.state, specOf(top.form), ctx);
  return { state: again.state, replies: [...r.replies, ...again.replies], effects: [...r.effects, ...again.effects] };
}

type Command = IntentName | 'petition' | 'status' | 'unsupported';

const COMMANDS: Readonly<Record<string, Command>> = {
  'cmd:start': 'greet',
  // A channel's message without words (voice, sticker, location).
  'cmd:unsupported': 'unsupported',
  'cmd:petition': 'petition',
  'cmd:status': 'status',
  'cmd:cancel': 'cancel',
  'cmd:human': 'handoff_human',
  'cmd:help': 'help',
  'guide:procedure': 'guide_procedure',
  'guide:conduct': 'guide_conduct',
  'guide:rights': 'guide_rights',
};

/** Words that ask how a case stands ("status", "进度", "查查我的案子"). */
/** The matter filed, asked after in the citizen's words ("俺那低保的事有人管没有", "上回交上去那个咋样了"). */
const FILED_ASKED =
  /(?:那|这|上回|上次|刚才|之前|俺的|我的)[^，,。？?\s]{0,8}?事(?:儿|情)?[^，,。？?\s]{0,4}?(?:有人管(?:了)?没(?:有)?|有人管吗|管了没(?:有)?|办了没(?:有)?|咋样了|怎么样了|有信儿(?:了)?没|有消息(?:了)?没|有回音(?:了)?没)|(?:交上去|报上去|提交|登记)的?(?:那个|那件)?[^，,。？?\s]{0,4}(?:咋样了|怎么样了|有消息没|有人管没|办了没)|\b(?:any (?:news|update|word)|what(?:'s| is) happening) (?:on|with|about) (?:my|the|our) (?:case|complaint|petition|report)\b|\bhas anyone (?:looked at|picked up|handled) (?:my|the|our) (?:case|complaint|petition|report)\b/i;
const ASKS_STATUS = /\b(?:status|progress)\b|进度|进展|查(?:一下|查)?(?:我的)?(?:案子|案件)/i;

/** The case looked up after what was answered first (a question asked beside the status). */
function lookupAfter(before: TurnResult, text: string, ctx: TurnContext): TurnResult {
  const lookup = startLookup(before.state, 'status', text, ctx);
  return { state: lookup.state, replies: [...before.replies, ...lookup.replies], effects: [...before.effects, ...lookup.effects] };
}

/** The citizen's side when no form takes the message. */
function citizen(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  if (input.payload) return payloadTurn(state, input, ctx);
  const text = input.text?.trim() ?? '';
  if (!text) return misunderstood(state);
  const parked = parkedTurn(state, text, ctx);
  if (parked) return parked;
  // "你是真人吗": about us, not a request for a person.
  if (ARE_YOU_BOT.test(text) && text.length <= 40) return result({ ...state, misunderstood: 0 }, [say(state.locale, 'faqBot')]);
  // "等一下，来电话了" with nothing being filed: no new petition, just a moment's wait.
  if (BRIEF_PAUSE.test(text) && contentSize(text) <= 24) return result({ ...state, misunderstood: 0 }, [say(state.locale, 'pauseNoDraft')]);
  // "I want to check the status. case XF… code …. and can I add a photo?", "ok. and the status?": the case looked up,
  // a question beside it answered first.
  // ("俺那低保的事有人管没有 马德胜知道了没" after filing: the case filed asked after, not a new one told.)
  const filedAsked = !!state.lastSubmitted && FILED_ASKED.test(text) && contentSize(text) <= 40;
  if (state.forms.length === 0 && (filedAsked || (ASKS_STATUS.test(text) && (ctx.nlu?.entities.some((e) => e.type === 'case_number') || (contentSize(text) <= 12 && !!state.lastSubmitted))))) {
    const asked = segment(text, ctx.readers, { free: false }).questions.filter((q) => q.topic !== null && q.topic !== 'progress' && q.topic !== 'duration');
    const answers = asked.length > 0 ? answerQuestions(asked, state, null, null, { ...ctx, locale: state.locale, state }) : [];
    return lookupAfter(result({ ...state, misunderstood: 0 }, answers), text, ctx);
  }
  // Just after filing, "刚才说错了…", "补充一句…", "one more thing…" belong to the case just filed.
  const added = addToJustFiled(state, text, ctx);
  if (added) return added;
  // ("医院的结账单子要不要交给你们 咋交" after filing: questions about the case filed, answered — no new petition.)
  if (state.lastSubmitted && state.forms.length === 0) {
    const seg = segment(text, ctx.readers, { free: false });
    const asked = seg.questions.filter((q) => q.topic !== null);
    if (asked.length > 0 && contentSize(seg.answer.replace(/^(?:咋|怎么)(?:交|给|弄|办)$/, '')) <= 10) return result({ ...state, misunderstood: 0 }, answerQuestions(asked, state, null, null, { ...ctx, locale: state.locale, state }));
  }
  const nlu = ctx.nlu;
  const unsure = !nlu || nlu.intent.confidence < MIN_CONFIDENCE;
  const person = asksForPerson(text);
  // A grievance told outright is a petition, whatever else the model heard in it ("…i got nothing. who do i
  // talk to" is no call for a person).
  // (Not while a petition is being filed: there the story is the form's, and a person heard is handed over.)
  const heardPerson = nlu?.intent.name === 'handoff_human' && !person && !state.forms.some((f) => f.form === 'intake');
  const overridden = unsure || STORY_OVERRIDES.has(nlu!.intent.name) || heardPerson;
  if (overridden && tellsAMatter(text, ctx)) return startPetition(state, text, ctx);
  // ("你们这个平坟到底有没有王法？我爹的坟半夜就给挖了…": a grievance heard as a status question, with no case and no
  // word of following one, is a petition.)
  const statusWithoutCase = nlu?.intent.name === 'case_status' && !nlu.entities.some((e) => e.type === 'case_number') && !/进度|进展|查询|查一下|查查|结果|怎么样了|办得|办到|到哪|回复|答复|编号|status|progress|my case|update|案子|案件|受理/i.test(text);
  const toldBeside = statusWithoutCase ? text.split(/(?<=[。.!！?？])/).filter((x) => !isQuestionLike(x)).join('') : '';
  if (statusWithoutCase && state.forms.length === 0 && (tellsAMatter(text, ctx) || (contentSize(toldBeside) >= 10 && (readCategory(toldBeside, ctx.county, ctx.readers, { story: true }) !== null || GRIEVANCE.test(toldBeside))))) return startPetition(state, text, ctx);
  // "我要找你们领导！…今天必须给个说法！": the story is filed and the person asked for comes.
  if (person && (nlu?.intent.name === 'petition_start' || nlu?.intent.name === 'handoff_human')) {
    const withPerson = petitionWithPerson(state, text, ctx);
    if (withPerson) return withPerson;
  }
  // "低保被取消了", "my permit was cancelled by the bureau": something taken from the citizen, no command to cancel.
  // ("低保被取消了可以信访吗" asks: it is answered, below.)
  if (nlu?.intent.name === 'cancel' && CANCELLED_BY_OTHERS.test(text) && !/[吗么][?？]?\s*$|[?？]\s*$/.test(text) && readCategory(text, ctx.county, ctx.readers, { story: true }) !== null) return startPetition(state, text, ctx);
  // "领导哪天接访？", "我想见县长", "预约接访": the leaders' reception days, and booking one.
  const wish = receptionWish(text);
  if (wish === 'book') return startReception(state, text, ctx);
  if (wish === 'ask') {
    // "I want to speak to your leader! The township took our land…": the reception days, and the story filed.
    const told = !state.forms.some((f) => f.form === 'intake') && !state.parked ? storyBeside(text, (x) => RECEPTION_ASK.test(x), ctx) : null;
    const started = told ? startPetition(state, told, ctx) : null;
    if (started) return { ...started, replies: [receptionAnswer(state, ctx), ...started.replies] };
    return result({ ...state, misunderstood: 0 }, [receptionAnswer(state, ctx)]);
  }
  if (unsure) return questionsOr(state, text, ctx, () => misunderstood(state));
  return answerIntent(state, nlu!.intent.name, input, ctx);
}

/** The story told beside a wish (for a person, for a leader's reception day), or null when none is told. */
function storyBeside(text: string, wish: (clause: string) => boolean, ctx: TurnContext): string | null {
  const rest = text
    .split(/(?<=[。！!？?；;.，,])\s*/)
    .filter((x) => !wish(x))
    .join(' ')
    // (Chinese clauses are joined as typed, without the space English needs.)
    .replace(/(?<=[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff])\s+/g, '')
    .replace(/[，,\s]+$/, '')
    .trim();
  return contentSize(rest) >= 10 && (tellsAMatter(rest, ctx) || ctx.readers.intent(rest).name === 'petition_start' || GRIEVANCE.test(rest)) ? rest : null;
}

/** A story beside a call for a person: the petition starts with the story, and the person is asked for. */
function petitionWithPerson(state: ConversationState, text: string, ctx: TurnContext): TurnResult | null {
  if (state.forms.some((f) => f.form === 'intake') || state.parked) return null;
  const rest = storyBeside(text, asksForPerson, ctx);
  if (!rest) return null;
  const started = startPetition(state, rest, ctx);
  const handoff = requestHandoff(started.state, 'requested', ctx);
  const l = state.locale;
  const hint = asksForLeader(text) ? [say(l, 'leaderReceptionHint')] : [];
  return { state: handoff.state, replies: [...handoff.replies, ...hint, ...started.replies], effects: [...started.effects, ...handoff.effects] };
}

/** Intents a told grievance overrides (a question would not read as a story). */
/** A benefit, permit or place cancelled by someone (passive or with what was cancelled named before it). */
const CANCELLED_BY_OTHERS = /[\u4e00-\u9fff]{2,}(?:被|给|叫|让)?[^，。\s]{0,6}(?:取消|注销|吊销|撤销|停)(?:了|掉)|被(?:取消|注销|吊销|撤销)|\b(?:was|were|got|has been|have been) (?:cancelled|canceled|revoked|stopped|cut)\b/i;

const STORY_OVERRIDES: ReadonlySet<string> = new Set(['out_of_scope', 'guide_procedure', 'guide_conduct', 'guide_rights', 'help', 'greet', 'thanks']);

/** "你好，我叫芮小燕，想反映个事": a greeting that announces a petition. */
const ANNOUNCES = /(?:想|要|来)(?:反映|反应|投诉|举报|上访|告状|登记)|\b(?:want|would like|need) to (?:report|complain|file|petition|make a complaint)\b/i;

function tellsAMatter(text: string, ctx: TurnContext): boolean {
  if (ANNOUNCES.test(text) && !isQuestionLike(text)) return true;
  if (contentSize(text) < 10) return false;
  if (!isQuestionLike(text)) return readCategory(text, ctx.county, ctx.readers, { story: true }) !== null;
  // "My boss hasn't paid me for three months. Will he find out if I complain?": a story told
  // before a question about it is a petition (the question is answered when it starts).
  const sentences = text.trim().split(/(?<=[。.!！?？])\s*/).filter(Boolean);
  const told = sentences.filter((x) => !isQuestionLike(x)).join(' ');
  if (sentences.length < 2 || !/[?？]\s*$/.test(sentences.at(-1)!) || contentSize(told) < 14) return false;
  // (A wrong done told at length is a matter even when its kind is unclear: "My landlord cut off the heating…")
  return readCategory(told, ctx.county, ctx.readers, { story: true }) !== null || (contentSize(told) >= 40 && GRIEVANCE.test(told));
}

/** Something done to the citizen, in so many words. */
const GRIEVANCE =
  /\b(?:cut (?:off|my)|turned off|refused|refuses|won'?t (?:pay|give|fix|return|let)|hasn'?t (?:paid|fixed|returned)|has not (?:paid|fixed)|not (?:paid|returned|fixed)|owes?|owed|took (?:my|our)|stole|broke|damaged|evict\w*|threaten\w*|fined|closed (?:my|our)|demolished|polluted|blocked)\b|不给|不退|拖欠|欠(?:我|俺|了)|占了|拆了|扣了|停了|断了|不管|不理|打了|罚了/i;

function payloadTurn(state: ConversationState, input: TurnInput, ctx: TurnContext): TurnResult {
  const p = input.payload!;
  const command = COMMANDS[p];
  if (command === 'petition') return startPetition(state, null, ctx);
  if (command === 'status') return startLookup(state, 'status', null, ctx);
  if (command === 'unsupported') return result(state, [say(state.locale, 'unsupportedMessage')]);
  if (command) return answerIntent(state, command, input, ctx);
  if (p === 'parked:resume') return resumeParked(state, ctx);
  if (p === 'reception:book') return startReception(state, null, ctx);
  if (p === 'parked:new') return startIntake({ ...state, parked: null }, (state.parked?.meta['pendingStory'] as string | undefined) ?? null, ctx);
  if (p === 'case:other') return startLookup(state, 'status', null, ctx, { askNumber: true });
  if (p.startsWith('case:')) return startLookup(state, 'status', p.slice(5), ctx);
  if (p.startsWith('fu:')) return callbackButton(state, p.slice(3), ctx);
  const rate = /^rate:(acceptance|handling):(\w+)$/.exec(p);
  if (rate && state.verified) {
    const started = startAction(state, 'rating', state.verified.caseNumber, ctx, [], { stage: rate[1] });
    return formPayload(started.state, specOf('rating'), `satisfaction:${rate[2]}`, ctx) ?? started;
  }
  return misunderstood(state);
}

/** `fu:supplement`, `fu:review`, `fu:rate:<stage>` on the verified case (or after finding one). */
function callbackButton(state: ConversationState, action: string, ctx: TurnContext): TurnResult {
  const verified = state.verified?.caseNumber;
  const kind: CaseLookupAction = action === 'supplement' || action === 'review' ? action : action.startsWith('rate') ? 'rate' : 'status';
  if (!verified) return startLookup(state, kind, null, ctx);
  if (kind === 'supplement') return startAction(state, 'supplement', verified, ctx);
  if (kind === 'review') return startAction(state, 'review', verified, ctx);
  if (kind === 'rate') return startAction(state, 'rating', verified, ctx, [], { stage: action.slice(5) === 'acceptance' ? 'acceptance' : 'handling' });
  return startLookup(state, 'status', null, ctx);
}

/** A new petition, unless one is open (then it goes on) or one was just stopped (then it is offered back). */
function startPetition(state: ConversationState, text: string | null, ctx: TurnContext): TurnResult {
  const open = state.forms.find((f) => f.form === 'intake');
  if (open) {
    const reordered = { ...state, forms: [...state.forms.filter((f) => f !== open), open] };
    const again = formReprompt(reordered, specOf('intake'), ctx, false);
    return { ...again, replies: [say(state.locale, 'alreadyFiling'), ...again.replies] };
  }
  if (state.parked && !text) {
    const l = state.locale;
    return result(state, [say(l, 'parkedFound', undefined, [button(l, 'parkedResume', 'parked:resume'), button(l, 'parkedNew', 'parked:new')])]);
  }
  return startIntake(state, text, ctx);
}

const BRING_BACK =
  /想了想|还是(?:要)?(?:登记|反映|登上|交|提交|报|说|告)|我还是想|继续(?:登记|刚才|反映)|刚才(?:说的|的内容|那个|那件)?(?:还在|接着)|接着(?:登记|刚才)|给(?:我|俺)登上|接着(?:上次|刚才|之前)|(?:上次|之前|刚才)(?:没)?(?:登|说)完的|register it anyway|go on with (?:it|the petition)|continue (?:with )?(?:it|the|my|what)|what i (?:wrote|said|told you) (?:before|earlier)|pick (?:it )?up where|where we (?:left|stopped)|still want to (?:file|register|report)|file it after all|changed my mind/i;

/**
 * A stopped draft brought back in the citizen's words ("还是登记吧", "register it anyway"),
 * with whatever more they say in the same message taken into it; a new story while one is
 * kept aside asks which they mean.
 */
function parkedTurn(state: ConversationState, text: string, ctx: TurnContext): TurnResult | null {
  if (!state.parked) return null;
  const triage = ctx.readers.answer('triage', text);
  const back = BRING_BACK.test(text) || (state.parked.meta['stopped'] === 'triage' && triage?.label === 'continue' && triage.confidence >= 0.7);
  if (back) {
    // The sentence that brings it back goes; what else is said may answer the open question.
    const rest = text
      .split(/(?<=[。！!？?；;.])\s*/)
      .map((x) => (BRING_BACK.test(x) ? x.replace(BRING_BACK, '').replace(/^[\s,，。.!！吧啊]+/, '') : x))
      .filter((x) => !isQuestionLike(x) && contentSize(x) >= 2)
      .join(' ')
      .trim();
    if (contentSize(rest) < 8 || ctx.readers.entities(rest).length === 0) return resumeParked(state, ctx);
    const reopened = { ...state, parked: null, forms: [...state.forms, reopen(state.parked)] };
    const more = formMessage(reopened, specOf('intake'), rest, ctx);
    if (more) return { ...more, replies: [say(state.locale, 'cancelCheckResumed'), ...more.replies] };
    return resumeParked(state, ctx);
  }
  if (ctx.nlu?.intent.name === 'petition_start' || tellsAMatter(text, ctx)) {
    const l = state.locale;
    // The new words wait with the choice: "start a new one" files them.
    const parked = { ...state.parked, meta: { ...state.parked.meta, pendingStory: text.slice(0, 2000) } };
    return result({ ...state, parked }, [say(l, 'parkedFound', undefined, [button(l, 'parkedResume', 'parked:resume'), button(l, 'parkedNew', 'parked:new')])]);
  }
  return null;
}

/** A parked draft made ready to go on (a stop at the lawful-channel question counts as "register anyway"). */
function reopen(parked: FormState): FormState {
  const slots = parked.meta['stopped'] === 'triage' ? { ...parked.slots, triage: 'continue' } : parked.slots;
  return { ...parked, slots, asking: null, asks: 0, meta: { ...parked.meta, stopped: null, pendingStory: null } };
}

function resumeParked(state: ConversationState, ctx: TurnContext): TurnResult {
  const parked = state.parked;
  if (!parked) return startIntake(state, null, ctx);
  const next = { ...state, parked: null, forms: [...state.forms, reopen(parked)] };
  const again = formReprompt(next, specOf('intake'), ctx, false);
  return { ...again, replies: [say(state.locale, 'cancelCheckResumed'), ...again.replies] };
}

/** Questions asked outside a form get their real answers (how long, which unit, retaliation…). */
function questionsOr(state: ConversationState, text: string, ctx: TurnContext, otherwise: () => TurnResult): TurnResult {
  const seg = segment(text, ctx.readers, { free: false });
  const answers = answerQuestions(seg.questions, state, null, null, { ...ctx, locale: state.locale, state });
  return answers.length > 0 ? result({ ...state, misunderstood: 0 }, answers) : otherwise();
}

/** Intents whose words may carry a question that is the point ("Thanks, but can I send a letter instead?"). */
const QUESTION_FIRST: ReadonlySet<string> = new Set(['thanks', 'greet', 'goodbye', 'help', 'affirm', 'deny', 'handoff_human', 'case_supplement']);

/**
 * The questions in a message whose intent would otherwise answer it: "Thanks, but you didn't answer: can I
 * send a letter…?", "急死了，能快点吗", "…When will someone get back to me?" (no call for a person), and just
 * after filing "Can I add photos of the dead fish?" (how to add them, not the case shown).
 */
function questionsBeside(state: ConversationState, intent: IntentName, text: string, ctx: TurnContext): TurnResult | null {
  if (!QUESTION_FIRST.has(intent)) return null;
  if (intent === 'handoff_human' && asksForPerson(text)) return null;
  // ("我想问问材料咋给你们" before any case: how material is given, not a case to pick.)
  const howToGive = /咋|怎么|如何|哪里|哪儿|\bhow\b|\bwhere\b/i.test(text) && !ctx.readers.entities(text).some((e) => e.type === 'case_number');
  if (intent === 'case_supplement' && (state.forms.length > 0 || (!state.lastSubmitted && !howToGive))) return null;
  const seg = segment(text, ctx.readers, { free: false });
  const narrow = (q: Question) => q.topic !== null && q.topic !== 'human';
  const asked = intent === 'case_supplement' ? seg.questions.filter((q) => q.topic === 'materials') : intent === 'handoff_human' ? seg.questions.filter(narrow) : seg.questions;
  if (asked.length === 0) return null;
  return result({ ...state, misunderstood: 0 }, answerQuestions(asked, state, null, null, { ...ctx, locale: state.locale, state }));
}

function answerIntent(state0: ConversationState, intent: IntentName, input: TurnInput, ctx: TurnContext): TurnResult {
  const state = { ...state0, misunderstood: 0 };
  const l = state.locale;
  const guide = GUIDE_INTENTS[intent];
  const text = input.text?.trim() ?? '';
  if (guide) return questionsOr(state, text, ctx, () => result(state, [{ text: guideText(ctx.county, guide, l) }]));
  const asked = text ? questionsBeside(state, intent, text, ctx) : null;
  const lookupAction = CASE_LOOKUP_INTENTS[intent];
  // ("I want to check the status. case XF… code …. and can I add a photo?": the question answered, and the case looked up.)
  if (asked && lookupAction === 'status' && ASKS_STATUS.test(text)) return lookupAfter(asked, text, ctx);
  if (asked) return asked;
  if (lookupAction) return startLookup(state, lookupAction, text || null, ctx);
  switch (intent) {
    case 'greet':
      return result(state, [say(l, 'welcome', { county: ctx.county.county.name[l] }, state.forms.length > 0 ? undefined : menuButtons(l))]);
    case 'help':
      return result(state, [say(l, 'help', undefined, menuButtons(l))]);
    case 'thanks':
      return result(state, [say(l, 'thanks')]);
    case 'goodbye':
      return result(state, [say(l, 'goodbye')]);
    case 'petition_start':
      return startPetition(state, text || null, ctx);
    case 'handoff_human':
      return requestHandoff(state, 'requested', ctx);
    case 'cancel': {
      const top = topForm(state);
      if (top) return askCancel(state, specOf(top.form), ctx);
      return result(state, [say(l, 'nothingToCancel', undefined, menuButtons(l))]);
    }
    case 'affirm':
      if (state.lastSubmitted) {
        const { caseNumber, queryCode } = state.lastSubmitted;
        return result(state, [say(l, 'alreadySubmitted', { caseNumber, queryCode })]);
      }
      return result(state, [say(l, 'neutralAck', undefined, menuButtons(l))]);
    case 'deny':
      return result(state, [say(l, 'neutralAck', undefined, menuButtons(l))]);
    default:
      return questionsOr(state0, text, ctx, () => misunderstood(state0));
  }
}

/** Words that correct or add to what was told, said when no form is open. */
const AFTER_FILING =
  /我还没说完|还没(?:让|叫|说)(?:你)?(?:提交|交)|没(?:让|叫)(?:你)?(?:提交|交)|(?:咋|怎么)(?:就)?(?:提交|交)(?:上去)?了|\b(?:didn'?t|did not|never) (?:say|tell you to|ask you to) (?:submit|file)\b|(?:我|俺)?(?:要|想|还要|还想)补充|忘说了|忘记说|(?:能|可以)(?:补上|补进去|加上|加进去)|补充[:：]|刚才(?:说|写|记)错|记错了|说错了|写错了|搞错了|更正|补充一(?:句|下|点)|再补充|还要补充|忘了说|漏了一?(?:句|点)|再说一句|加一句|\b(?:correction|i (?:forgot|made a mistake|got .{1,20} wrong)|one more thing|i want to (?:add|correct)|to add to (?:my|the) (?:case|petition)|sorry,? (?:one|a) correction)\b/i;

/** Files named: photos, videos, recordings, documents. */
const FILES = /照片|相片|图片|视频|录像|录音|截图|文件|\b(?:photos?|pictures?|pics|images?|videos?|recordings?|screenshots?|files?|documents?|scans?)\b/i;

/** A correction or addition made right after a filing goes to that case as material, with the citizen told so. */
function addToJustFiled(state: ConversationState, text: string, ctx: TurnContext): TurnResult | null {
  const filed = state.lastSubmitted;
  if (!filed || state.forms.length > 0 || state.parked || !AFTER_FILING.test(text)) return null;
  if (ctx.nlu?.entities.some((e) => e.type === 'case_number' && e.value !== filed.caseNumber)) return null;
  // "I want to add some photos of the dead fish", "我想补几张照片": files are sent, not told — said how, nothing stored.
  if (FILES.test(text) && contentSize(text) <= 24) return result({ ...state, misunderstood: 0 }, [say(state.locale, 'faqMaterialsFiled', { caseNumber: filed.caseNumber })]);
  const started = startAction(state, 'supplement', filed.caseNumber, ctx);
  const top = topForm(started.state)!;
  // "咋就提交了 我还没说完 我要补充：…": the material is what follows the word.
  const lead = /^.{0,40}?补充(?:一下|一句|一点)?[:：]\s*/.exec(text);
  const said = lead && text.length - lead[0].length >= 4 ? text.slice(lead[0].length) : text;
  // "还有个事忘说了 …住院了 这个能补上不": the words about adding are no part of the material.
  const material = said
    .replace(/^(?:(?:还有个事|还有件事|对了)[\s，,]*)?(?:(?:我|俺)?(?:忘说了|忘了说|忘记说了?)[\s，,:：]*)?(?:(?:我|俺)?刚才那个案子[\s，,]*)?/, '')
    .replace(/[\s，,]*(?:这个|这些|这事)?(?:能|可以)(?:补上|补进去|加上|加进去)(?:不|吗|么)?[？?]?$/, '')
    .trim();
  const r = formMessage(started.state, specOf(top.form), material.length >= 4 ? material : said, ctx);
  if (!r) return null;
  return { ...r, replies: [say(state.locale, 'addingToFiled', { caseNumber: filed.caseNumber }), ...r.replies] };
}

/** A message the dialogue could not finish (a fault, logged by the caller): said honestly, the state as it was. */
export function failedTurn(state: ConversationState): TurnResult {
  return result(state, [say(state.locale, 'turnFailed')]);
}

function misunderstood(state0: ConversationState): TurnResult {
  const state = { ...state0, misunderstood: state0.misunderstood + 1 };
  const l = state.locale;
  if (state.misunderstood >= 2) {
    return result(state, [say(l, 'misunderstoodTwice', undefined, [button(l, 'btnHuman', 'cmd:human'), ...menuButtons(l).slice(0, 3)])]);
  }
  return result(state, [say(l, 'misunderstood', undefined, menuButtons(l))]);
}

export { requestHandoff, channelText };
export type { Reply };
