/** Case list and detail for staff, scoped by the caller's role and unit. */
import { z } from 'zod';
import { CASE_FLAGS, CASE_STATUSES } from '../../domain/case/lifecycle.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { CaseRepository } from '../../ports/case-ports.ts';
import { toCaseDto, type CaseDto } from './case-dto.ts';
import type { CaseLinkReader } from '../../ports/case-link-ports.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export const PAGE_SIZE = 20;

const optionalParam = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

export const CaseQuerySchema = z.object({
  status: optionalParam(z.enum(CASE_STATUSES)),
  unit: optionalParam(z.string().max(64)),
  township: optionalParam(z.string().max(64)),
  category: optionalParam(z.string().max(64)),
  flag: optionalParam(z.enum(CASE_FLAGS)),
  q: optionalParam(z.string().max(200)),
  page: optionalParam(z.coerce.number().int().min(1).max(100_000)),
});
export type CaseQuery = z.infer<typeof CaseQuerySchema>;

export interface CaseQueryDeps {
  cases: CaseRepository;
  county: CountyConfig;
  /** Linked (repeat/related) cases; without it `relatedCases` is empty. */
  caseLinks?: CaseLinkReader;
}

export async function listCases(deps: CaseQueryDeps, who: StaffPrincipal, query: CaseQuery): Promise<{ items: CaseDto[]; total: number }> {
  const { items, total } = await deps.cases.list({ ...query, page: query.page ?? 1, pageSize: PAGE_SIZE }, caseScopeOf(who, deps.county));
  return { items: items.map((c) => toCaseDto(c, { reveal: false })), total };
}

/** A case outside the caller's scope is reported exactly like a missing one. */
export async function getCase(deps: CaseQueryDeps, who: StaffPrincipal, rawNumber: string): Promise<CaseDto> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const scope = caseScopeOf(who, deps.county);
  const found = caseNumber ? await deps.cases.findByNumber(caseNumber, scope) : null;
  if (!found) throw new AppError('not_found', 'no such case');
  const relatedCases = deps.caseLinks ? await deps.caseLinks.relatedCaseNumbers(found.id, scope) : [];
  return toCaseDto(found, { reveal: false, relatedCases });
}
