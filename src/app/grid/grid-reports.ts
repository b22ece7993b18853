/**
 * A grid worker follows the reports of their grid in the bot: the latest ten, and
 * one of them with its status and public timeline. The scope is the console's own
 * (caseScopeOf), so the bot never shows what the console would not.
 */
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { GridWorkerContext } from '../../dialog/forms/screening/types.ts';
import type { EffectEvent } from '../../dialog/types.ts';
import type { CaseLookupRepository } from '../../ports/case-lookup-ports.ts';
import type { CaseRepository, CaseScope } from '../../ports/case-ports.ts';
import { caseScopeOf } from '../staff-accounts/staff-principal.ts';
import { citizenView } from '../case-lookup/look-up-case.ts';

export const GRID_REPORTS_SHOWN = 10;

export interface GridReportDeps {
  cases: Pick<CaseRepository, 'list' | 'findByNumber'>;
  caseLookups: Pick<CaseLookupRepository, 'publicView'>;
  county: CountyConfig;
}

export function gridScopeOf(w: GridWorkerContext, county: CountyConfig): CaseScope {
  return caseScopeOf({ id: w.staffId, username: w.username, role: 'grid', unit: null, township: w.township, villages: w.villages }, county);
}

export async function listGridReports(deps: GridReportDeps, w: GridWorkerContext): Promise<EffectEvent> {
  const { items } = await deps.cases.list({ page: 1, pageSize: GRID_REPORTS_SHOWN }, gridScopeOf(w, deps.county));
  return { type: 'grid_reports', items: items.map((c) => ({ caseNumber: c.caseNumber, status: c.status, category: c.category, createdAt: c.createdAt.toISOString() })) };
}

export async function openGridReport(deps: GridReportDeps, w: GridWorkerContext, rawNumber: string): Promise<EffectEvent> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const inGrid = caseNumber ? await deps.cases.findByNumber(caseNumber, gridScopeOf(w, deps.county)) : null;
  const view = inGrid ? await deps.caseLookups.publicView(inGrid.caseNumber) : null;
  if (!view) return { type: 'grid_report_not_found' };
  return { type: 'grid_report_opened', view: citizenView(view) };
}
