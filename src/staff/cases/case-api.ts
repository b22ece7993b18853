/**
 * The staff JSON API for case work: lifecycle actions and the audited reveal of
 * personal data. Bearer token, or session cookie with the CSRF token.
 */
import { Router } from 'express';
import { revealPersonalData, type RevealDeps } from '../../app/cases/reveal-personal-data.ts';
import type { CaseActionDeps } from '../../app/cases/case-action-kit.ts';
import type { AuthDeps } from '../../app/authenticate-staff.ts';
import { parseInput } from '../../channels/http/validate.ts';
import { principalOf, requireStaff } from '../api-routes.ts';
import { ReasonSchema, takeCaseAction } from './action-inputs.ts';

export type CaseApiDeps = CaseActionDeps & RevealDeps & AuthDeps;

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
  return r;
}
