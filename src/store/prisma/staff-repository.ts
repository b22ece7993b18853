/** Staff accounts, their sessions and the audit log in Prisma. */
import { Prisma, type PrismaClient, type StaffAccount } from '../../generated/prisma/client.ts';
import { claimTotpStep, consumeRecoveryCode, releaseAccountLogin, reserveAccountLogin, reserveUnknownLogin } from '../sql/attempts.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { StaffRole } from '../../domain/county/schema.ts';
import type { AuditEntry, AuditLog } from '../../ports/audit-ports.ts';
import type { LoginLockPolicy, NewStaffAccount, StaffAccountRecord, StaffRepository, StaffSessionRecord, StaffSessionRepository } from '../../ports/staff-ports.ts';

const toRecord = (r: StaffAccount): StaffAccountRecord => ({
  id: r.id,
  username: r.username,
  role: r.role as StaffRole,
  unit: r.unit,
  township: r.township,
  villages: (r.villages as string[] | null) ?? [],
  displayName: r.displayName,
  passwordHash: r.passwordHash,
  failedLogins: r.failedLogins,
  lockedUntil: r.lockedUntil,
  disabled: r.disabled,
  totpSecretEnc: r.totpSecretEnc,
  totpEnabled: r.totpEnabled,
  // The column was added without a default: rows older than it hold NULL.
  recoveryCodeHashes: (r.recoveryCodeHashes as string[] | null) ?? [],
  createdAt: r.createdAt,
});

/** P2002 from the pg adapter; the PGlite adapter surfaces PostgreSQL's own 23505. */
function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return true;
  return (err as { cause?: { code?: string } } | null)?.cause?.code === '23505';
}

/** query_attempts row that keeps an account's last used TOTP step (in `failures`). */
const totpStepKey = (id: string) => `staff-totp-step:${id}`;

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
    return toRecord(await this.prisma.staffAccount.create({ data: { ...input, recoveryCodeHashes: [] } }));
  }

  async createIfAbsent(input: NewStaffAccount) {
    try {
      return await this.create(input);
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async list() {
    const rows = await this.prisma.staffAccount.findMany({ orderBy: { username: 'asc' }, take: 1000 });
    return rows.map(toRecord);
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

  reserveLoginAttempt(id: string, now: Date, policy: LoginLockPolicy): Promise<boolean> {
    return reserveAccountLogin(prismaQuery(this.prisma), id, now, policy.maxFailures, new Date(now.getTime() + policy.lockMs));
  }

  releaseLoginAttempt(id: string, policy: LoginLockPolicy): Promise<void> {
    return releaseAccountLogin(prismaQuery(this.prisma), id, policy.maxFailures);
  }

  reserveUnknownLogin(key: string, now: Date, policy: LoginLockPolicy): Promise<boolean> {
    return reserveUnknownLogin(prismaQuery(this.prisma), key, now, policy.maxFailures, new Date(now.getTime() + policy.lockMs));
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

  async setPendingTotp(id: string, secretEnc: string) {
    const r = await this.prisma.staffAccount.updateMany({ where: { id, totpEnabled: false }, data: { totpSecretEnc: secretEnc } });
    return r.count === 1;
  }

  async enableTotp(id: string, secretEnc: string, recoveryCodeHashes: string[]) {
    const r = await this.prisma.staffAccount.updateMany({
      where: { id, totpEnabled: false, totpSecretEnc: secretEnc },
      data: { totpEnabled: true, recoveryCodeHashes: { set: recoveryCodeHashes } },
    });
    return r.count === 1;
  }

  async disableTotp(id: string) {
    await this.prisma.staffAccount.update({
      where: { id },
      data: { totpEnabled: false, totpSecretEnc: null, recoveryCodeHashes: { set: [] } },
    });
  }

  consumeRecoveryCode(id: string, codeHash: string) {
    return consumeRecoveryCode(prismaQuery(this.prisma), id, codeHash);
  }

  // One statement: of two concurrent sign-ins with the same code only one gets true.
  claimTotpStep(id: string, step: number) {
    return claimTotpStep(prismaQuery(this.prisma), totpStepKey(id), step);
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

  async deleteForStaff(staffId: string) {
    return (await this.prisma.staffSession.deleteMany({ where: { staffId } })).count;
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
