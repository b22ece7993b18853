/**
 * Staff alerts in Prisma: raised inside the transaction of what caused them (a
 * citizen's material, a chat that starts waiting), idempotent by `dedupeKey`, read
 * by the console per staff member, and relayed once to a Telegram staff chat.
 * Messages carry no personal data: a case number, a reason code, a channel.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { unrelayedAlertIds } from '../sql/alerts.ts';
import { claimKey } from '../sql/inbound-keys.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { AlertAckTarget, AlertReader, AlertRecord, AlertRepository } from '../../ports/alert-ports.ts';
import { scopeWhere } from './case-repository.ts';

type Tx = Prisma.TransactionClient;

export interface NewAlert {
  kind: 'material' | 'handoff';
  dedupeKey: string;
  caseId?: string | null;
  conversationId?: string | null;
  unit?: string | null;
  message: string;
  at: Date;
}

/** The Telegram relay's claim on an alert, kept in processed_inbound so two processes send once. */
export const telegramStaffKey = (alertId: string) => `tgstaff:${alertId}`;

const LIST_LIMIT = 100;

/** The alert kinds the Telegram staff chat gets. */
export const RELAYED_KINDS = ['handoff', 'material'] as const;

const HANDOFF_REASON: Record<string, string> = { requested: '市民要求 requested', risk: '风险信号 risk', fallback: '多次未理解 not understood' };

/** Reason and channel only: never the citizen's words. */
export const handoffMessage = (reason: string, channel: string) => `新的待接入对话 / new chat waiting — 原因 reason: ${HANDOFF_REASON[reason] ?? reason} · 渠道 channel: ${channel}`;

export const materialMessage = (caseNumber: string) => `案件 ${caseNumber} 有新补充材料 / new material on case ${caseNumber}`;

export class PrismaAlertRepository implements AlertRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Raises an alert inside the caller's transaction; the same dedupeKey again is a no-op. */
  static async raiseIn(tx: Tx, a: NewAlert): Promise<void> {
    await tx.alert.createMany({
      data: [{ kind: a.kind, dedupeKey: a.dedupeKey, caseId: a.caseId ?? null, conversationId: a.conversationId ?? null, unit: a.unit ?? null, message: a.message, at: a.at }],
      skipDuplicates: true,
    });
  }

  /**
   * Unacknowledged material alerts the reader should act on: of cases they hold, or of
   * unheld cases in their scope; a scope over all cases sees every one.
   */
  async open(reader: AlertReader): Promise<AlertRecord[]> {
    const rows = await this.prisma.alert.findMany({
      where: { kind: 'material', acknowledgedAt: null, caseId: { not: null }, acks: { none: { staffId: reader.staffId } } },
      orderBy: [{ at: 'desc' }, { id: 'asc' }],
      take: LIST_LIMIT * 5,
    });
    const caseIds = [...new Set(rows.map((r) => r.caseId!))];
    const visible = await this.prisma.case.findMany({
      where: { AND: [{ id: { in: caseIds } }, this.readerWhere(reader)] },
      select: { id: true, caseNumber: true },
    });
    const numbers = new Map(visible.map((c) => [c.id, c.caseNumber]));
    return rows
      .filter((r) => numbers.has(r.caseId!))
      .slice(0, LIST_LIMIT)
      .map((r) => ({ id: r.id, at: r.at, kind: r.kind, caseId: r.caseId, caseNumber: numbers.get(r.caseId!) ?? null, conversationId: r.conversationId, unit: r.unit, message: r.message }));
  }

  /** A material alert the reader may see, with what decides its acknowledgement; null when there is none for them. */
  async ackTarget(id: string, reader: AlertReader): Promise<AlertAckTarget | null> {
    const row = await this.prisma.alert.findUnique({ where: { id }, select: { caseId: true, kind: true, unit: true } });
    if (!row?.caseId || row.kind !== 'material') return null;
    const kase = await this.prisma.case.findFirst({ where: { AND: [{ id: row.caseId }, this.readerWhere(reader)] }, select: { unit: true, holderStaffId: true } });
    return kase ? { kind: row.kind, unit: row.unit, caseUnit: kase.unit, holderStaffId: kase.holderStaffId } : null;
  }

  /** Hides the alert for everyone; acknowledged already: the first acknowledgement stays. */
  async acknowledgeForAll(id: string, by: string, at: Date): Promise<void> {
    await this.prisma.alert.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: at, acknowledgedBy: by } });
  }

  /** Hides the alert for one reader only. */
  async acknowledgeFor(id: string, staffId: string, at: Date): Promise<void> {
    await this.prisma.alertAck.createMany({ data: [{ alertId: id, staffId, at }], skipDuplicates: true });
  }

  /**
   * Alerts raised since `since` that no process has relayed to the Telegram staff chat
   * yet, oldest first: only hand-overs and new material (RELAYED_KINDS), and never one
   * about a report against officials — the staff chat is one group, not scoped, and may
   * hold staff of the unit the report accuses.
   */
  async unrelayed(since: Date, limit: number): Promise<AlertRecord[]> {
    const ids = await unrelayedAlertIds(prismaQuery(this.prisma), since, RELAYED_KINDS, telegramStaffKey(''), limit);
    if (ids.length === 0) return [];
    const alerts = await this.prisma.alert.findMany({ where: { id: { in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    const caseIds = alerts.map((a) => a.caseId).filter((x): x is string => x !== null);
    const cases = caseIds.length ? await this.prisma.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, caseNumber: true } }) : [];
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return alerts.map((r) => ({ id: r.id, at: r.at, kind: r.kind, caseId: r.caseId, caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null, conversationId: r.conversationId, unit: r.unit, message: r.message }));
  }

  /** Claims the relay of one alert; true only for the one process whose insert won. */
  async claimRelay(alertId: string): Promise<boolean> {
    const key = telegramStaffKey(alertId);
    return claimKey(prismaQuery(this.prisma), key);
  }

  /** Gives a claim back after a send that did not go out, so the next round tries again. */
  async releaseRelay(alertId: string): Promise<void> {
    await this.prisma.processedInbound.deleteMany({ where: { key: telegramStaffKey(alertId) } });
  }

  private readerWhere(reader: AlertReader): Prisma.CaseWhereInput {
    if (reader.scope.all) return {};
    return { OR: [{ holderStaffId: reader.staffId }, { AND: [{ holderStaffId: null }, scopeWhere(reader.scope)] }] };
  }
}
