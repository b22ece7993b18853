/**
 * Supervision notices (督办): the JSON API (POST /api/cases/:n/supervise-notices,
 * POST /api/supervise-notices/:id/answer, GET /api/supervise-notices?unit=&open=1)
 * and the console's forms behind the case pages' notice modules.
 */
import { Router, type Request, type Response } from 'express';
import { answerSuperviseNotice } from '../../app/supervision/answer-supervise-notice.ts';
import { issueSuperviseNotice } from '../../app/supervision/issue-supervise-notice.ts';
import { listSuperviseNotices } from '../../app/supervision/list-supervise-notices.ts';
import type { SupervisionDeps } from '../../app/supervision/notice-view.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout } from '../html.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { AnswerNoticeSchema, BackSchema, IssueNoticeSchema, NoticeQuerySchema } from './inputs.ts';
import { SUPERVISION_LABELS as L } from './labels.ts';

function refusedPage(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const a = authOf(req);
  const body = html`<h1>${L.refused}</h1><p class="error">${err.message}</p><p><a href="/staff">← 案件列表 Cases</a></p>`;
  res.status(httpStatusOf[err.code]).type('html').send(layout({ title: L.refused, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
}

export const supervisionRouter: StaffRouterOf<'notices' | 'caseActions' | 'staff' | 'sessions'> = ({ core }) => {
  const store = core.store;
  const deps: SupervisionDeps = { notices: store.notices, actions: store.caseActions, county: core.county, clock: core.clock };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const api = requireStaff(authDeps);
  const page = requireStaff(authDeps, { onMissing: 'redirect' });
  const r = Router();

  r.post('/api/cases/:caseNumber/supervise-notices', api, async (req, res) => {
    const input = parseInput(IssueNoticeSchema, req.body ?? {});
    res.status(201).json(await issueSuperviseNotice(deps, principalOf(req), String(req.params.caseNumber), { ...input, dueDate: input.dueAt }));
  });
  r.post('/api/supervise-notices/:id/answer', api, async (req, res) => {
    const { answer } = parseInput(AnswerNoticeSchema, req.body ?? {});
    res.json(await answerSuperviseNotice(deps, principalOf(req), String(req.params.id), answer));
  });
  r.get('/api/supervise-notices', api, async (req, res) => {
    res.json(await listSuperviseNotices(deps, principalOf(req), parseInput(NoticeQuerySchema, req.query, 'query')));
  });

  r.post('/staff/cases/:caseNumber/supervise-notices', page, async (req, res) => {
    try {
      const input = parseInput(IssueNoticeSchema, req.body ?? {});
      const n = await issueSuperviseNotice(deps, principalOf(req), String(req.params.caseNumber), { ...input, dueDate: input.dueAt });
      res.redirect(303, `/staff/cases/${n.caseNumber}#supervision`);
    } catch (err) {
      refusedPage(req, res, err);
    }
  });
  r.post('/staff/supervise-notices/:id/answer', page, async (req, res) => {
    try {
      const { answer } = parseInput(AnswerNoticeSchema, req.body ?? {});
      const { back } = parseInput(BackSchema, { back: (req.body as { back?: unknown } | undefined)?.back });
      const n = await answerSuperviseNotice(deps, principalOf(req), String(req.params.id), answer);
      res.redirect(303, back === 'list' || !back ? '/staff' : `/staff/cases/${n.caseNumber}#supervision`);
    } catch (err) {
      refusedPage(req, res, err);
    }
  });
  return r;
};
