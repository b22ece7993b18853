/**
 * Booking a slot at a leaders' reception day (预约接访) in the chat: the effect the
 * booking form asks the app to carry out and the events that answer it.
 */
import type { Locale } from '../../types.ts';

export interface ReceptionBookingDraft {
  /** The form's id: with the conversation id, the booking's idempotency key. */
  formId: string;
  sessionId: string;
  /** Local date of the reception day. */
  day: string;
  name: string;
  phone: string;
  description: string;
  locale: Locale;
}

export type ReceptionEffect = { type: 'book_reception'; draft: ReceptionBookingDraft };

export type ReceptionEvent =
  | { type: 'reception_booked'; sessionId: string; day: string; position: number }
  /** full: every place is taken; closed: the day is no longer open for booking. */
  | { type: 'reception_refused'; sessionId: string; day: string; reason: 'full' | 'closed' };
