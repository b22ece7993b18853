/** The petition draft as the intake form holds it (FormState.slots). `null`: declined or unknown; undefined: not asked yet. */
import type { RepresentativeMention } from '../../../nlu/answers/representatives.ts';
import type { FormState, IdType, PeopleUnit, PriorPetition } from '../../types.ts';

export interface IntakeSlots {
  consent?: { at: string; version: string; implied?: boolean };
  facts?: string;
  /** A short complaint said first ("交警老罚我款"), too short for the story: it opens the story told next. */
  opening?: string;
  township?: string | null;
  address?: string | null;
  category?: string;
  respondent?: string | null;
  demands?: string;
  peopleCount?: number;
  peopleUnit?: PeopleUnit;
  scope?: 'all' | 'self';
  representatives?: RepresentativeMention[];
  priorPetition?: PriorPetition;
  priorDetail?: string | null;
  triage?: 'continue';
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  idType?: IdType | null;
  anonymous?: boolean;
  /** A mistyped ID number was given beside other answers: the ID question comes on its own. */
  idRetry?: boolean;
}

export const slotsOf = (f: FormState) => f.slots as IntakeSlots;

export const setSlots = (f: FormState, patch: IntakeSlots): FormState => ({ ...f, slots: { ...f.slots, ...patch } });

/** 5 or more people or households filing together. */
export function isGroup(s: IntakeSlots, threshold: number): boolean {
  return (s.peopleCount ?? 0) >= threshold && s.scope !== 'self';
}

export const LAWFUL_CHANNEL: ReadonlySet<PriorPetition> = new Set(['litigation', 'arbitration', 'reconsideration', 'lower_level', 'recheck_closed']);

/** One representative named twice: the same name, or a nickname of the surname ("老周" for 周长贵). */
export function sameRepresentative(r: { name: string | null }, m: { name: string | null }): boolean {
  const nick = (a: string, b: string) => /^[老小][\u4e00-\u9fff]$/.test(a) && b.length >= 2 && !/^[老小]/.test(b) && b.startsWith(a[1]!);
  // ("Old Zhou" for Zhou Deming.)
  const nickEn = (a: string, b: string) => /^(?:old|little|young|uncle|auntie|aunt|brother|sister)\s+[A-Z][a-z]+$/i.test(a) && b.split(/\s+/)[0]!.toLowerCase() === a.split(/\s+/)[1]!.toLowerCase();
  return r.name === m.name || (!!r.name && !!m.name && (nick(m.name, r.name) || nick(r.name, m.name) || nickEn(m.name, r.name) || nickEn(r.name, m.name)));
}
