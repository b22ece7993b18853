/**
 * The console's confirm/unlink forms of a case link (POST with the session's CSRF
 * token): back to the case page on success; a refusal is a page with the reason and
 * the refusal's status (404 for a case outside the caller's scope, like a missing one).
 */
import { Router, type Request, type Response } from 'express';
import { decideCaseLink, type CaseLinkDeps } from '../../app/cases/decide-case-link.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout } from '../html.ts';

function refused(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const a = authOf(req);
  const title = err.code === 'not_found' ? '未找到 Not found' : '无法办理 Refused';
  const back = `/staff/cases/${encodeURIComponent(String(req.params.caseNumber))}`;
  const body = html`<h1>${title}</h1><p class="error">${err.message}</p><p><a href="${back}">← 返回案件 Back to the case</a></p>`;
  res
    .status(httpStatusOf[err.code])
    .type('html')
    .send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
}

export function caseLinkPagesRouter(deps: CaseLinkDeps & AuthDeps): Router {
  const r = Router();
  const auth = requireStaff(deps, { onMissing: 'redirect' });
  r.post('/staff/cases/:caseNumber/links/:otherCaseNumber/:decision', auth, async (req, res) => {
    try {
      const decision = String(req.params.decision);
      if (decision !== 'confirm' && decision !== 'unlink') throw new AppError('not_found', 'no such link action');
      const done = await decideCaseLink(deps, principalOf(req), String(req.params.caseNumber), String(req.params.otherCaseNumber), decision);
      res.redirect(303, `/staff/cases/${done.caseNumber}#case-links`);
    } catch (err) {
      refused(req, res, err);
    }
  });
  return r;
}
