/**
 * Supervision notices as staff may see them: supervisors, the bureau and the admin
 * see every unit's (optionally one unit's); a handler sees their own unit's only.
 * Notices of cases outside the caller's case scope never appear.
 */
import { AppError } from '../../domain/errors.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { mayAnswerNotice, mayIssueNotice, toNoticeView, type NoticeView, type SupervisionDeps } from './notice-view.ts';

export const NOTICE_LIST_LIMIT = 200;

export interface NoticeQuery {
  unit?: string | undefined;
  open?: boolean | undefined;
}

type ReadDeps = Pick<SupervisionDeps, 'notices' | 'county' | 'clock'>;

export async function listSuperviseNotices(deps: ReadDeps, who: StaffPrincipal, q: NoticeQuery): Promise<{ items: NoticeView[] }> {
  let unit = q.unit;
  if (who.role === 'handler') {
    if (unit && unit !== who.unit) throw new AppError('forbidden', "a handler sees their own unit's notices only");
    unit = who.unit ?? undefined;
    if (!unit) return { items: [] };
  } else if (!mayIssueNotice(who)) {
    throw new AppError('forbidden', 'your role may not see supervision notices');
  }
  const rows = await deps.notices.list({ unit, open: q.open, limit: NOTICE_LIST_LIMIT }, caseScopeOf(who, deps.county));
  const now = deps.clock.now();
  return { items: rows.map((r) => toNoticeView(r, now)) };
}

/** The open notices a handler's case list shows on top (empty for other roles). */
export async function openNoticesForUnit(deps: ReadDeps, who: StaffPrincipal): Promise<NoticeView[]> {
  if (who.role !== 'handler' || !who.unit) return [];
  return (await listSuperviseNotices(deps, who, { open: true })).items;
}

export interface CaseSupervision {
  notices: (NoticeView & { mayAnswer: boolean })[];
  /** The caller may issue a notice now (not on a closed case). */
  mayIssue: boolean;
  /** Units a notice may go to: the competent unit, then the 属地 township. */
  units: string[];
}

/** A case's notices for its detail page, with what the caller may do about them. */
export async function caseSupervision(
  deps: ReadDeps,
  who: StaffPrincipal,
  kase: { id: string; unit: string; coUnit: string | null; status: string },
): Promise<CaseSupervision> {
  const rows = await deps.notices.list({ caseId: kase.id, limit: NOTICE_LIST_LIMIT }, caseScopeOf(who, deps.county));
  const now = deps.clock.now();
  return {
    notices: rows.map((r) => ({ ...toNoticeView(r, now), mayAnswer: mayAnswerNotice(who, r) })),
    mayIssue: mayIssueNotice(who) && kase.status !== 'closed',
    units: [kase.unit, ...(kase.coUnit ? [kase.coUnit] : [])],
  };
}
