/**
 * Staff confirm or unlink a suggested repeat/related link between two cases. Both
 * cases must be in the caller's scope (else 404, like a missing case); read-only
 * roles (supervisor, grid worker) are refused with 403 whatever the cases. The
 * decision, the `repeat` flag, an internal timeline event on the case and the audit
 * entry commit together; the same decision again changes nothing.
 */
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { CaseActionRepository } from '../../ports/case-action-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import type { CaseLinkEntry, CaseLinkRepository } from '../../ports/case-link-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface CaseLinkDeps {
  caseLinks: Pick<CaseLinkRepository, 'linksOf' | 'decide'>;
  actions: Pick<CaseActionRepository, 'findState'>;
  county: CountyConfig;
  clock: Clock;
}

export type LinkDecision = 'confirm' | 'unlink';

export interface CaseLinkResult {
  caseNumber: string;
  otherCaseNumber: string;
  kind: CaseLinkEntry['kind'];
  score: number;
  status: CaseLinkEntry['status'];
  decidedBy: string | null;
  /** false when the link already had this decision (nothing was written). */
  changed: boolean;
}

/** Roles that may decide on links: those who work cases (not the read-only ones). */
export const mayDecideLinks = (who: StaffPrincipal) => who.role === 'admin' || who.role === 'intake' || who.role === 'handler';

async function idInScope(deps: CaseLinkDeps, raw: string, scope: CaseScope): Promise<{ id: string; caseNumber: string }> {
  const caseNumber = normalizeCaseNumber(raw);
  const state = caseNumber ? await deps.actions.findState(caseNumber, scope) : null;
  if (!state) throw new AppError('not_found', 'no such case');
  return { id: state.id, caseNumber: state.caseNumber };
}

export async function decideCaseLink(deps: CaseLinkDeps, who: StaffPrincipal, rawCase: string, rawOther: string, decision: LinkDecision): Promise<CaseLinkResult> {
  if (!mayDecideLinks(who)) throw new AppError('forbidden', `a ${who.role} may not ${decision} case links`);
  const scope = caseScopeOf(who, deps.county);
  const kase = await idInScope(deps, rawCase, scope);
  const other = await idInScope(deps, rawOther, scope);
  const outcome = await deps.caseLinks.decide({
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    otherCaseId: other.id,
    otherCaseNumber: other.caseNumber,
    decision,
    at: deps.clock.now(),
    actorId: who.id,
    actorName: who.username,
  });
  if (outcome === 'missing') throw new AppError('not_found', 'these cases are not linked');
  const link = (await deps.caseLinks.linksOf(kase.id, scope)).find((l) => l.otherCaseId === other.id);
  if (!link) throw new AppError('not_found', 'these cases are not linked');
  return {
    caseNumber: kase.caseNumber,
    otherCaseNumber: other.caseNumber,
    kind: link.kind,
    score: link.score,
    status: link.status,
    decidedBy: link.decidedBy,
    changed: outcome === 'ok',
  };
}
