/**
 * A chat turn's statements on its conversation: the read that starts the turn, the
 * first contact's insert, the version claim of a turn that takes a transaction, and
 * the one statement that writes the turn's rows. They run on the driver (a chat turn)
 * or in a driver transaction (PrismaConversationStore.commitTurn).
 */
import { randomUUID } from 'node:crypto';
import type { ConversationRecord } from '../../ports/conversation-ports.ts';
import { valuesRows, type SqlQuery } from './sql-exec.ts';

/** A conversation's row: the port's record, its state as stored (sealed). */
export type ConversationRow = Omit<ConversationRecord, 'state'> & { state: unknown };

export interface TurnRow extends ConversationRow {
  processed: boolean;
  staffBound: boolean;
}

/**
 * The read that starts a chat turn: the conversation of the chat, whether the inbound
 * delivery `inboundKey` (may be null) was processed already, and whether a staff
 * account is bound to the chat (only then is the grid worker looked up).
 */
export async function readTurn(q: SqlQuery, channel: string, channelUserId: string, inboundKey: string | null): Promise<TurnRow | undefined> {
  const [row] = await q.query<TurnRow>(
    `SELECT c.id::text AS id, c.channel, c.channel_user_id AS "channelUserId", c.state, c.version, c.handoff_reason AS "handoffReason",
            c.waiting_since AS "waitingSince", c.staff_id::text AS "staffId", c.claimed_at AS "claimedAt", c.case_number AS "caseNumber",
            EXISTS (SELECT 1 FROM processed_inbound p WHERE p.key = $1::text) AS processed,
            EXISTS (SELECT 1 FROM staff_chat_bindings b WHERE b.channel = c.channel AND b.channel_user_id = c.channel_user_id) AS "staffBound"
     FROM conversations c WHERE c.channel = $2 AND c.channel_user_id = $3`,
    [inboundKey, channel, channelUserId],
  );
  return row;
}

/**
 * A chat's first contact: its conversation at version 0 with the sealed `state`. A
 * concurrent first message of the same chat may win the insert; this one then
 * inserts nothing.
 */
export async function insertConversation(q: SqlQuery, channel: string, channelUserId: string, locale: string, state: unknown, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO conversations (id, channel, channel_user_id, locale, state, version, created_at, updated_at)
     VALUES ($1::uuid, $2, $3, $4, $5::text::jsonb, 0, $6, $6) ON CONFLICT (channel, channel_user_id) DO NOTHING`,
    [randomUUID(), channel, channelUserId, locale, JSON.stringify(state), at],
  );
}

/**
 * Claims the next version of a conversation still at `expectedVersion` (the row stays
 * locked until the caller commits): its channel and whether it was waiting for staff,
 * or undefined when it is no longer at that version.
 */
export async function claimNextVersion(q: SqlQuery, id: string, expectedVersion: number, at: Date): Promise<{ channel: string; waiting: boolean } | undefined> {
  const [row] = await q.query<{ channel: string; waiting: boolean }>(
    `UPDATE conversations SET version = $2, updated_at = $3 WHERE id = $1::uuid AND version = $4
     RETURNING channel, waiting_since IS NOT NULL AS waiting`,
    [id, expectedVersion + 1, at, expectedVersion],
  );
  return row;
}

/** A transcript line of a turn, its text encrypted already. */
export interface TurnMessageRow {
  at: Date;
  direction: string;
  author: string;
  text: string;
  payload: string | null;
  delivery: string | null;
}

/** What a turn writes on its conversation. */
export interface TurnRowsWrite {
  at: Date;
  /** The sealed state. */
  state: unknown;
  locale: string;
  /** The inbound delivery the turn handled, recorded as processed (null: none). */
  inboundKey: string | null;
  /** A hand-over: the chat waits for staff from `handoffAt` (a chat already waiting keeps its own). */
  handoffReason: string | null;
  handoffAt: Date | null;
  /** The chat stops waiting, unless a staff member holds it. */
  withdrawHandoff: boolean;
  messages: readonly TurnMessageRow[];
  audit: readonly { action: string; detail: unknown }[];
}

/**
 * The turn's own rows in one statement: state, transcript, inbound key, audit. With
 * `claimVersion` it also claims the version (false when no longer at it); otherwise
 * the caller's transaction has claimed it already. A concurrent redelivery of the
 * same inbound key fails the whole statement on the primary key (SQLSTATE 23505).
 */
export async function writeTurnRows(q: SqlQuery, id: string, write: TurnRowsWrite, claimVersion: number | null): Promise<boolean> {
  const params: unknown[] = [id, write.at, JSON.stringify(write.state), write.locale, write.inboundKey, write.handoffReason, write.handoffAt, write.withdrawHandoff];
  let version = '';
  let where = 'WHERE id = $1::uuid';
  if (claimVersion !== null) {
    version = `, version = $${params.push(claimVersion + 1)}::int`;
    where += ` AND version = $${params.push(claimVersion)}::int`;
  }
  const messages = valuesRows(
    params,
    write.messages.map((m) => [randomUUID(), m.at, m.direction, m.author, m.text, m.payload, m.delivery]),
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
  return (await q.query<{ id: string }>(sql, params)).length > 0;
}
