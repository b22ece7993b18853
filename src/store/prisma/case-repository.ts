/**
 * Cases in Prisma. Personal data is encrypted before it reaches the database and
 * decrypted on the way out; scoping is part of every query's WHERE clause.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { insertCase, type InsertedCase } from '../sql/insert-case.ts';
import { prismaQuery, sqlState, type SqlQuery } from '../sql/sql-exec.ts';
import { listPage } from '../sql/case-list.ts';
import { caseByNumber, casesByIds, type CaseReadRow } from '../sql/case-read.ts';
import type { CaseFilter, CaseRecord, CaseRepository, CaseScope, NewCase } from '../../ports/case-ports.ts';
import type { PersonalData } from '../../domain/case/case-record.ts';

type Tx = Prisma.TransactionClient;

export class PrismaCaseRepository implements CaseRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlQuery,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async create(input: NewCase) {
    if (input.submissionKey) {
      const existing = await this.findBySubmissionKey(input.submissionKey);
      if (existing) return { ...existing, created: false };
    }
    try {
      return await this.prisma.$transaction((tx) => this.createIn(tx, input));
    } catch (err) {
      // Two concurrent submissions with one key: the loser returns the winner's case.
      if (input.submissionKey && isUniqueViolation(err)) {
        const existing = await this.findBySubmissionKey(input.submissionKey);
        if (existing) return { ...existing, created: false };
      }
      throw err;
    }
  }

  /** Creates the case inside a caller's transaction (so a turn commits atomically). */
  createIn(tx: Tx, input: NewCase, opts: { attachmentsFrom?: string | null } = {}): Promise<InsertedCase> {
    return insertCase(prismaQuery(tx), this.cipher, input, opts);
  }

  async findByNumber(caseNumber: string, scope: CaseScope): Promise<CaseRecord | null> {
    const row = await caseByNumber(this.sql, caseNumber, scope);
    return row ? this.toRecord(row) : null;
  }

  /** The page's ids by position, without an offset over the pages before (sql/case-list.ts), then only those rows in full. */
  async list(filter: CaseFilter, scope: CaseScope) {
    const { ids, total } = await listPage(this.sql, scope, filter);
    const rows = await casesByIds(this.sql, ids);
    return { items: rows.map((r) => this.toRecord(r)), total };
  }

  async verifyQueryCode(caseNumber: string, code: string): Promise<boolean> {
    const row = await this.prisma.case.findUnique({
      where: { caseNumber },
      select: { queryCodeHash: true, queryCodeSalt: true },
    });
    if (!row?.queryCodeHash || !row.queryCodeSalt) return false;
    return this.cipher.verifyHash('query-code', `${row.queryCodeSalt}:${code}`, row.queryCodeHash);
  }

  private async findBySubmissionKey(key: string) {
    return this.prisma.case.findUnique({ where: { submissionKey: key }, select: { id: true, caseNumber: true } });
  }

  private toRecord(row: CaseReadRow): CaseRecord {
    const reps = Array.isArray(row.representatives) ? (row.representatives as { name: string; phone: string | null }[]) : [];
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      status: row.status as CaseStatus,
      origin: row.origin as CaseRecord['origin'],
      category: row.category,
      township: row.township,
      unit: row.unit,
      coUnit: row.coUnit,
      flags: row.flags,
      sensitivePeriod: row.sensitivePeriod,
      petitioner: decryptPetitioner(this.cipher, row),
      facts: row.facts,
      demands: row.demands,
      respondent: row.respondent,
      respondentUnits: row.respondentUnits,
      address: row.address,
      peopleCount: row.peopleCount,
      peopleUnit: row.peopleUnit === 'households' ? 'households' : row.peopleUnit === 'people' ? 'people' : null,
      priorPetition: row.priorPetition,
      priorDetail: row.priorDetail,
      intakeNotes: row.intakeNotes && typeof row.intakeNotes === 'object' && !Array.isArray(row.intakeNotes) ? (row.intakeNotes as Record<string, string>) : null,
      idType: row.idType,
      representatives: reps.map((r) => ({ name: this.cipher.decrypt(r.name), phone: this.cipher.decryptOptional(r.phone) })),
      channel: row.channel,
      locale: row.locale === 'en' ? 'en' : 'zh',
      createdAt: row.createdAt,
      acceptDueAt: row.acceptDueAt,
      replyDueAt: row.replyDueAt,
      repliedAt: row.repliedAt,
      reviewDueAt: row.reviewDueAt,
      reviewRequestedAt: row.reviewRequestedAt,
      reviewAnswerDueAt: row.reviewAnswerDueAt,
      consentAt: row.consentAt,
      consentVersion: row.consentVersion,
      consentMethod: row.consentMethod,
      receivedOn: row.receivedOn,
      leader: row.leaderStaffId && row.leaderUsername !== null ? { username: row.leaderUsername, displayName: row.leaderDisplayName, since: row.leaderSince } : null,
      timeline: row.events.map((e) => ({
        at: e.at,
        actorType: e.actorType as 'citizen' | 'staff' | 'system',
        actorId: e.actorId,
        kind: e.kind,
        public: e.public,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
      })),
      notices: row.notices.map((n) => ({ kind: n.kind, issuedAt: n.issuedAt, deliveredAt: n.deliveredAt, channel: n.channel })),
    };
  }
}

/** The petitioner's personal data, decrypted (nulls for a case without a petitioner). */
export function decryptPetitioner(
  cipher: PersonalDataCipher,
  p: { nameEnc: string | null; phoneEnc: string | null; idNumberEnc: string | null } | null | undefined,
): PersonalData {
  return {
    name: cipher.decryptOptional(p?.nameEnc),
    phone: cipher.decryptOptional(p?.phoneEnc),
    idNumber: cipher.decryptOptional(p?.idNumberEnc),
  };
}

/** Atomic per-day counter: the row lock serialises concurrent creators. */
export function scopeWhere(scope: CaseScope): Prisma.CaseWhereInput {
  if (scope.all) return {};
  if (scope.screeningOf) return gridAreaWhere(scope.screeningOf);
  const units = [...scope.units];
  return {
    OR: [{ unit: { in: units } }, { coUnit: { in: units } }, ...(scope.reviews ? [{ reviewRequestedAt: { not: null } }] : [])],
    NOT: { category: 'conduct', respondentUnits: { hasSome: units } },
  };
}

/** A grid worker's scope: screening reports of their township (and villages, when set), never a petition. */
function gridAreaWhere(area: NonNullable<Extract<CaseScope, { all: false }>['screeningOf']>): Prisma.CaseWhereInput {
  const villages = area.villages.filter((v) => v.trim() !== '');
  // A report against officials accusing the township: its reporter only.
  const notAccusing: Prisma.CaseWhereInput = {
    OR: [
      { category: { not: 'conduct' } },
      { NOT: { respondentUnits: { has: `town:${area.township}` } } },
      ...(area.staffId ? [{ reporterStaffId: area.staffId }] : []),
    ],
  };
  return {
    origin: 'screening',
    township: area.township,
    AND: [notAccusing, ...(villages.length > 0 ? [{ OR: villages.map((v) => ({ address: { contains: v } })) }] : [])],
  };
}

/** P2002 from the pg adapter; the PGlite adapter surfaces PostgreSQL's own 23505. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return true;
  return sqlState(err) === '23505';
}
