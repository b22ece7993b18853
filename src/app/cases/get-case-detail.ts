/**
 * Everything the console's case page shows, scoped like the case API: the masked
 * case, its deadlines, the timeline with staff names, the attachments, and the
 * actions the caller's role may take in the case's status (from the lifecycle table).
 */
import { availableActions, isOpenStatus, relationAllows, type CaseAction } from '../../domain/case/lifecycle.ts';
import { checkReviewRequest, closeHeldByReviewWindow, mayAnswerReview } from '../../domain/case/review.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { AttachmentMeta, CaseActionRepository, CaseActionState } from '../../ports/case-action-ports.ts';
import type { CaseRepository } from '../../ports/case-ports.ts';
import { toCaseDto, type CaseDto } from './case-dto.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { mayReveal } from './reveal-personal-data.ts';
import { accusedUnits } from './transfer-case.ts';
import { relationOf } from './case-action-kit.ts';
import type { CaseLinkEntry, CaseLinkRepository, IncidentSummary } from '../../ports/case-link-ports.ts';
import { mayDecideLinks } from './decide-case-link.ts';
import { caseResponsibilityView, type CaseResponsibilityView, type PlanViewDeps } from './case-plan-view.ts';
import type { Clock } from '../../ports/clock.ts';
import type { WrittenNoticeRepository, WrittenNoticeSummary } from '../../ports/written-notice-ports.ts';

export interface CaseDetailDeps extends PlanViewDeps {
  clock: Clock;
  cases: CaseRepository;
  actions: Pick<CaseActionRepository, 'findState' | 'listAttachments' | 'staffNames'>;
  county: CountyConfig;
  /** Repeat/related links; without it the page shows none. */
  caseLinks?: Pick<CaseLinkRepository, 'linksOf' | 'incidentOf'>;
  /** The written notices; without it the page shows none. */
  writtenNotices?: Pick<WrittenNoticeRepository, 'listForCase'>;
}

export interface CaseDetail extends CaseResponsibilityView {
  kase: CaseDto;
  state: CaseActionState;
  /** The case's timeline, each staff event with the staff member's username. */
  timeline: (CaseDto['timeline'][number] & { staffName: string | null })[];
  attachments: Omit<AttachmentMeta, 'storagePath'>[];
  actions: CaseAction[];
  canReveal: boolean;
  /** Units a transfer may not go to (the current one, and any a conduct case accuses). */
  transferExcluded: string[];
  /** The bureau may assign a co-handler by hand (assign-co-handler.ts): units it may not name. Null for anyone else. */
  coHandlerExcluded: string[] | null;
  /** Links to cases the caller may see (a conduct case never reaches its respondent unit), also unlinked ones. */
  links: CaseLinkEntry[];
  /** The group incident the case belongs to, or null. */
  incident: IncidentSummary | null;
  mayDecideLinks: boolean;
  /** While the citizen may still ask for a review and has not said they are satisfied: the close waits until then. */
  closeHeldUntil: Date | null;
  /** Written notices (书面告知) issued on the case, oldest first. */
  writtenNotices: WrittenNoticeSummary[];
  /** The caller records hand deliveries of printed notices (the bureau, the competent unit). */
  mayRecordDelivery: boolean;
}

export async function getCaseDetail(deps: CaseDetailDeps, who: StaffPrincipal, rawNumber: string): Promise<CaseDetail> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const scope = caseScopeOf(who, deps.county);
  const [kase, state] = caseNumber
    ? await Promise.all([deps.cases.findByNumber(caseNumber, scope), deps.actions.findState(caseNumber, scope)])
    : [null, null];
  if (!kase || !state) throw new AppError('not_found', 'no such case');
  const ids = kase.timeline.map((e) => e.actorId).filter((x): x is string => x !== null);
  const now = deps.clock.now();
  const [staffNames, attachments, links, incident, writtenNotices, responsibility] = await Promise.all([
    deps.actions.staffNames(ids),
    deps.actions.listAttachments(kase.id),
    deps.caseLinks ? deps.caseLinks.linksOf(kase.id, scope) : [],
    deps.caseLinks && state.incidentId ? deps.caseLinks.incidentOf(kase.id, scope) : null,
    deps.writtenNotices ? deps.writtenNotices.listForCase(kase.id) : [],
    // The emergency plan, who is responsible, and where the case has been.
    caseResponsibilityView(deps, who, state, now),
  ]);
  const relatedCases = links.filter((l) => l.status !== 'unlinked').map((l) => l.otherCaseNumber);
  const ctx = { rules: deps.county.deadlines, utcOffsetMinutes: deps.county.utcOffsetMinutes };
  const dto = toCaseDto(kase, { reveal: false, relatedCases });
  return {
    kase: dto,
    state,
    timeline: dto.timeline.map((e, i) => {
      const id = kase.timeline[i]?.actorId;
      return { ...e, staffName: id ? (staffNames.get(id) ?? null) : null };
    }),
    attachments: attachments.map(({ storagePath: _s, ...a }) => a),
    // A co-handler notes and sees; decisions are the competent unit's and the bureau's.
    // The review's answer is the review body's (never the unit that replied); a review request
    // only while the citizen may still ask; the rest follow the caller's relation.
    actions: availableActions(state.status, who.role).filter((a) => {
      if (a === 'review_reply') return mayAnswerReview(who, state.unit, deps.county) === 'ok';
      if (a === 'request_review' && !checkReviewRequest(state, now, ctx).ok) return false;
      return relationAllows(relationOf(who, state, deps.county), a);
    }),
    canReveal: mayReveal(who, kase, deps.county),
    transferExcluded: [state.unit, ...accusedUnits(deps.county, state)],
    coHandlerExcluded:
      relationOf(who, state, deps.county) === 'bureau' && isOpenStatus(state.status) ? [state.unit, ...accusedUnits(deps.county, state)] : null,
    links,
    incident,
    mayDecideLinks: mayDecideLinks(who),
    closeHeldUntil: closeHeldByReviewWindow(state, now, ctx),
    writtenNotices,
    mayRecordDelivery: who.role !== 'supervisor' && who.role !== 'grid' && relationOf(who, state, deps.county) !== 'co_handler',
    ...responsibility,
  };
}
