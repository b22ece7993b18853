/**
 * A grid worker's confirmed screening report (矛盾纠纷排查) becomes a case: origin
 * `screening`, no query code and no petitioner (the parties are text), routed like a
 * petition (competent unit of the category, the township as 属地 co-handler), flagged
 * `group` from the threshold and `risk` from the early-warning screen or an urgency of
 * immediate danger. One transaction writes the case, its reporter, an internal note,
 * the risk alert and the audit entry; the submission key (conversation + report id)
 * makes a replayed turn return the same case. After commit: linking to related cases
 * and the emergency plan. The case number reaches the worker only after the commit.
 */
import { sensitiveMarkOf } from '../../domain/sensitive-periods.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { acceptDue, localDate } from '../../domain/deadlines.ts';
import { findAccusedUnits } from '../../domain/accused-units.ts';
import { routeCase } from '../../domain/routing.ts';
import { t } from '../../dialog/catalog/catalog.ts';
import type { EffectEvent } from '../../dialog/types.ts';
import type { GridWorkerContext, ScreeningDraft } from '../../dialog/forms/screening/types.ts';
import type { Logger } from '../../log.ts';
import { screenRisk } from '../../nlu/risk/screen.ts';
import type { ScreeningReportStore } from '../../ports/grid-ports.ts';
import type { NewCase } from '../../ports/case-ports.ts';
import { linkRelatedCases } from '../petition/link-related-cases.ts';
import type { CaseLinkRepository } from '../../ports/case-link-ports.ts';

export interface ScreeningReportDeps {
  reports: ScreeningReportStore;
  county: CountyConfig;
  /** Repeat/related linking of the new case (src/app/petition/link-related-cases.ts). */
  caseLinks?: Pick<CaseLinkRepository, 'linkNewCase'>;
  /** What every new case gets once committed (its first holding, an emergency plan for risk/group). */
  afterCreated?: (caseId: string) => Promise<void>;
  log: Pick<Logger, 'warn'>;
}

export interface ScreeningReporter {
  worker: GridWorkerContext;
  conversationId: string;
  channel: string;
}

/** Whether the report is a risk: an urgency of immediate danger, a risk message, or risk words in it. */
export function isRiskReport(d: ScreeningDraft): boolean {
  return d.urgency === 'danger' || d.riskFlag || screenRisk(d.facts).level === 'risk' || screenRisk(d.parties).level === 'risk';
}

export function buildScreeningCase(d: ScreeningDraft, who: ScreeningReporter, now: Date, county: CountyConfig): NewCase {
  const respondentUnits = findAccusedUnits(county, { category: d.category, township: d.township, respondent: d.parties, facts: d.facts });
  const { unit, coUnit } = routeCase(county, { category: d.category, township: d.township, respondentUnits });
  const flags: string[] = [];
  if (d.peopleCount >= county.rules.groupThreshold) flags.push('group');
  if (isRiskReport(d)) flags.push('risk');
  return {
    submissionKey: `screening:${who.conversationId}:${d.reportId}`,
    origin: 'screening',
    channel: who.channel,
    conversationId: null,
    locale: d.locale,
    petitioner: { name: null, phone: null, idNumber: null },
    category: d.category,
    township: d.township,
    unit,
    coUnit,
    respondent: d.parties,
    respondentUnits,
    facts: d.facts,
    demands: null,
    address: d.place,
    peopleCount: d.peopleCount,
    priorPetition: null,
    representatives: [],
    flags,
    sensitivePeriod: sensitiveMarkOf(county, flags, now),
    consent: null,
    receivedAt: now,
    localDate: localDate(now, county.utcOffsetMinutes),
    acceptDueAt: acceptDue(now, { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes }),
    queryCode: null,
  };
}

/** The internal note on the timeline, in both console languages (words from the catalog). */
function reportNote(d: ScreeningDraft, who: ScreeningReporter): string {
  const both = (zh: string, en: string) => `${zh} ${en}`;
  return [
    both(t('zh', 'scrBtnReport'), t('en', 'scrBtnReport')) + ` · ${who.worker.username}`,
    `${both(t('zh', 'scrFUrgency'), t('en', 'scrFUrgency'))}: ${t('zh', `scrUrg_${d.urgency}`)} / ${t('en', `scrUrg_${d.urgency}`)}`,
  ].join('\n');
}

export async function submitScreeningReport(deps: ScreeningReportDeps, d: ScreeningDraft, who: ScreeningReporter, now: Date): Promise<EffectEvent> {
  const kase = buildScreeningCase(d, who, now, deps.county);
  const risk = kase.flags.includes('risk');
  const created = await deps.reports.create({
    kase,
    reporterStaffId: who.worker.staffId,
    attachmentsFrom: who.conversationId,
    note: reportNote(d, who),
    // No personal data in an alert: where, and that a grid worker reported it.
    riskAlert: risk ? { message: `网格员上报风险隐患 / risk reported by a grid worker — ${d.township}` } : null,
  });
  if (created.created) await linkAndPlan(deps, created.id);
  return { type: 'screening_submitted', reportId: d.reportId, caseNumber: created.caseNumber };
}

/** After commit; the report exists either way, so failures are logged, not thrown. */
async function linkAndPlan(deps: ScreeningReportDeps, caseId: string): Promise<void> {
  try {
    if (deps.caseLinks) await linkRelatedCases({ caseLinks: deps.caseLinks }, caseId);
    await deps.afterCreated?.(caseId);
  } catch (err) {
    deps.log.warn({ err, caseId }, 'links or plan of a screening report not recorded');
  }
}
