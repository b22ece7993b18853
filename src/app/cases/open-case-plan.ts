/**
 * Opening a case's emergency plan (应急预案): a risk or group case gets the most
 * specific configured plan, its steps due from now, in one transaction with an
 * internal timeline event, an audit entry and an alert. Idempotent: a case already
 * under a plan keeps it. `afterCaseCreated` is what every path that creates a case
 * calls once the case is committed (chat petitions, grid workers' screening reports).
 */
import { localDate } from '../../domain/deadlines.ts';
import { possibleRiskAlertKind, sensitiveMarkOf, sensitivePeriodAt } from '../../domain/sensitive-periods.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { mayOpenPlan, planStepsDue, RISK_KINDS, selectPlan, type RiskKind } from '../../domain/plans.ts';
import type { Logger } from '../../log.ts';
import { screenRisk } from '../../nlu/risk/screen.ts';
import type { CaseRef, PlanFacts, PlanRepository } from '../../ports/plan-ports.ts';
import type { CaseLinkRepository } from '../../ports/case-link-ports.ts';
import type { Clock } from '../../ports/clock.ts';

export interface CasePlanDeps {
  plans: PlanRepository;
  county: CountyConfig;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
  /** Group incidents looked for again after the commit; without it a case keeps what its filing found. */
  caseLinks?: Pick<CaseLinkRepository, 'regroupCase'>;
}

/** How many of the citizen's latest messages are screened when the case texts name no risk kind. */
const CHAT_TEXTS = 30;

export type OpenPlanOutcome = { opened: true; planCode: string } | { opened: false; reason: 'no_case' | 'has_plan' | 'no_plan' };

/** Risk kinds the screen finds in any of the texts. */
export function riskKindsIn(texts: readonly (string | null)[]): RiskKind[] {
  const found = new Set<string>();
  for (const t of texts) for (const k of screenRisk(t).categories) found.add(k);
  return RISK_KINDS.filter((k) => found.has(k));
}

export async function openCasePlan(deps: CasePlanDeps, ref: CaseRef): Promise<OpenPlanOutcome> {
  const c = await deps.plans.facts(ref);
  return c ? openPlanOf(deps, c) : { opened: false, reason: 'no_case' };
}

async function openPlanOf(deps: CasePlanDeps, c: PlanFacts): Promise<OpenPlanOutcome> {
  if (c.planCode) return { opened: false, reason: 'has_plan' };
  if (!mayOpenPlan(c.flags)) return { opened: false, reason: 'no_plan' };
  let riskKinds: RiskKind[] = [];
  if (c.flags.includes('risk')) {
    riskKinds = riskKindsIn([c.facts, c.demands]);
    // The risk may have been said in the chat rather than in the facts.
    if (riskKinds.length === 0 && c.conversationId) riskKinds = riskKindsIn(await deps.plans.citizenTexts(c.conversationId, CHAT_TEXTS));
  }
  const plan = selectPlan(deps.county.plans, { flags: c.flags, riskKinds, peopleCount: c.peopleCount });
  if (!plan) return { opened: false, reason: 'no_plan' };
  const now = deps.clock.now();
  const opened = await deps.plans.open({
    caseId: c.id,
    caseNumber: c.caseNumber,
    unit: c.unit,
    planCode: plan.code,
    label: `${plan.name.zh} / ${plan.name.en}`,
    steps: planStepsDue(plan, now),
    riskKinds,
    at: now,
  });
  return opened ? { opened: true, planCode: plan.code } : { opened: false, reason: 'has_plan' };
}

/**
 * After a case is committed (its first holding was written with it): the plan of a
 * risk or group case. Failures are logged, not thrown: the case exists either way,
 * and the plan-step sweep opens a missed plan on its next run.
 */
export async function afterCaseCreated(deps: CasePlanDeps, ref: CaseRef): Promise<void> {
  try {
    const c = await deps.plans.facts(ref);
    // Before a group or risk case opens its own plan: a filing committed beside it may make
    // them one incident, with one plan.
    if (c && deps.caseLinks && !c.planCode && mayOpenPlan(c.flags)) {
      await deps.caseLinks.regroupCase(c.id).catch((err: unknown) => deps.log.warn({ err, ref }, 'group incident of a new case not looked for again'));
    }
    if (c) await openPlanOf(deps, c);
  } catch (err) {
    deps.log.warn({ err, ref }, 'plan of a new case not recorded');
  }
}

/**
 * A message the screen found possibly risky: staff are told quietly (in a sensitive
 * period with a risk alert), the citizen's chat goes on as it was.
 */
export async function afterPossibleRisk(deps: CasePlanDeps, conversationId: string): Promise<void> {
  const now = deps.clock.now();
  // In a sensitive period the alert is raised one level: staff see it as a risk.
  const period = sensitivePeriodAt(deps.county, now);
  const message = period
    ? `敏感时期（${period.name.zh}）对话中出现可能的风险信号，请立即查看 Sensitive period (${period.name.en}): a chat may signal a risk, look at it now`
    : '对话中出现可能的风险信号，请查看 A chat may signal a risk: please look at it';
  try {
    await deps.plans.notePossibleRisk(conversationId, message, now, localDate(now, deps.county.utcOffsetMinutes), possibleRiskAlertKind(period));
  } catch (err) {
    deps.log.warn({ err, conversationId }, 'possible risk not recorded');
  }
}

export async function afterRiskMessage(deps: CasePlanDeps, conversationId: string): Promise<void> {
  try {
    const caseId = await deps.plans.flagConversationRisk(conversationId, deps.clock.now());
    if (!caseId) return;
    // Now a risk case: filed in a sensitive period, it is marked like one filed as a risk.
    const c = await deps.plans.facts({ id: caseId });
    const mark = c && !c.sensitivePeriod ? sensitiveMarkOf(deps.county, [...c.flags, 'risk'], c.createdAt) : null;
    if (mark) await deps.plans.markSensitivePeriod(caseId, mark);
    await openCasePlan(deps, { id: caseId });
  } catch (err) {
    deps.log.warn({ err, conversationId }, 'risk of an existing case not recorded');
  }
}
