/**
 * The bureau cancels a booking (a leader's day called off, a citizen who phoned to
 * cancel): intake and admin, with a reason; only a booking still booked. The change
 * and its audit entry commit together; after commit the citizen's chat is told, in
 * their language (a failure there is logged: the booking is cancelled either way).
 */
import { t } from '../../dialog/catalog/catalog.ts';
import { dayText } from '../../dialog/forms/reception/schedule.ts';
import { AppError } from '../../domain/errors.ts';
import type { Logger } from '../../log.ts';
import type { OutboxStore } from '../../ports/outbox-ports.ts';
import { cleanText } from '../cases/case-action-kit.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { ReceptionBookingRepository } from '../../ports/reception-ports.ts';

export interface CancelBookingDeps {
  bookings: Pick<ReceptionBookingRepository, 'findById' | 'cancel'>;
  outbox: Pick<OutboxStore, 'enqueue'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
}

export const mayCancelBooking = (who: Pick<StaffPrincipal, 'role'>) => who.role === 'admin' || who.role === 'intake';

export async function cancelReceptionBooking(deps: CancelBookingDeps, who: StaffPrincipal, id: string, rawReason: string): Promise<void> {
  if (!mayCancelBooking(who)) throw new AppError('forbidden', `a ${who.role} may not cancel bookings`);
  const booking = await deps.bookings.findById(id);
  if (!booking) throw new AppError('not_found', 'no such booking');
  const reason = cleanText(rawReason);
  if (!reason) throw new AppError('bad_request', 'cancelling a booking needs a reason');
  const at = deps.clock.now();
  if (!(await deps.bookings.cancel(id, { actorId: who.id, reason, at }))) throw new AppError('conflict', `the booking is ${booking.status}, not booked`);
  if (!booking.conversationId) return;
  const l = booking.locale;
  try {
    await deps.outbox.enqueue(booking.conversationId, [{ author: 'system', text: t(l, 'rcpCancelledByBureau', { date: dayText(booking.day, l).date, reason }) }], at);
  } catch (err) {
    deps.log.warn({ err, bookingId: id }, 'booking cancellation not told to the citizen');
  }
}
