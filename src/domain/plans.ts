/**
 * Emergency plans (应急预案), pure: which configured plan a case opens, when each of
 * its steps falls due, which steps are late, and who may mark a step done. One plan
 * per case: the most specific one that matches.
 */
import type { StaffRole } from './county/schema.ts';
import type { Plan, PlanStepRole, PlanTrigger, RiskKind } from './county/plan-schema.ts';

export { RISK_KINDS, PLAN_STEP_ROLES, type Plan, type PlanStep, type PlanStepRole, type RiskKind } from './county/plan-schema.ts';

/** What plan selection looks at. */
export interface PlanCaseFacts {
  flags: readonly string[];
  /** Kinds the risk screen found in the case's texts (empty when unknown). */
  riskKinds: readonly RiskKind[];
  peopleCount: number | null;
}

/**
 * How specific a matching trigger is, compared as [tier, people]: a named risk kind
 * (3) beats any risk (2) beats a group (1); among group triggers the larger
 * `minPeople` wins. null when the trigger does not match.
 */
export function triggerRank(t: PlanTrigger, c: PlanCaseFacts): [number, number] | null {
  if (t.flag === 'risk') {
    if (!c.flags.includes('risk')) return null;
    if (!t.riskKinds) return [2, 0];
    return t.riskKinds.some((k) => c.riskKinds.includes(k)) ? [3, 0] : null;
  }
  if (!c.flags.includes('group')) return null;
  if (t.minPeople === undefined) return [1, 0];
  return (c.peopleCount ?? 0) >= t.minPeople ? [1, t.minPeople] : null;
}

/** Only a risk or a group case can trigger a plan. */
export const mayOpenPlan = (flags: readonly string[]) => flags.includes('risk') || flags.includes('group');

const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** The plan a case opens, or null. Equal rank: the plan listed first in the config wins. */
export function selectPlan(plans: readonly Plan[], c: PlanCaseFacts): Plan | null {
  let best: { plan: Plan; rank: [number, number] } | null = null;
  for (const plan of plans) {
    for (const t of plan.triggers) {
      const rank = triggerRank(t, c);
      if (rank && (!best || better(rank, best.rank))) best = { plan, rank };
    }
  }
  return best?.plan ?? null;
}

export interface DueStep {
  stepId: string;
  position: number;
  role: PlanStepRole;
  dueAt: Date;
}

/** The plan's steps with their due instants, counted from the opening. */
export function planStepsDue(plan: Plan, openedAt: Date): DueStep[] {
  return plan.steps.map((s, i) => ({ stepId: s.id, position: i + 1, role: s.role, dueAt: new Date(openedAt.getTime() + s.dueMinutes * 60_000) }));
}

export type StepState = 'done' | 'late' | 'open';

/** Late: past its due instant and not done. */
export function stepState(s: { dueAt: Date; doneAt: Date | null }, now: Date): StepState {
  if (s.doneAt) return 'done';
  return now.getTime() > s.dueAt.getTime() ? 'late' : 'open';
}

export interface StepActor {
  role: StaffRole;
  unit: string | null;
}

/**
 * Who may mark a step done: admin and intake officers any step; a handler the steps of
 * their own role on the case (the competent unit's, or the 属地 township's); nobody
 * else (supervisors and grid workers read).
 */
export function mayCompleteStep(who: StepActor, role: PlanStepRole, kase: { unit: string; coUnit: string | null; township: string | null }): boolean {
  if (who.role === 'admin' || who.role === 'intake') return true;
  if (who.role !== 'handler' || !who.unit) return false;
  if (role === 'unit') return who.unit === kase.unit;
  if (role === 'township') return who.unit === kase.coUnit || (kase.township !== null && who.unit === `town:${kase.township}`);
  return false;
}

/** A configured plan by code (a case keeps its code even if the config drops the plan). */
export const findPlan = (plans: readonly Plan[], code: string | null): Plan | null => (code ? (plans.find((p) => p.code === code) ?? null) : null);

/** A step's title in both languages, "zh / en"; the step id when the config no longer has it. */
export function stepTitle(plan: Plan | null, stepId: string): string {
  const s = plan?.steps.find((x) => x.id === stepId);
  return s ? `${s.title.zh} / ${s.title.en}` : stepId;
}
