/**
 * Written notices (书面告知) of a case, for staff: the document as issued (HTML, or
 * ?format=pdf rendered by Chromium; 503 `pdf_unavailable` without it), the list, and
 * the record of a hand delivery (API and console form). Scoped like the case: a case
 * the caller cannot see, or a notice of another case, is a 404.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { listWrittenNotices, openWrittenNotice, type WrittenNoticeDeps } from '../../app/cases/open-written-notice.ts';
import { NoticeDeliverySchema, recordNoticeDelivery } from '../../app/cases/record-notice-delivery.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import type { Clock } from '../../ports/clock.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import type { WrittenNoticeDocument } from '../../ports/written-notice-ports.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout } from '../html.ts';
import { PdfRenderer, PdfUnavailable } from '../reports/pdf-renderer.ts';

export type NoticeRouteDeps = WrittenNoticeDeps & AuthDeps & { clock: Clock };

const FormatSchema = z.object({ format: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['html', 'pdf']).default('html')) });

/** The document is self-contained: no scripts, no requests. */
const DOCUMENT_HEADERS = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'x-content-type-options': 'nosniff' };

export function noticeRouter(deps: NoticeRouteDeps, chromiumPath: string): Router {
  const r = Router();
  const api = requireStaff(deps);
  const page = requireStaff(deps, { onMissing: 'redirect' });
  const pdf = new PdfRenderer(chromiumPath);

  const sendDocument = async (res: Response, n: WrittenNoticeDocument, caseNumber: string, format: 'html' | 'pdf') => {
    if (format === 'html') return void res.status(200).set(DOCUMENT_HEADERS).type('html').send(n.html);
    const bytes = await pdf.render(n.html);
    const name = `${caseNumber}-${n.kind}.pdf`;
    res.status(200).set({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'content-length': String(bytes.length) }).end(bytes);
  };
  const pdfUnavailable = (res: Response, err: PdfUnavailable) =>
    res.status(503).json({ error: { code: 'pdf_unavailable', message: `PDF rendering is not available on this server (${err.message.split(':')[0]}); drop format=pdf for the HTML` } });

  r.get('/api/cases/:caseNumber/notices', api, async (req, res) => {
    const items = await listWrittenNotices(deps, principalOf(req), String(req.params.caseNumber));
    res.json({ items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, locale: n.locale, issuedAt: n.issuedAt.toISOString(), print: n.delivery === 'print', deliveredAt: n.deliveredAt?.toISOString() ?? null, channel: n.channel, deliveryNote: n.deliveryNote })) });
  });

  const getDocument = async (req: Request, res: Response) => {
    const { format } = parseInput(FormatSchema, req.query, 'query');
    const n = await openWrittenNotice(deps, principalOf(req), String(req.params.caseNumber), String(req.params.id));
    try {
      await sendDocument(res, n, String(req.params.caseNumber).toUpperCase(), format);
    } catch (err) {
      if (err instanceof PdfUnavailable) return void pdfUnavailable(res, err);
      throw err;
    }
  };
  r.get('/api/cases/:caseNumber/notices/:id', api, getDocument);

  r.post('/api/cases/:caseNumber/notices/:id/delivery', api, async (req, res) => {
    const input = parseInput(NoticeDeliverySchema, req.body ?? {});
    await recordNoticeDelivery(deps, principalOf(req), String(req.params.caseNumber), String(req.params.id), input);
    const items = await listWrittenNotices(deps, principalOf(req), String(req.params.caseNumber));
    const n = items.find((x) => x.id === String(req.params.id))!;
    res.json({ id: n.id, kind: n.kind, issuedAt: n.issuedAt.toISOString(), deliveredAt: n.deliveredAt?.toISOString() ?? null, channel: n.channel });
  });

  const refused = (req: Request, res: Response, err: unknown) => {
    if (!(err instanceof AppError)) throw err;
    const a = authOf(req);
    const title = err.code === 'not_found' ? '未找到 Not found' : '无法办理 Refused';
    const back = `/staff/cases/${encodeURIComponent(String(req.params.caseNumber))}`;
    const body = html`<h1>${title}</h1><p class="error">${err.message}</p><p><a href="${back}">← 返回案件 Back to the case</a></p>`;
    res.status(httpStatusOf[err.code]).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };

  r.get('/staff/cases/:caseNumber/notices/:id', page, async (req, res) => {
    try {
      await getDocument(req, res);
    } catch (err) {
      refused(req, res, err);
    }
  });

  r.post('/staff/cases/:caseNumber/notices/:id/delivery', page, async (req, res) => {
    try {
      const input = parseInput(NoticeDeliverySchema, { ...req.body, deliveredAt: req.body?.deliveredAt || undefined, note: req.body?.note || undefined });
      await recordNoticeDelivery(deps, principalOf(req), String(req.params.caseNumber), String(req.params.id), input);
      res.redirect(303, `/staff/cases/${encodeURIComponent(String(req.params.caseNumber).toUpperCase())}?delivered=1#notices`);
    } catch (err) {
      refused(req, res, err);
    }
  });
  return r;
}
