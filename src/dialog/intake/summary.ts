/** The summary the citizen confirms before the petition is committed. */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { t, type MessageKey } from '../catalog/index.ts';
import { button } from '../replies.ts';
import type { Locale, PetitionSlots, Reply, SlotName } from '../types.ts';

const LABEL: Record<SlotName, MessageKey> = {
  name: 'fName',
  phone: 'fPhone',
  idNumber: 'fIdNumber',
  township: 'fTownship',
  address: 'fAddress',
  category: 'fCategory',
  respondent: 'fRespondent',
  facts: 'fFacts',
  demands: 'fDemands',
  peopleCount: 'fPeopleCount',
  representatives: 'fRepresentatives',
  priorPetition: 'fPriorPetition',
};

const PRIOR_LABEL: Record<string, MessageKey> = {
  none: 'priorNone',
  earlier_petition: 'priorEarlier',
  litigation: 'priorLitigation',
  arbitration: 'priorArbitration',
  reconsideration: 'priorReconsideration',
  lower_level: 'priorLowerLevel',
  recheck_closed: 'priorRecheckClosed',
};

export const slotLabel = (l: Locale, slot: SlotName) => t(l, LABEL[slot]);

export function slotValueText(slot: SlotName, s: PetitionSlots, l: Locale, county: CountyConfig): string {
  const v = s[slot];
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return t(l, 'notGiven');
  switch (slot) {
    case 'category': {
      const c = county.categories.find((x) => x.code === v);
      return c ? (l === 'zh' ? c.nameZh : c.nameEn) : String(v);
    }
    case 'peopleCount':
      return t(l, 'peopleUnit', { n: Number(v) });
    case 'representatives':
      return (s.representatives ?? []).map((r) => (r.phone ? `${r.name} ${r.phone}` : r.name)).join(l === 'zh' ? '、' : ', ');
    case 'priorPetition':
      return t(l, PRIOR_LABEL[String(v)] ?? 'notGiven');
    default:
      return String(v);
  }
}

export function summaryReply(s: PetitionSlots, l: Locale, county: CountyConfig, slots: readonly SlotName[]): Reply {
  const lines = slots.map((slot) => `${slotLabel(l, slot)}：${slotValueText(slot, s, l, county)}`);
  const text = `${t(l, 'summaryTitle')}\n${lines.join('\n')}\n${t(l, 'summaryAsk')}`;
  return { text, buttons: [button(l, 'confirmYes', 'confirm:yes'), button(l, 'confirmEdit', 'confirm:edit'), button(l, 'btnCancel', 'cmd:cancel')] };
}

export function editButtons(l: Locale, slots: readonly SlotName[]): Reply {
  return { text: t(l, 'askWhichEdit'), buttons: slots.map((slot) => ({ label: slotLabel(l, slot), payload: `edit:${slot}` })) };
}
