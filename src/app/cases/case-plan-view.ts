/**
 * What staff see of a case's emergency plan and of who is responsible for it: the
 * plan's steps with their state (done, late, open) and whether the caller may mark
 * each done; the competent unit, the 属地 township and the holder; and every holding
 * with its duration. A case recorded before holdings existed shows its current unit
 * since creation.
 */
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { findPlan, mayCompleteStep, stepState, type PlanStepRole, type StepState } from '../../domain/plans.ts';
import type { CaseActionState } from '../../ports/case-action-ports.ts';
import type { HoldingRepository, PlanRepository } from '../../ports/plan-ports.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface PlanStepView {
  stepId: string;
  position: number;
  title: { zh: string; en: string };
  role: PlanStepRole;
  dueAt: string;
  state: StepState;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
  mayComplete: boolean;
}

export interface CasePlanView {
  code: string;
  name: { zh: string; en: string };
  steps: PlanStepView[];
  /** The after-action review (事后总结), once written. */
  review: { text: string; at: string; by: string | null } | null;
  /** Closed and no review yet: the console asks for it. */
  reviewWanted: boolean;
  mayReview: boolean;
}

export interface HoldingView {
  unit: string;
  unitName: string;
  staffId: string | null;
  displayName: string | null;
  since: string;
  until: string | null;
  reason: string | null;
  durationHours: number;
}

export interface Responsibility {
  unit: { code: string; name: string };
  township: { name: string; unit: string; unitName: string } | null;
  holder: { staffId: string; displayName: string | null } | null;
}

export interface CaseResponsibilityView {
  plan: CasePlanView | null;
  responsibility: Responsibility;
  holdings: HoldingView[];
}

export interface PlanViewDeps {
  plans: Pick<PlanRepository, 'planOf' | 'staffNames'>;
  holdings: Pick<HoldingRepository, 'list'>;
  county: CountyConfig;
}

type CaseFacts = Pick<CaseActionState, 'id' | 'status' | 'unit' | 'coUnit' | 'township' | 'holderStaffId' | 'createdAt' | 'planCode'>;

const HOUR = 3_600_000;
const hoursBetween = (a: Date, b: Date) => Math.round(((b.getTime() - a.getTime()) / HOUR) * 10) / 10;

/** Only the bureau writes the after-action review. */
export const mayWriteReview = (who: Pick<StaffPrincipal, 'role'>) => who.role === 'admin' || who.role === 'intake';

type PlanCase = Pick<CaseActionState, 'id' | 'status' | 'unit' | 'coUnit' | 'township' | 'planCode'>;

/** The case's plan as the caller sees it; null when it has none (most cases: then nothing is read). */
export async function casePlanView(deps: PlanViewDeps, who: StaffPrincipal, c: PlanCase, now: Date): Promise<CasePlanView | null> {
  if (!c.planCode) return null;
  const plan = await deps.plans.planOf(c.id);
  if (!plan.planCode) return null;
  const names = await deps.plans.staffNames([plan.closureReviewBy, ...plan.steps.map((s) => s.doneBy)].filter((x): x is string => !!x));
  const cfgPlan = findPlan(deps.county.plans, plan.planCode);
  return {
    code: plan.planCode,
    name: cfgPlan?.name ?? { zh: plan.planCode, en: plan.planCode },
    steps: plan.steps.map((s) => ({
      stepId: s.stepId,
      position: s.position,
      title: cfgPlan?.steps.find((x) => x.id === s.stepId)?.title ?? { zh: s.stepId, en: s.stepId },
      role: s.role,
      dueAt: s.dueAt.toISOString(),
      state: stepState(s, now),
      doneAt: s.doneAt?.toISOString() ?? null,
      doneBy: s.doneBy ? (names.get(s.doneBy) ?? s.doneBy) : null,
      note: s.note,
      mayComplete: !s.doneAt && c.status !== 'closed' && mayCompleteStep(who, s.role, c),
    })),
    review: plan.closureReview ? { text: plan.closureReview, at: plan.closureReviewAt!.toISOString(), by: plan.closureReviewBy ? (names.get(plan.closureReviewBy) ?? null) : null } : null,
    reviewWanted: c.status === 'closed' && !plan.closureReview,
    mayReview: c.status === 'closed' && !plan.closureReview && mayWriteReview(who),
  };
}

/** Who is responsible now, and every holding with its duration (backfilled for older cases). */
export async function responsibilityView(deps: PlanViewDeps, c: CaseFacts, now: Date): Promise<Omit<CaseResponsibilityView, 'plan'>> {
  // Each holding comes with its staff member's name; only the holder's is read beside them.
  const [rows, names] = await Promise.all([deps.holdings.list(c.id), deps.plans.staffNames(c.holderStaffId ? [c.holderStaffId] : [])]);
  const backfilled = rows.length ? rows : [{ unit: c.unit, staffId: c.holderStaffId, staffName: null, since: c.createdAt, until: null, reason: null }];
  const holdings = backfilled.map((h) => ({
    unit: h.unit,
    unitName: unitName(deps.county, h.unit, 'zh'),
    staffId: h.staffId,
    displayName: h.staffId ? (h.staffName ?? names.get(h.staffId) ?? null) : null,
    since: h.since.toISOString(),
    until: h.until?.toISOString() ?? null,
    reason: h.reason,
    durationHours: hoursBetween(h.since, h.until ?? now),
  }));
  const townshipUnit = c.coUnit?.startsWith('town:') ? c.coUnit : c.township ? `town:${c.township}` : null;
  return {
    responsibility: {
      unit: { code: c.unit, name: unitName(deps.county, c.unit, 'zh') },
      township: c.township && townshipUnit ? { name: c.township, unit: townshipUnit, unitName: unitName(deps.county, townshipUnit, 'zh') } : null,
      holder: c.holderStaffId ? { staffId: c.holderStaffId, displayName: names.get(c.holderStaffId) ?? null } : null,
    },
    holdings,
  };
}

export async function caseResponsibilityView(deps: PlanViewDeps, who: StaffPrincipal, c: CaseFacts, now: Date): Promise<CaseResponsibilityView> {
  const [plan, rest] = await Promise.all([casePlanView(deps, who, c, now), responsibilityView(deps, c, now)]);
  return { plan, ...rest };
}
