/** The staff inbox's reads in Prisma: waiting chats, their holders and last citizen message. */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { lastCitizenMessages, waitingFingerprint } from '../sql/waiting-chats.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { FiledCase, HandoffReason, InboxRepository, WaitingChat } from '../../ports/inbox-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeWhere } from './case-repository.ts';

const REASONS: readonly string[] = ['requested', 'risk', 'fallback'] satisfies HandoffReason[];

type Row = { id: string; channel: string; locale: string; handoffReason: string | null; waitingSince: Date | null; staffId: string | null; claimedAt: Date | null; caseNumber: string | null };

export class PrismaInboxRepository implements InboxRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async waiting(scope: CaseScope, limit: number): Promise<WaitingChat[]> {
    const attached = scope.all ? null : await this.attachedInScope(scope);
    const rows = await this.prisma.conversation.findMany({
      where: { waitingSince: { not: null }, ...(attached ? { caseNumber: { in: attached } } : {}) },
      orderBy: [{ waitingSince: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return this.toChats(rows);
  }

  async find(id: string, scope: CaseScope): Promise<WaitingChat | null> {
    const row = await this.prisma.conversation.findFirst({ where: { id, waitingSince: { not: null } } });
    if (!row) return null;
    if (!scope.all) {
      if (!row.caseNumber) return null;
      const visible = await this.prisma.case.count({ where: { AND: [{ caseNumber: row.caseNumber }, scopeWhere(scope)] } });
      if (visible === 0) return null;
    }
    return (await this.toChats([row]))[0] ?? null;
  }

  fingerprint(): Promise<string> {
    return waitingFingerprint(prismaQuery(this.prisma));
  }

  /** Case numbers of waiting chats whose case the scope may see. */
  private async attachedInScope(scope: CaseScope): Promise<string[]> {
    const linked = await this.prisma.conversation.findMany({
      where: { waitingSince: { not: null }, caseNumber: { not: null } },
      select: { caseNumber: true },
    });
    const numbers = [...new Set(linked.map((c) => c.caseNumber!))];
    if (numbers.length === 0) return [];
    const cases = await this.prisma.case.findMany({ where: { AND: [{ caseNumber: { in: numbers } }, scopeWhere(scope)] }, select: { caseNumber: true } });
    return cases.map((c) => c.caseNumber);
  }

  private async toChats(rows: Row[]): Promise<WaitingChat[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const staffIds = [...new Set(rows.flatMap((r) => (r.staffId ? [r.staffId] : [])))];
    const [staff, last, filed] = await Promise.all([
      staffIds.length > 0 ? this.prisma.staffAccount.findMany({ where: { id: { in: staffIds } }, select: { id: true, username: true } }) : [],
      lastCitizenMessages(prismaQuery(this.prisma), ids),
      this.filedFrom(ids),
    ]);
    const names = new Map(staff.map((s) => [s.id, s.username]));
    const lastOf = new Map(last.map((m) => [m.conversationId, { text: this.cipher.decrypt(m.text), at: m.at }]));
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      locale: r.locale === 'en' ? 'en' : 'zh',
      reason: (REASONS.includes(r.handoffReason ?? '') ? r.handoffReason : 'requested') as HandoffReason,
      waitingSince: r.waitingSince!,
      staffId: r.staffId,
      staffUsername: r.staffId ? (names.get(r.staffId) ?? null) : null,
      claimedAt: r.claimedAt,
      caseNumber: r.caseNumber,
      lastCitizenMessage: lastOf.get(r.id) ?? null,
      filed: filed.get(r.id) ?? [],
    }));
  }

  /** Cases filed from these conversations, oldest first, with the names to mask. */
  private async filedFrom(ids: string[]): Promise<Map<string, FiledCase[]>> {
    const rows = await this.prisma.case.findMany({
      where: { conversationId: { in: ids } },
      orderBy: [{ createdAt: 'asc' }, { caseNumber: 'asc' }],
      select: { conversationId: true, caseNumber: true, createdAt: true, representatives: true, petitioner: { select: { nameEnc: true } } },
    });
    const out = new Map<string, FiledCase[]>();
    for (const r of rows) {
      const reps = Array.isArray(r.representatives) ? (r.representatives as { name?: string }[]) : [];
      const names = [r.petitioner?.nameEnc, ...reps.map((x) => x.name)].flatMap((enc) => (typeof enc === 'string' && enc ? [this.cipher.decrypt(enc)] : []));
      const list = out.get(r.conversationId!) ?? [];
      list.push({ caseNumber: r.caseNumber, createdAt: r.createdAt, names });
      out.set(r.conversationId!, list);
    }
    return out;
  }
}
