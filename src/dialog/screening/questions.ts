/** The report's questions (with buttons where a choice is easier), its summary and its menus. */
import { t, type MessageKey } from '../catalog/index.ts';
import { categoryButtons } from '../intake/questions.ts';
import { button, say } from '../replies.ts';
import type { Button, Expecting, Locale, Reply, TurnContext } from '../types.ts';
import { URGENCIES, type GridWorkerContext, type ScreeningSlot, type ScreeningSlots, type Urgency } from './state.ts';

/** The order of the questions; the township is the worker's own and never asked. */
export const SCREENING_ORDER: readonly ScreeningSlot[] = ['parties', 'place', 'facts', 'peopleCount', 'urgency', 'category'];

/** Slots answered in the worker's own words (a question there may still be a digression). */
export const FREE_SLOTS: ReadonlySet<ScreeningSlot> = new Set(['parties', 'facts']);

const LABEL: Record<ScreeningSlot | 'township', MessageKey> = {
  parties: 'scrFParties',
  township: 'scrFTownship',
  place: 'scrFPlace',
  facts: 'scrFFacts',
  peopleCount: 'scrFPeople',
  urgency: 'scrFUrgency',
  category: 'scrFCategory',
};

/** The contract's `expecting` nearest to each question (urgency has none: null). */
const EXPECTING: Record<ScreeningSlot | 'confirm', Expecting | null> = {
  parties: 'respondent',
  place: 'address',
  facts: 'facts',
  peopleCount: 'peopleCount',
  urgency: null,
  category: 'category',
  confirm: 'confirm',
};

export const expectingOf = (asking: ScreeningSlot | 'confirm'): Expecting | null => EXPECTING[asking];

export const urgencyName = (l: Locale, u: Urgency) => t(l, `scrUrg_${u}`);

export const gridButtons = (l: Locale): Button[] => [button(l, 'scrBtnReport', 'grid:report'), button(l, 'scrBtnReports', 'grid:reports')];

export function nextScreeningSlot(slots: ScreeningSlots): ScreeningSlot | null {
  return SCREENING_ORDER.find((s) => slots[s] === undefined) ?? null;
}

export function askScreening(slot: ScreeningSlot, l: Locale, ctx: TurnContext): Reply {
  const grid = ctx.grid!;
  switch (slot) {
    case 'place':
      return grid.villages.length > 0
        ? say(l, 'scrAskPlaceVillages', { example: grid.villages[0]! }, grid.villages.slice(0, 12).map((v) => ({ label: v, payload: `scr:place:${v}` })))
        : say(l, 'scrAskPlace', { township: grid.township }, [button(l, 'scrSkip', 'scr:skip:place')]);
    case 'urgency':
      return say(l, 'scrAskUrgency', undefined, URGENCIES.map((u) => ({ label: urgencyName(l, u), payload: `scr:urgency:${u}` })));
    case 'category':
      return say(l, 'scrAskCategory', undefined, categoryButtons(l, ctx.county));
    case 'parties':
      return say(l, 'scrAskParties');
    case 'facts':
      return say(l, 'scrAskFacts');
    case 'peopleCount':
      return say(l, 'scrAskPeople');
  }
}

export function valueText(slot: ScreeningSlot | 'township', s: ScreeningSlots, l: Locale, ctx: TurnContext): string {
  const v = s[slot];
  if (v === undefined || v === null) return t(l, 'scrNotGiven');
  if (slot === 'peopleCount') return t(l, 'scrPeopleUnit', { n: Number(v) });
  if (slot === 'urgency') return urgencyName(l, v as Urgency);
  if (slot === 'category') {
    const c = ctx.county.categories.find((x) => x.code === v);
    return c ? (l === 'zh' ? c.nameZh : c.nameEn) : String(v);
  }
  return String(v);
}

export const slotLabel = (l: Locale, slot: ScreeningSlot | 'township') => t(l, LABEL[slot]);

/** "涉及人数 30人；地点 李家村" for the noted/corrected lines. */
export function describe(keys: readonly (ScreeningSlot | 'township')[], s: ScreeningSlots, l: Locale, ctx: TurnContext): string {
  return keys
    .filter((k) => k !== 'facts')
    .map((k) => `${slotLabel(l, k)} ${valueText(k, s, l, ctx)}`)
    .join(l === 'zh' ? '；' : '; ');
}

export function screeningSummary(s: ScreeningSlots, l: Locale, ctx: TurnContext): Reply {
  const slots: (ScreeningSlot | 'township')[] = ['parties', 'township', 'place', 'facts', 'peopleCount', 'urgency', 'category'];
  const lines = slots.map((k) => `${slotLabel(l, k)}：${valueText(k, s, l, ctx)}`);
  return {
    text: `${t(l, 'scrSummaryTitle')}\n${lines.join('\n')}\n${t(l, 'scrSummaryAsk')}`,
    buttons: [button(l, 'scrBtnConfirm', 'scr:confirm'), button(l, 'scrBtnEdit', 'scr:edit'), button(l, 'btnCancel', 'cmd:cancel')],
  };
}

export function editButtons(l: Locale): Reply {
  return { text: t(l, 'scrAskWhichEdit'), buttons: SCREENING_ORDER.map((slot) => ({ label: slotLabel(l, slot), payload: `scr:edit:${slot}` })) };
}

/** Only the worker's own township: said when a message names another one. */
export const ownTownshipOnly = (l: Locale, grid: GridWorkerContext): Reply => say(l, 'scrOnlyOwnTownship', { township: grid.township });
