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
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { AlertAckTarget, AlertRecord, SupervisionAlertRepository, SupervisionReader } from '../../ports/alert-ports.ts';

export const SUPERVISION_ALERT_KINDS = ['deadline_due_soon', 'deadline_overdue', 'risk', 'supervise_notice', 'plan_opened', 'plan_step_late', 'review_requested', 'leader_assigned', 'incident'] as const;

const LIST_LIMIT = 100;

type Row = { id: string };

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
    const kinds = Prisma.join([...SUPERVISION_ALERT_KINDS]);
    const one = only ? Prisma.sql`AND a.id = ${only}::uuid` : Prisma.empty;
    // Unacknowledged (for everyone, or by this reader) for the list; an acknowledgement of an acknowledged alert is still "found".
    const open = only
      ? Prisma.empty
      : Prisma.sql`AND a.acknowledged_at IS NULL AND NOT EXISTS (SELECT 1 FROM alert_acks k WHERE k.alert_id = a.id AND k.staff_id = ${reader.staffId}::uuid)`;
    if (reader.scope.all) {
      const rows = await this.prisma.$queryRaw<Row[]>`
        SELECT a.id::text AS id FROM alerts a WHERE a.kind IN (${kinds}) ${open} ${one}
        ORDER BY a.at DESC, a.id ASC LIMIT ${LIST_LIMIT}`;
      return rows.map((r) => r.id);
    }
    const units = [...reader.scope.units];
    if (units.length === 0) return [];
    const list = Prisma.join(units);
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT a.id::text AS id FROM alerts a JOIN cases c ON c.id = a.case_id
      WHERE a.kind IN (${kinds}) ${open} ${one}
        AND (c.unit IN (${list}) OR c.co_unit IN (${list}) OR (a.unit IN (${list}) AND c.review_requested_at IS NOT NULL))
        AND NOT (c.category = 'conduct' AND c.respondent_units && ARRAY[${list}]::text[])
        AND (a.kind <> 'supervise_notice' OR a.unit IN (${list}))
      ORDER BY a.at DESC, a.id ASC LIMIT ${LIST_LIMIT}`;
    return rows.map((r) => r.id);
  }
}
