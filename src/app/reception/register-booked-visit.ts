/**
 * On a reception day the bureau registers the visit of a citizen who booked (预约接访)
 * through the desk's own registration (origin `visit`, the three understandings told
 * in person), linked to the booking in the same commit, with the booking's phone when
 * none was typed. Only a booking still booked,
 * on or after its day; a second registration of one booking is a conflict.
 */
import { localDate } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { BookingTakenError } from '../../ports/desk-ports.ts';
import { registerPetition, type DeskDeps, type Registered } from '../desk/register-petition.ts';
import type { ValidRegistration } from '../desk/registration-input.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { BookingRecord, ReceptionBookingRepository } from '../../ports/reception-ports.ts';

export interface BookedVisitDeps extends DeskDeps {
  bookings: Pick<ReceptionBookingRepository, 'findById'>;
}

/** The booking a visit is registered from, if it may be now; AppError otherwise. */
export async function bookingForVisit(deps: Pick<BookedVisitDeps, 'bookings' | 'clock' | 'county'>, bookingId: string): Promise<BookingRecord> {
  const booking = await deps.bookings.findById(bookingId);
  if (!booking) throw new AppError('not_found', 'no such booking');
  if (booking.erased) throw new AppError('conflict', 'the booking\'s personal data was erased at the end of its retention period');
  if (booking.status !== 'booked') throw new AppError('conflict', `the booking was ${booking.status === 'visited' ? `registered already (${booking.caseNumber ?? ''})` : booking.status}`);
  const today = localDate(deps.clock.now(), deps.county.utcOffsetMinutes);
  if (booking.day > today) throw new AppError('conflict', `the booking is for the reception day ${booking.day}; its visit is registered on the day`);
  return booking;
}

export async function registerBookedVisit(deps: BookedVisitDeps, who: StaffPrincipal, input: ValidRegistration & { bookingId: string }): Promise<Registered> {
  if (input.origin !== 'visit') throw new AppError('bad_request', 'invalid body: origin: a booking is registered as a visit');
  const booking = await bookingForVisit(deps, input.bookingId);
  // The phone the citizen gave with the booking, unless staff typed another: the desk's
  // page shows it masked only, so it is taken here rather than sent back by the page.
  const petitioner = input.anonymous ? input.petitioner : { ...input.petitioner, phone: input.petitioner.phone ?? booking.phone };
  try {
    return await registerPetition(deps, who, { ...input, petitioner });
  } catch (err) {
    if (err instanceof BookingTakenError) throw new AppError('conflict', 'the booking was registered or cancelled meanwhile');
    throw err;
  }
}
