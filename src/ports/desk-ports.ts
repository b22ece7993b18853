/**
 * The bureau's registration desk (来信、来访、来电登记): a petition received by letter,
 * visit or call committed as a case with its repeat/related links, an internal
 * timeline note and the audit entry, in one transaction.
 */
import type { CreatedCase, NewCase } from './case-ports.ts';

export interface NewDeskRegistration {
  /** Built by the chat petition's own builder (buildNewCase), with origin letter, visit or call. */
  kase: NewCase;
  staffId: string;
  /** The internal timeline note: who registered it and how it was received. */
  note: string;
  /**
   * A visit registered from a reception-day booking (预约接访): the booking is marked
   * visited and linked to the case in the same commit, only while it is still booked
   * (else BookingTakenError and nothing is written).
   */
  bookingId?: string | null;
}

/** The booking was registered (or cancelled) meanwhile. */
export class BookingTakenError extends Error {}

export interface DeskRegistrationStore {
  /**
   * Creates the case and links it to repeats and related cases in the same commit.
   * A second call with the case's submission key returns the first case, created false.
   */
  register(r: NewDeskRegistration): Promise<CreatedCase>;
}
