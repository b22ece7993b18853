/**
 * The bureau's view of the leaders' reception days: each session from a week back to
 * the booking horizon, with its leader, places taken, and its bookings (name and
 * phone masked; the citizen's description as written). On the day, and after it for
 * one who came late, a booking can be registered as a visit at the desk.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { localDate } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPhone } from '../../domain/petitioner/phone.ts';
import { maskName } from '../../domain/petitioner/redact.ts';
import { addDays, sessionOn, upcomingSessions } from '../../domain/reception/reception-days.ts';
import type { ReceptionDay } from '../../domain/reception/reception-schema.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { sessionKey, type BookingRecord, type ReceptionBookingRepository } from '../../ports/reception-ports.ts';

export interface ReceptionViewDeps {
  bookings: ReceptionBookingRepository;
  county: CountyConfig;
  clock: Clock;
}

export interface BookingView extends Omit<BookingRecord, 'createdAt' | 'conversationId'> {
  createdAt: string;
  /** The desk may register the visit from it now (booked, and its day has come). */
  registerable: boolean;
}

export interface SessionView {
  sessionId: string;
  day: string;
  entry: ReceptionDay;
  taken: number;
  bookable: boolean;
  bookings: BookingView[];
}

/** The bureau's side: intake (registers the visits), admin, and the leaders. */
export const maySeeBookings = (who: Pick<StaffPrincipal, 'role'>) => who.role === 'admin' || who.role === 'intake' || who.role === 'supervisor';

const PAST_DAYS = 7;

export async function listReceptionBookings(deps: ReceptionViewDeps, who: StaffPrincipal): Promise<{ today: string; sessions: SessionView[] }> {
  if (!maySeeBookings(who)) throw new AppError('forbidden', `a ${who.role} does not see reception bookings`);
  const cfg = deps.county.reception;
  const now = deps.clock.now();
  const today = localDate(now, deps.county.utcOffsetMinutes);
  const from = addDays(today, -PAST_DAYS);
  const until = addDays(today, cfg.horizonDays);
  const bookings = await deps.bookings.list(from, until);
  const byKey = new Map<string, BookingRecord[]>();
  for (const b of bookings) byKey.set(sessionKey(b.sessionId, b.day), [...(byKey.get(sessionKey(b.sessionId, b.day)) ?? []), b]);
  // Upcoming sessions, and any past or unscheduled day that still has bookings (a schedule changed since).
  const sessions = new Map(upcomingSessions(cfg, now, deps.county.utcOffsetMinutes).map((s) => [sessionKey(s.sessionId, s.day), { ...s }]));
  for (const b of bookings) {
    const key = sessionKey(b.sessionId, b.day);
    const entry = sessionOn(cfg, b.sessionId, b.day);
    if (!sessions.has(key) && entry) sessions.set(key, { sessionId: b.sessionId, day: b.day, entry, bookable: false });
  }
  return {
    today,
    sessions: [...sessions.entries()]
      .sort((a, b) => a[1].day.localeCompare(b[1].day) || a[1].entry.from.localeCompare(b[1].entry.from))
      .map(([key, s]) => {
        const list = byKey.get(key) ?? [];
        return { ...s, taken: list.filter((b) => b.status !== 'cancelled').length, bookings: list.map((b) => bookingView(b, today)) };
      }),
  };
}

export function bookingView({ conversationId: _c, ...b }: BookingRecord, today: string): BookingView {
  return { ...b, name: maskName(b.name), phone: maskPhone(b.phone), createdAt: b.createdAt.toISOString(), registerable: b.status === 'booked' && b.day <= today };
}
