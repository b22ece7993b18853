/**
 * Reading a grid worker's answers. The intake's extractors do the work (mineSlots
 * for township, place, people and category with its correction rules; readPeopleCount;
 * the category classifier); this file only maps them onto the report's slots and adds
 * the grid's own rules: the township is the worker's, the place inside their villages.
 */
import type { Entity } from '../../nlu/extractors/types.ts';
import { readPeopleCount } from '../intake/answers.ts';
import { categoryFromAnswer } from '../intake/category.ts';
import { mineSlots, scrubPersonal, type Mined } from '../intake/extract.ts';
import { contentSize, isRefusal } from '../intake/text-signals.ts';
import type { MessageKey } from '../catalog/index.ts';
import type { SlotName, TurnContext } from '../types.ts';
import type { GridWorkerContext, ScreeningSlot, ScreeningSlots, Urgency } from './state.ts';

export const MAX_FACTS = 2000;
const MAX_SHORT = 300;

const AS_PETITION: Partial<Record<ScreeningSlot, SlotName>> = { place: 'address', facts: 'facts', peopleCount: 'peopleCount', category: 'category' };

export interface ScreeningMined {
  slots: ScreeningSlots;
  corrected: ScreeningSlot[];
  /** The message named another township than the worker's (refused: a grid is one township). */
  foreignTownship: boolean;
  /** The intake's own reading, for readPeopleCount. */
  raw: Mined;
}

/** Phones and ID numbers never stay in free text; names of the parties do (they are the report). */
export const scrubNumbers = (text: string, entities: readonly Entity[]) =>
  scrubPersonal(text, entities.filter((e) => e.type === 'phone' || e.type === 'id_number'));

/** A place the worker may report: anywhere in the township, or inside one of their villages. */
export function placeInGrid(place: string, grid: GridWorkerContext): boolean {
  return grid.villages.length === 0 || grid.villages.some((v) => place.includes(v));
}

/** Everything one message holds for the report (corrections replace, otherwise only empty slots fill). */
export function mineScreening(text: string, ctx: TurnContext, current: ScreeningSlots, asking: ScreeningSlot | null, narrative: boolean): ScreeningMined {
  const grid = ctx.grid!;
  const entities = ctx.nlu?.entities ?? [];
  const now = { township: current.township, address: current.place, peopleCount: current.peopleCount, category: current.category };
  const raw = mineSlots(text, entities, now, asking ? (AS_PETITION[asking] ?? null) : null, ctx.county, { narrative });
  const slots: ScreeningSlots = {};
  const foreignTownship = raw.slots.township !== undefined && raw.slots.township !== grid.township;
  // A place said together with another township is not in this grid.
  if (typeof raw.slots.address === 'string' && placeInGrid(raw.slots.address, grid) && !foreignTownship) slots.place = raw.slots.address;
  if (raw.slots.peopleCount !== undefined) slots.peopleCount = raw.slots.peopleCount;
  if (raw.slots.category !== undefined) slots.category = raw.slots.category;
  const back: Partial<Record<SlotName, ScreeningSlot>> = { address: 'place', peopleCount: 'peopleCount', category: 'category' };
  const corrected = raw.corrected.flatMap((s) => (back[s] && slots[back[s]] !== undefined ? [back[s]] : []));
  return { slots, corrected, foreignTownship, raw };
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

export type ScreeningAnswer = { ok: true; slots: ScreeningSlots } | { ok: false; problem: MessageKey | null };

/** The answer to the slot asked. */
export function readScreeningAnswer(slot: ScreeningSlot, text: string, ctx: TurnContext, mined: ScreeningMined): ScreeningAnswer {
  const entities = ctx.nlu?.entities ?? [];
  const grid = ctx.grid!;
  switch (slot) {
    case 'parties':
      return text.length >= 2 ? { ok: true, slots: { parties: scrubNumbers(text, entities).slice(0, MAX_SHORT) } } : { ok: false, problem: 'scrTooShort' };
    case 'place': {
      if (isRefusal(text)) return grid.villages.length === 0 ? { ok: true, slots: { place: null } } : { ok: false, problem: 'scrPlaceOutside' };
      if (!placeInGrid(text, grid)) return { ok: false, problem: 'scrPlaceOutside' };
      return { ok: true, slots: { place: scrubNumbers(text, entities).slice(0, MAX_SHORT) } };
    }
    case 'facts':
      return contentSize(text) >= 4 ? { ok: true, slots: { facts: scrubPersonal(text, entities).slice(0, MAX_FACTS) } } : { ok: false, problem: 'scrTooShort' };
    case 'peopleCount': {
      const n = readPeopleCount(text, mined.raw);
      return n && n > 0 && n < 1_000_000 ? { ok: true, slots: { peopleCount: n } } : { ok: false, problem: 'scrBadPeople' };
    }
    case 'urgency': {
      const u = readUrgency(text);
      return u ? { ok: true, slots: { urgency: u } } : { ok: false, problem: 'scrBadUrgency' };
    }
    case 'category': {
      const c = categoryFromAnswer(text, ctx.county);
      return c ? { ok: true, slots: { category: c } } : { ok: false, problem: null };
    }
  }
}
