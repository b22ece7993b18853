/**
 * A citizen books a slot at a leaders' reception day from the chat (预约接访): the
 * day must still be in the county's schedule and open for booking at this instant
 * (the dialog offered it a moment ago, the clock may have moved on), and the session
 * must have a place left. Idempotent: the conversation and the booking form make the
 * key, so a repeated confirm or a re-run turn returns the first booking.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { upcomingSessions } from '../../domain/reception/reception-days.ts';
import type { ReceptionBookingDraft, ReceptionEvent } from '../../dialog/forms/reception/types.ts';
import type { ReceptionBookingRepository } from '../../ports/reception-ports.ts';

export interface ReceptionChatDeps {
  bookings: ReceptionBookingRepository;
  county: CountyConfig;
}

export interface BookingCaller {
  conversationId: string;
  channel: string;
}

export async function bookReception(deps: ReceptionChatDeps, draft: ReceptionBookingDraft, who: BookingCaller, now: Date): Promise<ReceptionEvent> {
  const { sessionId, day } = draft;
  const session = upcomingSessions(deps.county.reception, now, deps.county.utcOffsetMinutes).find((s) => s.sessionId === sessionId && s.day === day);
  if (!session?.bookable) return { type: 'reception_refused', sessionId, day, reason: 'closed' };
  const r = await deps.bookings.book({
    bookingKey: `${who.conversationId}:${draft.formId}`,
    sessionId,
    day,
    capacity: session.entry.capacity,
    name: draft.name,
    phone: draft.phone,
    description: draft.description,
    locale: draft.locale,
    channel: who.channel,
    conversationId: who.conversationId,
    at: now,
  });
  if (!r.ok) return { type: 'reception_refused', sessionId, day, reason: r.reason };
  return { type: 'reception_booked', sessionId, day, position: r.booking.position };
}
