/**
 * Reading the answer to the slot being asked. Returns the value, or why it could
 * not be read (so the re-ask can say what is wrong).
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { parseApproxCount, parseChineseInteger } from '../../nlu/extractors/chinese-numerals.ts';
import { leadingSurname } from '../../nlu/extractors/surnames.ts';
import type { Entity } from '../../nlu/extractors/types.ts';
import type { MessageKey } from '../catalog/index.ts';
import type { PetitionSlots, Representative, SlotName } from '../types.ts';
import { categoryFromAnswer } from './category.ts';
import type { Mined } from './extract.ts';
import { scrubPersonal } from './extract.ts';
import { isOnlyMe, isRefusal, contentSize } from './text-signals.ts';
import { detectPriorPetition, NO_PRIOR } from './triage.ts';

export type Answer = { ok: true; value: PetitionSlots[SlotName] } | { ok: false; problem: MessageKey | null };

export const MAX_TEXT = 2000;

const NOT_NAMES = /^(?:不知道|不清楚|没有|不想说|保密|你好|您好|好的|是的|可以|谢谢|yes|no|ok|okay|hello|hi|thanks)$/i;

export function readName(raw: string): string | null {
  const t = raw.trim().replace(/^(?:我叫|我是|俺叫|本人|姓名[:：]?|名字[:：]?|叫|my name is|i am|i'm|name[:：]?)\s*/i, '').replace(/[。.!！,，]+$/, '');
  if (NOT_NAMES.test(t)) return null;
  if (/^[\u4e00-\u9fa5·]{2,10}$/.test(t)) return leadingSurname(t) ? t : null;
  if (/^[A-Za-z][A-Za-z .'-]{1,40}$/.test(t) && /[A-Za-z]{2}/.test(t)) return t.replace(/\s+/g, ' ');
  return null;
}

export function readPeopleCount(raw: string, mined: Mined): number | null {
  if (mined.slots.peopleCount) return mined.slots.peopleCount;
  const t = raw.trim().replace(/[。.!！,，]+$/, '');
  if (isOnlyMe(t)) return 1;
  const digits = /^(?:大概|大约|约|about|around)?\s*(\d{1,6})\s*(?:多|来|余)?\s*(?:人|户|家|个人|people|persons|households|families)?$/i.exec(t);
  if (digits) return Number(digits[1]) || null;
  const cn = /^(?:大概|大约|约)?([零〇一二两三四五六七八九十百千万几多余来]+)(?:个人|人|户|家|名|位)?$/.exec(t);
  if (cn) return parseChineseInteger(cn[1]!) ?? parseApproxCount(cn[1]!);
  return null;
}

/** "张三 13812345678，李四 13912345678" → representatives (names with optional phones). */
export function readRepresentatives(raw: string, entities: readonly Entity[], max: number): Representative[] | null {
  const parts: { text: string; start: number }[] = [];
  const re = /[^，,；;、\n]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) parts.push({ text: m[0], start: m.index });
  const reps: Representative[] = [];
  for (const p of parts) {
    const phone = entities.find((e) => e.type === 'phone' && e.start >= p.start && e.end <= p.start + p.text.length);
    const rest = phone ? p.text.slice(0, phone.start - p.start) + p.text.slice(phone.end - p.start) : p.text;
    const name = readName(rest.replace(/(?:电话|手机|phone|tel)[:：]?/gi, '').replace(/[:：]/g, ' ').trim());
    if (name) reps.push({ name, phone: phone ? String(phone.value) : null });
  }
  if (reps.length === 0) return null;
  return reps.slice(0, max);
}

/** The answer to `slot` in this message. */
export function readAnswer(slot: SlotName, raw: string, entities: readonly Entity[], mined: Mined, county: CountyConfig): Answer {
  const text = raw.trim();
  if (text.length > MAX_TEXT) return { ok: false, problem: 'tooLong' };
  const refused = isRefusal(text);
  switch (slot) {
    case 'facts':
    case 'demands':
      return contentSize(text) >= 4 ? { ok: true, value: scrubPersonal(text, entities) } : { ok: false, problem: 'tooShort' };
    case 'address':
      return refused ? { ok: true, value: null } : { ok: true, value: scrubPersonal(text, entities) };
    case 'respondent':
      return text.length >= 2 ? { ok: true, value: refused ? null : scrubPersonal(text, entities) } : { ok: false, problem: 'tooShort' };
    case 'name': {
      const name = mined.slots.name ?? readName(text);
      return name ? { ok: true, value: name } : { ok: false, problem: 'badName' };
    }
    case 'phone':
      return mined.slots.phone ? { ok: true, value: mined.slots.phone } : { ok: false, problem: 'badPhone' };
    case 'idNumber': {
      if (mined.slots.idNumber) return { ok: true, value: mined.slots.idNumber };
      const bad = mined.invalid.find((i) => i.slot === 'idNumber');
      if (bad) return { ok: false, problem: 'badIdChecksum' };
      if (refused) return { ok: true, value: null };
      return { ok: false, problem: 'badIdFormat' };
    }
    case 'township':
      return mined.slots.township ? { ok: true, value: mined.slots.township } : { ok: false, problem: null };
    case 'peopleCount': {
      const n = readPeopleCount(text, mined);
      return n && n > 0 && n < 1_000_000 ? { ok: true, value: n } : { ok: false, problem: 'badPeopleCount' };
    }
    case 'representatives': {
      if (refused) return { ok: true, value: [] };
      const reps = readRepresentatives(text, entities, county.rules.maxRepresentatives);
      return reps ? { ok: true, value: reps } : { ok: false, problem: 'badRepresentatives' };
    }
    case 'category': {
      const c = categoryFromAnswer(text, county);
      return c ? { ok: true, value: c } : { ok: false, problem: null };
    }
    case 'priorPetition': {
      const p = detectPriorPetition(text) ?? (NO_PRIOR.test(text) ? 'none' : null);
      return p ? { ok: true, value: p } : { ok: false, problem: null };
    }
  }
}
