/**
 * Emergency plans (应急预案) in the county config: which case conditions open a plan
 * and the checklist of steps it prescribes, each with the role that must act and a
 * time limit counted in minutes from the moment the plan opens.
 */
import { z } from 'zod';

/** The risk kinds the early-warning screen reports (src/nlu/risk; a unit test keeps them equal). */
export const RISK_KINDS = ['self_harm', 'violence', 'threat', 'blocking', 'gathering', 'capital'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/**
 * Who must act on a step: the bureau's intake officers, the handler of the competent
 * unit, the 属地 township government, a supervising leader, or the administrator.
 */
export const PLAN_STEP_ROLES = ['intake', 'unit', 'township', 'supervisor', 'admin'] as const;
export type PlanStepRole = (typeof PLAN_STEP_ROLES)[number];

const nonEmpty = z.string().trim().min(1);
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'codes are lower-case letters, digits or _');

/** A risk case; with `riskKinds`, only when the screen found one of them. */
const RiskTrigger = z.object({ flag: z.literal('risk'), riskKinds: z.array(z.enum(RISK_KINDS)).min(1).optional() });
/** A group case; with `minPeople`, only from that many people (default: the group threshold). */
const GroupTrigger = z.object({ flag: z.literal('group'), minPeople: z.number().int().min(2).optional() });

export const PlanTriggerSchema = z.discriminatedUnion('flag', [RiskTrigger, GroupTrigger]);
export type PlanTrigger = z.infer<typeof PlanTriggerSchema>;

export const PlanStepSchema = z.object({
  id: code,
  title: z.object({ zh: nonEmpty, en: nonEmpty }),
  role: z.enum(PLAN_STEP_ROLES),
  /** Due this many minutes after the plan opens (emergencies count wall-clock time). */
  dueMinutes: z.number().int().min(1).max(60 * 24 * 90),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const PlanSchema = z.object({
  code,
  name: z.object({ zh: nonEmpty, en: nonEmpty }),
  triggers: z.array(PlanTriggerSchema).min(1),
  steps: z.array(PlanStepSchema).min(1).max(20),
});
export type Plan = z.infer<typeof PlanSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-field checks: unique plan codes and step ids (a step id names its row per case). */
export function planIssues(plans: readonly Plan[]): Issue[] {
  const issues: Issue[] = [];
  const codes = new Set<string>();
  plans.forEach((p, i) => {
    if (codes.has(p.code)) issues.push({ path: ['plans', i, 'code'], message: `plan code "${p.code}" is used twice` });
    codes.add(p.code);
    const ids = new Set<string>();
    p.steps.forEach((s, j) => {
      if (ids.has(s.id)) issues.push({ path: ['plans', i, 'steps', j, 'id'], message: `step id "${s.id}" is used twice in plan "${p.code}"` });
      ids.add(s.id);
    });
  });
  return issues;
}
