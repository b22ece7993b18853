/**
 * The citizen's case lookup in Prisma: the public view of a case and the citizen's
 * own changes (material, ratings, review request, the answer to the callback
 * question), each written with its timeline event. Conditional updates make repeated or concurrent requests count once.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import type { CaseLookupRepository, PublicCaseView, Rating, RatingStage, ReviewRequestWrite } from '../../ports/case-lookup-ports.ts';
import type { CallbackAnswerStore, CallbackQuestion } from '../../ports/callback-ports.ts';
import { materialMessage, PrismaAlertRepository } from './alert-repository.ts';

type Tx = Prisma.TransactionClient;

const MY_CASES_LIMIT = 10;
/** The same material again within this time is a repeat of one turn, not a new supplement. */
const SUPPLEMENT_REPEAT_MS = 10 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VIEW_SELECT = {
  caseNumber: true,
  status: true,
  category: true,
  unit: true,
  coUnit: true,
  createdAt: true,
  acceptDueAt: true,
  acceptedAt: true,
  replyDueAt: true,
  repliedAt: true,
  reviewRequestedAt: true,
  reviewRepliedAt: true,
  reviewDueAt: true,
  ratingAcceptance: true,
  ratingHandling: true,
  conversationId: true,
  events: { where: { public: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { at: true, kind: true, note: true, actorType: true } },
} satisfies Prisma.CaseSelect;

type ViewRow = Prisma.CaseGetPayload<{ select: typeof VIEW_SELECT }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asRating = (s: string | null) => (s as Rating | null) ?? null;

function toView(row: ViewRow): PublicCaseView & { conversationId: string | null } {
  return {
    caseNumber: row.caseNumber,
    status: row.status as CaseStatus,
    category: row.category,
    unit: row.unit,
    coUnit: row.coUnit,
    createdAt: row.createdAt.toISOString(),
    acceptDueAt: iso(row.acceptDueAt),
    acceptedAt: iso(row.acceptedAt),
    replyDueAt: iso(row.replyDueAt),
    repliedAt: iso(row.repliedAt),
    reviewRequestedAt: iso(row.reviewRequestedAt),
    reviewRepliedAt: iso(row.reviewRepliedAt),
    recheckUntil: row.reviewRepliedAt ? iso(row.reviewDueAt) : null,
    ratings: { acceptance: asRating(row.ratingAcceptance), handling: asRating(row.ratingHandling) },
    // The citizen's own words (material, reasons) may hold personal data: shown as the fact only.
    timeline: row.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, note: e.actorType === 'citizen' ? null : e.note })),
    conversationId: row.conversationId,
  };
}

export class PrismaCaseLookupRepository implements CaseLookupRepository, CallbackAnswerStore {
  constructor(private readonly prisma: PrismaClient) {}

  async publicView(caseNumber: string) {
    const row = await this.prisma.case.findUnique({ where: { caseNumber }, select: VIEW_SELECT });
    return row ? toView(row) : null;
  }

  async listByConversation(conversationId: string) {
    if (!UUID.test(conversationId)) return [];
    const rows = await this.prisma.case.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: 'desc' }, { caseNumber: 'desc' }],
      take: MY_CASES_LIMIT,
      select: { caseNumber: true, status: true, createdAt: true },
    });
    return rows.map((r) => ({ caseNumber: r.caseNumber, status: r.status as CaseStatus, createdAt: r.createdAt }));
  }

  async addSupplement(caseNumber: string, text: string, at: Date) {
    const row = await this.prisma.case.findUnique({ where: { caseNumber }, select: { id: true, unit: true } });
    if (!row) return false;
    // A turn re-run after a lost version race repeats its effects: the same words shortly after are one supplement.
    const repeated = await this.prisma.caseEvent.findFirst({
      where: { caseId: row.id, kind: 'supplement', note: text, at: { gte: new Date(at.getTime() - SUPPLEMENT_REPEAT_MS) } },
      select: { id: true },
    });
    if (repeated) return true;
    // The staff alert commits with the material: one supplement, one alert (no personal data in it).
    await this.prisma.$transaction(async (tx) => {
      const event = await tx.caseEvent.create({
        data: { caseId: row.id, at, actorType: 'citizen', kind: 'supplement', public: true, note: text },
        select: { id: true },
      });
      await PrismaAlertRepository.raiseIn(tx, {
        kind: 'material',
        dedupeKey: `material:supplement:${event.id}`,
        caseId: row.id,
        unit: row.unit,
        message: materialMessage(caseNumber),
        at,
      });
    });
    return true;
  }

  rate(caseNumber: string, stage: RatingStage, rating: Rating, at: Date): Promise<'ok' | 'already_rated'> {
    return this.prisma.$transaction(async (tx) => {
      // The row lock of the conditional update serialises concurrent ratings; the loser matches nothing.
      const updated =
        stage === 'acceptance'
          ? await tx.case.updateMany({ where: { caseNumber, ratingAcceptance: null }, data: { ratingAcceptance: rating } })
          : await tx.case.updateMany({ where: { caseNumber, ratingHandling: null }, data: { ratingHandling: rating } });
      if (updated.count === 0) return 'already_rated';
      await addEvent(tx, caseNumber, { at, actorType: 'citizen', kind: 'rated', public: false, data: { stage, rating } });
      return 'ok';
    });
  }

  async callbackQuestion(caseNumber: string): Promise<CallbackQuestion | null> {
    const row = await this.prisma.case.findUnique({ where: { caseNumber }, select: QUESTION_SELECT });
    return row ? toQuestion(row) : null;
  }

  async pendingCallbackQuestion(conversationId: string): Promise<CallbackQuestion | null> {
    if (!UUID.test(conversationId)) return null;
    const row = await this.prisma.case.findFirst({
      where: { conversationId, followUpSentAt: { not: null }, followUpAnsweredAt: null },
      orderBy: [{ followUpSentAt: 'desc' }, { caseNumber: 'desc' }],
      select: QUESTION_SELECT,
    });
    if (!row?.followUpSentAt) return null;
    // "Right after the question": anything the citizen wrote since (or at that instant) means a typed yes/no is about something else.
    const since = await this.prisma.message.count({ where: { conversationId, direction: 'in', at: { gte: row.followUpSentAt } } });
    return since === 0 ? toQuestion(row) : null;
  }

  recordCallbackAnswer(caseNumber: string, resolved: boolean, at: Date): Promise<'ok' | 'already'> {
    return this.prisma.$transaction(async (tx) => {
      // The row lock of the conditional update serialises two presses; the loser matches nothing.
      const updated = await tx.case.updateMany({
        where: { caseNumber, followUpSentAt: { not: null }, followUpAnsweredAt: null },
        data: { followUpResolved: resolved, followUpAnsweredAt: at },
      });
      if (updated.count === 0) return 'already';
      const kind = resolved ? 'follow_up_resolved' : 'follow_up_unresolved';
      await addEvent(tx, caseNumber, { at, actorType: 'citizen', kind, public: true, data: { resolved } });
      return 'ok';
    });
  }

  requestReview(caseNumber: string, reason: string, at: Date, opts: ReviewRequestWrite): Promise<'ok' | 'not_replied' | 'already_requested'> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.case.findUnique({ where: { caseNumber }, select: { id: true, status: true, unit: true, repliedAt: true, reviewRequestedAt: true } });
      if (!row || row.reviewRequestedAt) return row ? 'already_requested' : 'not_replied';
      if ((row.status !== 'replied' && row.status !== 'closed') || !row.repliedAt) return 'not_replied';
      const reopened = row.status === 'closed';
      // Conditional on the status read: of two concurrent requests one updates, the other sees it.
      const updated = await tx.case.updateMany({
        where: { id: row.id, status: row.status, reviewRequestedAt: null },
        data: { status: 'review_requested', reviewRequestedAt: at, reviewAnswerDueAt: opts.answerDueAt, ...(reopened ? { closedAt: null } : {}) },
      });
      if (updated.count === 0) return 'already_requested';
      await tx.caseEvent.create({
        data: {
          caseId: row.id,
          at,
          actorType: 'citizen',
          kind: 'request_review',
          public: true,
          fromStatus: row.status,
          toStatus: 'review_requested',
          note: reason,
          data: { answerDueAt: opts.answerDueAt.toISOString(), reopened },
        },
      });
      // Staff must not miss it, least of all on a case they had closed.
      const message = `案件 ${caseNumber} 信访人申请复查${reopened ? '（已办结，现重新打开）' : ''} / review requested by the citizen${reopened ? ' (the closed case is reopened)' : ''}`;
      await tx.alert.createMany({
        data: [{ kind: 'review_requested', dedupeKey: `review_requested:${row.id}`, caseId: row.id, unit: opts.alertUnit ?? row.unit, message, at }],
        skipDuplicates: true,
      });
      return 'ok';
    });
  }
}

const QUESTION_SELECT = {
  caseNumber: true,
  conversationId: true,
  status: true,
  followUpSentAt: true,
  followUpResolved: true,
  followUpAnsweredAt: true,
  repliedAt: true,
  reviewDueAt: true,
  reviewRequestedAt: true,
} satisfies Prisma.CaseSelect;

const toQuestion = (r: Prisma.CaseGetPayload<{ select: typeof QUESTION_SELECT }>): CallbackQuestion => ({ ...r, status: r.status as CaseStatus });

async function addEvent(tx: Tx, caseNumber: string, event: Omit<Prisma.CaseEventUncheckedCreateInput, 'caseId'>) {
  const { id } = await tx.case.findUniqueOrThrow({ where: { caseNumber }, select: { id: true } });
  await tx.caseEvent.create({ data: { ...event, caseId: id } });
}
