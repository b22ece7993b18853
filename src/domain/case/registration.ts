/**
 * Petitions received by letter, visit or call and registered by the bureau (来信、来访、
 * 来电登记): where a case comes from, how the three understandings were told, and
 * when the date of receipt is believable. Pure: the clock and the config come in.
 */
import type { CountyConfig } from '../county/schema.ts';
import { localDate } from '../deadlines.ts';

/** Where a case comes from: a citizen in chat, a grid worker's screening report, or staff registering one. */
export const CASE_ORIGINS = ['petition', 'screening', 'letter', 'visit', 'call'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const DESK_ORIGINS = ['letter', 'visit', 'call'] as const;
export type DeskOrigin = (typeof DESK_ORIGINS)[number];

export const isCaseOrigin = (s: string): s is CaseOrigin => (CASE_ORIGINS as readonly string[]).includes(s);

/** How the three understandings reached a petitioner who did not use the chat. */
export type ConsentMethod = 'told_in_person' | 'told_by_phone' | 'in_writing';

export const CONSENT_METHOD: Record<DeskOrigin, ConsentMethod> = {
  visit: 'told_in_person',
  call: 'told_by_phone',
  // A letter writer gets them in writing, printed on the receipt sent back.
  letter: 'in_writing',
};

export type ReceivedOnCheck = { ok: true; date: string } | { ok: false; reason: 'format' | 'future' | 'too_old' };

/**
 * The date a letter, visit or call was received: a real calendar date, not after
 * today (county time) and not more than `rules.maxReceivedAgeDays` before it.
 * Absent: today.
 */
export function checkReceivedOn(raw: string | null | undefined, now: Date, cfg: Pick<CountyConfig, 'utcOffsetMinutes' | 'rules'>): ReceivedOnCheck {
  const today = localDate(now, cfg.utcOffsetMinutes);
  if (raw === null || raw === undefined || raw === '') return { ok: true, date: today };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { ok: false, reason: 'format' };
  const t = Date.parse(`${raw}T00:00:00.000Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== raw) return { ok: false, reason: 'format' };
  if (raw > today) return { ok: false, reason: 'future' };
  const ageDays = (Date.parse(`${today}T00:00:00.000Z`) - t) / 86_400_000;
  if (ageDays > cfg.rules.maxReceivedAgeDays) return { ok: false, reason: 'too_old' };
  return { ok: true, date: raw };
}

/**
 * The instant deadlines count from: now when received today, else the start of the
 * receipt's local day (deadlines count whole local days from that date).
 */
export function receivedInstant(date: string, now: Date, utcOffsetMinutes: number): Date {
  if (date === localDate(now, utcOffsetMinutes)) return now;
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - utcOffsetMinutes * 60_000);
}
