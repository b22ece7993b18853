/**
 * Who has held a case (case_holdings): one row per unit and staff member with the
 * time span. A change closes the open row and opens the next in one transaction; a
 * case from before holdings were recorded gets its first row backfilled from the
 * holder before the change, since the case's creation.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { HoldingChange, HoldingRecord, HoldingRepository } from '../../ports/plan-ports.ts';
import { lockCaseForHolding } from '../sql/holdings.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

type Tx = Prisma.TransactionClient;

export class PrismaHoldingRepository implements HoldingRepository {
  /** On a transaction client (a job's), every write joins that transaction. */
  constructor(private readonly prisma: PrismaClient | Tx) {}

  private inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = this.prisma as Partial<Pick<PrismaClient, '$transaction'>>;
    return typeof client.$transaction === 'function' ? (this.prisma as PrismaClient).$transaction(fn) : fn(this.prisma);
  }

  async change(ch: HoldingChange): Promise<void> {
    await this.inTx((tx) => changeHoldingIn(tx, ch));
  }

  async list(caseId: string): Promise<HoldingRecord[]> {
    const rows = await this.prisma.caseHolding.findMany({ where: { caseId }, orderBy: [{ since: 'asc' }, { until: { sort: 'asc', nulls: 'last' } }] });
    const ids = [...new Set(rows.map((r) => r.staffId).filter((x): x is string => x !== null))];
    const staff = ids.length ? await this.prisma.staffAccount.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, displayName: true } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.displayName ? `${s.displayName} (${s.username})` : s.username]));
    return rows.map((r) => ({ id: r.id, unit: r.unit, staffId: r.staffId, staffName: r.staffId ? (names.get(r.staffId) ?? null) : null, since: r.since, until: r.until, reason: r.reason }));
  }
}

/** Closes the open holding and opens the next inside the caller's transaction (a case action's, see applyTransition). */
export async function changeHoldingIn(tx: Tx, ch: HoldingChange): Promise<void> {
  const createdAt = await lockCaseForHolding(prismaQuery(tx), ch.caseId);
  if (!createdAt) return;
  const existing = await tx.caseHolding.count({ where: { caseId: ch.caseId } });
  if (existing === 0) {
    await tx.caseHolding.create({ data: { caseId: ch.caseId, unit: ch.before.unit, staffId: ch.before.staffId, since: createdAt, until: ch.at } });
  } else {
    await tx.caseHolding.updateMany({ where: { caseId: ch.caseId, until: null }, data: { until: ch.at } });
  }
  await tx.caseHolding.create({ data: { caseId: ch.caseId, unit: ch.next.unit, staffId: ch.next.staffId, since: ch.at, reason: ch.reason } });
}
