/** Staff accounts, their sessions and the audit log in Prisma. */
import type { PrismaClient, StaffAccount } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../domain/county/schema.ts';
import type {
  AuditEntry,
  AuditLog,
  NewStaffAccount,
  StaffAccountRecord,
  StaffRepository,
  StaffSessionRecord,
  StaffSessionRepository,
} from '../ports.ts';

const toRecord = (r: StaffAccount): StaffAccountRecord => ({
  id: r.id,
  username: r.username,
  role: r.role as StaffRole,
  unit: r.unit,
  township: r.township,
  displayName: r.displayName,
  passwordHash: r.passwordHash,
  failedLogins: r.failedLogins,
  lockedUntil: r.lockedUntil,
  disabled: r.disabled,
});

export class PrismaStaffRepository implements StaffRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findByUsername(username: string) {
    const r = await this.prisma.staffAccount.findUnique({ where: { username } });
    return r ? toRecord(r) : null;
  }

  async findById(id: string) {
    const r = await this.prisma.staffAccount.findUnique({ where: { id } });
    return r ? toRecord(r) : null;
  }

  async create(input: NewStaffAccount) {
    return toRecord(await this.prisma.staffAccount.create({ data: input }));
  }

  count() {
    return this.prisma.staffAccount.count();
  }

  async recordLoginFailure(id: string, lockUntil: Date | null) {
    await this.prisma.staffAccount.update({
      where: { id },
      data: { failedLogins: { increment: 1 }, ...(lockUntil ? { lockedUntil: lockUntil } : {}) },
    });
  }

  async recordLoginSuccess(id: string) {
    await this.prisma.staffAccount.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
  }

  async setPassword(id: string, passwordHash: string) {
    await this.prisma.staffAccount.update({
      where: { id },
      data: { passwordHash, failedLogins: 0, lockedUntil: null },
    });
  }
}

export class PrismaStaffSessionRepository implements StaffSessionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(tokenHash: string, s: StaffSessionRecord) {
    await this.prisma.staffSession.create({ data: { tokenHash, ...s } });
  }

  async find(tokenHash: string): Promise<StaffSessionRecord | null> {
    const r = await this.prisma.staffSession.findUnique({ where: { tokenHash } });
    if (!r) return null;
    return {
      staffId: r.staffId,
      kind: r.kind === 'bearer' ? 'bearer' : 'cookie',
      csrfToken: r.csrfToken,
      lastSeenAt: r.lastSeenAt,
      expiresAt: r.expiresAt,
    };
  }

  async touch(tokenHash: string, at: Date) {
    await this.prisma.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: at } });
  }

  async delete(tokenHash: string) {
    await this.prisma.staffSession.deleteMany({ where: { tokenHash } });
  }
}

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly prisma: PrismaClient) {}

  async write(e: AuditEntry) {
    await this.prisma.auditLog.create({
      data: { actorId: e.actorId, action: e.action, target: e.target, reason: e.reason, data: (e.data ?? undefined) as never },
    });
  }
}
