/**
 * Booking a slot at a leaders' reception day (预约接访): which day (offered as buttons,
 * or typed — "第一个", "15号", "县长那天"), the citizen's name and phone, and a short
 * description of the matter; then the summary to confirm, then the booking (the app
 * checks the day and the places again). A first message may already name the leader,
 * the name and the phone ("我叫张桂兰 13812345678 想预约见县长").
 */
import { readName } from '../../../nlu/answers/name.ts';
import { t } from '../../catalog/catalog.ts';
import { startForm, formReprompt } from '../../form/run-form.ts';
import type { FormContext, FormSpec, Step, Words } from '../../form/spec.ts';
import { button, result, say } from '../../replies.ts';
import type { ConversationState, FormState, Reply, TurnContext, TurnResult } from '../../types.ts';
import { contentSize } from '../intake/text.ts';
import { bookableAhead, dayText, leaderNamed, scheduleReply, sessionKeyOf, sessionParams, sessionPicked } from './schedule.ts';

const MAX_DESCRIPTION = 300;

const slot = (f: FormState, name: string) => f.slots[name] as string | undefined;
const pop = (state: ConversationState, form: FormState): ConversationState => ({ ...state, forms: state.forms.filter((f) => f.id !== form.id) });
const offeredOf = (ctx: FormContext | TurnContext) => bookableAhead(ctx);
const chosen = (f: FormState, ctx: FormContext) => offeredOf(ctx).find((s) => sessionKeyOf(s) === slot(f, 'session'));
const lines = (ctx: FormContext) => offeredOf(ctx).map((s, i) => `${i + 1}. ${t(ctx.locale, 'rcpSessionShow', sessionParams(s, ctx.locale))}`).join('\n');
const giveUp = (f: FormState, ctx: FormContext) => ({ form: f, replies: [say(ctx.locale, 'rcpGaveUp')], end: true });

const session: Step = {
  name: 'session',
  expecting: null,
  // A day picked earlier that has since closed is asked again.
  due: (f, ctx) => !chosen(f, ctx),
  read(w, _f, ctx) {
    const picked = sessionPicked(w.text, w.entities, offeredOf(ctx));
    return picked ? { ok: true, value: sessionKeyOf(picked) } : { ok: false, replies: [] };
  },
  ask(_f, ctx, again) {
    const l = ctx.locale;
    const offered = offeredOf(ctx);
    const buttons = offered.map((s) => ({ label: t(l, 'rcpSessionShow', sessionParams(s, l)), payload: `session:${sessionKeyOf(s)}` }));
    const example = offered[0] ? dayText(offered[0].day, l).date : '';
    return [say(l, again ? 'rcpAskSessionAgain' : 'rcpAskSession', { lines: lines(ctx), example }, [...buttons, ...(again ? [button(l, 'btnHuman', 'cmd:human')] : [])])];
  },
  giveUp: (f, _w, ctx) => giveUp(f, ctx),
  press: (arg, _f, ctx) => (offeredOf(ctx).some((s) => sessionKeyOf(s) === arg) ? arg : undefined),
  field: {
    label: 'rcpFSession',
    words: /哪天|日期|时间|接访日|那天|\b(?:day|date)\b/i,
    show: (f, ctx) => {
      const s = chosen(f, ctx);
      return s ? t(ctx.locale, 'rcpSessionShow', sessionParams(s, ctx.locale)) : '';
    },
  },
};

const name: Step = {
  name: 'name',
  expecting: 'name',
  due: (f) => slot(f, 'name') === undefined,
  read(w, _f, ctx) {
    const entity = w.entities.find((e) => e.type === 'person_name');
    if (entity) return { ok: true, value: String(entity.value) };
    const r = readName(w.text, ctx.county.townships);
    return r && 'name' in r ? { ok: true, value: r.name } : { ok: false, replies: [say(ctx.locale, 'rcpBadName')] };
  },
  ask: (_f, ctx) => [say(ctx.locale, 'rcpAskName')],
  giveUp: (f, _w, ctx) => giveUp(f, ctx),
  field: { label: 'rcpFName', words: /名字|姓名|\bname\b/i, show: (f) => slot(f, 'name') ?? '' },
};

const phone: Step = {
  name: 'phone',
  expecting: 'phone',
  entity: 'phone',
  due: (f) => slot(f, 'phone') === undefined,
  read(w, _f, ctx) {
    const p = w.entities.find((e) => e.type === 'phone');
    if (p) return { ok: true, value: String(p.value) };
    return { ok: false, replies: /\d{5,}/.test(w.text) ? [say(ctx.locale, 'rcpBadPhone')] : [] };
  },
  ask: (_f, ctx) => [say(ctx.locale, 'rcpAskPhone')],
  giveUp: (f, _w, ctx) => giveUp(f, ctx),
  field: { label: 'rcpFPhone', words: /电话|手机|号码|phone|mobile|number/i, show: (f) => slot(f, 'phone') ?? '' },
};

const description: Step = {
  name: 'description',
  expecting: 'facts',
  free: true,
  due: (f) => slot(f, 'description') === undefined,
  read(w, _f, ctx) {
    const text = w.text.trim();
    if (contentSize(text) < 6) return { ok: false, replies: [say(ctx.locale, 'rcpDescriptionShort')] };
    if (text.length > MAX_DESCRIPTION) return { ok: false, replies: [say(ctx.locale, 'rcpDescriptionLong')] };
    return { ok: true, value: text };
  },
  ask: (_f, ctx) => [say(ctx.locale, 'rcpAskDescription')],
  giveUp: (f, _w, ctx) => giveUp(f, ctx),
  field: { label: 'rcpFDescription', words: /事情|事项|内容|反映的|\b(?:matter|description)\b/i, show: (f) => slot(f, 'description') ?? '' },
};

/** Slots a message fills besides the one asked: the leader's day, a name introduced, a phone. */
function mine(w: Words, f: FormState, ctx: FormContext, asking: string | null): { values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  if (asking !== 'session' && !chosen(f, ctx)) {
    const offered = offeredOf(ctx);
    const leader = leaderNamed(w.text, offered);
    const s = leader ? offered.find((x) => x.sessionId === leader) : null;
    if (s) values['session'] = sessionKeyOf(s);
  }
  const intro = w.entities.find((e) => e.type === 'person_name');
  if (asking !== 'name' && intro && slot(f, 'name') === undefined) values['name'] = String(intro.value);
  const p = w.entities.find((e) => e.type === 'phone');
  if (asking !== 'phone' && p && slot(f, 'phone') === undefined) values['phone'] = String(p.value);
  return { values };
}

export const receptionSpec: FormSpec = {
  name: 'reception',
  steps: [session, name, phone, description],
  mine,
  summary: { title: 'rcpSummaryTitle', ask: 'rcpSummaryAsk', submitLabel: 'rcpSubmit' },
  submit(f, ctx) {
    const s = chosen(f, ctx);
    const [n, p, d] = [slot(f, 'name'), slot(f, 'phone'), slot(f, 'description')];
    if (!s || !n || !p || !d) return null;
    return { type: 'book_reception', draft: { formId: f.id, sessionId: s.sessionId, day: s.day, name: n, phone: p, description: d, locale: ctx.locale } };
  },
  confirmCancel: false,
  cancelled: 'rcpCancelled',
  onEvent(state, form, event, ctx) {
    const l = ctx.locale;
    if (event.type === 'reception_booked') {
      const s = offeredOf(ctx).find((x) => x.sessionId === event.sessionId && x.day === event.day) ?? chosen(form, ctx);
      const params = s ? sessionParams(s, l) : { ...dayText(event.day, l), from: '', to: '', leader: '', place: '', topics: '' };
      return result(pop(state, form), [say(l, 'rcpBooked', { ...params, position: event.position })]);
    }
    if (event.type === 'reception_refused') {
      const date = dayText(event.day, l).date;
      return result(pop(state, form), [say(l, event.reason === 'full' ? 'rcpFull' : 'rcpClosed', { date }), say(l, 'rcpOtherDays')]);
    }
    return null;
  },
};

/** "预约接访", the booking button: the form, unless one is open (then it goes on) or no day is open for booking. */
export function startReception(state: ConversationState, text: string | null, ctx: TurnContext): TurnResult {
  const open = state.forms.find((f) => f.form === 'reception');
  if (open) return formReprompt({ ...state, forms: [...state.forms.filter((f) => f !== open), open] }, receptionSpec, ctx, false);
  const l = state.locale;
  if (bookableAhead(ctx).length === 0) return result({ ...state, misunderstood: 0 }, [scheduleReply(ctx, l), say(l, 'rcpNoBookable')]);
  const form: FormState = { form: 'reception', id: `reception${ctx.now.getTime().toString(36)}`, slots: {}, asking: null, asks: 0, notes: {}, meta: {} };
  const words = text ? { text, entities: ctx.nlu?.entities ?? [] } : undefined;
  return startForm(state, receptionSpec, form, ctx, [], words);
}

/** "领导哪天接访？", "我想见县长": the days to come, with the way to book. */
export const receptionAnswer = (state: ConversationState, ctx: TurnContext): Reply => scheduleReply(ctx, state.locale);
