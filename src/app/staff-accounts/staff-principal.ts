/**
 * Who a staff caller is and what that means for case visibility. The scope is
 * computed here once and enforced by the store's queries, never by a view.
 */
import type { CountyConfig, StaffRole } from '../../domain/county/schema.ts';
import { actsForReviewBody } from '../../domain/case/review.ts';
import type { CaseScope } from '../../ports/case-ports.ts';

export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  /** Grid workers: villages of their grid (empty or absent: the whole township). */
  villages?: readonly string[];
}

export function caseScopeOf(p: StaffPrincipal, cfg: CountyConfig): CaseScope {
  if (p.role === 'admin' || p.role === 'supervisor') return { all: true };
  if (p.role === 'intake' && (p.unit === null || p.unit === cfg.bureauUnit)) return { all: true };
  // A grid worker sees the screening reports of their grid only: never a citizen's petition.
  if (p.role === 'grid') return { all: false, units: [], screeningOf: { township: p.township ?? '', villages: p.villages ?? [], staffId: p.id } };
  // The review body (复查) answers reviews of other units' replies: it sees the cases a review was asked for.
  if (actsForReviewBody(p, cfg)) return { all: false, units: p.unit ? [p.unit] : [], reviews: true };
  return { all: false, units: p.unit ? [p.unit] : [] };
}
