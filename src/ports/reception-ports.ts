/**
 * Bookings of leaders' reception days (预约接访) in the store. Name and phone are
 * personal data: encrypted at rest, masked by the use cases that show them to staff.
 */
export interface NewBooking {
  /** Idempotency key (conversation + booking form): the same key books once. */
  bookingKey: string;
  sessionId: string;
  day: string;
  /** Places of the session: a booking past it is refused as full. */
  capacity: number;
  name: string;
  phone: string;
  description: string;
  locale: 'zh' | 'en';
  channel: string;
  conversationId: string | null;
  at: Date;
}

export type BookingStatus = 'booked' | 'visited' | 'cancelled';

export interface BookingRecord {
  id: string;
  sessionId: string;
  day: string;
  /** Place in the session's queue (1, 2, …). */
  position: number;
  name: string;
  phone: string;
  description: string;
  locale: 'zh' | 'en';
  channel: string;
  status: BookingStatus;
  /** The citizen's chat, told when the bureau cancels. */
  conversationId: string | null;
  /** The visit registered from it on the day. */
  caseNumber: string | null;
  createdAt: Date;
  /** The retention job erased its name, phone and description (empty strings then). */
  erased: boolean;
}

export type BookOutcome = { ok: true; booking: BookingRecord; created: boolean } | { ok: false; reason: 'full' };

export interface ReceptionBookingRepository {
  /** Books the next place of the session; the key seen before returns that booking (created false). */
  book(b: NewBooking): Promise<BookOutcome>;
  /** Bookings of the days in [fromDay, toDay], by day, session and place. */
  list(fromDay: string, toDay: string): Promise<BookingRecord[]>;
  findById(id: string): Promise<BookingRecord | null>;
  /** Cancels a booking still booked, with its audit entry, in one transaction; false when it is no longer booked. */
  cancel(id: string, audit: { actorId: string; reason: string; at: Date }): Promise<boolean>;
  /** Places taken per session and day (booked or visited), for the days in [fromDay, toDay]. */
  taken(fromDay: string, toDay: string): Promise<Map<string, number>>;
}

/** The key of a session on a day in `taken`. */
export const sessionKey = (sessionId: string, day: string) => `${sessionId}@${day}`;
