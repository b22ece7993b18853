/**
 * Emergency plan and responsibility routes, JSON and console forms alike:
 * POST /api/cases/:n/plan/steps/:stepId/done {note?}, POST /api/cases/:n/review-summary
 * {summary} (the after-action review, 事后总结 — not the citizen's review request),
 * POST /api/cases/:n/co-handler {unit|null, reason} (the bureau names or removes a
 * co-handler by hand; audited; → the Case), and
 * the case read GET /api/cases/:n with `plan`, `responsibility` and `holdings` added
 * to the contract's Case (the one handler of that route).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { completePlanStep } from '../../app/cases/complete-plan-step.ts';
import { getCaseResponsibility, type CaseResponsibilityDeps } from '../../app/cases/get-case-responsibility.ts';
import { recordReviewSummary } from '../../app/cases/record-review-summary.ts';
import { assignCoHandler } from '../../app/cases/assign-co-handler.ts';
import { MAX_REASON } from './action-inputs.ts';
import type { CaseActionDeps } from '../../app/cases/case-action-kit.ts';
import { optionalText, requiredText } from '../text-inputs.ts';
import type { PlanViewDeps } from '../../app/cases/case-plan-view.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import { getCase, type CaseQueryDeps } from '../../app/cases/list-cases.ts';
import { AppError, httpStatusOf } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { authOf, principalOf, requireStaff } from '../api-routes.ts';
import { html, layout } from '../html.ts';

export type PlanRouteDeps = CaseActionDeps & PlanViewDeps & CaseResponsibilityDeps & CaseQueryDeps & AuthDeps;

export const MAX_STEP_NOTE = 2000;
export const MAX_SUMMARY = 10_000;

const StepDoneSchema = z.object({ note: optionalText(MAX_STEP_NOTE) });
const SummarySchema = z.object({ summary: requiredText(MAX_SUMMARY) });
/** `unit` null, absent or empty (the form's "remove" choice) removes the co-handler. */
const CoHandlerSchema = z.object({
  unit: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().trim().min(1).max(64).nullable()),
  reason: requiredText(MAX_REASON),
});

const n = (req: Request) => String(req.params.caseNumber);

function sendPageError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const a = authOf(req);
  const title = err.code === 'not_found' ? '未找到 Not found' : '无法办理 Refused';
  const body = html`<h1>${title}</h1><p class="error">${err.message}</p><p><a href="/staff/cases/${n(req)}">← 返回案件 Back to the case</a></p>`;
  res.status(httpStatusOf[err.code]).type('html').send(layout({ title, staff: { username: a.principal.username, role: a.principal.role }, csrfToken: a.csrfToken }, body));
}

export function planRouter(deps: PlanRouteDeps): Router {
  const r = Router();
  const api = requireStaff(deps);
  const page = requireStaff(deps, { onMissing: 'redirect' });

  r.get('/api/cases/:caseNumber', api, async (req, res) => {
    const who = principalOf(req);
    // Both reads are scoped alike (outside the scope both are not found): side by side.
    const [kase, responsibility] = await Promise.all([getCase(deps, who, n(req)), getCaseResponsibility(deps, who, n(req))]);
    res.json({ ...kase, ...responsibility });
  });
  r.post('/api/cases/:caseNumber/plan/steps/:stepId/done', api, async (req, res) => {
    const input = parseInput(StepDoneSchema, req.body ?? {});
    res.json({ plan: await completePlanStep(deps, principalOf(req), n(req), String(req.params.stepId), input) });
  });
  r.post('/api/cases/:caseNumber/co-handler', api, async (req, res) => {
    res.json(await assignCoHandler(deps, principalOf(req), n(req), parseInput(CoHandlerSchema, req.body ?? {})));
  });
  r.post('/staff/cases/:caseNumber/co-handler', page, async (req, res) => {
    try {
      await assignCoHandler(deps, principalOf(req), n(req), parseInput(CoHandlerSchema, req.body ?? {}));
      res.redirect(303, `/staff/cases/${encodeURIComponent(n(req))}#responsibility`);
    } catch (err) {
      sendPageError(req, res, err);
    }
  });
  r.post('/api/cases/:caseNumber/review-summary', api, async (req, res) => {
    const input = parseInput(SummarySchema, req.body ?? {});
    res.json({ plan: await recordReviewSummary(deps, principalOf(req), n(req), input) });
  });

  r.post('/staff/cases/:caseNumber/plan/steps/:stepId/done', page, async (req, res) => {
    try {
      const input = parseInput(StepDoneSchema, req.body ?? {});
      await completePlanStep(deps, principalOf(req), n(req), String(req.params.stepId), input);
      res.redirect(303, `/staff/cases/${encodeURIComponent(n(req))}#plan`);
    } catch (err) {
      sendPageError(req, res, err);
    }
  });
  r.post('/staff/cases/:caseNumber/review-summary', page, async (req, res) => {
    try {
      await recordReviewSummary(deps, principalOf(req), n(req), parseInput(SummarySchema, req.body ?? {}));
      res.redirect(303, `/staff/cases/${encodeURIComponent(n(req))}#plan`);
    } catch (err) {
      sendPageError(req, res, err);
    }
  });
  return r;
}
