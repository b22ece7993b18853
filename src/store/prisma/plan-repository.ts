/**
 * Emergency plans in Prisma. Opening is guarded by `plan_code IS NULL` (of two
 * concurrent openings one writes), a step is marked done only while not done, the
 * after-action review only once; each write carries its timeline event and audit
 * entry in the same transaction.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { lateSteps, unplannedCaseIds } from '../sql/jobs.ts';
import { claimIncidentPlan } from '../sql/plans.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { PlanStepRole } from '../../domain/plans.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { CaseRef, CasePlanRecord, OpenPlanWrite, PlanFacts, StaffEntryWrite, StepDoneWrite } from '../../ports/plan-ports.ts';
import type { LateStep, PlanSweepRepository } from '../../ports/job-ports.ts';

type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class AlreadyDone extends Error {}

export class PrismaPlanRepository implements PlanSweepRepository {
  /** On a transaction client (a job's), every write joins that transaction. */
  constructor(
    private readonly prisma: PrismaClient | Tx,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = this.prisma as Partial<Pick<PrismaClient, '$transaction'>>;
    return typeof client.$transaction === 'function' ? (this.prisma as PrismaClient).$transaction(fn) : fn(this.prisma);
  }

  async facts(ref: CaseRef): Promise<PlanFacts | null> {
    if ('id' in ref && !UUID.test(ref.id)) return null;
    const c = await this.prisma.case.findUnique({ where: 'id' in ref ? { id: ref.id } : { caseNumber: ref.caseNumber } });
    if (!c) return null;
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      status: c.status,
      unit: c.unit,
      flags: c.flags,
      peopleCount: c.peopleCount,
      facts: c.facts,
      demands: c.demands,
      conversationId: c.conversationId,
      planCode: c.planCode,
      createdAt: c.createdAt,
      sensitivePeriod: c.sensitivePeriod,
    };
  }

  async citizenTexts(conversationId: string, limit: number): Promise<string[]> {
    const rows = await this.prisma.message.findMany({
      where: { conversationId, direction: 'in', author: 'citizen' },
      orderBy: { at: 'desc' },
      take: limit,
      select: { text: true },
    });
    return rows.reverse().map((r) => this.cipher.decryptOptional(r.text) ?? '');
  }

  async open(w: OpenPlanWrite): Promise<boolean> {
    return this.inTx(async (tx) => {
      // One plan per group incident: a member case opens it only while the incident has none.
      if (!(await claimIncidentPlan(prismaQuery(tx), w.caseId))) return false;
      const set = await tx.case.updateMany({ where: { id: w.caseId, planCode: null }, data: { planCode: w.planCode } });
      if (set.count === 0) return false;
      await tx.casePlanStep.createMany({
        data: w.steps.map((s) => ({ caseId: w.caseId, stepId: s.stepId, planCode: w.planCode, position: s.position, role: s.role, dueAt: s.dueAt })),
        skipDuplicates: true,
      });
      const data = { planCode: w.planCode, riskKinds: w.riskKinds, steps: w.steps.length };
      await tx.caseEvent.create({ data: { caseId: w.caseId, at: w.at, actorType: 'system', kind: 'plan_opened', public: false, note: `启动应急预案 Plan opened: ${w.label}`, data } });
      await tx.auditLog.create({ data: { at: w.at, actorId: null, action: 'case.plan_opened', target: w.caseNumber, reason: null, data } });
      await tx.alert.createMany({
        data: [{ kind: 'plan_opened', dedupeKey: `plan_opened:${w.caseId}`, caseId: w.caseId, unit: w.unit, message: `案件 ${w.caseNumber} 启动应急预案 / plan opened: ${w.label}`, at: w.at }],
        skipDuplicates: true,
      });
      return true;
    });
  }

  async planOf(caseId: string): Promise<CasePlanRecord> {
    const [c, steps] = await Promise.all([
      this.prisma.case.findUnique({ where: { id: caseId }, select: { planCode: true, closureReview: true, closureReviewAt: true, closureReviewBy: true } }),
      this.prisma.casePlanStep.findMany({ where: { caseId }, orderBy: { position: 'asc' } }),
    ]);
    return {
      planCode: c?.planCode ?? null,
      closureReview: c?.closureReview ?? null,
      closureReviewAt: c?.closureReviewAt ?? null,
      closureReviewBy: c?.closureReviewBy ?? null,
      steps: steps.map((s) => ({ stepId: s.stepId, planCode: s.planCode, position: s.position, role: s.role as PlanStepRole, dueAt: s.dueAt, doneAt: s.doneAt, doneBy: s.doneBy, note: s.note })),
    };
  }

  async completeStep(w: StepDoneWrite): Promise<boolean> {
    try {
      await this.inTx(async (tx) => {
        const r = await tx.casePlanStep.updateMany({ where: { caseId: w.caseId, stepId: w.stepId, doneAt: null }, data: { doneAt: w.at, doneBy: w.actorId, note: w.note } });
        if (r.count === 0) throw new AlreadyDone();
        const data = { stepId: w.stepId, late: w.late };
        const note = w.note ? `${w.title}：${w.note}` : w.title;
        await tx.caseEvent.create({ data: { caseId: w.caseId, at: w.at, actorType: 'staff', actorId: w.actorId, kind: 'plan_step_done', public: false, note, data } });
        await tx.auditLog.create({ data: { at: w.at, actorId: w.actorId, action: 'case.plan_step_done', target: w.caseNumber, reason: w.note, data } });
      });
      return true;
    } catch (err) {
      if (err instanceof AlreadyDone) return false;
      throw err;
    }
  }

  async recordWaived(w: StaffEntryWrite & { steps: { stepId: string; title: string }[] }): Promise<void> {
    if (w.steps.length === 0) return;
    await this.inTx(async (tx) => {
      await tx.caseEvent.createMany({
        data: w.steps.map((s) => ({
          caseId: w.caseId, at: w.at, actorType: 'staff', actorId: w.actorId, kind: 'plan_step_waived', public: false,
          note: `${s.title} — 未完成即办结，理由 closed while open, reason: ${w.text}`, data: { stepId: s.stepId },
        })),
      });
      await tx.auditLog.create({ data: { at: w.at, actorId: w.actorId, action: 'case.plan_steps_waived', target: w.caseNumber, reason: w.text, data: { steps: w.steps.map((s) => s.stepId) } } });
    });
  }

  async recordReview(w: StaffEntryWrite): Promise<boolean> {
    return this.inTx(async (tx) => {
      const r = await tx.case.updateMany({
        where: { id: w.caseId, status: 'closed', closureReview: null },
        data: { closureReview: w.text, closureReviewAt: w.at, closureReviewBy: w.actorId },
      });
      if (r.count === 0) return false;
      await tx.caseEvent.create({ data: { caseId: w.caseId, at: w.at, actorType: 'staff', actorId: w.actorId, kind: 'review_summary', public: false, note: w.text } });
      await tx.auditLog.create({ data: { at: w.at, actorId: w.actorId, action: 'case.review_summary', target: w.caseNumber, reason: null } });
      return true;
    });
  }

  async staffNames(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].filter((id) => UUID.test(id));
    if (valid.length === 0) return new Map();
    const rows = await this.prisma.staffAccount.findMany({ where: { id: { in: valid } }, select: { id: true, username: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName ? `${r.displayName} (${r.username})` : r.username]));
  }

  async flagConversationRisk(conversationId: string, at: Date): Promise<string | null> {
    return this.inTx(async (tx) => {
      const c = await tx.case.findFirst({
        where: { conversationId, status: { notIn: ['closed', 'not_accepted'] } },
        orderBy: { createdAt: 'desc' },
        select: { id: true, caseNumber: true },
      });
      if (!c) return null;
      const r = await tx.case.updateMany({ where: { id: c.id, NOT: { flags: { has: 'risk' } } }, data: { flags: { push: 'risk' } } });
      if (r.count === 1) {
        await tx.caseEvent.create({ data: { caseId: c.id, at, actorType: 'system', kind: 'risk_flagged', public: false, note: '信访人在对话中出现风险信号 Risk signal in the citizen\'s chat' } });
        await tx.auditLog.create({ data: { at, actorId: null, action: 'case.risk_flagged', target: c.caseNumber, reason: null } });
      }
      return c.id;
    });
  }

  async markSensitivePeriod(caseId: string, period: string): Promise<void> {
    await this.prisma.case.updateMany({ where: { id: caseId, sensitivePeriod: null }, data: { sensitivePeriod: period } });
  }

  async notePossibleRisk(conversationId: string, message: string, at: Date, day: string, kind: 'risk' | 'risk_possible' = 'risk_possible'): Promise<boolean> {
    const r = await this.prisma.alert.createMany({
      data: [{ kind, dedupeKey: `${kind}:${conversationId}:${day}`, conversationId, unit: null, message, at }],
      skipDuplicates: true,
    });
    return r.count === 1;
  }

  lateSteps(now: Date, take: number): Promise<LateStep[]> {
    return PrismaPlanRepository.lateStepsIn(this.prisma, now, take);
  }

  unplanned(since: Date, take: number): Promise<string[]> {
    return unplannedCaseIds(prismaQuery(this.prisma), since, take);
  }

  /** Open steps past due on cases not closed whose alert was not raised yet, earliest first (for the sweep). */
  static lateStepsIn(tx: Tx, now: Date, take: number): Promise<LateStep[]> {
    return lateSteps(prismaQuery(tx), now, take);
  }
}
