/** The question for each slot, with buttons where a choice is easier than typing. */
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { MessageKey } from '../catalog/index.ts';
import { button, say } from '../replies.ts';
import type { Button, Locale, Reply, SlotName } from '../types.ts';
import { OPTIONAL_SLOTS } from './slots.ts';

const ASK: Record<SlotName, MessageKey> = {
  facts: 'askFacts',
  township: 'askTownship',
  address: 'askAddress',
  category: 'askCategory',
  respondent: 'askRespondent',
  demands: 'askDemands',
  peopleCount: 'askPeopleCount',
  representatives: 'askRepresentatives',
  priorPetition: 'askPriorPetition',
  name: 'askName',
  phone: 'askPhone',
  idNumber: 'askIdNumber',
};

const EXAMPLE: Partial<Record<SlotName, MessageKey>> = {
  name: 'exName',
  phone: 'exPhone',
  idNumber: 'exIdNumber',
  township: 'exTownship',
  peopleCount: 'exPeopleCount',
  representatives: 'exRepresentatives',
  category: 'exCategory',
  priorPetition: 'exPriorPetition',
};

export function priorButtons(l: Locale): Button[] {
  return [
    button(l, 'priorNone', 'prior:none'),
    button(l, 'priorEarlier', 'prior:earlier_petition'),
    button(l, 'priorLowerLevel', 'prior:lower_level'),
    button(l, 'priorLitigation', 'prior:litigation'),
    button(l, 'priorArbitration', 'prior:arbitration'),
    button(l, 'priorReconsideration', 'prior:reconsideration'),
    button(l, 'priorRecheckClosed', 'prior:recheck_closed'),
  ];
}

export function categoryButtons(l: Locale, county: CountyConfig): Button[] {
  return county.categories.map((c) => ({ label: l === 'zh' ? c.nameZh : c.nameEn, payload: `category:${c.code}` }));
}

function buttonsFor(slot: SlotName, l: Locale, county: CountyConfig): Button[] {
  switch (slot) {
    case 'category':
      return categoryButtons(l, county);
    case 'priorPetition':
      return priorButtons(l);
    case 'township':
      return county.townships.map((t) => ({ label: l === 'zh' ? t.name : latinName(t), payload: `township:${t.name}` }));
    case 'peopleCount':
      return [button(l, 'onlyMe', 'count:1')];
    default:
      return OPTIONAL_SLOTS.has(slot) ? [button(l, 'skip', `skip:${slot}`)] : [];
  }
}

/** A township's Latin alias for English speakers, else its Chinese name. */
const latinName = (t: { name: string; aliases: readonly string[] }) => t.aliases.find((a) => /^[A-Za-z]/.test(a)) ?? t.name;

export function askSlot(slot: SlotName, l: Locale, county: CountyConfig, count?: number): Reply {
  const params = {
    townships: county.townships.map((t) => (l === 'zh' ? t.name : latinName(t))).join(l === 'zh' ? '、' : ', '),
    count: count ?? 0,
    max: county.rules.maxRepresentatives,
  };
  return say(l, ASK[slot], params, buttonsFor(slot, l, county));
}

/** After two failed attempts: an example, and a way out (skip where optional, or a person). */
export function askWithExample(slot: SlotName, l: Locale, county: CountyConfig): Reply {
  const example = say(l, EXAMPLE[slot] ?? 'exDefault').text;
  const optional = OPTIONAL_SLOTS.has(slot);
  const buttons = [...buttonsFor(slot, l, county).slice(0, 8), button(l, 'btnHuman', 'cmd:human')];
  return say(l, optional ? 'exampleHintOptional' : 'exampleHint', { example }, buttons);
}
