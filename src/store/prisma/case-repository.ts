/**
 * Cases in Prisma. Personal data is encrypted before it reaches the database and
 * decrypted on the way out; scoping is part of every query's WHERE clause.
 */
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import { formatCaseNumber } from '../../domain/case/case-number.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { CaseFilter, CaseRecord, CaseRepository, CaseScope, NewCase, PersonalData, Representative } from '../ports.ts';

type CaseRow = Prisma.CaseGetPayload<{ include: { petitioner: true } }> & { events?: Prisma.CaseEventGetPayload<object>[] };
type Tx = Prisma.TransactionClient;

export class PrismaCaseRepository implements CaseRepository {
  constructor(
    private readonly prisma: PrismaClient,
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

  /** The next sequence number of the day, committed at once (see NewCase.sequence). */
  async reserveSequence(localDate: string): Promise<number> {
    return nextSequence(this.prisma, localDate);
  }

  /** Creates the case inside a caller's transaction (so a turn commits atomically). */
  async createIn(tx: Tx, input: NewCase): Promise<{ id: string; caseNumber: string; created: true }> {
    const caseNumber = formatCaseNumber(input.localDate, input.sequence ?? (await nextSequence(tx, input.localDate)));
    const p = input.petitioner;
    const petitioner = await tx.petitioner.create({
      data: {
        nameEnc: this.cipher.encryptOptional(p.name),
        phoneEnc: this.cipher.encryptOptional(p.phone),
        idNumberEnc: this.cipher.encryptOptional(p.idNumber),
        phoneHash: p.phone ? this.cipher.hash('phone', p.phone) : null,
        idNumberHash: p.idNumber ? this.cipher.hash('id', p.idNumber) : null,
      },
    });
    const salt = input.queryCode ? randomBytes(16).toString('base64url') : null;
    const row = await tx.case.create({
      data: {
        caseNumber,
        submissionKey: input.submissionKey,
        queryCodeSalt: salt,
        queryCodeHash: input.queryCode && salt ? this.cipher.hash('query-code', `${salt}:${input.queryCode}`) : null,
        status: 'submitted',
        origin: input.origin,
        category: input.category,
        township: input.township,
        unit: input.unit,
        coUnit: input.coUnit,
        respondent: input.respondent,
        respondentUnits: input.respondentUnits,
        facts: input.facts,
        demands: input.demands,
        address: input.address,
        peopleCount: input.peopleCount,
        priorPetition: input.priorPetition,
        representatives: this.encryptRepresentatives(input.representatives),
        channel: input.channel,
        conversationId: input.conversationId,
        petitionerId: petitioner.id,
        flags: input.flags,
        locale: input.locale,
        consentAt: input.consent?.at ?? null,
        consentVersion: input.consent?.version ?? null,
        acceptDueAt: input.acceptDueAt,
        createdAt: input.receivedAt,
        events: {
          create: {
            at: input.receivedAt,
            actorType: input.origin === 'petition' ? 'citizen' : 'staff',
            kind: 'submitted',
            public: true,
            toStatus: 'submitted',
          },
        },
      },
      select: { id: true, caseNumber: true },
    });
    return { ...row, created: true };
  }

  async findByNumber(caseNumber: string, scope: CaseScope): Promise<CaseRecord | null> {
    const row = await this.prisma.case.findFirst({
      where: { AND: [{ caseNumber }, scopeWhere(scope)] },
      include: { petitioner: true, events: { orderBy: { at: 'asc' } } },
    });
    return row ? this.toRecord(row) : null;
  }

  async list(filter: CaseFilter, scope: CaseScope) {
    const where: Prisma.CaseWhereInput = { AND: [scopeWhere(scope), filterWhere(filter)] };
    const [rows, total] = await Promise.all([
      this.prisma.case.findMany({
        where,
        include: { petitioner: true },
        orderBy: [{ createdAt: 'desc' }, { caseNumber: 'desc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
      this.prisma.case.count({ where }),
    ]);
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

  private encryptRepresentatives(reps: Representative[]) {
    if (reps.length === 0) return Prisma.DbNull;
    return reps.map((r) => ({ name: this.cipher.encrypt(r.name), phone: this.cipher.encryptOptional(r.phone) }));
  }

  private toRecord(row: CaseRow): CaseRecord {
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
      petitioner: decryptPetitioner(this.cipher, row.petitioner),
      facts: row.facts,
      demands: row.demands,
      respondent: row.respondent,
      respondentUnits: row.respondentUnits,
      address: row.address,
      peopleCount: row.peopleCount,
      priorPetition: row.priorPetition,
      representatives: reps.map((r) => ({ name: this.cipher.decrypt(r.name), phone: this.cipher.decryptOptional(r.phone) })),
      channel: row.channel,
      locale: row.locale === 'en' ? 'en' : 'zh',
      createdAt: row.createdAt,
      acceptDueAt: row.acceptDueAt,
      replyDueAt: row.replyDueAt,
      repliedAt: row.repliedAt,
      reviewDueAt: row.reviewDueAt,
      consentAt: row.consentAt,
      consentVersion: row.consentVersion,
      timeline: (row.events ?? []).map((e) => ({
        at: e.at,
        actorType: e.actorType as 'citizen' | 'staff' | 'system',
        actorId: e.actorId,
        kind: e.kind,
        public: e.public,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
      })),
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
async function nextSequence(tx: Tx, localDate: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO case_number_counters (day, last) VALUES (${localDate}, 1)
    ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1
    RETURNING last`;
  return Number(rows[0]!.last);
}

export function scopeWhere(scope: CaseScope): Prisma.CaseWhereInput {
  if (scope.all) return {};
  if (scope.screeningOf) return gridAreaWhere(scope.screeningOf);
  const units = [...scope.units];
  return {
    OR: [{ unit: { in: units } }, { coUnit: { in: units } }],
    NOT: { category: 'conduct', respondentUnits: { hasSome: units } },
  };
}

/** A grid worker's scope: screening reports of their township (and villages, when set), never a petition. */
function gridAreaWhere(area: NonNullable<Extract<CaseScope, { all: false }>['screeningOf']>): Prisma.CaseWhereInput {
  const villages = area.villages.filter((v) => v.trim() !== '');
  return { origin: 'screening', township: area.township, ...(villages.length > 0 ? { OR: villages.map((v) => ({ address: { contains: v } })) } : {}) };
}

function filterWhere(f: CaseFilter): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.unit) and.push({ OR: [{ unit: f.unit }, { coUnit: f.unit }] });
  if (f.township) and.push({ township: f.township });
  if (f.category) and.push({ category: f.category });
  if (f.flag) and.push({ flags: { has: f.flag } });
  if (f.dueBefore) {
    and.push({
      OR: [
        { status: { in: ['submitted', 'transferred'] }, acceptDueAt: { lt: f.dueBefore } },
        { status: { in: ['accepted', 'in_progress', 'extended'] }, replyDueAt: { lt: f.dueBefore } },
      ],
    });
  }
  if (f.q) {
    const q = f.q;
    and.push({
      OR: [
        { caseNumber: { contains: q.toUpperCase() } },
        { facts: { contains: q, mode: 'insensitive' } },
        { demands: { contains: q, mode: 'insensitive' } },
        { respondent: { contains: q, mode: 'insensitive' } },
        { address: { contains: q, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
}

/** P2002 from the pg adapter; the PGlite adapter surfaces PostgreSQL's own 23505. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return true;
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === '23505';
}
