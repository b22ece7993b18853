/**
 * The console's case pages: the list, the detail, the action and reveal forms, and
 * attachment downloads. A refused form re-renders the page with the reason and the
 * refusal's status; a case outside the caller's scope is a 404 page like a missing one.
 */
import { Router, type Request, type Response } from 'express';
import { getCaseDetail, type CaseDetailDeps } from '../../app/cases/get-case-detail.ts';
import { ConsoleQuerySchema, listConsoleCases } from '../../app/cases/list-console-cases.ts';
import { openCaseAttachment, type AttachmentDownloadDeps } from '../../app/cases/open-case-attachment.ts';
import { revealPersonalData, type RevealedData } from '../../app/cases/reveal-personal-data.ts';
import type { CaseActionDeps } from '../../app/cases/case-action-kit.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import type { CaseQueryDeps } from '../../app/cases/list-cases.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { ACTION_LABELS } from './labels.ts';
import { actionNamed, ReasonSchema, takeCaseAction } from './action-inputs.ts';
import { caseDetailBody } from './case-detail-page.ts';
import { leaderSection } from '../backlog/leader-section.ts';
import { caseListBody } from './case-list-page.ts';
import { attachmentHeaders } from './attachment-headers.ts';
import { detailPageSupervision, listPageSupervision, type SupervisionPageDeps } from '../supervision/page-hooks.ts';

export type CasePageDeps = CaseActionDeps & CaseDetailDeps & CaseQueryDeps & AttachmentDownloadDeps & AuthDeps & SupervisionPageDeps;

function send(req: Request, res: Response, title: string, body: SafeHtml, status = 200) {
  const a = authOf(req);
  res.status(status).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
}

function sendError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const title = err.code === 'not_found' ? '未找到 Not found' : '无法办理 Refused';
  send(req, res, title, html`<h1>${title}</h1><p class="error">${err.message}</p><p><a href="/staff">← 案件列表 Cases</a></p>`, httpStatusOf[err.code]);
}

export function casePagesRouter(deps: CasePageDeps): Router {
  const r = Router();
  const auth = requireStaff(deps, { onMissing: 'redirect' });

  const renderDetail = async (req: Request, res: Response, extra: { notice?: { kind: 'done' | 'error'; text: string }; revealed?: RevealedData; status?: number }) => {
    const [detail, staff] = await Promise.all([getCaseDetail(deps, principalOf(req), String(req.params.caseNumber)), deps.staff.list()]);
    const supervision = await detailPageSupervision(deps, principalOf(req), detail.state);
    const leader = leaderSection(principalOf(req), detail.state, staff, authOf(req).csrfToken ?? '', deps.county);
    const body = caseDetailBody({ detail, csrfToken: authOf(req).csrfToken ?? '', now: deps.clock.now(), notice: extra.notice, revealed: extra.revealed, supervision, leader }, deps.county);
    send(req, res, `案件 ${detail.kase.caseNumber}`, body, extra.status);
  };

  r.get('/staff', auth, async (req, res) => {
    try {
      const q = parseInput(ConsoleQuerySchema, req.query, 'query');
      const list = await listConsoleCases(deps, principalOf(req), q);
      const supervision = await listPageSupervision(deps, principalOf(req), authOf(req).csrfToken);
      send(req, res, '案件 Cases', caseListBody({ ...list, query: q, supervision }, deps.county));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  r.get('/staff/cases/:caseNumber', auth, async (req, res) => {
    const done = actionNamed(String(req.query.done ?? ''));
    try {
      await renderDetail(req, res, { notice: done ? { kind: 'done', text: `已完成：${ACTION_LABELS[done]} Done.` } : undefined });
    } catch (err) {
      sendError(req, res, err);
    }
  });

  r.post('/staff/cases/:caseNumber/actions/:action', auth, async (req, res) => {
    try {
      const dto = await takeCaseAction(deps, principalOf(req), String(req.params.caseNumber), String(req.params.action), req.body);
      res.redirect(303, `/staff/cases/${dto.caseNumber}?done=${encodeURIComponent(String(req.params.action))}`);
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'not_found') return sendError(req, res, err);
      // Refused (bad input, role, status or a concurrent change): the page again, with why.
      await renderDetail(req, res, { notice: { kind: 'error', text: err.message }, status: httpStatusOf[err.code] }).catch((e: unknown) => sendError(req, res, e));
    }
  });

  r.post('/staff/cases/:caseNumber/reveal', auth, async (req, res) => {
    try {
      const { reason } = parseInput(ReasonSchema, req.body ?? {});
      const revealed = await revealPersonalData(deps, principalOf(req), String(req.params.caseNumber), reason);
      await renderDetail(req, res, { revealed });
    } catch (err) {
      sendError(req, res, err);
    }
  });

  r.get('/staff/cases/:caseNumber/attachments/:id', auth, async (req, res) => {
    try {
      const { meta, bytes } = await openCaseAttachment(deps, principalOf(req), String(req.params.caseNumber), String(req.params.id));
      res.set(attachmentHeaders(meta, bytes.length)).end(bytes);
    } catch (err) {
      sendError(req, res, err);
    }
  });
  return r;
}
