/**
 * The screening report (矛盾纠纷排查) of a bound grid worker, as a form: parties,
 * place (inside the worker's grid), facts, people, urgency, category; the
 * township is the worker's own and never asked. The intake's readers read the
 * answers; only the grid's own rules are here.
 */
import { readPeopleCount } from '../../../nlu/answers/people-count.ts';
import { findPlace } from '../../../nlu/answers/place.ts';
import type { Entity } from '../../../nlu/extractors/types.ts';
import { t } from '../../catalog/catalog.ts';
import type { FormContext, Mined, Reading, Step, Words } from '../../form/spec.ts';
import { button, say } from '../../replies.ts';
import type { FormState } from '../../types.ts';
import { ask } from '../ask.ts';
import { readCategory } from '../intake/category.ts';
import { contentSize, isRefusal, scrubPersonal, STORY_SIZE } from '../intake/text.ts';
import { URGENCIES, type GridWorkerContext, type Urgency } from './types.ts';

export const MAX_FACTS = 2000;
const MAX_SHORT = 300;

const ok = (value: unknown): Reading => ({ ok: true, value });
const failed = (...replies: ReturnType<typeof say>[]): Reading => ({ ok: false, replies });
const slot = <T>(f: FormState, name: string) => f.slots[name] as T | undefined;
const grid = (ctx: FormContext) => ctx.grid as GridWorkerContext;

/** Phones and ID numbers never stay in free text; names of the parties do (they are the report). */
const scrubNumbers = (text: string, entities: readonly Entity[], l: 'zh' | 'en') =>
  scrubPersonal(text, entities.filter((e) => e.type === 'phone' || e.type === 'id_number'), l);

/** A place the worker may report: anywhere in the township, or inside one of their villages. */
export function placeInGrid(place: string, g: GridWorkerContext): boolean {
  return g.villages.length === 0 || g.villages.some((v) => place.includes(v));
}

/** The message names another township than the worker's own. */
export function foreignTownship(w: Words, ctx: FormContext): boolean {
  return w.entities.some((e) => e.type === 'township' && e.value !== grid(ctx).township);
}

const DANGER = /现实危险|立即危险|有危险|危险|动刀|打起来|伤人|自杀|轻生|跳楼|堵路|immediate|danger|emergency|violence/i;
const URGENT = /紧急|很急|急|尽快|urgent|asap|soon/i;
const NORMAL = /一般|不急|不紧急|普通|正常|normal|not urgent|routine/i;

export function readUrgency(text: string): Urgency | null {
  if (NORMAL.test(text)) return 'normal';
  if (DANGER.test(text)) return 'danger';
  if (URGENT.test(text)) return 'urgent';
  return null;
}

const urgencyName = (l: 'zh' | 'en', u: Urgency) => t(l, `scrUrg_${u}`);
const notGiven = (ctx: FormContext) => t(ctx.locale, 'scrNotGiven');

const parties: Step = {
  name: 'parties',
  expecting: 'respondent',
  free: true,
  due: (f) => slot(f, 'parties') === undefined,
  read: (w, _f, ctx) => (w.text.trim().length >= 2 ? ok(scrubNumbers(w.text, w.entities, ctx.locale).slice(0, MAX_SHORT)) : failed(say(ctx.locale, 'scrTooShort'))),
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'scrAskParties' }, again),
  giveUp: (f, words) => ({ form: { ...f, slots: { ...f.slots, parties: words || '—' } }, replies: [] }),
  field: { label: 'scrFParties', words: /当事人|parties/i, show: (f, ctx) => slot<string>(f, 'parties') ?? notGiven(ctx) },
};

const township: Step = {
  name: 'township',
  expecting: null,
  fixed: true,
  due: () => false,
  read: () => null,
  // Never asked; chosen from the summary's edit list, it says why it stays, with the summary's way on.
  ask: (_f, ctx) => [
    say(ctx.locale, 'scrOnlyOwnTownship', { township: grid(ctx).township }, [button(ctx.locale, 'scrBtnConfirm', 'confirm:yes'), button(ctx.locale, 'confirmEdit', 'confirm:edit')]),
  ],
  giveUp: (f) => ({ form: f, replies: [] }),
  field: { label: 'scrFTownship', words: /(?!)/, show: (f) => slot<string>(f, 'township') ?? '' },
};

const place: Step = {
  name: 'place',
  expecting: 'address',
  optional: true,
  due: (f) => slot(f, 'place') === undefined,
  read(w, _f, ctx) {
    const g = grid(ctx);
    if (foreignTownship(w, ctx)) return failed(say(ctx.locale, 'scrOnlyOwnTownship', { township: g.township }));
    if (isRefusal(w.text)) return g.villages.length === 0 ? ok(null) : failed(say(ctx.locale, 'scrPlaceOutside', { villages: g.villages.join('、') }));
    if (!placeInGrid(w.text, g)) return failed(say(ctx.locale, 'scrPlaceOutside', { villages: g.villages.join('、') }));
    return ok(scrubNumbers(w.text, w.entities, ctx.locale).slice(0, MAX_SHORT));
  },
  ask(_f, ctx, again) {
    const g = grid(ctx);
    const l = ctx.locale;
    if (g.villages.length > 0) {
      const buttons = g.villages.slice(0, 12).map((v) => ({ label: v, payload: `place:${v}` }));
      return ask(l, { key: 'scrAskPlaceVillages', params: { example: g.villages[0]! }, buttons }, again);
    }
    return ask(l, { key: 'scrAskPlace', params: { township: g.township }, buttons: [button(l, 'scrSkip', 'skip:place')] }, again);
  },
  // "Skip" only where the grid is the whole township: a worker with villages names one of them.
  apply: (f, value, ctx) => (value === null && grid(ctx).villages.length > 0 ? f : { ...f, slots: { ...f.slots, place: value } }),
  giveUp: (f, words, ctx) => ({ form: { ...f, slots: { ...f.slots, place: grid(ctx).villages.length === 0 || !words ? null : words.slice(0, MAX_SHORT) } }, replies: [] }),
  press: (arg, _f, ctx) => (arg && placeInGrid(arg, grid(ctx)) ? arg : undefined),
  field: { label: 'scrFPlace', words: /地点|地方|村|place|location/i, show: (f, ctx) => slot<string | null>(f, 'place') ?? notGiven(ctx) },
};

const facts: Step = {
  name: 'facts',
  expecting: 'facts',
  free: true,
  due: (f) => slot(f, 'facts') === undefined,
  read: (w, _f, ctx) => (contentSize(w.text) >= 4 ? ok(scrubPersonal(w.text, w.entities, ctx.locale).slice(0, MAX_FACTS)) : failed(say(ctx.locale, 'scrTooShort'))),
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'scrAskFacts' }, again),
  giveUp: (f, words) => ({ form: { ...f, slots: { ...f.slots, facts: words || '—' } }, replies: [] }),
  field: { label: 'scrFFacts', words: /经过|事情|情况|what happened|facts/i, show: (f) => slot<string>(f, 'facts') ?? '' },
};

const peopleCount: Step = {
  name: 'peopleCount',
  expecting: 'peopleCount',
  due: (f) => slot(f, 'peopleCount') === undefined,
  read: (w, _f, ctx) => {
    const v = readPeopleCount(w.text);
    return v ? ok(v.n) : failed(say(ctx.locale, 'scrBadPeople'));
  },
  ask: (_f, ctx, again) => ask(ctx.locale, { key: 'scrAskPeople' }, again),
  giveUp: (f) => ({ form: { ...f, slots: { ...f.slots, peopleCount: 1 } }, replies: [] }),
  field: { label: 'scrFPeople', words: /人数|多少人|people|persons/i, show: (f, ctx) => t(ctx.locale, 'scrPeopleUnit', { n: slot<number>(f, 'peopleCount') ?? 0 }) },
};

const urgency: Step = {
  name: 'urgency',
  expecting: null,
  due: (f) => slot(f, 'urgency') === undefined,
  read: (w, _f, ctx) => {
    const u = readUrgency(w.text);
    return u ? ok(u) : failed(say(ctx.locale, 'scrBadUrgency'));
  },
  ask(_f, ctx, again) {
    const l = ctx.locale;
    return ask(l, { key: 'scrAskUrgency', buttons: URGENCIES.map((u) => ({ label: urgencyName(l, u), payload: `urgency:${u}` })) }, again);
  },
  // Unsure: urgent, so staff look at it soon rather than late.
  giveUp: (f) => ({ form: { ...f, slots: { ...f.slots, urgency: 'urgent' } }, replies: [] }),
  press: (arg) => ((URGENCIES as readonly string[]).includes(arg) ? arg : undefined),
  field: { label: 'scrFUrgency', words: /紧急程度|紧急|urgency|urgent/i, show: (f, ctx) => (slot<Urgency>(f, 'urgency') ? urgencyName(ctx.locale, slot<Urgency>(f, 'urgency')!) : notGiven(ctx)) },
};

const category: Step = {
  name: 'category',
  expecting: 'category',
  due: (f) => slot(f, 'category') === undefined,
  read(w, _f, ctx) {
    const guess = readCategory(w.text, ctx.county, ctx.readers, { story: false });
    return guess ? ok(guess.code) : failed();
  },
  ask: (_f, ctx, again) =>
    ask(ctx.locale, { key: 'scrAskCategory', buttons: ctx.county.categories.map((c) => ({ label: ctx.locale === 'zh' ? c.nameZh : c.nameEn, payload: `category:${c.code}` })) }, again),
  giveUp: (f, _w, ctx) => ({ form: { ...f, slots: { ...f.slots, category: ctx.county.fallbackCategory } }, replies: [] }),
  press: (arg, _f, ctx) => (ctx.county.categories.some((c) => c.code === arg) ? arg : undefined),
  field: {
    label: 'scrFCategory',
    words: /类别|类型|category|kind/i,
    show(f, ctx) {
      const c = ctx.county.categories.find((x) => x.code === slot(f, 'category'));
      return c ? (ctx.locale === 'zh' ? c.nameZh : c.nameEn) : notGiven(ctx);
    },
  },
};

export const SCREENING_STEPS: readonly Step[] = [parties, township, place, facts, peopleCount, urgency, category];

/** What one message holds for the report; a place in another township is no place of this grid. */
export function mineScreening(w: Words, form: FormState, ctx: FormContext, asking: string | null): Mined {
  const values: Record<string, unknown> = {};
  const replies = [];
  const story = contentSize(w.text) >= STORY_SIZE || asking === null || asking === 'facts';
  if (foreignTownship(w, ctx) && asking !== 'place') replies.push(say(ctx.locale, 'scrOnlyOwnTownship', { township: grid(ctx).township }));
  if (story) {
    const where = findPlace(w.text, ctx.county.townships);
    if (where && placeInGrid(where, grid(ctx)) && !foreignTownship(w, ctx)) values['place'] = where;
    const count = readPeopleCount(w.text, { narrative: true });
    if (count) values['peopleCount'] = count.n;
    if (slot(form, 'category') === undefined) {
      const guess = readCategory(w.text, ctx.county, ctx.readers, { story: true });
      if (guess) values['category'] = guess.code;
    }
  }
  return { values, replies };
}
