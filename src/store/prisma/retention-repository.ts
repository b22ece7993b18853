/**
 * What the retention job erases, bound to the job runner's transaction. A case is
 * anonymised once (`anonymized_at`): the petitioner's encrypted fields and lookup
 * hashes, the address, the representatives, the query code, the respondent text (a
 * screening report's parties too), the citizen's own words on the timeline (material,
 * review reasons), the case's attachment rows and the transcript of its conversation
 * go; what the statistics count stays (category, township, units, status, dates, flags,
 * ratings, people count, the accused units). Facts, demands and what staff wrote (timeline
 * notes and answers, transfer reasons, 督办 notices, plan step notes, the after-action
 * review) stay as the record of the matter, with the petitioner's and representatives'
 * names, phones and ID numbers cut out of them.
 *
 * Beside cases: conversations that never filed a case are erased after
 * IDLE_CONVERSATION_DAYS without a message, and query_attempts rows (keys name a chat
 * identity, a case or an address) once their window and lock are long over. Reception
 * bookings (预约接访) lose the citizen's name, phone and own words by the same rules: a
 * booking whose visit was registered with its case's anonymisation, any other
 * (cancelled, or never registered) once its reception day is that long past; the
 * booking's day, place in the queue and status stay.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import { idleConversationIds, unsealedFiles } from '../sql/housekeeping.ts';
import { purgeAttempts } from '../sql/attempts.ts';
import { prismaQuery } from '../sql/sql-exec.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { scrubPersonalData } from '../../domain/petitioner/redact.ts';
import { initialState } from '../../ports/conversation-ports.ts';
import { SEALED_SUFFIX } from '../file-store.ts';
import type { AnonymizeResult, RetentionCase, RetentionRepository } from '../../ports/job-ports.ts';

/** What a written notice's document becomes when the retention job erases a case. */
const ERASED_NOTICE = '<!doctype html><html><head><meta charset="utf-8"><title>—</title></head><body><p>本文书已按保存期限删除。 This notice was erased at the end of its retention period.</p></body></html>';

type Tx = Prisma.TransactionClient;

export class PrismaRetentionRepository implements RetentionRepository {
  constructor(
    private readonly tx: Tx,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Closed cases closed before `closedBefore` and not anonymised yet, oldest first. */
  async dueCases(closedBefore: Date, take: number): Promise<RetentionCase[]> {
    const rows = await this.tx.case.findMany({
      where: { status: 'closed', closedAt: { lt: closedBefore }, anonymizedAt: null },
      orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, caseNumber: true, closedAt: true, conversationId: true, petitionerId: true },
    });
    return rows.map((r) => ({ ...r, closedAt: r.closedAt! }));
  }

  /** Erases one case's personal data; false when another run did it first. */
  async anonymize(c: RetentionCase, now: Date): Promise<AnonymizeResult | null> {
    const row = await this.tx.case.findUnique({ where: { id: c.id }, include: { petitioner: true } });
    if (!row || row.anonymizedAt) return null;
    const reps = Array.isArray(row.representatives) ? (row.representatives as { name?: string }[]).map((r) => r.name ?? null) : [];
    const scrub = this.scrubber([row.petitioner?.nameEnc ?? null, ...reps]);
    const claimed = await this.tx.case.updateMany({
      where: { id: c.id, anonymizedAt: null },
      data: {
        anonymizedAt: now,
        petitionerId: null,
        address: null,
        representatives: Prisma.DbNull,
        queryCodeHash: null,
        queryCodeSalt: null,
        respondent: null,
        facts: scrub(row.facts),
        demands: row.demands === null ? null : scrub(row.demands),
        closureReview: row.closureReview === null ? null : scrub(row.closureReview),
      },
    });
    if (claimed.count === 0) return null;
    await this.scrubStaffTexts(c.id, scrub);
    if (c.petitionerId) await this.dropPetitionerIfUnused(c.petitionerId);
    await this.eraseBookings({ caseId: c.id }, now);
    const orphanFiles = await this.dropAttachments({ caseId: c.id });
    const transcript = c.conversationId ? await this.eraseTranscript(c) : { messages: 0, files: [] };
    orphanFiles.push(...transcript.files.filter((f) => !orphanFiles.includes(f)));
    const messagesDeleted = transcript.messages;
    await this.tx.caseEvent.create({
      data: { caseId: c.id, at: now, actorType: 'system', kind: 'anonymized', public: false, note: '个人信息已按保存期限删除 / personal data erased after the retention period' },
    });
    await this.tx.auditLog.create({
      data: { at: now, actorId: null, action: 'case.anonymize', target: c.caseNumber, reason: 'retention', data: { attachments: orphanFiles.length, messages: messagesDeleted } },
    });
    return { orphanFiles, messagesDeleted };
  }

  /** Cuts the petitioner's and representatives' names and every phone or ID number pattern out of a text. */
  private scrubber(namesEnc: (string | null)[]): (s: string) => string {
    const names = namesEnc.flatMap((enc) => {
      try {
        const name = this.cipher.decryptOptional(enc);
        return name && name.length >= 2 ? [name] : [];
      } catch {
        return []; // unreadable with this key: the patterns are still scrubbed
      }
    });
    return (s) => names.reduce((out, name) => out.split(name).join('[name]'), scrubPersonalData(s));
  }

  /** The citizen's own words on the timeline go; what staff wrote stays, scrubbed. */
  private async scrubStaffTexts(caseId: string, scrub: (s: string) => string): Promise<void> {
    await this.tx.caseEvent.updateMany({ where: { caseId, actorType: 'citizen', note: { not: null } }, data: { note: null } });
    for (const e of await this.tx.caseEvent.findMany({ where: { caseId, actorType: { not: 'citizen' }, note: { not: null } }, select: { id: true, note: true } })) {
      await this.tx.caseEvent.update({ where: { id: e.id }, data: { note: scrub(e.note!) } });
    }
    for (const h of await this.tx.caseHolding.findMany({ where: { caseId, reason: { not: null } }, select: { id: true, reason: true } })) {
      await this.tx.caseHolding.update({ where: { id: h.id }, data: { reason: scrub(h.reason!) } });
    }
    for (const n of await this.tx.superviseNotice.findMany({ where: { caseId }, select: { id: true, message: true, answer: true } })) {
      await this.tx.superviseNotice.update({ where: { id: n.id }, data: { message: scrub(n.message), answer: n.answer === null ? null : scrub(n.answer) } });
    }
    for (const p of await this.tx.casePlanStep.findMany({ where: { caseId, note: { not: null } }, select: { stepId: true, note: true } })) {
      await this.tx.casePlanStep.update({ where: { caseId_stepId: { caseId, stepId: p.stepId } }, data: { note: scrub(p.note!) } });
    }    // A written notice names the petitioner and quotes the case: its record (kind, dates, delivery) stays, the document goes.
    await this.tx.writtenNotice.updateMany({ where: { caseId }, data: { htmlEnc: this.cipher.encrypt(ERASED_NOTICE) } });
  }

  /** Bookings with no case whose reception day is before `beforeDay` (YYYY-MM-DD), at most `take`: erased; how many. */
  async eraseOldBookings(beforeDay: string, now: Date, take: number): Promise<number> {
    const rows = await this.tx.receptionBooking.findMany({
      where: { caseId: null, anonymizedAt: null, day: { lt: beforeDay } },
      orderBy: [{ day: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true },
    });
    return rows.length ? this.eraseBookings({ id: { in: rows.map((r) => r.id) } }, now) : 0;
  }

  private async eraseBookings(where: Prisma.ReceptionBookingWhereInput, now: Date): Promise<number> {
    const done = await this.tx.receptionBooking.updateMany({
      where: { AND: [where, { anonymizedAt: null }] },
      data: { anonymizedAt: now, nameEnc: null, phoneEnc: null, description: '', conversationId: null },
    });
    return done.count;
  }

  /** Conversations idle since before `before` that never filed a case and wait for no one, at most `take`. */
  idleConversations(before: Date, take: number): Promise<string[]> {
    return idleConversationIds(prismaQuery(this.tx), before, take);
  }

  /** Erases a conversation: its state, transcript and outbox (cascade) and the files it sent; the files to delete. */
  async eraseConversation(id: string): Promise<string[]> {
    const files = await this.dropAttachments({ conversationId: id, caseId: null });
    await this.tx.conversation.deleteMany({ where: { id } });
    return files;
  }

  /**
   * Forgets failed-attempt counters whose window began before `before` and whose lock is
   * over: their keys name chat identities, cases and addresses. An account's used TOTP
   * steps and the lockout of unknown usernames (kept like an account's) stay.
   */
  purgeAttempts(before: Date, now: Date): Promise<number> {
    return purgeAttempts(prismaQuery(this.tx), before, now);
  }

  /** A petitioner shared with a case still kept stays for that case; otherwise the row goes. */
  private async dropPetitionerIfUnused(petitionerId: string): Promise<void> {
    const others = await this.tx.case.count({ where: { petitionerId } });
    if (others === 0) await this.tx.petitioner.delete({ where: { id: petitionerId } });
  }

  private async dropAttachments(where: Prisma.AttachmentWhereInput): Promise<string[]> {
    const rows = await this.tx.attachment.findMany({ where, select: { storagePath: true } });
    if (rows.length === 0) return [];
    await this.tx.attachment.deleteMany({ where });
    const paths = [...new Set(rows.map((r) => r.storagePath))];
    // Files are stored once per content: keep one another row still refers to.
    const still = await this.tx.attachment.findMany({ where: { storagePath: { in: paths } }, select: { storagePath: true } });
    const kept = new Set(still.map((r) => r.storagePath));
    return paths.filter((p) => !kept.has(p));
  }

  /**
   * The conversation's messages up to the case's closing. Another case of the same
   * conversation that is still kept and began before that keeps the transcript for
   * now; its own anonymisation erases it later.
   */
  private async eraseTranscript(c: RetentionCase): Promise<{ messages: number; files: string[] }> {
    const conversationId = c.conversationId!;
    const overlapping = await this.tx.case.count({
      where: { conversationId, id: { not: c.id }, anonymizedAt: null, createdAt: { lte: c.closedAt } },
    });
    if (overlapping > 0) return { messages: 0, files: [] };
    const deleted = await this.tx.message.deleteMany({ where: { conversationId, at: { lte: c.closedAt } } });
    // Material sent in that chat but never attached to a case goes with the transcript.
    const files = await this.dropAttachments({ conversationId, caseId: null, createdAt: { lte: c.closedAt } });
    return { messages: deleted.count, files };
  }

  /** Stored files written before files were sealed (names without SEALED_SUFFIX), at most `take`, in no order (one that fails does not block the rest). */
  plainFiles(take: number): Promise<string[]> {
    return unsealedFiles(prismaQuery(this.tx), SEALED_SUFFIX, take);
  }

  /** Points every row of a stored file at its sealed copy. */
  async movePath(from: string, to: string): Promise<void> {
    await this.tx.attachment.updateMany({ where: { storagePath: from }, data: { storagePath: to } });
  }

  /**
   * A conversation whose transcript is now empty forgets its dialogue state too (it
   * may hold slots and the last query code); sealed like the conversation store does.
   */
  async resetIdleConversation(conversationId: string): Promise<void> {
    if ((await this.tx.message.count({ where: { conversationId } })) > 0) return;
    const conv = await this.tx.conversation.findUnique({ where: { id: conversationId }, select: { locale: true } });
    if (!conv) return;
    const state = { enc: this.cipher.encrypt(JSON.stringify(initialState(conv.locale === 'en' ? 'en' : 'zh'))) };
    await this.tx.conversation.updateMany({ where: { id: conversationId }, data: { state, version: { increment: 1 } } });
  }
}
