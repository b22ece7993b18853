/**
 * The leaders' reception days in the citizen's words: the schedule to come (when,
 * who, where, about what) and which day a typed answer picks ("第一个", "15号",
 * "12月15日", "县长那天", "the county head's", "Dec 15").
 */
import { upcomingSessions, type ReceptionSession } from '../../../domain/reception/reception-days.ts';
import type { Entity } from '../../../nlu/extractors/types.ts';
import { t } from '../../catalog/catalog.ts';
import { button, say } from '../../replies.ts';
import type { Locale, Reply, TurnContext } from '../../types.ts';

/** Sessions offered at once (a chat shows a few, soonest first). */
export const OFFERED = 4;

export const sessionsAhead = (ctx: Pick<TurnContext, 'county' | 'now'>) => upcomingSessions(ctx.county.reception, ctx.now, ctx.county.utcOffsetMinutes);
export const bookableAhead = (ctx: Pick<TurnContext, 'county' | 'now'>) => sessionsAhead(ctx).filter((s) => s.bookable).slice(0, OFFERED);

export const sessionKeyOf = (s: Pick<ReceptionSession, 'sessionId' | 'day'>) => `${s.sessionId}@${s.day}`;

export function dayText(day: string, l: Locale): { date: string; weekday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const names = t(l, 'rcpWeekdays').split(',');
  const months = t(l, 'rcpMonths').split(',');
  const date = t(l, 'rcpDate', { month: d.getUTCMonth() + 1, day: d.getUTCDate(), monthName: months[d.getUTCMonth()] ?? '' });
  return { date, weekday: names[(d.getUTCDay() + 6) % 7] ?? '' };
}

export function sessionParams(s: ReceptionSession, l: Locale): Record<string, string> {
  const e = s.entry;
  return { ...dayText(s.day, l), from: e.from, to: e.to, leader: e.leader[l], place: e.place[l], topics: e.topics[l] };
}

/** The answer to "领导哪天接访？", "我想见县长", "when can I meet the county leader?". */
export function scheduleReply(ctx: TurnContext, l: Locale): Reply {
  const ahead = sessionsAhead(ctx).slice(0, OFFERED);
  if (ahead.length === 0) return say(l, 'rcpNone', { days: ctx.county.reception.horizonDays });
  // One place for all (the usual case) is said once, not on every line.
  const onePlace = ahead.every((s) => s.entry.place[l] === ahead[0]!.entry.place[l]);
  const lines = [...ahead.map((s) => t(l, onePlace ? 'rcpLineHere' : 'rcpLine', sessionParams(s, l))), ...(onePlace ? [t(l, 'rcpPlaceAll', { place: ahead[0]!.entry.place[l] })] : [])].join('\n');
  const bookable = ahead.some((s) => s.bookable);
  return say(l, 'rcpSchedule', { lines }, bookable ? [button(l, 'rcpBookButton', 'reception:book')] : undefined);
}

/** The leader a text names by one of the config's words (the longest word wins: 副县长 over 县长). */
export function leaderNamed(text: string, sessions: readonly ReceptionSession[]): string | null {
  const lower = text.toLowerCase();
  let best: { id: string; len: number } | null = null;
  let tie = false;
  for (const s of sessions) {
    for (const a of s.entry.aliases) {
      if (!lower.includes(a.toLowerCase())) continue;
      if (!best || a.length > best.len) [best, tie] = [{ id: s.sessionId, len: a.length }, false];
      else if (a.length === best.len && best.id !== s.sessionId) tie = true;
    }
  }
  return best && !tie ? best.id : null;
}

const ORDINALS: ReadonlyArray<RegExp> = [
  /^(?:第?[一1]个?|first|the first(?: one)?|1st)\b|^第一/i,
  /^(?:第?[二两2]个?|second|the second(?: one)?|2nd)\b|^第二/i,
  /^(?:第?[三3]个?|third|the third(?: one)?|3rd)\b|^第三/i,
  /^(?:第?[四4]个?|fourth|the fourth(?: one)?|4th)\b|^第四/i,
];
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day of the month (and month, when said) a text names: "15号", "12月15日", "Dec 15", "15th". */
function dayNamed(text: string, entities: readonly Entity[]): { month: number | null; day: number } | null {
  const date = entities.find((e) => e.type === 'date');
  if (date) {
    const [, m, d] = String(date.value).split('-').map(Number);
    return { month: m ?? null, day: d ?? 0 };
  }
  const zh = /(?:(\d{1,2})月)?(\d{1,2})(?:号|日)/.exec(text);
  if (zh) return { month: zh[1] ? Number(zh[1]) : null, day: Number(zh[2]) };
  const en = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\b|\bthe (\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  if (!en) return null;
  const mon = (en[1] ?? en[4])?.toLowerCase();
  const month = mon ? MONTHS_EN.indexOf(mon) + 1 : 0;
  if (mon && month === 0) return null;
  return { month: month || null, day: Number(en[2] ?? en[3] ?? en[5]) };
}

/** The session a typed answer picks among those offered, or null. */
export function sessionPicked(text: string, entities: readonly Entity[], offered: readonly ReceptionSession[]): ReceptionSession | null {
  const words = text.trim();
  const n = ORDINALS.findIndex((r) => r.test(words));
  if (n >= 0 && n < offered.length && words.length <= 12) return offered[n]!;
  const named = dayNamed(words, entities);
  if (named) {
    const hits = offered.filter((s) => Number(s.day.slice(8, 10)) === named.day && (named.month === null || Number(s.day.slice(5, 7)) === named.month));
    if (hits.length > 0) {
      const leader = leaderNamed(words, hits);
      return (leader ? hits.find((s) => s.sessionId === leader) : hits.length === 1 ? hits[0] : null) ?? null;
    }
  }
  const leader = leaderNamed(words, offered);
  return leader ? (offered.find((s) => s.sessionId === leader) ?? null) : null;
}
