/**
 * Finding the case (journey 3) as a form: the one this conversation verified or
 * filed, a pick from the citizen's own cases, or a case number with its 8-digit
 * query code. A wrong code and an unknown number get the same answer, so nobody
 * can probe which cases exist; two failures offer a person and close the lookup.
 */
import { normalizeCaseNumber } from '../../../domain/case/case-number.ts';
import { t } from '../../catalog/catalog.ts';
import { advance, startForm } from '../../form/run-form.ts';
import type { FormContext, FormSpec, Reading, Step } from '../../form/spec.ts';
import { button, result, say } from '../../replies.ts';
import type { Button, ConversationState, Effect, EffectEvent, CaseLookupAction, FormState, Locale, TurnContext, TurnResult } from '../../types.ts';
import { caseNumberIn, DIGRESSIONS, CASE_LOOKUP_INTENTS, intentOf, queryCodeIn } from './answers.ts';
import { caseOpened } from './citizen-actions.ts';
import { formatDate, statusName } from './citizen-case-view.ts';

/** How long look-ups pause after too many failures (the store's lockout policy). */
export const LOOKUP_PAUSE_MINUTES = 15;
const FAILURES_BEFORE_HELP = 2;

type Choice = { caseNumber: string; status: string; createdAt: string };

const helpButtons = (l: Locale): Button[] => [button(l, 'btnHuman', 'cmd:human'), button(l, 'btnCancel', 'cmd:cancel')];
const ok = (value: unknown): Reading => ({ ok: true, value });

function choiceButtons(form: FormState, ctx: FormContext): Button[] {
  const l = ctx.locale;
  const items = (form.meta['choices'] as Choice[] | undefined) ?? [];
  const buttons = items.map((c) => ({
    label: t(l, 'lookupCaseButton', { caseNumber: c.caseNumber, status: statusName(c.status as never, l), date: formatDate(c.createdAt, ctx.county, l) }),
    payload: `case:${c.caseNumber}`,
  }));
  return items.length > 0 ? [...buttons, button(l, 'lookupBtnOtherCase', 'case:other')] : [];
}

/** Wrong answers and refused look-ups so far in this lookup. */
const failuresOf = (f: FormState) => (f.meta['failures'] as number | undefined) ?? 0;
/** Asked again after a failed answer: the example and a person only once it is the second failure of the lookup (not of the step). */
const helpNow = (f: FormState, again: boolean) => again && failuresOf(f) + 1 >= FAILURES_BEFORE_HELP;

/** As sure as the engine must be to answer a message elsewhere. */
const ELSEWHERE_CONFIDENCE = 0.6;

/** A greeting, a guide question, a petition or another case request said instead of a number: no wrong number, the engine answers it. */
function notForLookup(ctx: FormContext): boolean {
  const i = ctx.nlu?.intent;
  return !!i && i.confidence >= ELSEWHERE_CONFIDENCE && (DIGRESSIONS.has(i.name) || CASE_LOOKUP_INTENTS[i.name] !== undefined);
}

/** No case yet, or not here to look one up: "我还没有编号啊", "我不是查进度，我是要新登记". */
export const NO_CASE_YET = /(?:还)?没(?:有)?(?:编号|案件号|案号|号码)|还没(?:有)?(?:登记|反映|提交)|没(?:登记|反映|提交)过|不是(?:要|来)?查(?:进度|案子)?|(?:要|想)(?:新)?登记|(?:要|想)反映(?:个|一个)?(?:新|别的)?(?:事|问题)|\b(?:i )?(?:don'?t|do not) have (?:a|the|any) (?:case )?number\b|\bhaven'?t (?:filed|registered|reported)\b|\bnot (?:checking|looking up)\b|\b(?:a )?new (?:petition|complaint|matter)\b/i;

const caseNumber: Step = {
  name: 'caseNumber',
  expecting: 'caseNumber',
  due: (f) => f.slots['caseNumber'] === undefined,
  read(w, _f, ctx) {
    const n = caseNumberIn({ text: w.text, payload: null, locale: null }, { ...ctx, nlu: null }, true);
    if (n) return ok(n);
    return notForLookup(ctx) ? null : { ok: false, replies: [say(ctx.locale, 'lookupBadCaseNumber')] };
  },
  apply(f, value, ctx) {
    if (value === 'other') return { ...f, meta: { ...f.meta, choices: null } };
    const n = value as string;
    const own = n === ctx.state.lastSubmitted?.caseNumber || n === ctx.state.verified?.caseNumber || ((f.meta['choices'] as Choice[] | null) ?? []).some((c) => c.caseNumber === n);
    // Wrong numbers before this one count toward the help, as refused look-ups do.
    return { ...f, slots: { ...f.slots, caseNumber: n }, meta: { ...f.meta, own, failures: failuresOf(f) + (f.fails ?? 0) } };
  },
  ask(f, ctx, again) {
    const l = ctx.locale;
    const choices = choiceButtons(f, ctx);
    if (choices.length > 0) return [say(l, 'lookupChooseCase', undefined, choices)];
    return helpNow(f, again) ? [say(l, 'lookupAskCaseNumber'), say(l, 'lookupLookupHelp', undefined, helpButtons(l))] : [say(l, 'lookupAskCaseNumber')];
  },
  giveUp: (f, _w, ctx) => ({ form: f, replies: [say(ctx.locale, 'lookupLookupHelp', undefined, helpButtons(ctx.locale))], end: true }),
  press: (arg) => (arg === 'other' ? 'other' : (normalizeCaseNumber(arg) ?? undefined)),
};

const queryCode: Step = {
  name: 'queryCode',
  expecting: 'queryCode',
  due: (f) => f.slots['caseNumber'] !== undefined && !f.meta['own'] && f.slots['queryCode'] === undefined,
  read(w, _f, ctx) {
    const code = queryCodeIn(w.text);
    if (code) return ok(code);
    return notForLookup(ctx) ? null : { ok: false, replies: [say(ctx.locale, 'lookupBadQueryCode')] };
  },
  ask: (f, ctx, again) => (helpNow(f, again) ? [say(ctx.locale, 'lookupAskQueryCode'), say(ctx.locale, 'lookupLookupHelp', undefined, helpButtons(ctx.locale))] : [say(ctx.locale, 'lookupAskQueryCode')]),
  giveUp: (f, _w, ctx) => ({ form: f, replies: [say(ctx.locale, 'lookupLookupHelp', undefined, helpButtons(ctx.locale))], end: true }),
};

function openEffect(form: FormState, state: ConversationState): Effect | null {
  const n = form.slots['caseNumber'] as string | undefined;
  if (!n) return null;
  if (n === state.verified?.caseNumber) return { type: 'reopen_case', caseNumber: n };
  if (form.meta['own']) return { type: 'open_own_case', caseNumber: n };
  const code = form.slots['queryCode'] as string | undefined;
  return code ? { type: 'lookup_case', caseNumber: n, queryCode: code } : null;
}

export const lookupSpec: FormSpec = {
  name: 'lookup',
  steps: [caseNumber, queryCode],
  mine(w, form, ctx) {
    const values: Record<string, unknown> = {};
    // The code after the number, or beside it in the same message ("XF2026… 01234567").
    const number = form.slots['caseNumber'] !== undefined || caseNumberIn({ text: w.text, payload: null, locale: null }, { ...ctx, nlu: null }, true) !== null;
    if (number && form.slots['queryCode'] === undefined) {
      const code = queryCodeIn(w.text);
      if (code) values['queryCode'] = code;
    }
    return { values };
  },
  // "我想补充材料" while the number is asked: the lookup is now for that, and asks again.
  absorb(_w, form, ctx) {
    const action = CASE_LOOKUP_INTENTS[intentOf(ctx) ?? ''];
    return action ? { form: { ...form, meta: { ...form.meta, action } }, replies: [] } : null;
  },
  submit: (form, ctx) => openEffect(form, ctx.state),
  confirmCancel: false,
  cancelled: 'lookupCancelled',
  alias: (p) => p.replace(/^case:/, 'caseNumber:'),
  onEvent(state, form, event, ctx) {
    return lookupEvent(state, form, event, ctx);
  },
};

const withoutTop = (state: ConversationState, form: FormState): ConversationState => ({ ...state, forms: state.forms.filter((f) => f.id !== form.id) });

function lookupEvent(state: ConversationState, form: FormState, event: EffectEvent, ctx: FormContext): TurnResult | null {
  const l = state.locale;
  switch (event.type) {
    case 'my_cases': {
      const [only, ...more] = event.items;
      if (only && more.length === 0) {
        const f = { ...form, slots: { caseNumber: only.caseNumber }, meta: { ...form.meta, own: true } };
        return result({ ...state, forms: [...state.forms.slice(0, -1), f] }, [], [{ type: 'open_own_case', caseNumber: only.caseNumber }]);
      }
      const f = { ...form, meta: { ...form.meta, choices: event.items.length > 0 ? event.items : null } };
      return advance({ ...state, forms: [...state.forms.slice(0, -1), f] }, lookupSpec, f, ctx, [], 'answered', '');
    }
    case 'case_opened':
      return caseOpened(withoutTop(state, form), form.meta['action'] as CaseLookupAction, event.view, ctx);
    case 'case_not_verified': {
      // A look at another case while filing: it gives way to the petition, which asks its question again.
      if (state.forms.some((f) => f.form === 'intake')) return result(withoutTop(state, form), [say(l, event.locked ? 'sideTripLocked' : 'sideTripNotFound')]);
      if (event.locked) return result(withoutTop(state, form), [say(l, 'lookupLocked', { minutes: LOOKUP_PAUSE_MINUTES }, helpButtons(l).slice(0, 1))]);
      const failures = ((form.meta['failures'] as number | undefined) ?? 0) + 1;
      if (failures >= FAILURES_BEFORE_HELP) return result(withoutTop(state, form), [say(l, 'lookupNotVerified'), say(l, 'lookupLookupHelp', undefined, helpButtons(l))]);
      const f: FormState = { ...form, slots: {}, asking: null, asks: 0, meta: { ...form.meta, failures, own: false, choices: null } };
      return advance({ ...state, forms: [...state.forms.slice(0, -1), f] }, lookupSpec, f, ctx, [say(l, 'lookupNotVerified')], 'answered', '');
    }
    default:
      return null;
  }
}

/** A lookup for an action on a case: the case typed in the message, the conversation's own, or the list of its cases. */
export function startLookup(state: ConversationState, action: CaseLookupAction, text: string | null, ctx: TurnContext, opts: { askNumber?: boolean } = {}): TurnResult {
  const form: FormState = { form: 'lookup', id: `fu${ctx.now.getTime().toString(36)}`, slots: {}, asking: null, asks: 0, notes: {}, meta: { action, failures: 0 } };
  const typed = text ? caseNumberIn({ text, payload: null, locale: null }, ctx) : null;
  const base = { ...state, forms: state.forms.filter((f) => f.form !== 'lookup' && f.form !== 'supplement' && f.form !== 'review' && f.form !== 'rating') };
  if (typed) {
    const own = typed === state.lastSubmitted?.caseNumber || typed === state.verified?.caseNumber;
    const code = text ? queryCodeIn(text) : null;
    const f = { ...form, slots: { caseNumber: typed, ...(code && !own ? { queryCode: code } : {}) }, meta: { ...form.meta, own } };
    return startForm(base, lookupSpec, f, ctx);
  }
  if (opts.askNumber) return startForm(base, lookupSpec, form, ctx);
  const known = state.verified?.caseNumber ?? state.lastSubmitted?.caseNumber;
  if (known) return startForm(base, lookupSpec, { ...form, slots: { caseNumber: known }, meta: { ...form.meta, own: true } }, ctx);
  return result({ ...base, forms: [...base.forms, form] }, [], [{ type: 'list_my_cases' }]);
}
