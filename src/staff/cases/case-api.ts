/**
 * The staff JSON API for case work: lifecycle actions, the audited reveal of
 * personal data, and decisions on repeat/related links. Bearer token, or session cookie with the CSRF token.
 */
import { Router } from 'express';
import { revealPersonalData, type RevealDeps } from '../../app/cases/reveal-personal-data.ts';
import type { CaseActionDeps } from '../../app/cases/case-action-kit.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { principalOf, requireStaff } from '../api-routes.ts';
import { ReasonSchema, takeCaseAction } from './action-inputs.ts';
import { decideCaseLink, type CaseLinkDeps } from '../../app/cases/decide-case-link.ts';
import { AppError } from '../../domain/errors.ts';

export type CaseApiDeps = CaseActionDeps & RevealDeps & AuthDeps & CaseLinkDeps;

export function caseApiRouter(deps: CaseApiDeps): Router {
  const r = Router();
  const auth = requireStaff(deps);
  r.post('/api/cases/:caseNumber/actions/:action', auth, async (req, res) => {
    res.json(await takeCaseAction(deps, principalOf(req), String(req.params.caseNumber), String(req.params.action), req.body));
  });
  r.post('/api/cases/:caseNumber/reveal', auth, async (req, res) => {
    const { reason } = parseInput(ReasonSchema, req.body ?? {});
    res.json(await revealPersonalData(deps, principalOf(req), String(req.params.caseNumber), reason));
  });
  // Confirm or unlink a repeat/related link: {caseNumber, otherCaseNumber, kind, score, status, decidedBy, changed}.
  r.post('/api/cases/:caseNumber/links/:otherCaseNumber/:decision', auth, async (req, res) => {
    const decision = String(req.params.decision);
    if (decision !== 'confirm' && decision !== 'unlink') throw new AppError('not_found', 'no such link action');
    res.json(await decideCaseLink(deps, principalOf(req), String(req.params.caseNumber), String(req.params.otherCaseNumber), decision));
  });
  return r;
}
