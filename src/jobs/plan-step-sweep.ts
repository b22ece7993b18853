/**
 * Emergency plan sweep. Late steps (past due, not done, case not closed) raise one
 * alert each for supervisors and the responsible unit (dedupeKey
 * `plan_step_late:<caseId>:<stepId>`) with one internal timeline event. As a safety
 * net it also opens the plan of a recent risk or group case that has none (a crash
 * between filing and opening, or a flag set by another path). Bounded per run; a
 * second run changes nothing.
 */
import { openCasePlan } from '../app/cases/open-case-plan.ts';
import { findPlan, stepTitle } from '../domain/plans.ts';
import { lateStepKey } from '../ports/job-ports.ts';
import type { Job } from './job.ts';

const TAKE = 500;
/** Only cases filed this recently get a missed plan opened (not a store's whole history). */
const SAFETY_NET_MS = 3 * 86_400_000;

export const planStepSweep: Job = {
  name: 'plan-step-sweep',
  everyMs: 5 * 60_000,
  async run({ deps, repo, plans, now, log }) {
    const counts = { opened: 0, late: 0, alerts: 0 };
    const planDeps = { plans, county: deps.county, clock: { now: () => now }, log };
    for (const id of await plans.unplanned(new Date(now.getTime() - SAFETY_NET_MS), TAKE)) {
      if ((await openCasePlan(planDeps, { id })).opened) counts.opened++;
    }
    for (const s of await plans.lateSteps(now, TAKE)) {
      counts.late++;
      const title = stepTitle(findPlan(deps.county.plans, s.planCode), s.stepId);
      const raised = await repo.raiseAlert({
        kind: 'plan_step_late',
        dedupeKey: lateStepKey(s.caseId, s.stepId),
        caseId: s.caseId,
        unit: s.unit,
        message: `案件 ${s.caseNumber} 应急预案步骤超时 / plan step late: ${title}`,
        at: now,
      });
      if (!raised) continue;
      counts.alerts++;
      await repo.addSystemEvent(s.caseId, { at: now, kind: 'plan_step_late', note: `预案步骤超时 Plan step late: ${title}`, data: { stepId: s.stepId, dueAt: s.dueAt.toISOString() } });
    }
    return counts;
  },
};
