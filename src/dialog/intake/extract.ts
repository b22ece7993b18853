/**
 * Mines one message for every slot it can fill. Entities fill empty slots; a slot
 * already filled changes only when the citizen corrects it ("电话说错了，是…") or
 * when it is the slot being asked. Facts never keep phones, ID numbers or names:
 * those live, encrypted, in their own fields.
 */
import type { Entity } from '../../nlu/extractors/types.ts';
import type { PetitionSlots, SlotName } from '../types.ts';
import { inferCategory } from './category.ts';
import { detectPriorPetition } from './triage.ts';
import { demandClause, findAddress, isCorrection, negatedBefore } from './text-signals.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';

export interface Mined {
  slots: PetitionSlots;
  /** Slots whose earlier value this message replaced. */
  corrected: SlotName[];
  /** Problems to tell the citizen about (e.g. an ID number with a wrong checksum). */
  invalid: { slot: SlotName; reason: 'checksum' | 'format' | 'birthdate' }[];
}

/** The last entity of a type that is not negated ("不是东湖，是西山" → 西山). */
function pick(text: string, entities: readonly Entity[], type: Entity['type']): Entity | undefined {
  const all = entities.filter((e) => e.type === type && e.valid !== false);
  return all.filter((e) => !negatedBefore(text, e.start)).at(-1) ?? all.at(-1);
}

/** Replaces personal data in free text by placeholders. */
export function scrubPersonal(text: string, entities: readonly Entity[]): string {
  const spans = entities.filter((e) => e.type === 'phone' || e.type === 'id_number' || e.type === 'person_name').sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of spans) {
    const label = e.type === 'phone' ? '[电话]' : e.type === 'id_number' ? '[证件号]' : '[姓名]';
    out = out.slice(0, e.start) + label + out.slice(e.end);
  }
  return out;
}

export function mineSlots(
  text: string,
  entities: readonly Entity[],
  current: PetitionSlots,
  asking: SlotName | null,
  county: CountyConfig,
  opts: { narrative: boolean },
): Mined {
  const correction = isCorrection(text);
  const found: PetitionSlots = {};
  const invalid: Mined['invalid'] = [];
  const take = <K extends keyof PetitionSlots>(slot: K, value: PetitionSlots[K] | undefined) => {
    if (value === undefined) return;
    if (current[slot] === undefined || current[slot] === null || correction || asking === slot) found[slot] = value;
  };

  take('name', pick(text, entities, 'person_name')?.value as string | undefined);
  take('phone', pick(text, entities, 'phone')?.value as string | undefined);
  const id = entities.find((e) => e.type === 'id_number');
  if (id?.valid === false) invalid.push({ slot: 'idNumber', reason: (id.reason as 'checksum' | 'birthdate' | undefined) ?? 'checksum' });
  else take('idNumber', id?.value as string | undefined);
  take('township', pick(text, entities, 'township')?.value as string | undefined);
  const count = pick(text, entities, 'people_count')?.value;
  if (typeof count === 'number' && count >= 1) take('peopleCount', count);

  if (opts.narrative) {
    take('address', findAddress(text) ?? undefined);
    const demand = demandClause(text);
    if (demand) {
      const at = text.indexOf(demand);
      const inside = entities.filter((e) => e.start >= at && e.end <= at + demand.length).map((e) => shift(e, at));
      take('demands', scrubPersonal(demand, inside));
    }
    const category = inferCategory(text, county);
    if (category) take('category', category);
    const prior = detectPriorPetition(text);
    if (prior) take('priorPetition', prior);
  }

  const corrected = (Object.keys(found) as SlotName[]).filter(
    (k) => current[k] !== undefined && current[k] !== null && JSON.stringify(current[k]) !== JSON.stringify(found[k]),
  );
  return { slots: found, corrected, invalid };
}

/** An entity's span relative to a substring that starts at `offset`. */
function shift(e: Entity, offset: number): Entity {
  return { ...e, start: e.start - offset, end: e.end - offset };
}
