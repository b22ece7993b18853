/**
 * Leaders' reception days and their bookings (预约接访), for the bureau and the leaders:
 * - GET /api/reception/bookings → {"today", "sessions": [{sessionId, day, entry, taken, bookable, bookings}]}
 *   (name and phone masked);
 * - GET /staff/reception: the console page; the desk registers a visit from a booking
 *   (GET /staff/desk?booking=<id>).
 */
import { Router, type Request, type Response } from 'express';
import { listReceptionBookings, type ReceptionViewDeps } from '../../app/reception/list-reception-bookings.ts';
import { mayRegister } from '../../app/desk/register-petition.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../index.ts';
import { receptionBody } from './reception-page.ts';

export const receptionRouter: StaffRouterOf<'receptionBookings' | 'staff' | 'sessions'> = ({ core }) => {
  const deps: ReceptionViewDeps = { bookings: core.store.receptionBookings, county: core.county, clock: core.clock };
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
      send(req, res, receptionBody(await listReceptionBookings(deps, principalOf(req)), mayRegister(principalOf(req))));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      send(req, res, html`<h1>领导接访 Reception days</h1><p class="error">${err.message}</p>`, httpStatusOf[err.code]);
    }
  });
  return r;
};
