/** Conversations in Prisma: encrypted state and transcript, versioned saves. */
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { Signal, Signals } from '../signals.ts';
import { EXPECTING, initialState, type ConversationState } from '../../dialog/types.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { ConversationConflictError, DuplicateInboundError, type ConversationRecord, type ConversationStore, type StaffWrite, type TranscriptEntry, type TurnWrite, type TurnTransaction } from '../conversation-ports.ts';
import type { PrismaCaseRepository } from './case-repository.ts';
import { isUniqueViolation } from './case-repository.ts';
import { PrismaAttachmentRepository } from './attachment-repository.ts';
import { PrismaCaseLinkRepository } from './case-link-repository.ts';
import { handoffMessage, PrismaAlertRepository } from './alert-repository.ts';

type Row = {
  id: string;
  channel: string;
  channelUserId: string;
  state: unknown;
  version: number;
  handoffReason: string | null;
  waitingSince: Date | null;
  staffId: string | null;
  claimedAt: Date | null;
  caseNumber: string | null;
};
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * A turn waits up to 10 s for a connection and may run 20 s (Prisma's defaults, 2 s and
 * 5 s, turned bursts of filings into errors on a loaded machine); beyond that the
 * client gets a 503 and retries.
 */
const TURN_TX_LIMITS = { maxWait: 10_000, timeout: 20_000 } as const;

export class PrismaConversationStore implements ConversationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: PersonalDataCipher,
    private readonly cases: PrismaCaseRepository,
    /** Signals for the turn's raw writes, which the store's observing client does not see. */
    private readonly signals?: Signals,
  ) {}

  async open(channel: string, channelUserId: string, initial: ConversationState): Promise<ConversationRecord> {
    const where = { channel_channelUserId: { channel, channelUserId } };
    const found = await this.find(channel, channelUserId);
    if (found) return this.toRecord(found);
    try {
      const row = await this.prisma.conversation.create({
        data: { channel, channelUserId, locale: initial.locale, state: this.seal(initial) },
      });
      return this.toRecord(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.toRecord((await this.prisma.conversation.findUnique({ where }))!);
    }
  }

  async commitTurn(id: string, expectedVersion: number, build: (tx: TurnTransaction) => Promise<TurnWrite>): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Claim the version first: a concurrent turn fails here before it writes anything.
      // The turn's own writes are raw SQL: they run on every turn, and Prisma's query
      // compiler cost more CPU than the statements (benchmark profile); their signals
      // are sent explicitly below.
      const [conv] = await tx.$queryRaw<{ channel: string; waiting: boolean }[]>`
        UPDATE conversations SET version = ${expectedVersion + 1}, updated_at = ${new Date()}
        WHERE id = ${id}::uuid AND version = ${expectedVersion}
        RETURNING channel, waiting_since IS NOT NULL AS waiting`;
      if (!conv) throw new ConversationConflictError();
      const write = await build({
        createCase: async (input) => {
          const created = await this.cases.createIn(tx, input);
          await PrismaAttachmentRepository.linkPending(tx, id, created.id);
          // Repeat and related petitions are linked in the same commit as the case.
          await PrismaCaseLinkRepository.linkNewCaseIn(tx, created.id);
          return created;
        },
      });
      if (write.inboundKey) {
        // The primary key makes a concurrent second delivery fail and roll back here.
        const inserted = await tx.$executeRaw`INSERT INTO processed_inbound (key) VALUES (${write.inboundKey}) ON CONFLICT DO NOTHING`;
        if (inserted !== 1) throw new DuplicateInboundError(write.inboundKey);
      }
      if (write.handoff) {
        // A chat that starts waiting (not one already waiting) raises one staff alert, in this commit.
        if (!conv.waiting) {
          await PrismaAlertRepository.raiseIn(tx, {
            kind: 'handoff',
            dedupeKey: `handoff:${id}:${write.handoff.at.toISOString()}`,
            conversationId: id,
            message: handoffMessage(write.handoff.reason, conv.channel),
            at: write.handoff.at,
          });
        }
      }
      const state = JSON.stringify(this.seal(write.state));
      await (write.handoff
        ? tx.$executeRaw`UPDATE conversations SET state = ${state}::jsonb, locale = ${write.state.locale}, handoff_reason = ${write.handoff.reason}, waiting_since = ${write.handoff.at} WHERE id = ${id}::uuid`
        : tx.$executeRaw`UPDATE conversations SET state = ${state}::jsonb, locale = ${write.state.locale} WHERE id = ${id}::uuid`);
      await this.insertMessages(tx, id, write.messages);
      await this.signals?.notifyIn(tx, turnSignals(id, conv, write));
      for (const a of write.audit) {
        await tx.auditLog.create({ data: { actorId: null, action: a.action, target: `conversation:${id}`, data: { detail: a.detail } } });
      }
    }, TURN_TX_LIMITS);
  }

  async get(id: string): Promise<ConversationRecord | null> {
    const row = await this.prisma.conversation.findUnique({ where: { id } });
    return row ? this.toRecord(row) : null;
  }

  async updateState(id: string, expectedVersion: number, write: StaffWrite): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const holder = write.holder === undefined ? {} : { staffId: write.holder?.staffId ?? null, claimedAt: write.holder?.at ?? null };
      const waiting = write.waiting === null ? { handoffReason: null, waitingSince: null } : {};
      const claimed = await tx.conversation.updateMany({
        where: { id, version: expectedVersion },
        data: {
          version: expectedVersion + 1,
          state: this.seal(write.state),
          locale: write.state.locale,
          ...holder,
          ...waiting,
          ...(write.caseNumber !== undefined ? { caseNumber: write.caseNumber } : {}),
        },
      });
      if (claimed.count !== 1) throw new ConversationConflictError();
      await this.addMessages(tx, id, write.messages);
      for (const a of write.audit) {
        await tx.auditLog.create({ data: { actorId: a.actorId, action: a.action, target: `conversation:${id}`, data: { detail: a.detail } } });
      }
    });
  }

  async transcript(id: string, limit: number): Promise<TranscriptEntry[]> {
    const rows = await this.prisma.message.findMany({ where: { conversationId: id }, orderBy: { at: 'desc' }, take: limit });
    return rows.reverse().map((m) => ({
      direction: m.direction === 'out' ? 'out' : 'in',
      author: m.author as TranscriptEntry['author'],
      text: this.cipher.decrypt(m.text),
      payload: m.payload,
      at: m.at,
    }));
  }

  async isProcessed(inboundKey: string): Promise<boolean> {
    // Raw SQL: on every Telegram and web turn (see the claim in commitTurn).
    const rows = await this.prisma.$queryRaw<unknown[]>`SELECT 1 FROM processed_inbound WHERE key = ${inboundKey} LIMIT 1`;
    return rows.length > 0;
  }

  reserveCaseSequence(localDate: string): Promise<number> {
    return this.cases.reserveSequence(localDate);
  }

  private async insertMessages(tx: Tx, id: string, messages: readonly TranscriptEntry[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map(
      (m) => Prisma.sql`(${randomUUID()}::uuid, ${id}::uuid, ${m.at}, ${m.direction}, ${m.author}, ${this.cipher.encrypt(m.text)}, ${m.payload ?? null}, ${m.delivery ?? null})`,
    );
    await tx.$executeRaw`INSERT INTO messages (id, conversation_id, at, direction, author, text, payload, delivery) VALUES ${Prisma.join(rows)}`;
  }

  private async addMessages(tx: Tx, id: string, messages: readonly TranscriptEntry[]): Promise<void> {
    if (messages.length === 0) return;
    await tx.message.createMany({
      data: messages.map((m) => ({
        conversationId: id,
        at: m.at,
        direction: m.direction,
        author: m.author,
        text: this.cipher.encrypt(m.text),
        payload: m.payload,
        delivery: m.delivery ?? null,
      })),
    });
  }

  /** The one read of every chat turn, in raw SQL for the same reason as the version claim. */
  private async find(channel: string, channelUserId: string): Promise<Row | null> {
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT id::text AS id, channel, channel_user_id AS "channelUserId", state, version, handoff_reason AS "handoffReason",
             waiting_since AS "waitingSince", staff_id::text AS "staffId", claimed_at AS "claimedAt", case_number AS "caseNumber"
      FROM conversations WHERE channel = ${channel} AND channel_user_id = ${channelUserId}`;
    return rows[0] ?? null;
  }

  private seal(state: ConversationState): { enc: string } {
    return { enc: this.cipher.encrypt(JSON.stringify(state)) };
  }

  private open_(stored: unknown): ConversationState {
    const enc = (stored as { enc?: unknown } | null)?.enc;
    if (typeof enc !== 'string') return initialState();
    const s = JSON.parse(this.cipher.decrypt(enc)) as ConversationState;
    // A state written by another version of the engine: keep only what is still valid.
    if (s.v !== 1 || (s.expecting !== null && !(EXPECTING as readonly string[]).includes(s.expecting))) return initialState(s.locale);
    return s;
  }

  private toRecord(r: Row): ConversationRecord {
    return {
      id: r.id,
      channel: r.channel,
      channelUserId: r.channelUserId,
      state: this.open_(r.state),
      version: r.version,
      handoffReason: r.handoffReason,
      waitingSince: r.waitingSince,
      staffId: r.staffId,
      claimedAt: r.claimedAt,
      caseNumber: r.caseNumber,
    };
  }
}

/**
 * What other processes must hear about a turn: pushed replies (outbox, for the channel's
 * sender) and a change to the staff inbox (a hand-over, or a message in a waiting chat).
 */
function turnSignals(id: string, conv: { channel: string; waiting: boolean }, write: TurnWrite): Signal[] {
  const out: Signal[] = [];
  if (write.messages.some((m) => m.delivery === 'pending')) out.push({ topic: 'outbox', payload: { conversationId: id, channel: conv.channel } });
  if (write.handoff || (conv.waiting && write.messages.length > 0)) out.push({ topic: 'inbox', payload: {} });
  return out;
}
