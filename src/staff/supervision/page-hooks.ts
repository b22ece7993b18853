/**
 * What the case pages load for their supervision modules (hooked into
 * case-pages.ts): nothing when the pages were built without the notice repository.
 */
import { caseSupervision, openNoticesForUnit, type CaseSupervision } from '../../app/supervision/list-supervise-notices.ts';
import type { SupervisionDeps } from '../../app/supervision/notice-view.ts';
import type { StaffPrincipal } from '../../app/staff-accounts/staff-principal.ts';
import type { NoticeBannerView } from './notice-views.ts';

export type SupervisionPageDeps = Partial<Pick<SupervisionDeps, 'notices'>> & Pick<SupervisionDeps, 'county' | 'clock'>;

export async function listPageSupervision(deps: SupervisionPageDeps, who: StaffPrincipal, csrfToken: string | null): Promise<NoticeBannerView | undefined> {
  if (!deps.notices) return undefined;
  return { notices: await openNoticesForUnit({ ...deps, notices: deps.notices }, who), csrfToken: csrfToken ?? '' };
}

export async function detailPageSupervision(
  deps: SupervisionPageDeps,
  who: StaffPrincipal,
  kase: { id: string; unit: string; coUnit: string | null; status: string },
): Promise<CaseSupervision | undefined> {
  if (!deps.notices) return undefined;
  return caseSupervision({ ...deps, notices: deps.notices }, who, kase);
}
