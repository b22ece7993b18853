/**
 * Leaders' reception days and their bookings (预约接访), for the bureau and the leaders:
 * - GET /api/reception/bookings → {"today", "sessions": [{sessionId, day, entry, taken, bookable, bookings}]}
 *   (name and phone masked);
 * - POST /api/reception/bookings/:id/cancel {"reason"} → {"id", "status": "cancelled"} (intake, admin;
 *   409 unless booked) and its console form; the citizen's chat is told;
 * - GET /staff/reception: the console page; the desk registers a visit from a booking
 *   (GET /staff/desk?booking=<id>).
 */
import { Router, type Request, type Response } from 'express';
import { listReceptionBookings, type ReceptionViewDeps } from '../../app/reception/list-reception-bookings.ts';
import { mayRegister } from '../../app/desk/register-petition.ts';
import { cancelReceptionBooking, mayCancelBooking, type CancelBookingDeps } from '../../app/reception/cancel-reception-booking.ts';
import { z } from 'zod';
import { parseInput } from '../../channels/http/validate.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { receptionBody } from './reception-page.ts';

const CancelSchema = z.object({ reason: z.string().max(2000) });

export const receptionRouter: StaffRouterOf<'receptionBookings' | 'staff' | 'sessions' | 'outbox'> = ({ core, log }) => {
  const deps: ReceptionViewDeps = { bookings: core.store.receptionBookings, county: core.county, clock: core.clock };
  const cancelDeps: CancelBookingDeps = { bookings: core.store.receptionBookings, outbox: core.store.outbox, clock: core.clock, log };
  const authDeps = { staff: core.store.staff, sessions: core.store.sessions, clock: core.clock };
  const send = (req: Request, res: Response, body: SafeHtml, status = 200) => {
    const a = authOf(req);
    res.status(status).type('html').send(layout({ title: '领导接访 Reception days', staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };

  const r = Router();
  r.get('/api/reception/bookings', requireStaff(authDeps), async (req, res) => {
    res.json(await listReceptionBookings(deps, principalOf(req)));
  });
  r.get('/staff/reception', requireStaff(authDeps, { onMissing: 'redirect' }), async (req, res) => {
    try {
      const who = principalOf(req);
      send(req, res, receptionBody(await listReceptionBookings(deps, who), { mayRegister: mayRegister(who), mayCancel: mayCancelBooking(who), csrfToken: authOf(req).csrfToken ?? '' }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      send(req, res, html`<h1>领导接访 Reception days</h1><p class="error">${err.message}</p>`, httpStatusOf[err.code]);
    }
  });
  r.post('/api/reception/bookings/:id/cancel', requireStaff(authDeps), async (req, res) => {
    await cancelReceptionBooking(cancelDeps, principalOf(req), String(req.params.id), parseInput(CancelSchema, req.body ?? {}).reason);
    res.json({ id: String(req.params.id), status: 'cancelled' });
  });
  r.post('/staff/reception/bookings/:id/cancel', requireStaff(authDeps, { onMissing: 'redirect' }), async (req, res) => {
    try {
      await cancelReceptionBooking(cancelDeps, principalOf(req), String(req.params.id), parseInput(CancelSchema, req.body ?? {}).reason);
      res.redirect(303, '/staff/reception');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      send(req, res, html`<h1>领导接访 Reception days</h1><p class="error">${err.message}</p><p><a href="/staff/reception">← 返回 Back</a></p>`, httpStatusOf[err.code]);
    }
  });
  return r;
};
