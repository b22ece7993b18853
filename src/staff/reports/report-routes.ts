/**
 * The monthly report: GET /staff/reports/monthly?month=YYYY-MM&unit=<code|county>
 * as printable HTML, and with &format=pdf as a PDF rendered by Chromium (503
 * `pdf_unavailable` when Chromium is missing; the HTML works regardless). Every
 * delivered report is audited (`report.monthly`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { auditReportDownload, getMonthlyReport, type MonthlyReport, type MonthlyReportDeps } from '../../app/stats/get-monthly-report.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { REPORT_LABELS as L } from './labels.ts';
import { monthlyReportDocument } from './monthly-report-view.ts';
import { PdfRenderer, PdfUnavailable } from './pdf-renderer.ts';

const CSS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/report.css');

const QuerySchema = z.object({
  month: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(7).optional()),
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(100).optional()),
  format: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['html', 'pdf']).default('html')),
});

/** ASCII fallback plus the RFC 5987 UTF-8 name (unit codes may be Chinese). */
function pdfDisposition(r: MonthlyReport): string {
  const name = `monthly-report-${r.month}-${r.unit}.pdf`;
  const ascii = name.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const reportsRouter: StaffRouterOf<'reports' | 'unitStats' | 'audit' | 'staff' | 'sessions' | 'backlog'> = ({ core, cfg, log }) => {
  const store = core.store;
  const deps: MonthlyReportDeps = {
    unitStats: store.unitStats,
    reports: store.reports,
    audit: store.audit,
    county: core.county,
    clock: core.clock,
    led: { backlog: store.backlog, staff: store.staff, county: core.county, clock: core.clock },
  };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const pdf = new PdfRenderer(cfg.chromiumPath);
  let css: string | undefined;

  const refused = (req: Request, res: Response, err: AppError) => {
    const a = authOf(req);
    const body = html`<h1>${L.title}</h1><p class="error">${err.message}</p><p><a href="/staff/performance">${L.back}</a></p>`;
    res.status(httpStatusOf[err.code]).type('html').send(layout({ title: L.title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
  };

  const sendPdf = async (req: Request, res: Response, r: MonthlyReport) => {
    css ??= fs.readFileSync(CSS_FILE, 'utf8');
    const bytes = await pdf.render(monthlyReportDocument(r, core.county, { kind: 'inline', css }));
    await auditReportDownload(deps, principalOf(req), r, 'pdf');
    res.status(200).set({ 'content-type': 'application/pdf', 'content-disposition': pdfDisposition(r), 'content-length': String(bytes.length) }).end(bytes);
  };

  const r = Router();
  r.get('/staff/reports/monthly', requireStaff(authDeps, { onMissing: 'redirect' }), async (req, res) => {
    const q = parseInput(QuerySchema, req.query, 'query');
    try {
      if (q.format === 'pdf' && !pdf.available()) throw new PdfUnavailable(`Chromium not found at ${cfg.chromiumPath}`);
      const report = await getMonthlyReport(deps, principalOf(req), q);
      if (q.format === 'pdf') return await sendPdf(req, res, report);
      await auditReportDownload(deps, principalOf(req), report, 'html');
      res.status(200).type('html').send(monthlyReportDocument(report, core.county, { kind: 'link', href: '/staff/assets/report.css' }));
    } catch (err) {
      if (err instanceof PdfUnavailable) {
        log.warn({ reason: err.message }, 'pdf report unavailable');
        res.status(503).json({ error: { code: 'pdf_unavailable', message: 'PDF rendering is not available on this server; the HTML report works: drop format=pdf' } });
        return;
      }
      if (!(err instanceof AppError)) throw err;
      if (q.format === 'pdf') throw err;
      refused(req, res, err);
    }
  });
  return r;
};
