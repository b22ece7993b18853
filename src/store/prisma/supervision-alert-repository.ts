/**
 * Supervision alerts in Prisma: 督办 deadline alerts (due soon, overdue) from the
 * deadline sweep, early-warning risk alerts, emergency plans opened and steps late, and
 * 督办 notices (shown to the unit the notice names), reviews asked (复查), a leader put in charge of a case (包案). Supervisors,
 * admin and the bureau's intake (a scope over all cases) see every one; a handler sees
 * those of the cases of their unit, as competent unit or 属地 co-handler, and those
 * addressed to their unit (the review body's: a review asked, its answer due) — never
 * a conduct case that names the unit; grid workers get none. Scoping is in the query, so a unit with
 * thousands of other units' overdue cases still gets its own.
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { visibleAlertIds } from '../sql/supervision-alerts.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { AlertAckTarget, AlertRecord, SupervisionAlertRepository, SupervisionReader } from '../../ports/alert-ports.ts';

export const SUPERVISION_ALERT_KINDS = ['deadline_due_soon', 'deadline_overdue', 'risk', 'supervise_notice', 'plan_opened', 'plan_step_late', 'review_requested', 'leader_assigned', 'incident'] as const;

const LIST_LIMIT = 100;


export class PrismaSupervisionAlertRepository implements SupervisionAlertRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The reader's unacknowledged supervision alerts, newest first (at most 100). */
  async open(reader: SupervisionReader): Promise<AlertRecord[]> {
    const ids = await this.visibleIds(reader, null);
    if (ids.length === 0) return [];
    const rows = await this.prisma.alert.findMany({ where: { id: { in: ids } }, orderBy: [{ at: 'desc' }, { id: 'asc' }] });
    const caseIds = rows.map((r) => r.caseId).filter((x): x is string => x !== null);
    const cases = caseIds.length ? await this.prisma.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, caseNumber: true } }) : [];
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind,
      caseId: r.caseId,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
      conversationId: r.conversationId,
      unit: r.unit,
      message: r.message,
    }));
  }

  /** A supervision alert the reader may see, with what decides its acknowledgement; null when there is none for them. */
  async ackTarget(id: string, reader: SupervisionReader): Promise<AlertAckTarget | null> {
    if ((await this.visibleIds(reader, id)).length === 0) return null;
    const row = await this.prisma.alert.findUniqueOrThrow({ where: { id }, select: { kind: true, unit: true, caseId: true } });
    const kase = row.caseId ? await this.prisma.case.findUnique({ where: { id: row.caseId }, select: { unit: true, holderStaffId: true } }) : null;
    return { kind: row.kind, unit: row.unit, caseUnit: kase?.unit ?? null, holderStaffId: kase?.holderStaffId ?? null };
  }

  private async visibleIds(reader: SupervisionReader, only: string | null): Promise<string[]> {
    if (reader.role === 'grid') return [];
    const units = reader.scope.all ? 'all' : [...reader.scope.units];
    if (units !== 'all' && units.length === 0) return [];
    return visibleAlertIds(prismaQuery(this.prisma), { kinds: SUPERVISION_ALERT_KINDS, units, staffId: reader.staffId, only, limit: LIST_LIMIT });
  }
}
