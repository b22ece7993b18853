/**
 * Conversations: encrypted state and transcript, versioned saves. A chat turn's own
 * statements go through the driver under Prisma, as few as possible (one read, one
 * write for a turn that files nothing); staff writes and reads go through Prisma.
 */
import { randomUUID } from 'node:crypto';
import { isProcessed } from '../sql/inbound-keys.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { EXPECTING, initialState, type ConversationState } from '../../ports/conversation-ports.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import { ConversationConflictError, DuplicateInboundError, type ConversationRecord, type ConversationStore, type StaffWrite, type TranscriptEntry, type TurnStart, type TurnWrite, type TurnTransaction } from '../../ports/conversation-ports.ts';
import type { SqlClient } from '../open-store.ts';
import { insertCase, nextCaseSequence } from '../sql/insert-case.ts';
import { linkNewCase } from '../sql/link-new-case.ts';
import { sqlState, valuesRows, type SqlQuery } from '../sql/sql-exec.ts';
import { handoffMessage } from './alert-repository.ts';

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
type TurnRow = Row & { processed: boolean; staffBound: boolean };
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export class PrismaConversationStore implements ConversationStore {
  constructor(
    private readonly prisma: PrismaClient,
    /**
     * The driver under Prisma, for the statements of every chat turn: through Prisma
     * each costs ~0.3–0.5 ms of CPU, through the driver ~0.05–0.09 ms (README, Performance).
     */
    private readonly sql: SqlClient,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async beginTurn(channel: string, channelUserId: string, initial: ConversationState, inboundKey: string | null): Promise<TurnStart> {
    let [row] = await this.sql.query<TurnRow>(`${TURN_READ} WHERE c.channel = $2 AND c.channel_user_id = $3`, [inboundKey, channel, channelUserId]);
    if (!row) {
      // First contact; a concurrent first message of the same chat may win the insert.
      const now = new Date();
      await this.sql.query(
        `INSERT INTO conversations (id, channel, channel_user_id, locale, state, version, created_at, updated_at)
         VALUES ($1::uuid, $2, $3, $4, $5::text::jsonb, 0, $6, $6) ON CONFLICT (channel, channel_user_id) DO NOTHING`,
        [randomUUID(), channel, channelUserId, initial.locale, JSON.stringify(this.seal(initial)), now],
      );
      [row] = await this.sql.query<TurnRow>(`${TURN_READ} WHERE c.channel = $2 AND c.channel_user_id = $3`, [inboundKey, channel, channelUserId]);
    }
    const { processed, staffBound, ...conv } = row!;
    return { conversation: this.toRecord(conv), processed, staffBound };
  }

  async open(channel: string, channelUserId: string, initial: ConversationState): Promise<ConversationRecord> {
    return (await this.beginTurn(channel, channelUserId, initial, null)).conversation;
  }

  async saveTurn(id: string, expectedVersion: number, write: TurnWrite): Promise<void> {
    // A hand-over raises a staff alert: those few turns take the transaction. Every
    // other turn is one statement, atomic by itself, claim included.
    if (write.handoff) return this.commitTurn(id, expectedVersion, async () => write);
    if (!(await this.writeTurn(this.sql, id, write, expectedVersion))) throw new ConversationConflictError();
  }

  async commitTurn(id: string, expectedVersion: number, build: (tx: TurnTransaction) => Promise<TurnWrite>): Promise<void> {
    // Through the driver, one statement per step: a filing's steps run one after another,
    // and each costs a round trip that waits its turn under load.
    await this.sql.transaction(async (q) => {
      // Claim the version first: a concurrent turn fails here before it writes anything.
      const [conv] = await q.query<{ channel: string; waiting: boolean }>(
        `UPDATE conversations SET version = $2, updated_at = $3 WHERE id = $1::uuid AND version = $4
         RETURNING channel, waiting_since IS NOT NULL AS waiting`,
        [id, expectedVersion + 1, new Date(), expectedVersion],
      );
      if (!conv) throw new ConversationConflictError();
      const write = await build({
        createCase: async (input) => {
          const created = await insertCase(q, this.cipher, input, { attachmentsFrom: id });
          // Repeat and related petitions are linked in the same commit as the case.
          await linkNewCase(q, created.id);
          return created;
        },
      });
      // A chat that starts waiting (not one already waiting) raises one staff alert, in this commit.
      const alert = write.handoff && !conv.waiting ? write.handoff : null;
      if (alert) {
        await q.query(
          `INSERT INTO alerts (id, at, kind, dedupe_key, conversation_id, message) VALUES ($1::uuid, $2, 'handoff', $3, $4::uuid, $5)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [randomUUID(), alert.at, `handoff:${id}:${alert.at.toISOString()}`, id, handoffMessage(alert.reason, conv.channel)],
        );
      }
      await this.writeTurn(q, id, write, null);
    });
  }

  /**
   * The turn's own rows in one statement: state, transcript, inbound key, audit. With
   * `claimVersion` it also claims the version (false when no longer at it); otherwise
   * the caller's transaction has claimed it already. A concurrent redelivery of the
   * same inbound key fails the whole statement on the primary key.
   */
  private async writeTurn(q: SqlQuery, id: string, write: TurnWrite, claimVersion: number | null): Promise<boolean> {
    const params: unknown[] = [id, new Date(), JSON.stringify(this.seal(write.state)), write.state.locale, write.inboundKey, write.handoff?.reason ?? null, write.handoff?.at ?? null, write.withdrawHandoff === true];
    let version = '';
    let where = 'WHERE id = $1::uuid';
    if (claimVersion !== null) {
      version = `, version = $${params.push(claimVersion + 1)}::int`;
      where += ` AND version = $${params.push(claimVersion)}::int`;
    }
    const messages = valuesRows(
      params,
      write.messages.map((m) => [randomUUID(), m.at, m.direction, m.author, this.cipher.encrypt(m.text), m.payload ?? null, m.delivery ?? null]),
      ['uuid', 'timestamptz', 'text', 'text', 'text', 'text', 'text'],
    );
    const audit = valuesRows(
      params,
      write.audit.map((a) => [randomUUID(), a.action, `conversation:${id}`, JSON.stringify({ detail: a.detail })]),
      ['uuid', 'text', 'text', 'text'],
    );
    // Data-modifying CTEs all run, whether or not the final SELECT reads them; nothing
    // is written unless the update matched.
    const sql = `
      WITH claim AS (
        UPDATE conversations SET updated_at = $2, state = $3::text::jsonb, locale = $4::text,
               handoff_reason = CASE WHEN $8::boolean AND staff_id IS NULL THEN NULL ELSE coalesce($6::text, handoff_reason) END,
               waiting_since = CASE WHEN $8::boolean AND staff_id IS NULL THEN NULL ELSE coalesce($7::timestamptz, waiting_since) END${version}
        ${where}
        RETURNING id
      ), inbound AS (
        INSERT INTO processed_inbound (key) SELECT $5::text FROM claim WHERE $5::text IS NOT NULL
      )${
        messages
          ? `, msgs AS (
        INSERT INTO messages (id, conversation_id, at, direction, author, text, payload, delivery)
        SELECT v.id, claim.id, v.at, v.direction, v.author, v.text, v.payload, v.delivery
        FROM claim, (VALUES ${messages}) AS v(id, at, direction, author, text, payload, delivery)
      )`
          : ''
      }${
        audit
          ? `, audit AS (
        INSERT INTO audit_log (id, at, actor_id, action, target, data)
        SELECT v.id, $2, NULL, v.action, v.target, v.data::jsonb FROM claim, (VALUES ${audit}) AS v(id, action, target, data)
      )`
          : ''
      }
      SELECT claim.id FROM claim`;
    try {
      return (await q.query<{ id: string }>(sql, params)).length > 0;
    } catch (err) {
      if (write.inboundKey && sqlState(err) === '23505') throw new DuplicateInboundError(write.inboundKey);
      throw err;
    }
  }

  async find(channel: string, channelUserId: string): Promise<ConversationRecord | null> {
    const row = await this.prisma.conversation.findUnique({ where: { channel_channelUserId: { channel, channelUserId } } });
    return row ? this.toRecord(row) : null;
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
    return isProcessed(this.sql, inboundKey);
  }

  reserveCaseSequence(localDate: string): Promise<number> {
    return nextCaseSequence(this.sql, localDate);
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

  private seal(state: ConversationState): { enc: string } {
    return { enc: this.cipher.encrypt(JSON.stringify(state)) };
  }

  private open_(stored: unknown): ConversationState {
    const enc = (stored as { enc?: unknown } | null)?.enc;
    if (typeof enc !== 'string') return initialState();
    const s = JSON.parse(this.cipher.decrypt(enc)) as ConversationState;
    // A state written by another version of the engine: keep only what is still valid.
    if (((s as { v: number }).v !== 1 && s.v !== 2) || (s.expecting !== null && !(EXPECTING as readonly string[]).includes(s.expecting))) return initialState(s.locale);
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
 * The read that starts a chat turn: the conversation, whether the inbound delivery
 * ($1, may be null) was processed already, and whether a staff account is bound to
 * the chat (only then is the grid worker looked up).
 */
const TURN_READ = `
  SELECT c.id::text AS id, c.channel, c.channel_user_id AS "channelUserId", c.state, c.version, c.handoff_reason AS "handoffReason",
         c.waiting_since AS "waitingSince", c.staff_id::text AS "staffId", c.claimed_at AS "claimedAt", c.case_number AS "caseNumber",
         EXISTS (SELECT 1 FROM processed_inbound p WHERE p.key = $1::text) AS processed,
         EXISTS (SELECT 1 FROM staff_chat_bindings b WHERE b.channel = c.channel AND b.channel_user_id = c.channel_user_id) AS "staffBound"
  FROM conversations c`;
