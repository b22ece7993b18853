/**
 * The registration desk (来信、来访、来电登记), admin and the bureau's intake:
 * - POST /api/cases {origin, receivedAt?, petitioner, township, …} → 201 {caseNumber, queryCode};
 * - GET /staff/desk: the form; POST /staff/desk: registers and answers the printable
 *   receipt (登记回执) with the query code, shown this once (never redirected to, never stored).
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { registerPetition, type Registered } from '../../app/desk/register-petition.ts';
import { registrationSchema } from '../../app/desk/registration-input.ts';
import { bookingForVisit, registerBookedVisit } from '../../app/reception/register-booked-visit.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { localDate } from '../../domain/deadlines.ts';
import { maskPhone } from '../../domain/petitioner/phone.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { guideText } from '../../app/chat-turn/messages.ts';
import { deskDeps } from './deps.ts';
import { authOf, principalOf, requireRole, requireStaff } from '../api-routes.ts';
import { layout, type SafeHtml } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { registrationForm, receiptPage, type FormValues } from './desk-views.ts';
import { DESK, RECEIPT } from './labels.ts';

/** The console form's flat fields in the API's shape. */
function formBody(b: Record<string, unknown>): Record<string, unknown> {
  const { name, phone, idNumber, bookingPhoneMasked: _shown, ...rest } = b;
  return { ...rest, petitioner: { name, phone, idNumber } };
}

const formValues = (b: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== '_csrf' && typeof v === 'string').map(([k, v]) => [k, (v as string).slice(0, 4000)]));

export const deskRouter: StaffRouterOf<'desk' | 'plans' | 'staff' | 'sessions' | 'receptionBookings'> = ({ core, log }) => {
  const deps = deskDeps(core.store, core.county, core.clock, log);
  const visitDeps = { ...deps, bookings: core.store.receptionBookings };
  const authDeps = { staff: core.store.staff, sessions: core.store.sessions, clock: core.clock };
  const roles = requireRole('admin', 'intake');
  const register = (req: Request, body: unknown): Promise<Registered> => {
    const input = parseInput(registrationSchema(core.county, core.clock.now()), body);
    // A visit to a leaders' reception day: linked to its booking (预约接访).
    const bookingId = input.bookingId;
    return bookingId ? registerBookedVisit(visitDeps, principalOf(req), { ...input, bookingId }) : registerPetition(deps, principalOf(req), input);
  };

  const send = (req: Request, res: Response, title: string, body: SafeHtml, status = 200, scripts: string[] = []) => {
    const a = authOf(req);
    res.status(status).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken, scripts }, body));
  };
  const form = (req: Request, res: Response, extra: { values?: FormValues; error?: string } = {}, status = 200) => {
    const today = localDate(core.clock.now(), core.county.utcOffsetMinutes);
    const body = registrationForm({ csrfToken: authOf(req).csrfToken ?? '', submissionId: randomBytes(12).toString('base64url'), today, ...extra }, core.county);
    send(req, res, DESK.title, body, status);
  };

  const r = Router();
  r.post('/api/cases', requireStaff(authDeps), roles, async (req, res) => {
    const done = await register(req, req.body ?? {});
    res.status(done.created ? 201 : 200).json({ caseNumber: done.caseNumber, queryCode: done.queryCode });
  });
  const page = [requireStaff(authDeps, { onMissing: 'redirect' }), roles];
  r.get('/staff/desk', ...page, async (req, res) => {
    if (typeof req.query.booking !== 'string') return form(req, res);
    try {
      const b = await bookingForVisit(visitDeps, req.query.booking);
      // The phone stays masked on the page (no reveal here): the booking's own is registered unless staff type another.
      form(req, res, { values: { origin: 'visit', name: b.name, bookingPhoneMasked: maskPhone(b.phone), facts: b.description, bookingId: b.id } });
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'forbidden') throw err;
      form(req, res, { error: err.message }, httpStatusOf[err.code]);
    }
  });
  r.post('/staff/desk', ...page, async (req, res) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    try {
      const done = await register(req, formBody(raw));
      const understandings = { zh: guideText(core.county, 'summary', 'zh'), en: guideText(core.county, 'summary', 'en') };
      const origin = raw.origin as 'letter' | 'visit' | 'call';
      const view = { ...done, origin, acceptDueAt: done.acceptDueAt.toISOString(), understandings };
      send(req, res, `${RECEIPT.title} ${done.caseNumber}`, receiptPage(view, core.county), done.created ? 201 : 200, ['print.js']);
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'forbidden') throw err;
      form(req, res, { values: formValues(raw), error: err.message }, httpStatusOf[err.code]);
    }
  });
  return r;
};
